# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_secl_global_optspecs
    string join \n output= q/quiet config= h/help V/version
end

function __fish_secl_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_secl_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_secl_using_subcommand
    set -l cmd (__fish_secl_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c secl -n "__fish_secl_needs_command" -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'Pretty JSON of the wire objects'"
complete -c secl -n "__fish_secl_needs_command" -l config -d 'Config file (TOML) [env: SECL_CONFIG]' -r -F
complete -c secl -n "__fish_secl_needs_command" -s q -l quiet -d 'Print only what scripts need (IDs, the token), no messages'
complete -c secl -n "__fish_secl_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c secl -n "__fish_secl_needs_command" -s V -l version -d 'Print version'
complete -c secl -n "__fish_secl_needs_command" -f -a "kbs" -d 'Administer a Key Broker Service'
complete -c secl -n "__fish_secl_needs_command" -f -a "hvs" -d 'Administer a Host Verification Service: hosts, flavors, trust reports'
complete -c secl -n "__fish_secl_needs_command" -f -a "wls" -d 'Administer a Workload Service: signed image flavors, tokens for workload agents'
complete -c secl -n "__fish_secl_needs_command" -f -a "image" -d 'Encrypt, decrypt and inspect container images (keys held in the KBS)'
complete -c secl -n "__fish_secl_needs_command" -f -a "keyprovider" -d 'ocicrypt key-provider command: skopeo/podman run `secl keyprovider` to wrap and unwrap layer keys (one JSON request on stdin, one answer on stdout)'
complete -c secl -n "__fish_secl_needs_command" -f -a "completions" -d 'Print a shell completion script to stdout'
complete -c secl -n "__fish_secl_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c secl -n "__fish_secl_using_subcommand kbs; and not __fish_seen_subcommand_from key import-saml import-tpm-identity trust-hvs cert policy token audit version help" -l kbs-url -d 'KBS base URL, e.g. https://kbs.example:9443 [env: SECL_KBS_URL]' -r
complete -c secl -n "__fish_secl_using_subcommand kbs; and not __fish_seen_subcommand_from key import-saml import-tpm-identity trust-hvs cert policy token audit version help" -l ca-cert -d 'PEM file with the CA certificate(s) that issued the KBS TLS certificate; only these are trusted [env: SECL_CA_CERT]' -r -F
complete -c secl -n "__fish_secl_using_subcommand kbs; and not __fish_seen_subcommand_from key import-saml import-tpm-identity trust-hvs cert policy token audit version help" -l token-file -d 'File holding the bearer token [env: SECL_KBS_TOKEN_FILE; or the token itself in SECL_KBS_TOKEN]' -r -F
complete -c secl -n "__fish_secl_using_subcommand kbs; and not __fish_seen_subcommand_from key import-saml import-tpm-identity trust-hvs cert policy token audit version help" -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'Pretty JSON of the wire objects'"
complete -c secl -n "__fish_secl_using_subcommand kbs; and not __fish_seen_subcommand_from key import-saml import-tpm-identity trust-hvs cert policy token audit version help" -l config -d 'Config file (TOML) [env: SECL_CONFIG]' -r -F
complete -c secl -n "__fish_secl_using_subcommand kbs; and not __fish_seen_subcommand_from key import-saml import-tpm-identity trust-hvs cert policy token audit version help" -s q -l quiet -d 'Print only what scripts need (IDs, the token), no messages'
complete -c secl -n "__fish_secl_using_subcommand kbs; and not __fish_seen_subcommand_from key import-saml import-tpm-identity trust-hvs cert policy token audit version help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c secl -n "__fish_secl_using_subcommand kbs; and not __fish_seen_subcommand_from key import-saml import-tpm-identity trust-hvs cert policy token audit version help" -s V -l version -d 'Print version'
complete -c secl -n "__fish_secl_using_subcommand kbs; and not __fish_seen_subcommand_from key import-saml import-tpm-identity trust-hvs cert policy token audit version help" -f -a "key" -d 'Create, list, show and delete keys'
complete -c secl -n "__fish_secl_using_subcommand kbs; and not __fish_seen_subcommand_from key import-saml import-tpm-identity trust-hvs cert policy token audit version help" -f -a "import-saml" -d 'Import a SAML signing certificate (chain) of the attestation service'
complete -c secl -n "__fish_secl_using_subcommand kbs; and not __fish_seen_subcommand_from key import-saml import-tpm-identity trust-hvs cert policy token audit version help" -f -a "import-tpm-identity" -d 'Import a TPM identity (Privacy CA) certificate (chain)'
complete -c secl -n "__fish_secl_using_subcommand kbs; and not __fish_seen_subcommand_from key import-saml import-tpm-identity trust-hvs cert policy token audit version help" -f -a "trust-hvs" -d 'Trust an HVS in one step: fetch its SAML signing certificate and its PrivacyCA over verified TLS and import both (certificates already imported are kept, not duplicated)'
complete -c secl -n "__fish_secl_using_subcommand kbs; and not __fish_seen_subcommand_from key import-saml import-tpm-identity trust-hvs cert policy token audit version help" -f -a "cert" -d 'List, show and delete imported certificates'
complete -c secl -n "__fish_secl_using_subcommand kbs; and not __fish_seen_subcommand_from key import-saml import-tpm-identity trust-hvs cert policy token audit version help" -f -a "policy" -d 'Manage key transfer policies'
complete -c secl -n "__fish_secl_using_subcommand kbs; and not __fish_seen_subcommand_from key import-saml import-tpm-identity trust-hvs cert policy token audit version help" -f -a "token" -d 'Manage bearer tokens'
complete -c secl -n "__fish_secl_using_subcommand kbs; and not __fish_seen_subcommand_from key import-saml import-tpm-identity trust-hvs cert policy token audit version help" -f -a "audit" -d 'Show the audit trail'
complete -c secl -n "__fish_secl_using_subcommand kbs; and not __fish_seen_subcommand_from key import-saml import-tpm-identity trust-hvs cert policy token audit version help" -f -a "version" -d 'Show the KBS version (needs no token)'
complete -c secl -n "__fish_secl_using_subcommand kbs; and not __fish_seen_subcommand_from key import-saml import-tpm-identity trust-hvs cert policy token audit version help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from key" -l kbs-url -d 'KBS base URL, e.g. https://kbs.example:9443 [env: SECL_KBS_URL]' -r
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from key" -l ca-cert -d 'PEM file with the CA certificate(s) that issued the KBS TLS certificate; only these are trusted [env: SECL_CA_CERT]' -r -F
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from key" -l token-file -d 'File holding the bearer token [env: SECL_KBS_TOKEN_FILE; or the token itself in SECL_KBS_TOKEN]' -r -F
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from key" -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'Pretty JSON of the wire objects'"
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from key" -l config -d 'Config file (TOML) [env: SECL_CONFIG]' -r -F
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from key" -s q -l quiet -d 'Print only what scripts need (IDs, the token), no messages'
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from key" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from key" -s V -l version -d 'Print version'
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from key" -f -a "create" -d 'Create a key in the KBS'
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from key" -f -a "list" -d 'List keys'
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from key" -f -a "show" -d 'Show one key'
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from key" -f -a "delete" -d 'Delete a key'
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from key" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from import-saml" -l kbs-url -d 'KBS base URL, e.g. https://kbs.example:9443 [env: SECL_KBS_URL]' -r
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from import-saml" -l ca-cert -d 'PEM file with the CA certificate(s) that issued the KBS TLS certificate; only these are trusted [env: SECL_CA_CERT]' -r -F
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from import-saml" -l token-file -d 'File holding the bearer token [env: SECL_KBS_TOKEN_FILE; or the token itself in SECL_KBS_TOKEN]' -r -F
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from import-saml" -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'Pretty JSON of the wire objects'"
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from import-saml" -l config -d 'Config file (TOML) [env: SECL_CONFIG]' -r -F
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from import-saml" -s q -l quiet -d 'Print only what scripts need (IDs, the token), no messages'
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from import-saml" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from import-saml" -s V -l version -d 'Print version'
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from import-tpm-identity" -l kbs-url -d 'KBS base URL, e.g. https://kbs.example:9443 [env: SECL_KBS_URL]' -r
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from import-tpm-identity" -l ca-cert -d 'PEM file with the CA certificate(s) that issued the KBS TLS certificate; only these are trusted [env: SECL_CA_CERT]' -r -F
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from import-tpm-identity" -l token-file -d 'File holding the bearer token [env: SECL_KBS_TOKEN_FILE; or the token itself in SECL_KBS_TOKEN]' -r -F
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from import-tpm-identity" -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'Pretty JSON of the wire objects'"
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from import-tpm-identity" -l config -d 'Config file (TOML) [env: SECL_CONFIG]' -r -F
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from import-tpm-identity" -s q -l quiet -d 'Print only what scripts need (IDs, the token), no messages'
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from import-tpm-identity" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from import-tpm-identity" -s V -l version -d 'Print version'
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from trust-hvs" -l hvs-url -d 'HVS base URL, e.g. https://hvs.example:8443/hvs/v2 [env: SECL_HVS_URL]' -r
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from trust-hvs" -l hvs-ca-cert -d 'PEM file with the CA certificate(s) that issued the HVS TLS certificate [env: SECL_HVS_CA_CERT]' -r -F
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from trust-hvs" -l kbs-url -d 'KBS base URL, e.g. https://kbs.example:9443 [env: SECL_KBS_URL]' -r
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from trust-hvs" -l ca-cert -d 'PEM file with the CA certificate(s) that issued the KBS TLS certificate; only these are trusted [env: SECL_CA_CERT]' -r -F
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from trust-hvs" -l token-file -d 'File holding the bearer token [env: SECL_KBS_TOKEN_FILE; or the token itself in SECL_KBS_TOKEN]' -r -F
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from trust-hvs" -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'Pretty JSON of the wire objects'"
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from trust-hvs" -l config -d 'Config file (TOML) [env: SECL_CONFIG]' -r -F
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from trust-hvs" -s q -l quiet -d 'Print only what scripts need (IDs, the token), no messages'
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from trust-hvs" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from trust-hvs" -s V -l version -d 'Print version'
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from cert" -l kbs-url -d 'KBS base URL, e.g. https://kbs.example:9443 [env: SECL_KBS_URL]' -r
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from cert" -l ca-cert -d 'PEM file with the CA certificate(s) that issued the KBS TLS certificate; only these are trusted [env: SECL_CA_CERT]' -r -F
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from cert" -l token-file -d 'File holding the bearer token [env: SECL_KBS_TOKEN_FILE; or the token itself in SECL_KBS_TOKEN]' -r -F
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from cert" -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'Pretty JSON of the wire objects'"
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from cert" -l config -d 'Config file (TOML) [env: SECL_CONFIG]' -r -F
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from cert" -s q -l quiet -d 'Print only what scripts need (IDs, the token), no messages'
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from cert" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from cert" -s V -l version -d 'Print version'
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from cert" -f -a "list" -d 'List imported certificates'
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from cert" -f -a "show" -d 'Show one certificate'
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from cert" -f -a "delete" -d 'Delete a certificate'
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from cert" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from policy" -l kbs-url -d 'KBS base URL, e.g. https://kbs.example:9443 [env: SECL_KBS_URL]' -r
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from policy" -l ca-cert -d 'PEM file with the CA certificate(s) that issued the KBS TLS certificate; only these are trusted [env: SECL_CA_CERT]' -r -F
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from policy" -l token-file -d 'File holding the bearer token [env: SECL_KBS_TOKEN_FILE; or the token itself in SECL_KBS_TOKEN]' -r -F
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from policy" -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'Pretty JSON of the wire objects'"
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from policy" -l config -d 'Config file (TOML) [env: SECL_CONFIG]' -r -F
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from policy" -s q -l quiet -d 'Print only what scripts need (IDs, the token), no messages'
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from policy" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from policy" -s V -l version -d 'Print version'
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from policy" -f -a "create" -d 'Create a key transfer policy'
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from policy" -f -a "list" -d 'List key transfer policies'
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from policy" -f -a "show" -d 'Show one key transfer policy'
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from policy" -f -a "update" -d 'Replace a key transfer policy'
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from policy" -f -a "delete" -d 'Delete a key transfer policy'
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from policy" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from token" -l kbs-url -d 'KBS base URL, e.g. https://kbs.example:9443 [env: SECL_KBS_URL]' -r
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from token" -l ca-cert -d 'PEM file with the CA certificate(s) that issued the KBS TLS certificate; only these are trusted [env: SECL_CA_CERT]' -r -F
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from token" -l token-file -d 'File holding the bearer token [env: SECL_KBS_TOKEN_FILE; or the token itself in SECL_KBS_TOKEN]' -r -F
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from token" -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'Pretty JSON of the wire objects'"
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from token" -l config -d 'Config file (TOML) [env: SECL_CONFIG]' -r -F
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from token" -s q -l quiet -d 'Print only what scripts need (IDs, the token), no messages'
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from token" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from token" -s V -l version -d 'Print version'
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from token" -f -a "create" -d 'Create a bearer token and print it (it is shown this once only)'
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from token" -f -a "list" -d 'List tokens (never their secret)'
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from token" -f -a "revoke" -d 'Revoke a token'
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from token" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from audit" -l after -d 'Only records after this sequence number' -r
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from audit" -l limit -d 'At most this many records' -r
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from audit" -l key -d 'Only records about this key' -r
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from audit" -l action -d 'Only records of this action, e.g. key.transfer' -r
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from audit" -l kbs-url -d 'KBS base URL, e.g. https://kbs.example:9443 [env: SECL_KBS_URL]' -r
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from audit" -l ca-cert -d 'PEM file with the CA certificate(s) that issued the KBS TLS certificate; only these are trusted [env: SECL_CA_CERT]' -r -F
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from audit" -l token-file -d 'File holding the bearer token [env: SECL_KBS_TOKEN_FILE; or the token itself in SECL_KBS_TOKEN]' -r -F
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from audit" -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'Pretty JSON of the wire objects'"
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from audit" -l config -d 'Config file (TOML) [env: SECL_CONFIG]' -r -F
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from audit" -s q -l quiet -d 'Print only what scripts need (IDs, the token), no messages'
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from audit" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from audit" -s V -l version -d 'Print version'
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from version" -l kbs-url -d 'KBS base URL, e.g. https://kbs.example:9443 [env: SECL_KBS_URL]' -r
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from version" -l ca-cert -d 'PEM file with the CA certificate(s) that issued the KBS TLS certificate; only these are trusted [env: SECL_CA_CERT]' -r -F
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from version" -l token-file -d 'File holding the bearer token [env: SECL_KBS_TOKEN_FILE; or the token itself in SECL_KBS_TOKEN]' -r -F
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from version" -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'Pretty JSON of the wire objects'"
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from version" -l config -d 'Config file (TOML) [env: SECL_CONFIG]' -r -F
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from version" -s q -l quiet -d 'Print only what scripts need (IDs, the token), no messages'
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from version" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from version" -s V -l version -d 'Print version'
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from help" -f -a "key" -d 'Create, list, show and delete keys'
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from help" -f -a "import-saml" -d 'Import a SAML signing certificate (chain) of the attestation service'
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from help" -f -a "import-tpm-identity" -d 'Import a TPM identity (Privacy CA) certificate (chain)'
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from help" -f -a "trust-hvs" -d 'Trust an HVS in one step: fetch its SAML signing certificate and its PrivacyCA over verified TLS and import both (certificates already imported are kept, not duplicated)'
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from help" -f -a "cert" -d 'List, show and delete imported certificates'
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from help" -f -a "policy" -d 'Manage key transfer policies'
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from help" -f -a "token" -d 'Manage bearer tokens'
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from help" -f -a "audit" -d 'Show the audit trail'
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from help" -f -a "version" -d 'Show the KBS version (needs no token)'
complete -c secl -n "__fish_secl_using_subcommand kbs; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c secl -n "__fish_secl_using_subcommand hvs; and not __fish_seen_subcommand_from host flavor flavorgroup report tag ek token ca-cert version help" -l hvs-url -d 'HVS base URL, e.g. https://hvs.example:8443 [env: SECL_HVS_URL]' -r
complete -c secl -n "__fish_secl_using_subcommand hvs; and not __fish_seen_subcommand_from host flavor flavorgroup report tag ek token ca-cert version help" -l hvs-ca-cert -d 'PEM file with the CA certificate(s) that issued the HVS TLS certificate; only these are trusted [env: SECL_HVS_CA_CERT]' -r -F
complete -c secl -n "__fish_secl_using_subcommand hvs; and not __fish_seen_subcommand_from host flavor flavorgroup report tag ek token ca-cert version help" -l hvs-token-file -d 'File holding the HVS admin token [env: SECL_HVS_TOKEN_FILE; or the token itself in SECL_HVS_TOKEN]' -r -F
complete -c secl -n "__fish_secl_using_subcommand hvs; and not __fish_seen_subcommand_from host flavor flavorgroup report tag ek token ca-cert version help" -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'Pretty JSON of the wire objects'"
complete -c secl -n "__fish_secl_using_subcommand hvs; and not __fish_seen_subcommand_from host flavor flavorgroup report tag ek token ca-cert version help" -l config -d 'Config file (TOML) [env: SECL_CONFIG]' -r -F
complete -c secl -n "__fish_secl_using_subcommand hvs; and not __fish_seen_subcommand_from host flavor flavorgroup report tag ek token ca-cert version help" -s q -l quiet -d 'Print only what scripts need (IDs, the token), no messages'
complete -c secl -n "__fish_secl_using_subcommand hvs; and not __fish_seen_subcommand_from host flavor flavorgroup report tag ek token ca-cert version help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c secl -n "__fish_secl_using_subcommand hvs; and not __fish_seen_subcommand_from host flavor flavorgroup report tag ek token ca-cert version help" -s V -l version -d 'Print version'
complete -c secl -n "__fish_secl_using_subcommand hvs; and not __fish_seen_subcommand_from host flavor flavorgroup report tag ek token ca-cert version help" -f -a "host" -d 'Register, list, show and delete hosts (machines running secl-wla)'
complete -c secl -n "__fish_secl_using_subcommand hvs; and not __fish_seen_subcommand_from host flavor flavorgroup report tag ek token ca-cert version help" -f -a "flavor" -d 'Create, import, list, show and delete flavors (expected PCR values)'
complete -c secl -n "__fish_secl_using_subcommand hvs; and not __fish_seen_subcommand_from host flavor flavorgroup report tag ek token ca-cert version help" -f -a "flavorgroup" -d 'Create, list, show and delete flavor groups and their match policies'
complete -c secl -n "__fish_secl_using_subcommand hvs; and not __fish_seen_subcommand_from host flavor flavorgroup report tag ek token ca-cert version help" -f -a "report" -d 'Attest a host now, or list stored trust reports'
complete -c secl -n "__fish_secl_using_subcommand hvs; and not __fish_seen_subcommand_from host flavor flavorgroup report tag ek token ca-cert version help" -f -a "tag" -d 'Asset tags: create tag certificates for a host, deploy them into its TPM'
complete -c secl -n "__fish_secl_using_subcommand hvs; and not __fish_seen_subcommand_from host flavor flavorgroup report tag ek token ca-cert version help" -f -a "ek" -d 'The EK registry: EK certificates admitted one by one (SecL\'s tpm-endorsements)'
complete -c secl -n "__fish_secl_using_subcommand hvs; and not __fish_seen_subcommand_from host flavor flavorgroup report tag ek token ca-cert version help" -f -a "token" -d 'Manage HVS bearer tokens (the WLS needs reports:create, a provisioning host aik_certificates:create and host_signing_key_certificates:create)'
complete -c secl -n "__fish_secl_using_subcommand hvs; and not __fish_seen_subcommand_from host flavor flavorgroup report tag ek token ca-cert version help" -f -a "ca-cert" -d 'Print the HVS CA certificates (needs no token)'
complete -c secl -n "__fish_secl_using_subcommand hvs; and not __fish_seen_subcommand_from host flavor flavorgroup report tag ek token ca-cert version help" -f -a "version" -d 'Show the HVS version (needs no token)'
complete -c secl -n "__fish_secl_using_subcommand hvs; and not __fish_seen_subcommand_from host flavor flavorgroup report tag ek token ca-cert version help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from host" -l hvs-url -d 'HVS base URL, e.g. https://hvs.example:8443 [env: SECL_HVS_URL]' -r
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from host" -l hvs-ca-cert -d 'PEM file with the CA certificate(s) that issued the HVS TLS certificate; only these are trusted [env: SECL_HVS_CA_CERT]' -r -F
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from host" -l hvs-token-file -d 'File holding the HVS admin token [env: SECL_HVS_TOKEN_FILE; or the token itself in SECL_HVS_TOKEN]' -r -F
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from host" -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'Pretty JSON of the wire objects'"
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from host" -l config -d 'Config file (TOML) [env: SECL_CONFIG]' -r -F
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from host" -s q -l quiet -d 'Print only what scripts need (IDs, the token), no messages'
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from host" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from host" -s V -l version -d 'Print version'
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from host" -f -a "add" -d 'Register a host: the HVS connects to its trust agent and records its identity'
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from host" -f -a "list" -d 'List hosts'
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from host" -f -a "show" -d 'Show one host'
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from host" -f -a "delete" -d 'Delete a host'
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from host" -f -a "flavorgroup" -d 'List, add, show and remove the flavor groups a host is verified against'
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from host" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from flavor" -l hvs-url -d 'HVS base URL, e.g. https://hvs.example:8443 [env: SECL_HVS_URL]' -r
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from flavor" -l hvs-ca-cert -d 'PEM file with the CA certificate(s) that issued the HVS TLS certificate; only these are trusted [env: SECL_HVS_CA_CERT]' -r -F
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from flavor" -l hvs-token-file -d 'File holding the HVS admin token [env: SECL_HVS_TOKEN_FILE; or the token itself in SECL_HVS_TOKEN]' -r -F
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from flavor" -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'Pretty JSON of the wire objects'"
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from flavor" -l config -d 'Config file (TOML) [env: SECL_CONFIG]' -r -F
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from flavor" -s q -l quiet -d 'Print only what scripts need (IDs, the token), no messages'
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from flavor" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from flavor" -s V -l version -d 'Print version'
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from flavor" -f -a "create" -d 'Create flavors from a registered host\'s current PCR values'
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from flavor" -f -a "import" -d 'Import one flavor from a JSON file ({"flavor_part", "pcrs": [{"index","value"}], ...})'
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from flavor" -f -a "list" -d 'List flavors'
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from flavor" -f -a "show" -d 'Show one flavor with its PCR values'
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from flavor" -f -a "delete" -d 'Delete a flavor'
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from flavor" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from flavorgroup" -l hvs-url -d 'HVS base URL, e.g. https://hvs.example:8443 [env: SECL_HVS_URL]' -r
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from flavorgroup" -l hvs-ca-cert -d 'PEM file with the CA certificate(s) that issued the HVS TLS certificate; only these are trusted [env: SECL_HVS_CA_CERT]' -r -F
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from flavorgroup" -l hvs-token-file -d 'File holding the HVS admin token [env: SECL_HVS_TOKEN_FILE; or the token itself in SECL_HVS_TOKEN]' -r -F
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from flavorgroup" -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'Pretty JSON of the wire objects'"
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from flavorgroup" -l config -d 'Config file (TOML) [env: SECL_CONFIG]' -r -F
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from flavorgroup" -s q -l quiet -d 'Print only what scripts need (IDs, the token), no messages'
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from flavorgroup" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from flavorgroup" -s V -l version -d 'Print version'
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from flavorgroup" -f -a "create" -d 'Create a flavor group with its match policies'
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from flavorgroup" -f -a "list" -d 'List flavor groups'
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from flavorgroup" -f -a "show" -d 'Show one flavor group (by ID or name) with its policies and flavors'
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from flavorgroup" -f -a "delete" -d 'Delete a flavor group (refused for automatic, host_unique and groups hosts use)'
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from flavorgroup" -f -a "add-flavor" -d 'Link a flavor to a flavor group'
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from flavorgroup" -f -a "remove-flavor" -d 'Unlink a flavor from a flavor group'
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from flavorgroup" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from report" -l hvs-url -d 'HVS base URL, e.g. https://hvs.example:8443 [env: SECL_HVS_URL]' -r
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from report" -l hvs-ca-cert -d 'PEM file with the CA certificate(s) that issued the HVS TLS certificate; only these are trusted [env: SECL_HVS_CA_CERT]' -r -F
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from report" -l hvs-token-file -d 'File holding the HVS admin token [env: SECL_HVS_TOKEN_FILE; or the token itself in SECL_HVS_TOKEN]' -r -F
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from report" -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'Pretty JSON of the wire objects'"
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from report" -l config -d 'Config file (TOML) [env: SECL_CONFIG]' -r -F
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from report" -s q -l quiet -d 'Print only what scripts need (IDs, the token), no messages'
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from report" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from report" -s V -l version -d 'Print version'
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from report" -f -a "create" -d 'Attest a host now and print its trust report'
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from report" -f -a "list" -d 'List stored reports (the latest per host unless --all)'
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from report" -f -a "show" -d 'Show one stored report'
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from report" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from tag" -l hvs-url -d 'HVS base URL, e.g. https://hvs.example:8443 [env: SECL_HVS_URL]' -r
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from tag" -l hvs-ca-cert -d 'PEM file with the CA certificate(s) that issued the HVS TLS certificate; only these are trusted [env: SECL_HVS_CA_CERT]' -r -F
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from tag" -l hvs-token-file -d 'File holding the HVS admin token [env: SECL_HVS_TOKEN_FILE; or the token itself in SECL_HVS_TOKEN]' -r -F
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from tag" -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'Pretty JSON of the wire objects'"
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from tag" -l config -d 'Config file (TOML) [env: SECL_CONFIG]' -r -F
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from tag" -s q -l quiet -d 'Print only what scripts need (IDs, the token), no messages'
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from tag" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from tag" -s V -l version -d 'Print version'
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from tag" -f -a "create" -d 'Create a tag certificate for a host (it is not deployed yet)'
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from tag" -f -a "list" -d 'List tag certificates'
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from tag" -f -a "show" -d 'Show one tag certificate with its tags'
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from tag" -f -a "delete" -d 'Delete a tag certificate (flavors made by deploying it stay)'
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from tag" -f -a "deploy" -d 'Write a tag certificate\'s digest into its host\'s TPM and give the host an ASSET_TAG flavor (needs tag_certificates:deploy)'
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from tag" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from ek" -l hvs-url -d 'HVS base URL, e.g. https://hvs.example:8443 [env: SECL_HVS_URL]' -r
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from ek" -l hvs-ca-cert -d 'PEM file with the CA certificate(s) that issued the HVS TLS certificate; only these are trusted [env: SECL_HVS_CA_CERT]' -r -F
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from ek" -l hvs-token-file -d 'File holding the HVS admin token [env: SECL_HVS_TOKEN_FILE; or the token itself in SECL_HVS_TOKEN]' -r -F
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from ek" -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'Pretty JSON of the wire objects'"
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from ek" -l config -d 'Config file (TOML) [env: SECL_CONFIG]' -r -F
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from ek" -s q -l quiet -d 'Print only what scripts need (IDs, the token), no messages'
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from ek" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from ek" -s V -l version -d 'Print version'
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from ek" -f -a "register" -d 'Register a host\'s EK certificate (needs tpm_endorsements:create)'
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from ek" -f -a "list" -d 'List registered EK certificates'
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from ek" -f -a "show" -d 'Show one registration with its certificate'
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from ek" -f -a "revoke" -d 'Mark a registration revoked: its EK is refused from now on, even with a trusted chain (needs tpm_endorsements:store)'
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from ek" -f -a "unrevoke" -d 'Clear a registration\'s revoked mark (needs tpm_endorsements:store)'
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from ek" -f -a "delete" -d 'Delete a registration (its EK is then judged by its chain alone)'
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from ek" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from token" -l hvs-url -d 'HVS base URL, e.g. https://hvs.example:8443 [env: SECL_HVS_URL]' -r
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from token" -l hvs-ca-cert -d 'PEM file with the CA certificate(s) that issued the HVS TLS certificate; only these are trusted [env: SECL_HVS_CA_CERT]' -r -F
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from token" -l hvs-token-file -d 'File holding the HVS admin token [env: SECL_HVS_TOKEN_FILE; or the token itself in SECL_HVS_TOKEN]' -r -F
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from token" -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'Pretty JSON of the wire objects'"
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from token" -l config -d 'Config file (TOML) [env: SECL_CONFIG]' -r -F
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from token" -s q -l quiet -d 'Print only what scripts need (IDs, the token), no messages'
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from token" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from token" -s V -l version -d 'Print version'
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from token" -f -a "create" -d 'Create a bearer token and print it (it is shown this once only)'
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from token" -f -a "list" -d 'List tokens (never their secret)'
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from token" -f -a "revoke" -d 'Revoke a token'
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from token" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from ca-cert" -l hvs-url -d 'HVS base URL, e.g. https://hvs.example:8443 [env: SECL_HVS_URL]' -r
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from ca-cert" -l hvs-ca-cert -d 'PEM file with the CA certificate(s) that issued the HVS TLS certificate; only these are trusted [env: SECL_HVS_CA_CERT]' -r -F
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from ca-cert" -l hvs-token-file -d 'File holding the HVS admin token [env: SECL_HVS_TOKEN_FILE; or the token itself in SECL_HVS_TOKEN]' -r -F
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from ca-cert" -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'Pretty JSON of the wire objects'"
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from ca-cert" -l config -d 'Config file (TOML) [env: SECL_CONFIG]' -r -F
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from ca-cert" -s q -l quiet -d 'Print only what scripts need (IDs, the token), no messages'
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from ca-cert" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from ca-cert" -s V -l version -d 'Print version'
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from ca-cert" -f -a "get" -d 'Print CA certificates as PEM (or JSON with --output json)'
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from ca-cert" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from version" -l hvs-url -d 'HVS base URL, e.g. https://hvs.example:8443 [env: SECL_HVS_URL]' -r
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from version" -l hvs-ca-cert -d 'PEM file with the CA certificate(s) that issued the HVS TLS certificate; only these are trusted [env: SECL_HVS_CA_CERT]' -r -F
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from version" -l hvs-token-file -d 'File holding the HVS admin token [env: SECL_HVS_TOKEN_FILE; or the token itself in SECL_HVS_TOKEN]' -r -F
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from version" -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'Pretty JSON of the wire objects'"
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from version" -l config -d 'Config file (TOML) [env: SECL_CONFIG]' -r -F
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from version" -s q -l quiet -d 'Print only what scripts need (IDs, the token), no messages'
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from version" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from version" -s V -l version -d 'Print version'
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from help" -f -a "host" -d 'Register, list, show and delete hosts (machines running secl-wla)'
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from help" -f -a "flavor" -d 'Create, import, list, show and delete flavors (expected PCR values)'
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from help" -f -a "flavorgroup" -d 'Create, list, show and delete flavor groups and their match policies'
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from help" -f -a "report" -d 'Attest a host now, or list stored trust reports'
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from help" -f -a "tag" -d 'Asset tags: create tag certificates for a host, deploy them into its TPM'
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from help" -f -a "ek" -d 'The EK registry: EK certificates admitted one by one (SecL\'s tpm-endorsements)'
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from help" -f -a "token" -d 'Manage HVS bearer tokens (the WLS needs reports:create, a provisioning host aik_certificates:create and host_signing_key_certificates:create)'
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from help" -f -a "ca-cert" -d 'Print the HVS CA certificates (needs no token)'
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from help" -f -a "version" -d 'Show the HVS version (needs no token)'
complete -c secl -n "__fish_secl_using_subcommand hvs; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c secl -n "__fish_secl_using_subcommand wls; and not __fish_seen_subcommand_from flavor token version help" -l wls-url -d 'WLS base URL, e.g. https://wls.example:5000 [env: SECL_WLS_URL]' -r
complete -c secl -n "__fish_secl_using_subcommand wls; and not __fish_seen_subcommand_from flavor token version help" -l wls-ca-cert -l wls-ca -d 'PEM file with the CA certificate(s) that issued the WLS TLS certificate; only these are trusted [env: SECL_WLS_CA_CERT]' -r -F
complete -c secl -n "__fish_secl_using_subcommand wls; and not __fish_seen_subcommand_from flavor token version help" -l wls-token-file -d 'File holding the WLS token [env: SECL_WLS_TOKEN_FILE; or the token itself in SECL_WLS_TOKEN]' -r -F
complete -c secl -n "__fish_secl_using_subcommand wls; and not __fish_seen_subcommand_from flavor token version help" -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'Pretty JSON of the wire objects'"
complete -c secl -n "__fish_secl_using_subcommand wls; and not __fish_seen_subcommand_from flavor token version help" -l config -d 'Config file (TOML) [env: SECL_CONFIG]' -r -F
complete -c secl -n "__fish_secl_using_subcommand wls; and not __fish_seen_subcommand_from flavor token version help" -s q -l quiet -d 'Print only what scripts need (IDs, the token), no messages'
complete -c secl -n "__fish_secl_using_subcommand wls; and not __fish_seen_subcommand_from flavor token version help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c secl -n "__fish_secl_using_subcommand wls; and not __fish_seen_subcommand_from flavor token version help" -s V -l version -d 'Print version'
complete -c secl -n "__fish_secl_using_subcommand wls; and not __fish_seen_subcommand_from flavor token version help" -f -a "flavor" -d 'Upload, list, show and delete signed image flavors'
complete -c secl -n "__fish_secl_using_subcommand wls; and not __fish_seen_subcommand_from flavor token version help" -f -a "token" -d 'Manage WLS bearer tokens (a workload agent needs keys:create)'
complete -c secl -n "__fish_secl_using_subcommand wls; and not __fish_seen_subcommand_from flavor token version help" -f -a "version" -d 'Show the WLS version (needs no token)'
complete -c secl -n "__fish_secl_using_subcommand wls; and not __fish_seen_subcommand_from flavor token version help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c secl -n "__fish_secl_using_subcommand wls; and __fish_seen_subcommand_from flavor" -l wls-url -d 'WLS base URL, e.g. https://wls.example:5000 [env: SECL_WLS_URL]' -r
complete -c secl -n "__fish_secl_using_subcommand wls; and __fish_seen_subcommand_from flavor" -l wls-ca-cert -l wls-ca -d 'PEM file with the CA certificate(s) that issued the WLS TLS certificate; only these are trusted [env: SECL_WLS_CA_CERT]' -r -F
complete -c secl -n "__fish_secl_using_subcommand wls; and __fish_seen_subcommand_from flavor" -l wls-token-file -d 'File holding the WLS token [env: SECL_WLS_TOKEN_FILE; or the token itself in SECL_WLS_TOKEN]' -r -F
complete -c secl -n "__fish_secl_using_subcommand wls; and __fish_seen_subcommand_from flavor" -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'Pretty JSON of the wire objects'"
complete -c secl -n "__fish_secl_using_subcommand wls; and __fish_seen_subcommand_from flavor" -l config -d 'Config file (TOML) [env: SECL_CONFIG]' -r -F
complete -c secl -n "__fish_secl_using_subcommand wls; and __fish_seen_subcommand_from flavor" -s q -l quiet -d 'Print only what scripts need (IDs, the token), no messages'
complete -c secl -n "__fish_secl_using_subcommand wls; and __fish_seen_subcommand_from flavor" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c secl -n "__fish_secl_using_subcommand wls; and __fish_seen_subcommand_from flavor" -s V -l version -d 'Print version'
complete -c secl -n "__fish_secl_using_subcommand wls; and __fish_seen_subcommand_from flavor" -f -a "upload" -d 'Upload a signed image flavor (as `secl image flavor create` writes it)'
complete -c secl -n "__fish_secl_using_subcommand wls; and __fish_seen_subcommand_from flavor" -f -a "list" -d 'List image flavors'
complete -c secl -n "__fish_secl_using_subcommand wls; and __fish_seen_subcommand_from flavor" -f -a "show" -d 'Show one image flavor'
complete -c secl -n "__fish_secl_using_subcommand wls; and __fish_seen_subcommand_from flavor" -f -a "delete" -d 'Delete an image flavor'
complete -c secl -n "__fish_secl_using_subcommand wls; and __fish_seen_subcommand_from flavor" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c secl -n "__fish_secl_using_subcommand wls; and __fish_seen_subcommand_from token" -l wls-url -d 'WLS base URL, e.g. https://wls.example:5000 [env: SECL_WLS_URL]' -r
complete -c secl -n "__fish_secl_using_subcommand wls; and __fish_seen_subcommand_from token" -l wls-ca-cert -l wls-ca -d 'PEM file with the CA certificate(s) that issued the WLS TLS certificate; only these are trusted [env: SECL_WLS_CA_CERT]' -r -F
complete -c secl -n "__fish_secl_using_subcommand wls; and __fish_seen_subcommand_from token" -l wls-token-file -d 'File holding the WLS token [env: SECL_WLS_TOKEN_FILE; or the token itself in SECL_WLS_TOKEN]' -r -F
complete -c secl -n "__fish_secl_using_subcommand wls; and __fish_seen_subcommand_from token" -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'Pretty JSON of the wire objects'"
complete -c secl -n "__fish_secl_using_subcommand wls; and __fish_seen_subcommand_from token" -l config -d 'Config file (TOML) [env: SECL_CONFIG]' -r -F
complete -c secl -n "__fish_secl_using_subcommand wls; and __fish_seen_subcommand_from token" -s q -l quiet -d 'Print only what scripts need (IDs, the token), no messages'
complete -c secl -n "__fish_secl_using_subcommand wls; and __fish_seen_subcommand_from token" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c secl -n "__fish_secl_using_subcommand wls; and __fish_seen_subcommand_from token" -s V -l version -d 'Print version'
complete -c secl -n "__fish_secl_using_subcommand wls; and __fish_seen_subcommand_from token" -f -a "create" -d 'Create a bearer token and print it (it is shown this once only)'
complete -c secl -n "__fish_secl_using_subcommand wls; and __fish_seen_subcommand_from token" -f -a "list" -d 'List tokens (never their secret)'
complete -c secl -n "__fish_secl_using_subcommand wls; and __fish_seen_subcommand_from token" -f -a "revoke" -d 'Revoke a token'
complete -c secl -n "__fish_secl_using_subcommand wls; and __fish_seen_subcommand_from token" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c secl -n "__fish_secl_using_subcommand wls; and __fish_seen_subcommand_from version" -l wls-url -d 'WLS base URL, e.g. https://wls.example:5000 [env: SECL_WLS_URL]' -r
complete -c secl -n "__fish_secl_using_subcommand wls; and __fish_seen_subcommand_from version" -l wls-ca-cert -l wls-ca -d 'PEM file with the CA certificate(s) that issued the WLS TLS certificate; only these are trusted [env: SECL_WLS_CA_CERT]' -r -F
complete -c secl -n "__fish_secl_using_subcommand wls; and __fish_seen_subcommand_from version" -l wls-token-file -d 'File holding the WLS token [env: SECL_WLS_TOKEN_FILE; or the token itself in SECL_WLS_TOKEN]' -r -F
complete -c secl -n "__fish_secl_using_subcommand wls; and __fish_seen_subcommand_from version" -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'Pretty JSON of the wire objects'"
complete -c secl -n "__fish_secl_using_subcommand wls; and __fish_seen_subcommand_from version" -l config -d 'Config file (TOML) [env: SECL_CONFIG]' -r -F
complete -c secl -n "__fish_secl_using_subcommand wls; and __fish_seen_subcommand_from version" -s q -l quiet -d 'Print only what scripts need (IDs, the token), no messages'
complete -c secl -n "__fish_secl_using_subcommand wls; and __fish_seen_subcommand_from version" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c secl -n "__fish_secl_using_subcommand wls; and __fish_seen_subcommand_from version" -s V -l version -d 'Print version'
complete -c secl -n "__fish_secl_using_subcommand wls; and __fish_seen_subcommand_from help" -f -a "flavor" -d 'Upload, list, show and delete signed image flavors'
complete -c secl -n "__fish_secl_using_subcommand wls; and __fish_seen_subcommand_from help" -f -a "token" -d 'Manage WLS bearer tokens (a workload agent needs keys:create)'
complete -c secl -n "__fish_secl_using_subcommand wls; and __fish_seen_subcommand_from help" -f -a "version" -d 'Show the WLS version (needs no token)'
complete -c secl -n "__fish_secl_using_subcommand wls; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c secl -n "__fish_secl_using_subcommand image; and not __fish_seen_subcommand_from encrypt decrypt inspect flavor help" -l kbs-url -d 'KBS base URL, e.g. https://kbs.example:9443 [env: SECL_KBS_URL]' -r
complete -c secl -n "__fish_secl_using_subcommand image; and not __fish_seen_subcommand_from encrypt decrypt inspect flavor help" -l ca-cert -d 'PEM file with the CA certificate(s) that issued the KBS TLS certificate; only these are trusted [env: SECL_CA_CERT]' -r -F
complete -c secl -n "__fish_secl_using_subcommand image; and not __fish_seen_subcommand_from encrypt decrypt inspect flavor help" -l token-file -d 'File holding the bearer token [env: SECL_KBS_TOKEN_FILE; or the token itself in SECL_KBS_TOKEN]' -r -F
complete -c secl -n "__fish_secl_using_subcommand image; and not __fish_seen_subcommand_from encrypt decrypt inspect flavor help" -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'Pretty JSON of the wire objects'"
complete -c secl -n "__fish_secl_using_subcommand image; and not __fish_seen_subcommand_from encrypt decrypt inspect flavor help" -l config -d 'Config file (TOML) [env: SECL_CONFIG]' -r -F
complete -c secl -n "__fish_secl_using_subcommand image; and not __fish_seen_subcommand_from encrypt decrypt inspect flavor help" -s q -l quiet -d 'Print only what scripts need (IDs, the token), no messages'
complete -c secl -n "__fish_secl_using_subcommand image; and not __fish_seen_subcommand_from encrypt decrypt inspect flavor help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c secl -n "__fish_secl_using_subcommand image; and not __fish_seen_subcommand_from encrypt decrypt inspect flavor help" -s V -l version -d 'Print version'
complete -c secl -n "__fish_secl_using_subcommand image; and not __fish_seen_subcommand_from encrypt decrypt inspect flavor help" -f -a "encrypt" -d 'Encrypt an image\'s layers under a key held in the KBS'
complete -c secl -n "__fish_secl_using_subcommand image; and not __fish_seen_subcommand_from encrypt decrypt inspect flavor help" -f -a "decrypt" -d 'Decrypt an image as its owner (the key comes from the KBS by envelope transfer)'
complete -c secl -n "__fish_secl_using_subcommand image; and not __fish_seen_subcommand_from encrypt decrypt inspect flavor help" -f -a "inspect" -d 'Show each layer: encrypted or not, cipher, key URL (needs no key)'
complete -c secl -n "__fish_secl_using_subcommand image; and not __fish_seen_subcommand_from encrypt decrypt inspect flavor help" -f -a "flavor" -d 'Make signed image flavors (for `secl wls flavor upload`) and flavor-signing keys'
complete -c secl -n "__fish_secl_using_subcommand image; and not __fish_seen_subcommand_from encrypt decrypt inspect flavor help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c secl -n "__fish_secl_using_subcommand image; and __fish_seen_subcommand_from encrypt" -l key-id -d 'Use this existing KBS key instead of creating one' -r
complete -c secl -n "__fish_secl_using_subcommand image; and __fish_seen_subcommand_from encrypt" -l usage -d 'Asset-tag usage policy of the new key: released only to hosts with these tags' -r
complete -c secl -n "__fish_secl_using_subcommand image; and __fish_seen_subcommand_from encrypt" -l label -d 'Label of the new key' -r
complete -c secl -n "__fish_secl_using_subcommand image; and __fish_seen_subcommand_from encrypt" -l layer -d 'Encrypt only this layer (0-based; negative counts from the end; repeatable)' -r
complete -c secl -n "__fish_secl_using_subcommand image; and __fish_seen_subcommand_from encrypt" -l jobs -d 'Layers processed at once [default: number of CPUs]' -r
complete -c secl -n "__fish_secl_using_subcommand image; and __fish_seen_subcommand_from encrypt" -l src-tls-verify -d 'Verify the source registry\'s TLS certificate' -r -f -a "true\t''
false\t''"
complete -c secl -n "__fish_secl_using_subcommand image; and __fish_seen_subcommand_from encrypt" -l dest-tls-verify -d 'Verify the destination registry\'s TLS certificate' -r -f -a "true\t''
false\t''"
complete -c secl -n "__fish_secl_using_subcommand image; and __fish_seen_subcommand_from encrypt" -l envelope-key -d 'Private envelope key (PEM); created (RSA-3072, mode 0600) on first use [env: SECL_ENVELOPE_KEY] [default: ~/.config/secl/envelope-key.pem]' -r -F
complete -c secl -n "__fish_secl_using_subcommand image; and __fish_seen_subcommand_from encrypt" -l kbs-url -d 'KBS base URL, e.g. https://kbs.example:9443 [env: SECL_KBS_URL]' -r
complete -c secl -n "__fish_secl_using_subcommand image; and __fish_seen_subcommand_from encrypt" -l ca-cert -d 'PEM file with the CA certificate(s) that issued the KBS TLS certificate; only these are trusted [env: SECL_CA_CERT]' -r -F
complete -c secl -n "__fish_secl_using_subcommand image; and __fish_seen_subcommand_from encrypt" -l token-file -d 'File holding the bearer token [env: SECL_KBS_TOKEN_FILE; or the token itself in SECL_KBS_TOKEN]' -r -F
complete -c secl -n "__fish_secl_using_subcommand image; and __fish_seen_subcommand_from encrypt" -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'Pretty JSON of the wire objects'"
complete -c secl -n "__fish_secl_using_subcommand image; and __fish_seen_subcommand_from encrypt" -l config -d 'Config file (TOML) [env: SECL_CONFIG]' -r -F
complete -c secl -n "__fish_secl_using_subcommand image; and __fish_seen_subcommand_from encrypt" -l verify-source -d 'Hash every layer of an oci: source while encrypting it and refuse one that does not match its digest, as skopeo does'
complete -c secl -n "__fish_secl_using_subcommand image; and __fish_seen_subcommand_from encrypt" -l no-verify-source -d 'Trust the digests of an oci: source\'s layers, checking sizes only (the default)'
complete -c secl -n "__fish_secl_using_subcommand image; and __fish_seen_subcommand_from encrypt" -l src-plain-http -d 'Talk plain HTTP to the source registry'
complete -c secl -n "__fish_secl_using_subcommand image; and __fish_seen_subcommand_from encrypt" -l dest-plain-http -d 'Talk plain HTTP to the destination registry'
complete -c secl -n "__fish_secl_using_subcommand image; and __fish_seen_subcommand_from encrypt" -s q -l quiet -d 'Print only what scripts need (IDs, the token), no messages'
complete -c secl -n "__fish_secl_using_subcommand image; and __fish_seen_subcommand_from encrypt" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c secl -n "__fish_secl_using_subcommand image; and __fish_seen_subcommand_from encrypt" -s V -l version -d 'Print version'
complete -c secl -n "__fish_secl_using_subcommand image; and __fish_seen_subcommand_from decrypt" -l jobs -d 'Layers processed at once [default: number of CPUs]' -r
complete -c secl -n "__fish_secl_using_subcommand image; and __fish_seen_subcommand_from decrypt" -l src-tls-verify -d 'Verify the source registry\'s TLS certificate' -r -f -a "true\t''
false\t''"
complete -c secl -n "__fish_secl_using_subcommand image; and __fish_seen_subcommand_from decrypt" -l dest-tls-verify -d 'Verify the destination registry\'s TLS certificate' -r -f -a "true\t''
false\t''"
complete -c secl -n "__fish_secl_using_subcommand image; and __fish_seen_subcommand_from decrypt" -l envelope-key -d 'Private envelope key (PEM); created (RSA-3072, mode 0600) on first use [env: SECL_ENVELOPE_KEY] [default: ~/.config/secl/envelope-key.pem]' -r -F
complete -c secl -n "__fish_secl_using_subcommand image; and __fish_seen_subcommand_from decrypt" -l kbs-url -d 'KBS base URL, e.g. https://kbs.example:9443 [env: SECL_KBS_URL]' -r
complete -c secl -n "__fish_secl_using_subcommand image; and __fish_seen_subcommand_from decrypt" -l ca-cert -d 'PEM file with the CA certificate(s) that issued the KBS TLS certificate; only these are trusted [env: SECL_CA_CERT]' -r -F
complete -c secl -n "__fish_secl_using_subcommand image; and __fish_seen_subcommand_from decrypt" -l token-file -d 'File holding the bearer token [env: SECL_KBS_TOKEN_FILE; or the token itself in SECL_KBS_TOKEN]' -r -F
complete -c secl -n "__fish_secl_using_subcommand image; and __fish_seen_subcommand_from decrypt" -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'Pretty JSON of the wire objects'"
complete -c secl -n "__fish_secl_using_subcommand image; and __fish_seen_subcommand_from decrypt" -l config -d 'Config file (TOML) [env: SECL_CONFIG]' -r -F
complete -c secl -n "__fish_secl_using_subcommand image; and __fish_seen_subcommand_from decrypt" -l src-plain-http -d 'Talk plain HTTP to the source registry'
complete -c secl -n "__fish_secl_using_subcommand image; and __fish_seen_subcommand_from decrypt" -l dest-plain-http -d 'Talk plain HTTP to the destination registry'
complete -c secl -n "__fish_secl_using_subcommand image; and __fish_seen_subcommand_from decrypt" -s q -l quiet -d 'Print only what scripts need (IDs, the token), no messages'
complete -c secl -n "__fish_secl_using_subcommand image; and __fish_seen_subcommand_from decrypt" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c secl -n "__fish_secl_using_subcommand image; and __fish_seen_subcommand_from decrypt" -s V -l version -d 'Print version'
complete -c secl -n "__fish_secl_using_subcommand image; and __fish_seen_subcommand_from inspect" -l src-tls-verify -d 'Verify the source registry\'s TLS certificate' -r -f -a "true\t''
false\t''"
complete -c secl -n "__fish_secl_using_subcommand image; and __fish_seen_subcommand_from inspect" -l kbs-url -d 'KBS base URL, e.g. https://kbs.example:9443 [env: SECL_KBS_URL]' -r
complete -c secl -n "__fish_secl_using_subcommand image; and __fish_seen_subcommand_from inspect" -l ca-cert -d 'PEM file with the CA certificate(s) that issued the KBS TLS certificate; only these are trusted [env: SECL_CA_CERT]' -r -F
complete -c secl -n "__fish_secl_using_subcommand image; and __fish_seen_subcommand_from inspect" -l token-file -d 'File holding the bearer token [env: SECL_KBS_TOKEN_FILE; or the token itself in SECL_KBS_TOKEN]' -r -F
complete -c secl -n "__fish_secl_using_subcommand image; and __fish_seen_subcommand_from inspect" -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'Pretty JSON of the wire objects'"
complete -c secl -n "__fish_secl_using_subcommand image; and __fish_seen_subcommand_from inspect" -l config -d 'Config file (TOML) [env: SECL_CONFIG]' -r -F
complete -c secl -n "__fish_secl_using_subcommand image; and __fish_seen_subcommand_from inspect" -l src-plain-http -d 'Talk plain HTTP to the source registry'
complete -c secl -n "__fish_secl_using_subcommand image; and __fish_seen_subcommand_from inspect" -s q -l quiet -d 'Print only what scripts need (IDs, the token), no messages'
complete -c secl -n "__fish_secl_using_subcommand image; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c secl -n "__fish_secl_using_subcommand image; and __fish_seen_subcommand_from inspect" -s V -l version -d 'Print version'
complete -c secl -n "__fish_secl_using_subcommand image; and __fish_seen_subcommand_from flavor" -l kbs-url -d 'KBS base URL, e.g. https://kbs.example:9443 [env: SECL_KBS_URL]' -r
complete -c secl -n "__fish_secl_using_subcommand image; and __fish_seen_subcommand_from flavor" -l ca-cert -d 'PEM file with the CA certificate(s) that issued the KBS TLS certificate; only these are trusted [env: SECL_CA_CERT]' -r -F
complete -c secl -n "__fish_secl_using_subcommand image; and __fish_seen_subcommand_from flavor" -l token-file -d 'File holding the bearer token [env: SECL_KBS_TOKEN_FILE; or the token itself in SECL_KBS_TOKEN]' -r -F
complete -c secl -n "__fish_secl_using_subcommand image; and __fish_seen_subcommand_from flavor" -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'Pretty JSON of the wire objects'"
complete -c secl -n "__fish_secl_using_subcommand image; and __fish_seen_subcommand_from flavor" -l config -d 'Config file (TOML) [env: SECL_CONFIG]' -r -F
complete -c secl -n "__fish_secl_using_subcommand image; and __fish_seen_subcommand_from flavor" -s q -l quiet -d 'Print only what scripts need (IDs, the token), no messages'
complete -c secl -n "__fish_secl_using_subcommand image; and __fish_seen_subcommand_from flavor" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c secl -n "__fish_secl_using_subcommand image; and __fish_seen_subcommand_from flavor" -s V -l version -d 'Print version'
complete -c secl -n "__fish_secl_using_subcommand image; and __fish_seen_subcommand_from flavor" -f -a "create" -d 'Write the signed flavor of an encrypted image (its key URL and manifest digest)'
complete -c secl -n "__fish_secl_using_subcommand image; and __fish_seen_subcommand_from flavor" -f -a "keygen" -d 'Make an RSA-3072 flavor-signing key (mode 0600) and a self-signed certificate for it'
complete -c secl -n "__fish_secl_using_subcommand image; and __fish_seen_subcommand_from flavor" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c secl -n "__fish_secl_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "encrypt" -d 'Encrypt an image\'s layers under a key held in the KBS'
complete -c secl -n "__fish_secl_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "decrypt" -d 'Decrypt an image as its owner (the key comes from the KBS by envelope transfer)'
complete -c secl -n "__fish_secl_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "inspect" -d 'Show each layer: encrypted or not, cipher, key URL (needs no key)'
complete -c secl -n "__fish_secl_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "flavor" -d 'Make signed image flavors (for `secl wls flavor upload`) and flavor-signing keys'
complete -c secl -n "__fish_secl_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c secl -n "__fish_secl_using_subcommand keyprovider" -l kbs-url -d 'KBS base URL, e.g. https://kbs.example:9443 [env: SECL_KBS_URL]' -r
complete -c secl -n "__fish_secl_using_subcommand keyprovider" -l ca-cert -d 'PEM file with the CA certificate(s) that issued the KBS TLS certificate; only these are trusted [env: SECL_CA_CERT]' -r -F
complete -c secl -n "__fish_secl_using_subcommand keyprovider" -l token-file -d 'File holding the bearer token [env: SECL_KBS_TOKEN_FILE; or the token itself in SECL_KBS_TOKEN]' -r -F
complete -c secl -n "__fish_secl_using_subcommand keyprovider" -l envelope-key -d 'Private envelope key (PEM); created (RSA-3072, mode 0600) on first use [env: SECL_ENVELOPE_KEY] [default: ~/.config/secl/envelope-key.pem]' -r -F
complete -c secl -n "__fish_secl_using_subcommand keyprovider" -l name -d 'Provider name as configured for ocicrypt (the annotation is org.opencontainers.image.enc.keys.provider.NAME)' -r
complete -c secl -n "__fish_secl_using_subcommand keyprovider" -l timeout -d 'Give up after this many seconds (every KBS call is bounded too)' -r
complete -c secl -n "__fish_secl_using_subcommand keyprovider" -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'Pretty JSON of the wire objects'"
complete -c secl -n "__fish_secl_using_subcommand keyprovider" -l config -d 'Config file (TOML) [env: SECL_CONFIG]' -r -F
complete -c secl -n "__fish_secl_using_subcommand keyprovider" -s q -l quiet -d 'Print only what scripts need (IDs, the token), no messages'
complete -c secl -n "__fish_secl_using_subcommand keyprovider" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c secl -n "__fish_secl_using_subcommand keyprovider" -s V -l version -d 'Print version'
complete -c secl -n "__fish_secl_using_subcommand completions" -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'Pretty JSON of the wire objects'"
complete -c secl -n "__fish_secl_using_subcommand completions" -l config -d 'Config file (TOML) [env: SECL_CONFIG]' -r -F
complete -c secl -n "__fish_secl_using_subcommand completions" -s q -l quiet -d 'Print only what scripts need (IDs, the token), no messages'
complete -c secl -n "__fish_secl_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c secl -n "__fish_secl_using_subcommand completions" -s V -l version -d 'Print version'
complete -c secl -n "__fish_secl_using_subcommand help; and not __fish_seen_subcommand_from kbs hvs wls image keyprovider completions help" -f -a "kbs" -d 'Administer a Key Broker Service'
complete -c secl -n "__fish_secl_using_subcommand help; and not __fish_seen_subcommand_from kbs hvs wls image keyprovider completions help" -f -a "hvs" -d 'Administer a Host Verification Service: hosts, flavors, trust reports'
complete -c secl -n "__fish_secl_using_subcommand help; and not __fish_seen_subcommand_from kbs hvs wls image keyprovider completions help" -f -a "wls" -d 'Administer a Workload Service: signed image flavors, tokens for workload agents'
complete -c secl -n "__fish_secl_using_subcommand help; and not __fish_seen_subcommand_from kbs hvs wls image keyprovider completions help" -f -a "image" -d 'Encrypt, decrypt and inspect container images (keys held in the KBS)'
complete -c secl -n "__fish_secl_using_subcommand help; and not __fish_seen_subcommand_from kbs hvs wls image keyprovider completions help" -f -a "keyprovider" -d 'ocicrypt key-provider command: skopeo/podman run `secl keyprovider` to wrap and unwrap layer keys (one JSON request on stdin, one answer on stdout)'
complete -c secl -n "__fish_secl_using_subcommand help; and not __fish_seen_subcommand_from kbs hvs wls image keyprovider completions help" -f -a "completions" -d 'Print a shell completion script to stdout'
complete -c secl -n "__fish_secl_using_subcommand help; and not __fish_seen_subcommand_from kbs hvs wls image keyprovider completions help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c secl -n "__fish_secl_using_subcommand help; and __fish_seen_subcommand_from kbs" -f -a "key" -d 'Create, list, show and delete keys'
complete -c secl -n "__fish_secl_using_subcommand help; and __fish_seen_subcommand_from kbs" -f -a "import-saml" -d 'Import a SAML signing certificate (chain) of the attestation service'
complete -c secl -n "__fish_secl_using_subcommand help; and __fish_seen_subcommand_from kbs" -f -a "import-tpm-identity" -d 'Import a TPM identity (Privacy CA) certificate (chain)'
complete -c secl -n "__fish_secl_using_subcommand help; and __fish_seen_subcommand_from kbs" -f -a "trust-hvs" -d 'Trust an HVS in one step: fetch its SAML signing certificate and its PrivacyCA over verified TLS and import both (certificates already imported are kept, not duplicated)'
complete -c secl -n "__fish_secl_using_subcommand help; and __fish_seen_subcommand_from kbs" -f -a "cert" -d 'List, show and delete imported certificates'
complete -c secl -n "__fish_secl_using_subcommand help; and __fish_seen_subcommand_from kbs" -f -a "policy" -d 'Manage key transfer policies'
complete -c secl -n "__fish_secl_using_subcommand help; and __fish_seen_subcommand_from kbs" -f -a "token" -d 'Manage bearer tokens'
complete -c secl -n "__fish_secl_using_subcommand help; and __fish_seen_subcommand_from kbs" -f -a "audit" -d 'Show the audit trail'
complete -c secl -n "__fish_secl_using_subcommand help; and __fish_seen_subcommand_from kbs" -f -a "version" -d 'Show the KBS version (needs no token)'
complete -c secl -n "__fish_secl_using_subcommand help; and __fish_seen_subcommand_from hvs" -f -a "host" -d 'Register, list, show and delete hosts (machines running secl-wla)'
complete -c secl -n "__fish_secl_using_subcommand help; and __fish_seen_subcommand_from hvs" -f -a "flavor" -d 'Create, import, list, show and delete flavors (expected PCR values)'
complete -c secl -n "__fish_secl_using_subcommand help; and __fish_seen_subcommand_from hvs" -f -a "flavorgroup" -d 'Create, list, show and delete flavor groups and their match policies'
complete -c secl -n "__fish_secl_using_subcommand help; and __fish_seen_subcommand_from hvs" -f -a "report" -d 'Attest a host now, or list stored trust reports'
complete -c secl -n "__fish_secl_using_subcommand help; and __fish_seen_subcommand_from hvs" -f -a "tag" -d 'Asset tags: create tag certificates for a host, deploy them into its TPM'
complete -c secl -n "__fish_secl_using_subcommand help; and __fish_seen_subcommand_from hvs" -f -a "ek" -d 'The EK registry: EK certificates admitted one by one (SecL\'s tpm-endorsements)'
complete -c secl -n "__fish_secl_using_subcommand help; and __fish_seen_subcommand_from hvs" -f -a "token" -d 'Manage HVS bearer tokens (the WLS needs reports:create, a provisioning host aik_certificates:create and host_signing_key_certificates:create)'
complete -c secl -n "__fish_secl_using_subcommand help; and __fish_seen_subcommand_from hvs" -f -a "ca-cert" -d 'Print the HVS CA certificates (needs no token)'
complete -c secl -n "__fish_secl_using_subcommand help; and __fish_seen_subcommand_from hvs" -f -a "version" -d 'Show the HVS version (needs no token)'
complete -c secl -n "__fish_secl_using_subcommand help; and __fish_seen_subcommand_from wls" -f -a "flavor" -d 'Upload, list, show and delete signed image flavors'
complete -c secl -n "__fish_secl_using_subcommand help; and __fish_seen_subcommand_from wls" -f -a "token" -d 'Manage WLS bearer tokens (a workload agent needs keys:create)'
complete -c secl -n "__fish_secl_using_subcommand help; and __fish_seen_subcommand_from wls" -f -a "version" -d 'Show the WLS version (needs no token)'
complete -c secl -n "__fish_secl_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "encrypt" -d 'Encrypt an image\'s layers under a key held in the KBS'
complete -c secl -n "__fish_secl_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "decrypt" -d 'Decrypt an image as its owner (the key comes from the KBS by envelope transfer)'
complete -c secl -n "__fish_secl_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "inspect" -d 'Show each layer: encrypted or not, cipher, key URL (needs no key)'
complete -c secl -n "__fish_secl_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "flavor" -d 'Make signed image flavors (for `secl wls flavor upload`) and flavor-signing keys'
