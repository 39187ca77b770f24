_secl() {
    local i cur prev opts cmd
    COMPREPLY=()
    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
        cur="$2"
    else
        cur="${COMP_WORDS[COMP_CWORD]}"
    fi
    prev="$3"
    cmd=""
    opts=""

    for i in "${COMP_WORDS[@]:0:COMP_CWORD}"
    do
        case "${cmd},${i}" in
            ",$1")
                cmd="secl"
                ;;
            secl,completions)
                cmd="secl__subcmd__completions"
                ;;
            secl,help)
                cmd="secl__subcmd__help"
                ;;
            secl,hvs)
                cmd="secl__subcmd__hvs"
                ;;
            secl,image)
                cmd="secl__subcmd__image"
                ;;
            secl,kbs)
                cmd="secl__subcmd__kbs"
                ;;
            secl,keyprovider)
                cmd="secl__subcmd__keyprovider"
                ;;
            secl,wls)
                cmd="secl__subcmd__wls"
                ;;
            secl__subcmd__help,completions)
                cmd="secl__subcmd__help__subcmd__completions"
                ;;
            secl__subcmd__help,help)
                cmd="secl__subcmd__help__subcmd__help"
                ;;
            secl__subcmd__help,hvs)
                cmd="secl__subcmd__help__subcmd__hvs"
                ;;
            secl__subcmd__help,image)
                cmd="secl__subcmd__help__subcmd__image"
                ;;
            secl__subcmd__help,kbs)
                cmd="secl__subcmd__help__subcmd__kbs"
                ;;
            secl__subcmd__help,keyprovider)
                cmd="secl__subcmd__help__subcmd__keyprovider"
                ;;
            secl__subcmd__help,wls)
                cmd="secl__subcmd__help__subcmd__wls"
                ;;
            secl__subcmd__help__subcmd__hvs,ca-cert)
                cmd="secl__subcmd__help__subcmd__hvs__subcmd__ca__subcmd__cert"
                ;;
            secl__subcmd__help__subcmd__hvs,ek)
                cmd="secl__subcmd__help__subcmd__hvs__subcmd__ek"
                ;;
            secl__subcmd__help__subcmd__hvs,flavor)
                cmd="secl__subcmd__help__subcmd__hvs__subcmd__flavor"
                ;;
            secl__subcmd__help__subcmd__hvs,flavorgroup)
                cmd="secl__subcmd__help__subcmd__hvs__subcmd__flavorgroup"
                ;;
            secl__subcmd__help__subcmd__hvs,host)
                cmd="secl__subcmd__help__subcmd__hvs__subcmd__host"
                ;;
            secl__subcmd__help__subcmd__hvs,report)
                cmd="secl__subcmd__help__subcmd__hvs__subcmd__report"
                ;;
            secl__subcmd__help__subcmd__hvs,tag)
                cmd="secl__subcmd__help__subcmd__hvs__subcmd__tag"
                ;;
            secl__subcmd__help__subcmd__hvs,token)
                cmd="secl__subcmd__help__subcmd__hvs__subcmd__token"
                ;;
            secl__subcmd__help__subcmd__hvs,version)
                cmd="secl__subcmd__help__subcmd__hvs__subcmd__version"
                ;;
            secl__subcmd__help__subcmd__hvs__subcmd__ca__subcmd__cert,get)
                cmd="secl__subcmd__help__subcmd__hvs__subcmd__ca__subcmd__cert__subcmd__get"
                ;;
            secl__subcmd__help__subcmd__hvs__subcmd__ek,delete)
                cmd="secl__subcmd__help__subcmd__hvs__subcmd__ek__subcmd__delete"
                ;;
            secl__subcmd__help__subcmd__hvs__subcmd__ek,list)
                cmd="secl__subcmd__help__subcmd__hvs__subcmd__ek__subcmd__list"
                ;;
            secl__subcmd__help__subcmd__hvs__subcmd__ek,register)
                cmd="secl__subcmd__help__subcmd__hvs__subcmd__ek__subcmd__register"
                ;;
            secl__subcmd__help__subcmd__hvs__subcmd__ek,revoke)
                cmd="secl__subcmd__help__subcmd__hvs__subcmd__ek__subcmd__revoke"
                ;;
            secl__subcmd__help__subcmd__hvs__subcmd__ek,show)
                cmd="secl__subcmd__help__subcmd__hvs__subcmd__ek__subcmd__show"
                ;;
            secl__subcmd__help__subcmd__hvs__subcmd__ek,unrevoke)
                cmd="secl__subcmd__help__subcmd__hvs__subcmd__ek__subcmd__unrevoke"
                ;;
            secl__subcmd__help__subcmd__hvs__subcmd__flavor,create)
                cmd="secl__subcmd__help__subcmd__hvs__subcmd__flavor__subcmd__create"
                ;;
            secl__subcmd__help__subcmd__hvs__subcmd__flavor,delete)
                cmd="secl__subcmd__help__subcmd__hvs__subcmd__flavor__subcmd__delete"
                ;;
            secl__subcmd__help__subcmd__hvs__subcmd__flavor,import)
                cmd="secl__subcmd__help__subcmd__hvs__subcmd__flavor__subcmd__import"
                ;;
            secl__subcmd__help__subcmd__hvs__subcmd__flavor,list)
                cmd="secl__subcmd__help__subcmd__hvs__subcmd__flavor__subcmd__list"
                ;;
            secl__subcmd__help__subcmd__hvs__subcmd__flavor,show)
                cmd="secl__subcmd__help__subcmd__hvs__subcmd__flavor__subcmd__show"
                ;;
            secl__subcmd__help__subcmd__hvs__subcmd__flavorgroup,add-flavor)
                cmd="secl__subcmd__help__subcmd__hvs__subcmd__flavorgroup__subcmd__add__subcmd__flavor"
                ;;
            secl__subcmd__help__subcmd__hvs__subcmd__flavorgroup,create)
                cmd="secl__subcmd__help__subcmd__hvs__subcmd__flavorgroup__subcmd__create"
                ;;
            secl__subcmd__help__subcmd__hvs__subcmd__flavorgroup,delete)
                cmd="secl__subcmd__help__subcmd__hvs__subcmd__flavorgroup__subcmd__delete"
                ;;
            secl__subcmd__help__subcmd__hvs__subcmd__flavorgroup,list)
                cmd="secl__subcmd__help__subcmd__hvs__subcmd__flavorgroup__subcmd__list"
                ;;
            secl__subcmd__help__subcmd__hvs__subcmd__flavorgroup,remove-flavor)
                cmd="secl__subcmd__help__subcmd__hvs__subcmd__flavorgroup__subcmd__remove__subcmd__flavor"
                ;;
            secl__subcmd__help__subcmd__hvs__subcmd__flavorgroup,show)
                cmd="secl__subcmd__help__subcmd__hvs__subcmd__flavorgroup__subcmd__show"
                ;;
            secl__subcmd__help__subcmd__hvs__subcmd__host,add)
                cmd="secl__subcmd__help__subcmd__hvs__subcmd__host__subcmd__add"
                ;;
            secl__subcmd__help__subcmd__hvs__subcmd__host,delete)
                cmd="secl__subcmd__help__subcmd__hvs__subcmd__host__subcmd__delete"
                ;;
            secl__subcmd__help__subcmd__hvs__subcmd__host,flavorgroup)
                cmd="secl__subcmd__help__subcmd__hvs__subcmd__host__subcmd__flavorgroup"
                ;;
            secl__subcmd__help__subcmd__hvs__subcmd__host,list)
                cmd="secl__subcmd__help__subcmd__hvs__subcmd__host__subcmd__list"
                ;;
            secl__subcmd__help__subcmd__hvs__subcmd__host,show)
                cmd="secl__subcmd__help__subcmd__hvs__subcmd__host__subcmd__show"
                ;;
            secl__subcmd__help__subcmd__hvs__subcmd__host__subcmd__flavorgroup,add)
                cmd="secl__subcmd__help__subcmd__hvs__subcmd__host__subcmd__flavorgroup__subcmd__add"
                ;;
            secl__subcmd__help__subcmd__hvs__subcmd__host__subcmd__flavorgroup,list)
                cmd="secl__subcmd__help__subcmd__hvs__subcmd__host__subcmd__flavorgroup__subcmd__list"
                ;;
            secl__subcmd__help__subcmd__hvs__subcmd__host__subcmd__flavorgroup,remove)
                cmd="secl__subcmd__help__subcmd__hvs__subcmd__host__subcmd__flavorgroup__subcmd__remove"
                ;;
            secl__subcmd__help__subcmd__hvs__subcmd__host__subcmd__flavorgroup,show)
                cmd="secl__subcmd__help__subcmd__hvs__subcmd__host__subcmd__flavorgroup__subcmd__show"
                ;;
            secl__subcmd__help__subcmd__hvs__subcmd__report,create)
                cmd="secl__subcmd__help__subcmd__hvs__subcmd__report__subcmd__create"
                ;;
            secl__subcmd__help__subcmd__hvs__subcmd__report,list)
                cmd="secl__subcmd__help__subcmd__hvs__subcmd__report__subcmd__list"
                ;;
            secl__subcmd__help__subcmd__hvs__subcmd__report,show)
                cmd="secl__subcmd__help__subcmd__hvs__subcmd__report__subcmd__show"
                ;;
            secl__subcmd__help__subcmd__hvs__subcmd__tag,create)
                cmd="secl__subcmd__help__subcmd__hvs__subcmd__tag__subcmd__create"
                ;;
            secl__subcmd__help__subcmd__hvs__subcmd__tag,delete)
                cmd="secl__subcmd__help__subcmd__hvs__subcmd__tag__subcmd__delete"
                ;;
            secl__subcmd__help__subcmd__hvs__subcmd__tag,deploy)
                cmd="secl__subcmd__help__subcmd__hvs__subcmd__tag__subcmd__deploy"
                ;;
            secl__subcmd__help__subcmd__hvs__subcmd__tag,list)
                cmd="secl__subcmd__help__subcmd__hvs__subcmd__tag__subcmd__list"
                ;;
            secl__subcmd__help__subcmd__hvs__subcmd__tag,show)
                cmd="secl__subcmd__help__subcmd__hvs__subcmd__tag__subcmd__show"
                ;;
            secl__subcmd__help__subcmd__hvs__subcmd__token,create)
                cmd="secl__subcmd__help__subcmd__hvs__subcmd__token__subcmd__create"
                ;;
            secl__subcmd__help__subcmd__hvs__subcmd__token,list)
                cmd="secl__subcmd__help__subcmd__hvs__subcmd__token__subcmd__list"
                ;;
            secl__subcmd__help__subcmd__hvs__subcmd__token,revoke)
                cmd="secl__subcmd__help__subcmd__hvs__subcmd__token__subcmd__revoke"
                ;;
            secl__subcmd__help__subcmd__image,decrypt)
                cmd="secl__subcmd__help__subcmd__image__subcmd__decrypt"
                ;;
            secl__subcmd__help__subcmd__image,encrypt)
                cmd="secl__subcmd__help__subcmd__image__subcmd__encrypt"
                ;;
            secl__subcmd__help__subcmd__image,flavor)
                cmd="secl__subcmd__help__subcmd__image__subcmd__flavor"
                ;;
            secl__subcmd__help__subcmd__image,inspect)
                cmd="secl__subcmd__help__subcmd__image__subcmd__inspect"
                ;;
            secl__subcmd__help__subcmd__image__subcmd__flavor,create)
                cmd="secl__subcmd__help__subcmd__image__subcmd__flavor__subcmd__create"
                ;;
            secl__subcmd__help__subcmd__image__subcmd__flavor,keygen)
                cmd="secl__subcmd__help__subcmd__image__subcmd__flavor__subcmd__keygen"
                ;;
            secl__subcmd__help__subcmd__kbs,audit)
                cmd="secl__subcmd__help__subcmd__kbs__subcmd__audit"
                ;;
            secl__subcmd__help__subcmd__kbs,cert)
                cmd="secl__subcmd__help__subcmd__kbs__subcmd__cert"
                ;;
            secl__subcmd__help__subcmd__kbs,import-saml)
                cmd="secl__subcmd__help__subcmd__kbs__subcmd__import__subcmd__saml"
                ;;
            secl__subcmd__help__subcmd__kbs,import-tpm-identity)
                cmd="secl__subcmd__help__subcmd__kbs__subcmd__import__subcmd__tpm__subcmd__identity"
                ;;
            secl__subcmd__help__subcmd__kbs,key)
                cmd="secl__subcmd__help__subcmd__kbs__subcmd__key"
                ;;
            secl__subcmd__help__subcmd__kbs,policy)
                cmd="secl__subcmd__help__subcmd__kbs__subcmd__policy"
                ;;
            secl__subcmd__help__subcmd__kbs,token)
                cmd="secl__subcmd__help__subcmd__kbs__subcmd__token"
                ;;
            secl__subcmd__help__subcmd__kbs,trust-hvs)
                cmd="secl__subcmd__help__subcmd__kbs__subcmd__trust__subcmd__hvs"
                ;;
            secl__subcmd__help__subcmd__kbs,version)
                cmd="secl__subcmd__help__subcmd__kbs__subcmd__version"
                ;;
            secl__subcmd__help__subcmd__kbs__subcmd__cert,delete)
                cmd="secl__subcmd__help__subcmd__kbs__subcmd__cert__subcmd__delete"
                ;;
            secl__subcmd__help__subcmd__kbs__subcmd__cert,list)
                cmd="secl__subcmd__help__subcmd__kbs__subcmd__cert__subcmd__list"
                ;;
            secl__subcmd__help__subcmd__kbs__subcmd__cert,show)
                cmd="secl__subcmd__help__subcmd__kbs__subcmd__cert__subcmd__show"
                ;;
            secl__subcmd__help__subcmd__kbs__subcmd__key,create)
                cmd="secl__subcmd__help__subcmd__kbs__subcmd__key__subcmd__create"
                ;;
            secl__subcmd__help__subcmd__kbs__subcmd__key,delete)
                cmd="secl__subcmd__help__subcmd__kbs__subcmd__key__subcmd__delete"
                ;;
            secl__subcmd__help__subcmd__kbs__subcmd__key,list)
                cmd="secl__subcmd__help__subcmd__kbs__subcmd__key__subcmd__list"
                ;;
            secl__subcmd__help__subcmd__kbs__subcmd__key,show)
                cmd="secl__subcmd__help__subcmd__kbs__subcmd__key__subcmd__show"
                ;;
            secl__subcmd__help__subcmd__kbs__subcmd__policy,create)
                cmd="secl__subcmd__help__subcmd__kbs__subcmd__policy__subcmd__create"
                ;;
            secl__subcmd__help__subcmd__kbs__subcmd__policy,delete)
                cmd="secl__subcmd__help__subcmd__kbs__subcmd__policy__subcmd__delete"
                ;;
            secl__subcmd__help__subcmd__kbs__subcmd__policy,list)
                cmd="secl__subcmd__help__subcmd__kbs__subcmd__policy__subcmd__list"
                ;;
            secl__subcmd__help__subcmd__kbs__subcmd__policy,show)
                cmd="secl__subcmd__help__subcmd__kbs__subcmd__policy__subcmd__show"
                ;;
            secl__subcmd__help__subcmd__kbs__subcmd__policy,update)
                cmd="secl__subcmd__help__subcmd__kbs__subcmd__policy__subcmd__update"
                ;;
            secl__subcmd__help__subcmd__kbs__subcmd__token,create)
                cmd="secl__subcmd__help__subcmd__kbs__subcmd__token__subcmd__create"
                ;;
            secl__subcmd__help__subcmd__kbs__subcmd__token,list)
                cmd="secl__subcmd__help__subcmd__kbs__subcmd__token__subcmd__list"
                ;;
            secl__subcmd__help__subcmd__kbs__subcmd__token,revoke)
                cmd="secl__subcmd__help__subcmd__kbs__subcmd__token__subcmd__revoke"
                ;;
            secl__subcmd__help__subcmd__wls,flavor)
                cmd="secl__subcmd__help__subcmd__wls__subcmd__flavor"
                ;;
            secl__subcmd__help__subcmd__wls,token)
                cmd="secl__subcmd__help__subcmd__wls__subcmd__token"
                ;;
            secl__subcmd__help__subcmd__wls,version)
                cmd="secl__subcmd__help__subcmd__wls__subcmd__version"
                ;;
            secl__subcmd__help__subcmd__wls__subcmd__flavor,delete)
                cmd="secl__subcmd__help__subcmd__wls__subcmd__flavor__subcmd__delete"
                ;;
            secl__subcmd__help__subcmd__wls__subcmd__flavor,list)
                cmd="secl__subcmd__help__subcmd__wls__subcmd__flavor__subcmd__list"
                ;;
            secl__subcmd__help__subcmd__wls__subcmd__flavor,show)
                cmd="secl__subcmd__help__subcmd__wls__subcmd__flavor__subcmd__show"
                ;;
            secl__subcmd__help__subcmd__wls__subcmd__flavor,upload)
                cmd="secl__subcmd__help__subcmd__wls__subcmd__flavor__subcmd__upload"
                ;;
            secl__subcmd__help__subcmd__wls__subcmd__token,create)
                cmd="secl__subcmd__help__subcmd__wls__subcmd__token__subcmd__create"
                ;;
            secl__subcmd__help__subcmd__wls__subcmd__token,list)
                cmd="secl__subcmd__help__subcmd__wls__subcmd__token__subcmd__list"
                ;;
            secl__subcmd__help__subcmd__wls__subcmd__token,revoke)
                cmd="secl__subcmd__help__subcmd__wls__subcmd__token__subcmd__revoke"
                ;;
            secl__subcmd__hvs,ca-cert)
                cmd="secl__subcmd__hvs__subcmd__ca__subcmd__cert"
                ;;
            secl__subcmd__hvs,ek)
                cmd="secl__subcmd__hvs__subcmd__ek"
                ;;
            secl__subcmd__hvs,flavor)
                cmd="secl__subcmd__hvs__subcmd__flavor"
                ;;
            secl__subcmd__hvs,flavorgroup)
                cmd="secl__subcmd__hvs__subcmd__flavorgroup"
                ;;
            secl__subcmd__hvs,help)
                cmd="secl__subcmd__hvs__subcmd__help"
                ;;
            secl__subcmd__hvs,host)
                cmd="secl__subcmd__hvs__subcmd__host"
                ;;
            secl__subcmd__hvs,report)
                cmd="secl__subcmd__hvs__subcmd__report"
                ;;
            secl__subcmd__hvs,tag)
                cmd="secl__subcmd__hvs__subcmd__tag"
                ;;
            secl__subcmd__hvs,token)
                cmd="secl__subcmd__hvs__subcmd__token"
                ;;
            secl__subcmd__hvs,version)
                cmd="secl__subcmd__hvs__subcmd__version"
                ;;
            secl__subcmd__hvs__subcmd__ca__subcmd__cert,get)
                cmd="secl__subcmd__hvs__subcmd__ca__subcmd__cert__subcmd__get"
                ;;
            secl__subcmd__hvs__subcmd__ca__subcmd__cert,help)
                cmd="secl__subcmd__hvs__subcmd__ca__subcmd__cert__subcmd__help"
                ;;
            secl__subcmd__hvs__subcmd__ca__subcmd__cert__subcmd__help,get)
                cmd="secl__subcmd__hvs__subcmd__ca__subcmd__cert__subcmd__help__subcmd__get"
                ;;
            secl__subcmd__hvs__subcmd__ca__subcmd__cert__subcmd__help,help)
                cmd="secl__subcmd__hvs__subcmd__ca__subcmd__cert__subcmd__help__subcmd__help"
                ;;
            secl__subcmd__hvs__subcmd__ek,delete)
                cmd="secl__subcmd__hvs__subcmd__ek__subcmd__delete"
                ;;
            secl__subcmd__hvs__subcmd__ek,help)
                cmd="secl__subcmd__hvs__subcmd__ek__subcmd__help"
                ;;
            secl__subcmd__hvs__subcmd__ek,list)
                cmd="secl__subcmd__hvs__subcmd__ek__subcmd__list"
                ;;
            secl__subcmd__hvs__subcmd__ek,register)
                cmd="secl__subcmd__hvs__subcmd__ek__subcmd__register"
                ;;
            secl__subcmd__hvs__subcmd__ek,revoke)
                cmd="secl__subcmd__hvs__subcmd__ek__subcmd__revoke"
                ;;
            secl__subcmd__hvs__subcmd__ek,show)
                cmd="secl__subcmd__hvs__subcmd__ek__subcmd__show"
                ;;
            secl__subcmd__hvs__subcmd__ek,unrevoke)
                cmd="secl__subcmd__hvs__subcmd__ek__subcmd__unrevoke"
                ;;
            secl__subcmd__hvs__subcmd__ek__subcmd__help,delete)
                cmd="secl__subcmd__hvs__subcmd__ek__subcmd__help__subcmd__delete"
                ;;
            secl__subcmd__hvs__subcmd__ek__subcmd__help,help)
                cmd="secl__subcmd__hvs__subcmd__ek__subcmd__help__subcmd__help"
                ;;
            secl__subcmd__hvs__subcmd__ek__subcmd__help,list)
                cmd="secl__subcmd__hvs__subcmd__ek__subcmd__help__subcmd__list"
                ;;
            secl__subcmd__hvs__subcmd__ek__subcmd__help,register)
                cmd="secl__subcmd__hvs__subcmd__ek__subcmd__help__subcmd__register"
                ;;
            secl__subcmd__hvs__subcmd__ek__subcmd__help,revoke)
                cmd="secl__subcmd__hvs__subcmd__ek__subcmd__help__subcmd__revoke"
                ;;
            secl__subcmd__hvs__subcmd__ek__subcmd__help,show)
                cmd="secl__subcmd__hvs__subcmd__ek__subcmd__help__subcmd__show"
                ;;
            secl__subcmd__hvs__subcmd__ek__subcmd__help,unrevoke)
                cmd="secl__subcmd__hvs__subcmd__ek__subcmd__help__subcmd__unrevoke"
                ;;
            secl__subcmd__hvs__subcmd__flavor,create)
                cmd="secl__subcmd__hvs__subcmd__flavor__subcmd__create"
                ;;
            secl__subcmd__hvs__subcmd__flavor,delete)
                cmd="secl__subcmd__hvs__subcmd__flavor__subcmd__delete"
                ;;
            secl__subcmd__hvs__subcmd__flavor,help)
                cmd="secl__subcmd__hvs__subcmd__flavor__subcmd__help"
                ;;
            secl__subcmd__hvs__subcmd__flavor,import)
                cmd="secl__subcmd__hvs__subcmd__flavor__subcmd__import"
                ;;
            secl__subcmd__hvs__subcmd__flavor,list)
                cmd="secl__subcmd__hvs__subcmd__flavor__subcmd__list"
                ;;
            secl__subcmd__hvs__subcmd__flavor,show)
                cmd="secl__subcmd__hvs__subcmd__flavor__subcmd__show"
                ;;
            secl__subcmd__hvs__subcmd__flavor__subcmd__help,create)
                cmd="secl__subcmd__hvs__subcmd__flavor__subcmd__help__subcmd__create"
                ;;
            secl__subcmd__hvs__subcmd__flavor__subcmd__help,delete)
                cmd="secl__subcmd__hvs__subcmd__flavor__subcmd__help__subcmd__delete"
                ;;
            secl__subcmd__hvs__subcmd__flavor__subcmd__help,help)
                cmd="secl__subcmd__hvs__subcmd__flavor__subcmd__help__subcmd__help"
                ;;
            secl__subcmd__hvs__subcmd__flavor__subcmd__help,import)
                cmd="secl__subcmd__hvs__subcmd__flavor__subcmd__help__subcmd__import"
                ;;
            secl__subcmd__hvs__subcmd__flavor__subcmd__help,list)
                cmd="secl__subcmd__hvs__subcmd__flavor__subcmd__help__subcmd__list"
                ;;
            secl__subcmd__hvs__subcmd__flavor__subcmd__help,show)
                cmd="secl__subcmd__hvs__subcmd__flavor__subcmd__help__subcmd__show"
                ;;
            secl__subcmd__hvs__subcmd__flavorgroup,add-flavor)
                cmd="secl__subcmd__hvs__subcmd__flavorgroup__subcmd__add__subcmd__flavor"
                ;;
            secl__subcmd__hvs__subcmd__flavorgroup,create)
                cmd="secl__subcmd__hvs__subcmd__flavorgroup__subcmd__create"
                ;;
            secl__subcmd__hvs__subcmd__flavorgroup,delete)
                cmd="secl__subcmd__hvs__subcmd__flavorgroup__subcmd__delete"
                ;;
            secl__subcmd__hvs__subcmd__flavorgroup,help)
                cmd="secl__subcmd__hvs__subcmd__flavorgroup__subcmd__help"
                ;;
            secl__subcmd__hvs__subcmd__flavorgroup,list)
                cmd="secl__subcmd__hvs__subcmd__flavorgroup__subcmd__list"
                ;;
            secl__subcmd__hvs__subcmd__flavorgroup,remove-flavor)
                cmd="secl__subcmd__hvs__subcmd__flavorgroup__subcmd__remove__subcmd__flavor"
                ;;
            secl__subcmd__hvs__subcmd__flavorgroup,show)
                cmd="secl__subcmd__hvs__subcmd__flavorgroup__subcmd__show"
                ;;
            secl__subcmd__hvs__subcmd__flavorgroup__subcmd__help,add-flavor)
                cmd="secl__subcmd__hvs__subcmd__flavorgroup__subcmd__help__subcmd__add__subcmd__flavor"
                ;;
            secl__subcmd__hvs__subcmd__flavorgroup__subcmd__help,create)
                cmd="secl__subcmd__hvs__subcmd__flavorgroup__subcmd__help__subcmd__create"
                ;;
            secl__subcmd__hvs__subcmd__flavorgroup__subcmd__help,delete)
                cmd="secl__subcmd__hvs__subcmd__flavorgroup__subcmd__help__subcmd__delete"
                ;;
            secl__subcmd__hvs__subcmd__flavorgroup__subcmd__help,help)
                cmd="secl__subcmd__hvs__subcmd__flavorgroup__subcmd__help__subcmd__help"
                ;;
            secl__subcmd__hvs__subcmd__flavorgroup__subcmd__help,list)
                cmd="secl__subcmd__hvs__subcmd__flavorgroup__subcmd__help__subcmd__list"
                ;;
            secl__subcmd__hvs__subcmd__flavorgroup__subcmd__help,remove-flavor)
                cmd="secl__subcmd__hvs__subcmd__flavorgroup__subcmd__help__subcmd__remove__subcmd__flavor"
                ;;
            secl__subcmd__hvs__subcmd__flavorgroup__subcmd__help,show)
                cmd="secl__subcmd__hvs__subcmd__flavorgroup__subcmd__help__subcmd__show"
                ;;
            secl__subcmd__hvs__subcmd__help,ca-cert)
                cmd="secl__subcmd__hvs__subcmd__help__subcmd__ca__subcmd__cert"
                ;;
            secl__subcmd__hvs__subcmd__help,ek)
                cmd="secl__subcmd__hvs__subcmd__help__subcmd__ek"
                ;;
            secl__subcmd__hvs__subcmd__help,flavor)
                cmd="secl__subcmd__hvs__subcmd__help__subcmd__flavor"
                ;;
            secl__subcmd__hvs__subcmd__help,flavorgroup)
                cmd="secl__subcmd__hvs__subcmd__help__subcmd__flavorgroup"
                ;;
            secl__subcmd__hvs__subcmd__help,help)
                cmd="secl__subcmd__hvs__subcmd__help__subcmd__help"
                ;;
            secl__subcmd__hvs__subcmd__help,host)
                cmd="secl__subcmd__hvs__subcmd__help__subcmd__host"
                ;;
            secl__subcmd__hvs__subcmd__help,report)
                cmd="secl__subcmd__hvs__subcmd__help__subcmd__report"
                ;;
            secl__subcmd__hvs__subcmd__help,tag)
                cmd="secl__subcmd__hvs__subcmd__help__subcmd__tag"
                ;;
            secl__subcmd__hvs__subcmd__help,token)
                cmd="secl__subcmd__hvs__subcmd__help__subcmd__token"
                ;;
            secl__subcmd__hvs__subcmd__help,version)
                cmd="secl__subcmd__hvs__subcmd__help__subcmd__version"
                ;;
            secl__subcmd__hvs__subcmd__help__subcmd__ca__subcmd__cert,get)
                cmd="secl__subcmd__hvs__subcmd__help__subcmd__ca__subcmd__cert__subcmd__get"
                ;;
            secl__subcmd__hvs__subcmd__help__subcmd__ek,delete)
                cmd="secl__subcmd__hvs__subcmd__help__subcmd__ek__subcmd__delete"
                ;;
            secl__subcmd__hvs__subcmd__help__subcmd__ek,list)
                cmd="secl__subcmd__hvs__subcmd__help__subcmd__ek__subcmd__list"
                ;;
            secl__subcmd__hvs__subcmd__help__subcmd__ek,register)
                cmd="secl__subcmd__hvs__subcmd__help__subcmd__ek__subcmd__register"
                ;;
            secl__subcmd__hvs__subcmd__help__subcmd__ek,revoke)
                cmd="secl__subcmd__hvs__subcmd__help__subcmd__ek__subcmd__revoke"
                ;;
            secl__subcmd__hvs__subcmd__help__subcmd__ek,show)
                cmd="secl__subcmd__hvs__subcmd__help__subcmd__ek__subcmd__show"
                ;;
            secl__subcmd__hvs__subcmd__help__subcmd__ek,unrevoke)
                cmd="secl__subcmd__hvs__subcmd__help__subcmd__ek__subcmd__unrevoke"
                ;;
            secl__subcmd__hvs__subcmd__help__subcmd__flavor,create)
                cmd="secl__subcmd__hvs__subcmd__help__subcmd__flavor__subcmd__create"
                ;;
            secl__subcmd__hvs__subcmd__help__subcmd__flavor,delete)
                cmd="secl__subcmd__hvs__subcmd__help__subcmd__flavor__subcmd__delete"
                ;;
            secl__subcmd__hvs__subcmd__help__subcmd__flavor,import)
                cmd="secl__subcmd__hvs__subcmd__help__subcmd__flavor__subcmd__import"
                ;;
            secl__subcmd__hvs__subcmd__help__subcmd__flavor,list)
                cmd="secl__subcmd__hvs__subcmd__help__subcmd__flavor__subcmd__list"
                ;;
            secl__subcmd__hvs__subcmd__help__subcmd__flavor,show)
                cmd="secl__subcmd__hvs__subcmd__help__subcmd__flavor__subcmd__show"
                ;;
            secl__subcmd__hvs__subcmd__help__subcmd__flavorgroup,add-flavor)
                cmd="secl__subcmd__hvs__subcmd__help__subcmd__flavorgroup__subcmd__add__subcmd__flavor"
                ;;
            secl__subcmd__hvs__subcmd__help__subcmd__flavorgroup,create)
                cmd="secl__subcmd__hvs__subcmd__help__subcmd__flavorgroup__subcmd__create"
                ;;
            secl__subcmd__hvs__subcmd__help__subcmd__flavorgroup,delete)
                cmd="secl__subcmd__hvs__subcmd__help__subcmd__flavorgroup__subcmd__delete"
                ;;
            secl__subcmd__hvs__subcmd__help__subcmd__flavorgroup,list)
                cmd="secl__subcmd__hvs__subcmd__help__subcmd__flavorgroup__subcmd__list"
                ;;
            secl__subcmd__hvs__subcmd__help__subcmd__flavorgroup,remove-flavor)
                cmd="secl__subcmd__hvs__subcmd__help__subcmd__flavorgroup__subcmd__remove__subcmd__flavor"
                ;;
            secl__subcmd__hvs__subcmd__help__subcmd__flavorgroup,show)
                cmd="secl__subcmd__hvs__subcmd__help__subcmd__flavorgroup__subcmd__show"
                ;;
            secl__subcmd__hvs__subcmd__help__subcmd__host,add)
                cmd="secl__subcmd__hvs__subcmd__help__subcmd__host__subcmd__add"
                ;;
            secl__subcmd__hvs__subcmd__help__subcmd__host,delete)
                cmd="secl__subcmd__hvs__subcmd__help__subcmd__host__subcmd__delete"
                ;;
            secl__subcmd__hvs__subcmd__help__subcmd__host,flavorgroup)
                cmd="secl__subcmd__hvs__subcmd__help__subcmd__host__subcmd__flavorgroup"
                ;;
            secl__subcmd__hvs__subcmd__help__subcmd__host,list)
                cmd="secl__subcmd__hvs__subcmd__help__subcmd__host__subcmd__list"
                ;;
            secl__subcmd__hvs__subcmd__help__subcmd__host,show)
                cmd="secl__subcmd__hvs__subcmd__help__subcmd__host__subcmd__show"
                ;;
            secl__subcmd__hvs__subcmd__help__subcmd__host__subcmd__flavorgroup,add)
                cmd="secl__subcmd__hvs__subcmd__help__subcmd__host__subcmd__flavorgroup__subcmd__add"
                ;;
            secl__subcmd__hvs__subcmd__help__subcmd__host__subcmd__flavorgroup,list)
                cmd="secl__subcmd__hvs__subcmd__help__subcmd__host__subcmd__flavorgroup__subcmd__list"
                ;;
            secl__subcmd__hvs__subcmd__help__subcmd__host__subcmd__flavorgroup,remove)
                cmd="secl__subcmd__hvs__subcmd__help__subcmd__host__subcmd__flavorgroup__subcmd__remove"
                ;;
            secl__subcmd__hvs__subcmd__help__subcmd__host__subcmd__flavorgroup,show)
                cmd="secl__subcmd__hvs__subcmd__help__subcmd__host__subcmd__flavorgroup__subcmd__show"
                ;;
            secl__subcmd__hvs__subcmd__help__subcmd__report,create)
                cmd="secl__subcmd__hvs__subcmd__help__subcmd__report__subcmd__create"
                ;;
            secl__subcmd__hvs__subcmd__help__subcmd__report,list)
                cmd="secl__subcmd__hvs__subcmd__help__subcmd__report__subcmd__list"
                ;;
            secl__subcmd__hvs__subcmd__help__subcmd__report,show)
                cmd="secl__subcmd__hvs__subcmd__help__subcmd__report__subcmd__show"
                ;;
            secl__subcmd__hvs__subcmd__help__subcmd__tag,create)
                cmd="secl__subcmd__hvs__subcmd__help__subcmd__tag__subcmd__create"
                ;;
            secl__subcmd__hvs__subcmd__help__subcmd__tag,delete)
                cmd="secl__subcmd__hvs__subcmd__help__subcmd__tag__subcmd__delete"
                ;;
            secl__subcmd__hvs__subcmd__help__subcmd__tag,deploy)
                cmd="secl__subcmd__hvs__subcmd__help__subcmd__tag__subcmd__deploy"
                ;;
            secl__subcmd__hvs__subcmd__help__subcmd__tag,list)
                cmd="secl__subcmd__hvs__subcmd__help__subcmd__tag__subcmd__list"
                ;;
            secl__subcmd__hvs__subcmd__help__subcmd__tag,show)
                cmd="secl__subcmd__hvs__subcmd__help__subcmd__tag__subcmd__show"
                ;;
            secl__subcmd__hvs__subcmd__help__subcmd__token,create)
                cmd="secl__subcmd__hvs__subcmd__help__subcmd__token__subcmd__create"
                ;;
            secl__subcmd__hvs__subcmd__help__subcmd__token,list)
                cmd="secl__subcmd__hvs__subcmd__help__subcmd__token__subcmd__list"
                ;;
            secl__subcmd__hvs__subcmd__help__subcmd__token,revoke)
                cmd="secl__subcmd__hvs__subcmd__help__subcmd__token__subcmd__revoke"
                ;;
            secl__subcmd__hvs__subcmd__host,add)
                cmd="secl__subcmd__hvs__subcmd__host__subcmd__add"
                ;;
            secl__subcmd__hvs__subcmd__host,delete)
                cmd="secl__subcmd__hvs__subcmd__host__subcmd__delete"
                ;;
            secl__subcmd__hvs__subcmd__host,flavorgroup)
                cmd="secl__subcmd__hvs__subcmd__host__subcmd__flavorgroup"
                ;;
            secl__subcmd__hvs__subcmd__host,help)
                cmd="secl__subcmd__hvs__subcmd__host__subcmd__help"
                ;;
            secl__subcmd__hvs__subcmd__host,list)
                cmd="secl__subcmd__hvs__subcmd__host__subcmd__list"
                ;;
            secl__subcmd__hvs__subcmd__host,show)
                cmd="secl__subcmd__hvs__subcmd__host__subcmd__show"
                ;;
            secl__subcmd__hvs__subcmd__host__subcmd__flavorgroup,add)
                cmd="secl__subcmd__hvs__subcmd__host__subcmd__flavorgroup__subcmd__add"
                ;;
            secl__subcmd__hvs__subcmd__host__subcmd__flavorgroup,help)
                cmd="secl__subcmd__hvs__subcmd__host__subcmd__flavorgroup__subcmd__help"
                ;;
            secl__subcmd__hvs__subcmd__host__subcmd__flavorgroup,list)
                cmd="secl__subcmd__hvs__subcmd__host__subcmd__flavorgroup__subcmd__list"
                ;;
            secl__subcmd__hvs__subcmd__host__subcmd__flavorgroup,remove)
                cmd="secl__subcmd__hvs__subcmd__host__subcmd__flavorgroup__subcmd__remove"
                ;;
            secl__subcmd__hvs__subcmd__host__subcmd__flavorgroup,show)
                cmd="secl__subcmd__hvs__subcmd__host__subcmd__flavorgroup__subcmd__show"
                ;;
            secl__subcmd__hvs__subcmd__host__subcmd__flavorgroup__subcmd__help,add)
                cmd="secl__subcmd__hvs__subcmd__host__subcmd__flavorgroup__subcmd__help__subcmd__add"
                ;;
            secl__subcmd__hvs__subcmd__host__subcmd__flavorgroup__subcmd__help,help)
                cmd="secl__subcmd__hvs__subcmd__host__subcmd__flavorgroup__subcmd__help__subcmd__help"
                ;;
            secl__subcmd__hvs__subcmd__host__subcmd__flavorgroup__subcmd__help,list)
                cmd="secl__subcmd__hvs__subcmd__host__subcmd__flavorgroup__subcmd__help__subcmd__list"
                ;;
            secl__subcmd__hvs__subcmd__host__subcmd__flavorgroup__subcmd__help,remove)
                cmd="secl__subcmd__hvs__subcmd__host__subcmd__flavorgroup__subcmd__help__subcmd__remove"
                ;;
            secl__subcmd__hvs__subcmd__host__subcmd__flavorgroup__subcmd__help,show)
                cmd="secl__subcmd__hvs__subcmd__host__subcmd__flavorgroup__subcmd__help__subcmd__show"
                ;;
            secl__subcmd__hvs__subcmd__host__subcmd__help,add)
                cmd="secl__subcmd__hvs__subcmd__host__subcmd__help__subcmd__add"
                ;;
            secl__subcmd__hvs__subcmd__host__subcmd__help,delete)
                cmd="secl__subcmd__hvs__subcmd__host__subcmd__help__subcmd__delete"
                ;;
            secl__subcmd__hvs__subcmd__host__subcmd__help,flavorgroup)
                cmd="secl__subcmd__hvs__subcmd__host__subcmd__help__subcmd__flavorgroup"
                ;;
            secl__subcmd__hvs__subcmd__host__subcmd__help,help)
                cmd="secl__subcmd__hvs__subcmd__host__subcmd__help__subcmd__help"
                ;;
            secl__subcmd__hvs__subcmd__host__subcmd__help,list)
                cmd="secl__subcmd__hvs__subcmd__host__subcmd__help__subcmd__list"
                ;;
            secl__subcmd__hvs__subcmd__host__subcmd__help,show)
                cmd="secl__subcmd__hvs__subcmd__host__subcmd__help__subcmd__show"
                ;;
            secl__subcmd__hvs__subcmd__host__subcmd__help__subcmd__flavorgroup,add)
                cmd="secl__subcmd__hvs__subcmd__host__subcmd__help__subcmd__flavorgroup__subcmd__add"
                ;;
            secl__subcmd__hvs__subcmd__host__subcmd__help__subcmd__flavorgroup,list)
                cmd="secl__subcmd__hvs__subcmd__host__subcmd__help__subcmd__flavorgroup__subcmd__list"
                ;;
            secl__subcmd__hvs__subcmd__host__subcmd__help__subcmd__flavorgroup,remove)
                cmd="secl__subcmd__hvs__subcmd__host__subcmd__help__subcmd__flavorgroup__subcmd__remove"
                ;;
            secl__subcmd__hvs__subcmd__host__subcmd__help__subcmd__flavorgroup,show)
                cmd="secl__subcmd__hvs__subcmd__host__subcmd__help__subcmd__flavorgroup__subcmd__show"
                ;;
            secl__subcmd__hvs__subcmd__report,create)
                cmd="secl__subcmd__hvs__subcmd__report__subcmd__create"
                ;;
            secl__subcmd__hvs__subcmd__report,help)
                cmd="secl__subcmd__hvs__subcmd__report__subcmd__help"
                ;;
            secl__subcmd__hvs__subcmd__report,list)
                cmd="secl__subcmd__hvs__subcmd__report__subcmd__list"
                ;;
            secl__subcmd__hvs__subcmd__report,show)
                cmd="secl__subcmd__hvs__subcmd__report__subcmd__show"
                ;;
            secl__subcmd__hvs__subcmd__report__subcmd__help,create)
                cmd="secl__subcmd__hvs__subcmd__report__subcmd__help__subcmd__create"
                ;;
            secl__subcmd__hvs__subcmd__report__subcmd__help,help)
                cmd="secl__subcmd__hvs__subcmd__report__subcmd__help__subcmd__help"
                ;;
            secl__subcmd__hvs__subcmd__report__subcmd__help,list)
                cmd="secl__subcmd__hvs__subcmd__report__subcmd__help__subcmd__list"
                ;;
            secl__subcmd__hvs__subcmd__report__subcmd__help,show)
                cmd="secl__subcmd__hvs__subcmd__report__subcmd__help__subcmd__show"
                ;;
            secl__subcmd__hvs__subcmd__tag,create)
                cmd="secl__subcmd__hvs__subcmd__tag__subcmd__create"
                ;;
            secl__subcmd__hvs__subcmd__tag,delete)
                cmd="secl__subcmd__hvs__subcmd__tag__subcmd__delete"
                ;;
            secl__subcmd__hvs__subcmd__tag,deploy)
                cmd="secl__subcmd__hvs__subcmd__tag__subcmd__deploy"
                ;;
            secl__subcmd__hvs__subcmd__tag,help)
                cmd="secl__subcmd__hvs__subcmd__tag__subcmd__help"
                ;;
            secl__subcmd__hvs__subcmd__tag,list)
                cmd="secl__subcmd__hvs__subcmd__tag__subcmd__list"
                ;;
            secl__subcmd__hvs__subcmd__tag,show)
                cmd="secl__subcmd__hvs__subcmd__tag__subcmd__show"
                ;;
            secl__subcmd__hvs__subcmd__tag__subcmd__help,create)
                cmd="secl__subcmd__hvs__subcmd__tag__subcmd__help__subcmd__create"
                ;;
            secl__subcmd__hvs__subcmd__tag__subcmd__help,delete)
                cmd="secl__subcmd__hvs__subcmd__tag__subcmd__help__subcmd__delete"
                ;;
            secl__subcmd__hvs__subcmd__tag__subcmd__help,deploy)
                cmd="secl__subcmd__hvs__subcmd__tag__subcmd__help__subcmd__deploy"
                ;;
            secl__subcmd__hvs__subcmd__tag__subcmd__help,help)
                cmd="secl__subcmd__hvs__subcmd__tag__subcmd__help__subcmd__help"
                ;;
            secl__subcmd__hvs__subcmd__tag__subcmd__help,list)
                cmd="secl__subcmd__hvs__subcmd__tag__subcmd__help__subcmd__list"
                ;;
            secl__subcmd__hvs__subcmd__tag__subcmd__help,show)
                cmd="secl__subcmd__hvs__subcmd__tag__subcmd__help__subcmd__show"
                ;;
            secl__subcmd__hvs__subcmd__token,create)
                cmd="secl__subcmd__hvs__subcmd__token__subcmd__create"
                ;;
            secl__subcmd__hvs__subcmd__token,help)
                cmd="secl__subcmd__hvs__subcmd__token__subcmd__help"
                ;;
            secl__subcmd__hvs__subcmd__token,list)
                cmd="secl__subcmd__hvs__subcmd__token__subcmd__list"
                ;;
            secl__subcmd__hvs__subcmd__token,revoke)
                cmd="secl__subcmd__hvs__subcmd__token__subcmd__revoke"
                ;;
            secl__subcmd__hvs__subcmd__token__subcmd__help,create)
                cmd="secl__subcmd__hvs__subcmd__token__subcmd__help__subcmd__create"
                ;;
            secl__subcmd__hvs__subcmd__token__subcmd__help,help)
                cmd="secl__subcmd__hvs__subcmd__token__subcmd__help__subcmd__help"
                ;;
            secl__subcmd__hvs__subcmd__token__subcmd__help,list)
                cmd="secl__subcmd__hvs__subcmd__token__subcmd__help__subcmd__list"
                ;;
            secl__subcmd__hvs__subcmd__token__subcmd__help,revoke)
                cmd="secl__subcmd__hvs__subcmd__token__subcmd__help__subcmd__revoke"
                ;;
            secl__subcmd__image,decrypt)
                cmd="secl__subcmd__image__subcmd__decrypt"
                ;;
            secl__subcmd__image,encrypt)
                cmd="secl__subcmd__image__subcmd__encrypt"
                ;;
            secl__subcmd__image,flavor)
                cmd="secl__subcmd__image__subcmd__flavor"
                ;;
            secl__subcmd__image,help)
                cmd="secl__subcmd__image__subcmd__help"
                ;;
            secl__subcmd__image,inspect)
                cmd="secl__subcmd__image__subcmd__inspect"
                ;;
            secl__subcmd__image__subcmd__flavor,create)
                cmd="secl__subcmd__image__subcmd__flavor__subcmd__create"
                ;;
            secl__subcmd__image__subcmd__flavor,help)
                cmd="secl__subcmd__image__subcmd__flavor__subcmd__help"
                ;;
            secl__subcmd__image__subcmd__flavor,keygen)
                cmd="secl__subcmd__image__subcmd__flavor__subcmd__keygen"
                ;;
            secl__subcmd__image__subcmd__flavor__subcmd__help,create)
                cmd="secl__subcmd__image__subcmd__flavor__subcmd__help__subcmd__create"
                ;;
            secl__subcmd__image__subcmd__flavor__subcmd__help,help)
                cmd="secl__subcmd__image__subcmd__flavor__subcmd__help__subcmd__help"
                ;;
            secl__subcmd__image__subcmd__flavor__subcmd__help,keygen)
                cmd="secl__subcmd__image__subcmd__flavor__subcmd__help__subcmd__keygen"
                ;;
            secl__subcmd__image__subcmd__help,decrypt)
                cmd="secl__subcmd__image__subcmd__help__subcmd__decrypt"
                ;;
            secl__subcmd__image__subcmd__help,encrypt)
                cmd="secl__subcmd__image__subcmd__help__subcmd__encrypt"
                ;;
            secl__subcmd__image__subcmd__help,flavor)
                cmd="secl__subcmd__image__subcmd__help__subcmd__flavor"
                ;;
            secl__subcmd__image__subcmd__help,help)
                cmd="secl__subcmd__image__subcmd__help__subcmd__help"
                ;;
            secl__subcmd__image__subcmd__help,inspect)
                cmd="secl__subcmd__image__subcmd__help__subcmd__inspect"
                ;;
            secl__subcmd__image__subcmd__help__subcmd__flavor,create)
                cmd="secl__subcmd__image__subcmd__help__subcmd__flavor__subcmd__create"
                ;;
            secl__subcmd__image__subcmd__help__subcmd__flavor,keygen)
                cmd="secl__subcmd__image__subcmd__help__subcmd__flavor__subcmd__keygen"
                ;;
            secl__subcmd__kbs,audit)
                cmd="secl__subcmd__kbs__subcmd__audit"
                ;;
            secl__subcmd__kbs,cert)
                cmd="secl__subcmd__kbs__subcmd__cert"
                ;;
            secl__subcmd__kbs,help)
                cmd="secl__subcmd__kbs__subcmd__help"
                ;;
            secl__subcmd__kbs,import-saml)
                cmd="secl__subcmd__kbs__subcmd__import__subcmd__saml"
                ;;
            secl__subcmd__kbs,import-tpm-identity)
                cmd="secl__subcmd__kbs__subcmd__import__subcmd__tpm__subcmd__identity"
                ;;
            secl__subcmd__kbs,key)
                cmd="secl__subcmd__kbs__subcmd__key"
                ;;
            secl__subcmd__kbs,policy)
                cmd="secl__subcmd__kbs__subcmd__policy"
                ;;
            secl__subcmd__kbs,token)
                cmd="secl__subcmd__kbs__subcmd__token"
                ;;
            secl__subcmd__kbs,trust-hvs)
                cmd="secl__subcmd__kbs__subcmd__trust__subcmd__hvs"
                ;;
            secl__subcmd__kbs,version)
                cmd="secl__subcmd__kbs__subcmd__version"
                ;;
            secl__subcmd__kbs__subcmd__cert,delete)
                cmd="secl__subcmd__kbs__subcmd__cert__subcmd__delete"
                ;;
            secl__subcmd__kbs__subcmd__cert,help)
                cmd="secl__subcmd__kbs__subcmd__cert__subcmd__help"
                ;;
            secl__subcmd__kbs__subcmd__cert,list)
                cmd="secl__subcmd__kbs__subcmd__cert__subcmd__list"
                ;;
            secl__subcmd__kbs__subcmd__cert,show)
                cmd="secl__subcmd__kbs__subcmd__cert__subcmd__show"
                ;;
            secl__subcmd__kbs__subcmd__cert__subcmd__help,delete)
                cmd="secl__subcmd__kbs__subcmd__cert__subcmd__help__subcmd__delete"
                ;;
            secl__subcmd__kbs__subcmd__cert__subcmd__help,help)
                cmd="secl__subcmd__kbs__subcmd__cert__subcmd__help__subcmd__help"
                ;;
            secl__subcmd__kbs__subcmd__cert__subcmd__help,list)
                cmd="secl__subcmd__kbs__subcmd__cert__subcmd__help__subcmd__list"
                ;;
            secl__subcmd__kbs__subcmd__cert__subcmd__help,show)
                cmd="secl__subcmd__kbs__subcmd__cert__subcmd__help__subcmd__show"
                ;;
            secl__subcmd__kbs__subcmd__help,audit)
                cmd="secl__subcmd__kbs__subcmd__help__subcmd__audit"
                ;;
            secl__subcmd__kbs__subcmd__help,cert)
                cmd="secl__subcmd__kbs__subcmd__help__subcmd__cert"
                ;;
            secl__subcmd__kbs__subcmd__help,help)
                cmd="secl__subcmd__kbs__subcmd__help__subcmd__help"
                ;;
            secl__subcmd__kbs__subcmd__help,import-saml)
                cmd="secl__subcmd__kbs__subcmd__help__subcmd__import__subcmd__saml"
                ;;
            secl__subcmd__kbs__subcmd__help,import-tpm-identity)
                cmd="secl__subcmd__kbs__subcmd__help__subcmd__import__subcmd__tpm__subcmd__identity"
                ;;
            secl__subcmd__kbs__subcmd__help,key)
                cmd="secl__subcmd__kbs__subcmd__help__subcmd__key"
                ;;
            secl__subcmd__kbs__subcmd__help,policy)
                cmd="secl__subcmd__kbs__subcmd__help__subcmd__policy"
                ;;
            secl__subcmd__kbs__subcmd__help,token)
                cmd="secl__subcmd__kbs__subcmd__help__subcmd__token"
                ;;
            secl__subcmd__kbs__subcmd__help,trust-hvs)
                cmd="secl__subcmd__kbs__subcmd__help__subcmd__trust__subcmd__hvs"
                ;;
            secl__subcmd__kbs__subcmd__help,version)
                cmd="secl__subcmd__kbs__subcmd__help__subcmd__version"
                ;;
            secl__subcmd__kbs__subcmd__help__subcmd__cert,delete)
                cmd="secl__subcmd__kbs__subcmd__help__subcmd__cert__subcmd__delete"
                ;;
            secl__subcmd__kbs__subcmd__help__subcmd__cert,list)
                cmd="secl__subcmd__kbs__subcmd__help__subcmd__cert__subcmd__list"
                ;;
            secl__subcmd__kbs__subcmd__help__subcmd__cert,show)
                cmd="secl__subcmd__kbs__subcmd__help__subcmd__cert__subcmd__show"
                ;;
            secl__subcmd__kbs__subcmd__help__subcmd__key,create)
                cmd="secl__subcmd__kbs__subcmd__help__subcmd__key__subcmd__create"
                ;;
            secl__subcmd__kbs__subcmd__help__subcmd__key,delete)
                cmd="secl__subcmd__kbs__subcmd__help__subcmd__key__subcmd__delete"
                ;;
            secl__subcmd__kbs__subcmd__help__subcmd__key,list)
                cmd="secl__subcmd__kbs__subcmd__help__subcmd__key__subcmd__list"
                ;;
            secl__subcmd__kbs__subcmd__help__subcmd__key,show)
                cmd="secl__subcmd__kbs__subcmd__help__subcmd__key__subcmd__show"
                ;;
            secl__subcmd__kbs__subcmd__help__subcmd__policy,create)
                cmd="secl__subcmd__kbs__subcmd__help__subcmd__policy__subcmd__create"
                ;;
            secl__subcmd__kbs__subcmd__help__subcmd__policy,delete)
                cmd="secl__subcmd__kbs__subcmd__help__subcmd__policy__subcmd__delete"
                ;;
            secl__subcmd__kbs__subcmd__help__subcmd__policy,list)
                cmd="secl__subcmd__kbs__subcmd__help__subcmd__policy__subcmd__list"
                ;;
            secl__subcmd__kbs__subcmd__help__subcmd__policy,show)
                cmd="secl__subcmd__kbs__subcmd__help__subcmd__policy__subcmd__show"
                ;;
            secl__subcmd__kbs__subcmd__help__subcmd__policy,update)
                cmd="secl__subcmd__kbs__subcmd__help__subcmd__policy__subcmd__update"
                ;;
            secl__subcmd__kbs__subcmd__help__subcmd__token,create)
                cmd="secl__subcmd__kbs__subcmd__help__subcmd__token__subcmd__create"
                ;;
            secl__subcmd__kbs__subcmd__help__subcmd__token,list)
                cmd="secl__subcmd__kbs__subcmd__help__subcmd__token__subcmd__list"
                ;;
            secl__subcmd__kbs__subcmd__help__subcmd__token,revoke)
                cmd="secl__subcmd__kbs__subcmd__help__subcmd__token__subcmd__revoke"
                ;;
            secl__subcmd__kbs__subcmd__key,create)
                cmd="secl__subcmd__kbs__subcmd__key__subcmd__create"
                ;;
            secl__subcmd__kbs__subcmd__key,delete)
                cmd="secl__subcmd__kbs__subcmd__key__subcmd__delete"
                ;;
            secl__subcmd__kbs__subcmd__key,help)
                cmd="secl__subcmd__kbs__subcmd__key__subcmd__help"
                ;;
            secl__subcmd__kbs__subcmd__key,list)
                cmd="secl__subcmd__kbs__subcmd__key__subcmd__list"
                ;;
            secl__subcmd__kbs__subcmd__key,show)
                cmd="secl__subcmd__kbs__subcmd__key__subcmd__show"
                ;;
            secl__subcmd__kbs__subcmd__key__subcmd__help,create)
                cmd="secl__subcmd__kbs__subcmd__key__subcmd__help__subcmd__create"
                ;;
            secl__subcmd__kbs__subcmd__key__subcmd__help,delete)
                cmd="secl__subcmd__kbs__subcmd__key__subcmd__help__subcmd__delete"
                ;;
            secl__subcmd__kbs__subcmd__key__subcmd__help,help)
                cmd="secl__subcmd__kbs__subcmd__key__subcmd__help__subcmd__help"
                ;;
            secl__subcmd__kbs__subcmd__key__subcmd__help,list)
                cmd="secl__subcmd__kbs__subcmd__key__subcmd__help__subcmd__list"
                ;;
            secl__subcmd__kbs__subcmd__key__subcmd__help,show)
                cmd="secl__subcmd__kbs__subcmd__key__subcmd__help__subcmd__show"
                ;;
            secl__subcmd__kbs__subcmd__policy,create)
                cmd="secl__subcmd__kbs__subcmd__policy__subcmd__create"
                ;;
            secl__subcmd__kbs__subcmd__policy,delete)
                cmd="secl__subcmd__kbs__subcmd__policy__subcmd__delete"
                ;;
            secl__subcmd__kbs__subcmd__policy,help)
                cmd="secl__subcmd__kbs__subcmd__policy__subcmd__help"
                ;;
            secl__subcmd__kbs__subcmd__policy,list)
                cmd="secl__subcmd__kbs__subcmd__policy__subcmd__list"
                ;;
            secl__subcmd__kbs__subcmd__policy,show)
                cmd="secl__subcmd__kbs__subcmd__policy__subcmd__show"
                ;;
            secl__subcmd__kbs__subcmd__policy,update)
                cmd="secl__subcmd__kbs__subcmd__policy__subcmd__update"
                ;;
            secl__subcmd__kbs__subcmd__policy__subcmd__help,create)
                cmd="secl__subcmd__kbs__subcmd__policy__subcmd__help__subcmd__create"
                ;;
            secl__subcmd__kbs__subcmd__policy__subcmd__help,delete)
                cmd="secl__subcmd__kbs__subcmd__policy__subcmd__help__subcmd__delete"
                ;;
            secl__subcmd__kbs__subcmd__policy__subcmd__help,help)
                cmd="secl__subcmd__kbs__subcmd__policy__subcmd__help__subcmd__help"
                ;;
            secl__subcmd__kbs__subcmd__policy__subcmd__help,list)
                cmd="secl__subcmd__kbs__subcmd__policy__subcmd__help__subcmd__list"
                ;;
            secl__subcmd__kbs__subcmd__policy__subcmd__help,show)
                cmd="secl__subcmd__kbs__subcmd__policy__subcmd__help__subcmd__show"
                ;;
            secl__subcmd__kbs__subcmd__policy__subcmd__help,update)
                cmd="secl__subcmd__kbs__subcmd__policy__subcmd__help__subcmd__update"
                ;;
            secl__subcmd__kbs__subcmd__token,create)
                cmd="secl__subcmd__kbs__subcmd__token__subcmd__create"
                ;;
            secl__subcmd__kbs__subcmd__token,help)
                cmd="secl__subcmd__kbs__subcmd__token__subcmd__help"
                ;;
            secl__subcmd__kbs__subcmd__token,list)
                cmd="secl__subcmd__kbs__subcmd__token__subcmd__list"
                ;;
            secl__subcmd__kbs__subcmd__token,revoke)
                cmd="secl__subcmd__kbs__subcmd__token__subcmd__revoke"
                ;;
            secl__subcmd__kbs__subcmd__token__subcmd__help,create)
                cmd="secl__subcmd__kbs__subcmd__token__subcmd__help__subcmd__create"
                ;;
            secl__subcmd__kbs__subcmd__token__subcmd__help,help)
                cmd="secl__subcmd__kbs__subcmd__token__subcmd__help__subcmd__help"
                ;;
            secl__subcmd__kbs__subcmd__token__subcmd__help,list)
                cmd="secl__subcmd__kbs__subcmd__token__subcmd__help__subcmd__list"
                ;;
            secl__subcmd__kbs__subcmd__token__subcmd__help,revoke)
                cmd="secl__subcmd__kbs__subcmd__token__subcmd__help__subcmd__revoke"
                ;;
            secl__subcmd__wls,flavor)
                cmd="secl__subcmd__wls__subcmd__flavor"
                ;;
            secl__subcmd__wls,help)
                cmd="secl__subcmd__wls__subcmd__help"
                ;;
            secl__subcmd__wls,token)
                cmd="secl__subcmd__wls__subcmd__token"
                ;;
            secl__subcmd__wls,version)
                cmd="secl__subcmd__wls__subcmd__version"
                ;;
            secl__subcmd__wls__subcmd__flavor,delete)
                cmd="secl__subcmd__wls__subcmd__flavor__subcmd__delete"
                ;;
            secl__subcmd__wls__subcmd__flavor,help)
                cmd="secl__subcmd__wls__subcmd__flavor__subcmd__help"
                ;;
            secl__subcmd__wls__subcmd__flavor,list)
                cmd="secl__subcmd__wls__subcmd__flavor__subcmd__list"
                ;;
            secl__subcmd__wls__subcmd__flavor,show)
                cmd="secl__subcmd__wls__subcmd__flavor__subcmd__show"
                ;;
            secl__subcmd__wls__subcmd__flavor,upload)
                cmd="secl__subcmd__wls__subcmd__flavor__subcmd__upload"
                ;;
            secl__subcmd__wls__subcmd__flavor__subcmd__help,delete)
                cmd="secl__subcmd__wls__subcmd__flavor__subcmd__help__subcmd__delete"
                ;;
            secl__subcmd__wls__subcmd__flavor__subcmd__help,help)
                cmd="secl__subcmd__wls__subcmd__flavor__subcmd__help__subcmd__help"
                ;;
            secl__subcmd__wls__subcmd__flavor__subcmd__help,list)
                cmd="secl__subcmd__wls__subcmd__flavor__subcmd__help__subcmd__list"
                ;;
            secl__subcmd__wls__subcmd__flavor__subcmd__help,show)
                cmd="secl__subcmd__wls__subcmd__flavor__subcmd__help__subcmd__show"
                ;;
            secl__subcmd__wls__subcmd__flavor__subcmd__help,upload)
                cmd="secl__subcmd__wls__subcmd__flavor__subcmd__help__subcmd__upload"
                ;;
            secl__subcmd__wls__subcmd__help,flavor)
                cmd="secl__subcmd__wls__subcmd__help__subcmd__flavor"
                ;;
            secl__subcmd__wls__subcmd__help,help)
                cmd="secl__subcmd__wls__subcmd__help__subcmd__help"
                ;;
            secl__subcmd__wls__subcmd__help,token)
                cmd="secl__subcmd__wls__subcmd__help__subcmd__token"
                ;;
            secl__subcmd__wls__subcmd__help,version)
                cmd="secl__subcmd__wls__subcmd__help__subcmd__version"
                ;;
            secl__subcmd__wls__subcmd__help__subcmd__flavor,delete)
                cmd="secl__subcmd__wls__subcmd__help__subcmd__flavor__subcmd__delete"
                ;;
            secl__subcmd__wls__subcmd__help__subcmd__flavor,list)
                cmd="secl__subcmd__wls__subcmd__help__subcmd__flavor__subcmd__list"
                ;;
            secl__subcmd__wls__subcmd__help__subcmd__flavor,show)
                cmd="secl__subcmd__wls__subcmd__help__subcmd__flavor__subcmd__show"
                ;;
            secl__subcmd__wls__subcmd__help__subcmd__flavor,upload)
                cmd="secl__subcmd__wls__subcmd__help__subcmd__flavor__subcmd__upload"
                ;;
            secl__subcmd__wls__subcmd__help__subcmd__token,create)
                cmd="secl__subcmd__wls__subcmd__help__subcmd__token__subcmd__create"
                ;;
            secl__subcmd__wls__subcmd__help__subcmd__token,list)
                cmd="secl__subcmd__wls__subcmd__help__subcmd__token__subcmd__list"
                ;;
            secl__subcmd__wls__subcmd__help__subcmd__token,revoke)
                cmd="secl__subcmd__wls__subcmd__help__subcmd__token__subcmd__revoke"
                ;;
            secl__subcmd__wls__subcmd__token,create)
                cmd="secl__subcmd__wls__subcmd__token__subcmd__create"
                ;;
            secl__subcmd__wls__subcmd__token,help)
                cmd="secl__subcmd__wls__subcmd__token__subcmd__help"
                ;;
            secl__subcmd__wls__subcmd__token,list)
                cmd="secl__subcmd__wls__subcmd__token__subcmd__list"
                ;;
            secl__subcmd__wls__subcmd__token,revoke)
                cmd="secl__subcmd__wls__subcmd__token__subcmd__revoke"
                ;;
            secl__subcmd__wls__subcmd__token__subcmd__help,create)
                cmd="secl__subcmd__wls__subcmd__token__subcmd__help__subcmd__create"
                ;;
            secl__subcmd__wls__subcmd__token__subcmd__help,help)
                cmd="secl__subcmd__wls__subcmd__token__subcmd__help__subcmd__help"
                ;;
            secl__subcmd__wls__subcmd__token__subcmd__help,list)
                cmd="secl__subcmd__wls__subcmd__token__subcmd__help__subcmd__list"
                ;;
            secl__subcmd__wls__subcmd__token__subcmd__help,revoke)
                cmd="secl__subcmd__wls__subcmd__token__subcmd__help__subcmd__revoke"
                ;;
            *)
                ;;
        esac
    done

    case "${cmd}" in
        secl)
            opts="-q -h -V --output --quiet --config --help --version kbs hvs wls image keyprovider completions help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 1 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__completions)
            opts="-q -h -V --output --quiet --config --help --version bash elvish fish powershell zsh"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help)
            opts="kbs hvs wls image keyprovider completions help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__completions)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__hvs)
            opts="host flavor flavorgroup report tag ek token ca-cert version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__hvs__subcmd__ca__subcmd__cert)
            opts="get"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__hvs__subcmd__ca__subcmd__cert__subcmd__get)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__hvs__subcmd__ek)
            opts="register list show revoke unrevoke delete"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__hvs__subcmd__ek__subcmd__delete)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__hvs__subcmd__ek__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__hvs__subcmd__ek__subcmd__register)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__hvs__subcmd__ek__subcmd__revoke)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__hvs__subcmd__ek__subcmd__show)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__hvs__subcmd__ek__subcmd__unrevoke)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__hvs__subcmd__flavor)
            opts="create import list show delete"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__hvs__subcmd__flavor__subcmd__create)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__hvs__subcmd__flavor__subcmd__delete)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__hvs__subcmd__flavor__subcmd__import)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__hvs__subcmd__flavor__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__hvs__subcmd__flavor__subcmd__show)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__hvs__subcmd__flavorgroup)
            opts="create list show delete add-flavor remove-flavor"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__hvs__subcmd__flavorgroup__subcmd__add__subcmd__flavor)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__hvs__subcmd__flavorgroup__subcmd__create)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__hvs__subcmd__flavorgroup__subcmd__delete)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__hvs__subcmd__flavorgroup__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__hvs__subcmd__flavorgroup__subcmd__remove__subcmd__flavor)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__hvs__subcmd__flavorgroup__subcmd__show)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__hvs__subcmd__host)
            opts="add list show delete flavorgroup"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__hvs__subcmd__host__subcmd__add)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__hvs__subcmd__host__subcmd__delete)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__hvs__subcmd__host__subcmd__flavorgroup)
            opts="list add show remove"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__hvs__subcmd__host__subcmd__flavorgroup__subcmd__add)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 6 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__hvs__subcmd__host__subcmd__flavorgroup__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 6 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__hvs__subcmd__host__subcmd__flavorgroup__subcmd__remove)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 6 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__hvs__subcmd__host__subcmd__flavorgroup__subcmd__show)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 6 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__hvs__subcmd__host__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__hvs__subcmd__host__subcmd__show)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__hvs__subcmd__report)
            opts="create list show"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__hvs__subcmd__report__subcmd__create)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__hvs__subcmd__report__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__hvs__subcmd__report__subcmd__show)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__hvs__subcmd__tag)
            opts="create list show delete deploy"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__hvs__subcmd__tag__subcmd__create)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__hvs__subcmd__tag__subcmd__delete)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__hvs__subcmd__tag__subcmd__deploy)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__hvs__subcmd__tag__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__hvs__subcmd__tag__subcmd__show)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__hvs__subcmd__token)
            opts="create list revoke"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__hvs__subcmd__token__subcmd__create)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__hvs__subcmd__token__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__hvs__subcmd__token__subcmd__revoke)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__hvs__subcmd__version)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__image)
            opts="encrypt decrypt inspect flavor"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__image__subcmd__decrypt)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__image__subcmd__encrypt)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__image__subcmd__flavor)
            opts="create keygen"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__image__subcmd__flavor__subcmd__create)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__image__subcmd__flavor__subcmd__keygen)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__image__subcmd__inspect)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__kbs)
            opts="key import-saml import-tpm-identity trust-hvs cert policy token audit version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__kbs__subcmd__audit)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__kbs__subcmd__cert)
            opts="list show delete"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__kbs__subcmd__cert__subcmd__delete)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__kbs__subcmd__cert__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__kbs__subcmd__cert__subcmd__show)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__kbs__subcmd__import__subcmd__saml)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__kbs__subcmd__import__subcmd__tpm__subcmd__identity)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__kbs__subcmd__key)
            opts="create list show delete"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__kbs__subcmd__key__subcmd__create)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__kbs__subcmd__key__subcmd__delete)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__kbs__subcmd__key__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__kbs__subcmd__key__subcmd__show)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__kbs__subcmd__policy)
            opts="create list show update delete"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__kbs__subcmd__policy__subcmd__create)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__kbs__subcmd__policy__subcmd__delete)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__kbs__subcmd__policy__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__kbs__subcmd__policy__subcmd__show)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__kbs__subcmd__policy__subcmd__update)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__kbs__subcmd__token)
            opts="create list revoke"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__kbs__subcmd__token__subcmd__create)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__kbs__subcmd__token__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__kbs__subcmd__token__subcmd__revoke)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__kbs__subcmd__trust__subcmd__hvs)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__kbs__subcmd__version)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__keyprovider)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__wls)
            opts="flavor token version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__wls__subcmd__flavor)
            opts="upload list show delete"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__wls__subcmd__flavor__subcmd__delete)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__wls__subcmd__flavor__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__wls__subcmd__flavor__subcmd__show)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__wls__subcmd__flavor__subcmd__upload)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__wls__subcmd__token)
            opts="create list revoke"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__wls__subcmd__token__subcmd__create)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__wls__subcmd__token__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__wls__subcmd__token__subcmd__revoke)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__help__subcmd__wls__subcmd__version)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs)
            opts="-q -h -V --hvs-url --hvs-ca-cert --hvs-token-file --output --quiet --config --help --version host flavor flavorgroup report tag ek token ca-cert version help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --hvs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__ca__subcmd__cert)
            opts="-q -h -V --hvs-url --hvs-ca-cert --hvs-token-file --output --quiet --config --help --version get help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --hvs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__ca__subcmd__cert__subcmd__get)
            opts="-q -h -V --domain --type --hvs-url --hvs-ca-cert --hvs-token-file --output --quiet --config --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --domain)
                    COMPREPLY=($(compgen -W "saml root ek" -- "${cur}"))
                    return 0
                    ;;
                --type)
                    COMPREPLY=($(compgen -W "privacy saml ek tag" -- "${cur}"))
                    return 0
                    ;;
                --hvs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__ca__subcmd__cert__subcmd__help)
            opts="get help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__ca__subcmd__cert__subcmd__help__subcmd__get)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__ca__subcmd__cert__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__ek)
            opts="-q -h -V --hvs-url --hvs-ca-cert --hvs-token-file --output --quiet --config --help --version register list show revoke unrevoke delete help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --hvs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__ek__subcmd__delete)
            opts="-y -q -h -V --yes --hvs-url --hvs-ca-cert --hvs-token-file --output --quiet --config --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --hvs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__ek__subcmd__help)
            opts="register list show revoke unrevoke delete help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__ek__subcmd__help__subcmd__delete)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__ek__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__ek__subcmd__help__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__ek__subcmd__help__subcmd__register)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__ek__subcmd__help__subcmd__revoke)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__ek__subcmd__help__subcmd__show)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__ek__subcmd__help__subcmd__unrevoke)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__ek__subcmd__list)
            opts="-q -h -V --hardware-uuid --revoked --hvs-url --hvs-ca-cert --hvs-token-file --output --quiet --config --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --hardware-uuid)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --revoked)
                    COMPREPLY=($(compgen -W "true false" -- "${cur}"))
                    return 0
                    ;;
                --hvs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__ek__subcmd__register)
            opts="-q -h -V --certificate --hardware-uuid --comment --issuer --hvs-url --hvs-ca-cert --hvs-token-file --output --quiet --config --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --certificate)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hardware-uuid)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --comment)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --issuer)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__ek__subcmd__revoke)
            opts="-q -h -V --hvs-url --hvs-ca-cert --hvs-token-file --output --quiet --config --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --hvs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__ek__subcmd__show)
            opts="-q -h -V --hvs-url --hvs-ca-cert --hvs-token-file --output --quiet --config --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --hvs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__ek__subcmd__unrevoke)
            opts="-q -h -V --hvs-url --hvs-ca-cert --hvs-token-file --output --quiet --config --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --hvs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__flavor)
            opts="-q -h -V --hvs-url --hvs-ca-cert --hvs-token-file --output --quiet --config --help --version create import list show delete help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --hvs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__flavor__subcmd__create)
            opts="-q -h -V --from-host --part --flavorgroup --hvs-url --hvs-ca-cert --hvs-token-file --output --quiet --config --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --from-host)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --part)
                    COMPREPLY=($(compgen -W "PLATFORM OS HOST_UNIQUE" -- "${cur}"))
                    return 0
                    ;;
                --flavorgroup)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__flavor__subcmd__delete)
            opts="-y -q -h -V --yes --hvs-url --hvs-ca-cert --hvs-token-file --output --quiet --config --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --hvs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__flavor__subcmd__help)
            opts="create import list show delete help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__flavor__subcmd__help__subcmd__create)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__flavor__subcmd__help__subcmd__delete)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__flavor__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__flavor__subcmd__help__subcmd__import)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__flavor__subcmd__help__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__flavor__subcmd__help__subcmd__show)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__flavor__subcmd__import)
            opts="-q -h -V --flavorgroup --hvs-url --hvs-ca-cert --hvs-token-file --output --quiet --config --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --flavorgroup)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__flavor__subcmd__list)
            opts="-q -h -V --hvs-url --hvs-ca-cert --hvs-token-file --output --quiet --config --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --hvs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__flavor__subcmd__show)
            opts="-q -h -V --hvs-url --hvs-ca-cert --hvs-token-file --output --quiet --config --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --hvs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__flavorgroup)
            opts="-q -h -V --hvs-url --hvs-ca-cert --hvs-token-file --output --quiet --config --help --version create list show delete add-flavor remove-flavor help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --hvs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__flavorgroup__subcmd__add__subcmd__flavor)
            opts="-q -h -V --hvs-url --hvs-ca-cert --hvs-token-file --output --quiet --config --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --hvs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__flavorgroup__subcmd__create)
            opts="-q -h -V --name --policy --hvs-url --hvs-ca-cert --hvs-token-file --output --quiet --config --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --policy)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__flavorgroup__subcmd__delete)
            opts="-y -q -h -V --yes --hvs-url --hvs-ca-cert --hvs-token-file --output --quiet --config --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --hvs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__flavorgroup__subcmd__help)
            opts="create list show delete add-flavor remove-flavor help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__flavorgroup__subcmd__help__subcmd__add__subcmd__flavor)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__flavorgroup__subcmd__help__subcmd__create)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__flavorgroup__subcmd__help__subcmd__delete)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__flavorgroup__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__flavorgroup__subcmd__help__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__flavorgroup__subcmd__help__subcmd__remove__subcmd__flavor)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__flavorgroup__subcmd__help__subcmd__show)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__flavorgroup__subcmd__list)
            opts="-q -h -V --name --name-contains --hvs-url --hvs-ca-cert --hvs-token-file --output --quiet --config --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --name-contains)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__flavorgroup__subcmd__remove__subcmd__flavor)
            opts="-q -h -V --hvs-url --hvs-ca-cert --hvs-token-file --output --quiet --config --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --hvs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__flavorgroup__subcmd__show)
            opts="-q -h -V --hvs-url --hvs-ca-cert --hvs-token-file --output --quiet --config --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --hvs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__help)
            opts="host flavor flavorgroup report tag ek token ca-cert version help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__help__subcmd__ca__subcmd__cert)
            opts="get"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__help__subcmd__ca__subcmd__cert__subcmd__get)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__help__subcmd__ek)
            opts="register list show revoke unrevoke delete"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__help__subcmd__ek__subcmd__delete)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__help__subcmd__ek__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__help__subcmd__ek__subcmd__register)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__help__subcmd__ek__subcmd__revoke)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__help__subcmd__ek__subcmd__show)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__help__subcmd__ek__subcmd__unrevoke)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__help__subcmd__flavor)
            opts="create import list show delete"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__help__subcmd__flavor__subcmd__create)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__help__subcmd__flavor__subcmd__delete)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__help__subcmd__flavor__subcmd__import)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__help__subcmd__flavor__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__help__subcmd__flavor__subcmd__show)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__help__subcmd__flavorgroup)
            opts="create list show delete add-flavor remove-flavor"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__help__subcmd__flavorgroup__subcmd__add__subcmd__flavor)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__help__subcmd__flavorgroup__subcmd__create)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__help__subcmd__flavorgroup__subcmd__delete)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__help__subcmd__flavorgroup__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__help__subcmd__flavorgroup__subcmd__remove__subcmd__flavor)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__help__subcmd__flavorgroup__subcmd__show)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__help__subcmd__host)
            opts="add list show delete flavorgroup"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__help__subcmd__host__subcmd__add)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__help__subcmd__host__subcmd__delete)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__help__subcmd__host__subcmd__flavorgroup)
            opts="list add show remove"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__help__subcmd__host__subcmd__flavorgroup__subcmd__add)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 6 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__help__subcmd__host__subcmd__flavorgroup__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 6 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__help__subcmd__host__subcmd__flavorgroup__subcmd__remove)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 6 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__help__subcmd__host__subcmd__flavorgroup__subcmd__show)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 6 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__help__subcmd__host__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__help__subcmd__host__subcmd__show)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__help__subcmd__report)
            opts="create list show"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__help__subcmd__report__subcmd__create)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__help__subcmd__report__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__help__subcmd__report__subcmd__show)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__help__subcmd__tag)
            opts="create list show delete deploy"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__help__subcmd__tag__subcmd__create)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__help__subcmd__tag__subcmd__delete)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__help__subcmd__tag__subcmd__deploy)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__help__subcmd__tag__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__help__subcmd__tag__subcmd__show)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__help__subcmd__token)
            opts="create list revoke"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__help__subcmd__token__subcmd__create)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__help__subcmd__token__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__help__subcmd__token__subcmd__revoke)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__help__subcmd__version)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__host)
            opts="-q -h -V --hvs-url --hvs-ca-cert --hvs-token-file --output --quiet --config --help --version add list show delete flavorgroup help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --hvs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__host__subcmd__add)
            opts="-q -h -V --ta-ca --ta-token-file --description --flavorgroup --hvs-url --hvs-ca-cert --hvs-token-file --output --quiet --config --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --ta-ca)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ta-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --description)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --flavorgroup)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__host__subcmd__delete)
            opts="-y -q -h -V --yes --hvs-url --hvs-ca-cert --hvs-token-file --output --quiet --config --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --hvs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__host__subcmd__flavorgroup)
            opts="-q -h -V --hvs-url --hvs-ca-cert --hvs-token-file --output --quiet --config --help --version list add show remove help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --hvs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__host__subcmd__flavorgroup__subcmd__add)
            opts="-q -h -V --hvs-url --hvs-ca-cert --hvs-token-file --output --quiet --config --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --hvs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__host__subcmd__flavorgroup__subcmd__help)
            opts="list add show remove help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__host__subcmd__flavorgroup__subcmd__help__subcmd__add)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 6 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__host__subcmd__flavorgroup__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 6 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__host__subcmd__flavorgroup__subcmd__help__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 6 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__host__subcmd__flavorgroup__subcmd__help__subcmd__remove)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 6 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__host__subcmd__flavorgroup__subcmd__help__subcmd__show)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 6 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__host__subcmd__flavorgroup__subcmd__list)
            opts="-q -h -V --hvs-url --hvs-ca-cert --hvs-token-file --output --quiet --config --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --hvs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__host__subcmd__flavorgroup__subcmd__remove)
            opts="-q -h -V --hvs-url --hvs-ca-cert --hvs-token-file --output --quiet --config --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --hvs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__host__subcmd__flavorgroup__subcmd__show)
            opts="-q -h -V --hvs-url --hvs-ca-cert --hvs-token-file --output --quiet --config --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --hvs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__host__subcmd__help)
            opts="add list show delete flavorgroup help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__host__subcmd__help__subcmd__add)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__host__subcmd__help__subcmd__delete)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__host__subcmd__help__subcmd__flavorgroup)
            opts="list add show remove"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__host__subcmd__help__subcmd__flavorgroup__subcmd__add)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 6 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__host__subcmd__help__subcmd__flavorgroup__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 6 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__host__subcmd__help__subcmd__flavorgroup__subcmd__remove)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 6 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__host__subcmd__help__subcmd__flavorgroup__subcmd__show)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 6 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__host__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__host__subcmd__help__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__host__subcmd__help__subcmd__show)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__host__subcmd__list)
            opts="-q -h -V --hvs-url --hvs-ca-cert --hvs-token-file --output --quiet --config --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --hvs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__host__subcmd__show)
            opts="-q -h -V --hvs-url --hvs-ca-cert --hvs-token-file --output --quiet --config --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --hvs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__report)
            opts="-q -h -V --hvs-url --hvs-ca-cert --hvs-token-file --output --quiet --config --help --version create list show help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --hvs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__report__subcmd__create)
            opts="-q -h -V --host --hardware-uuid --saml --hvs-url --hvs-ca-cert --hvs-token-file --output --quiet --config --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --host)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hardware-uuid)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__report__subcmd__help)
            opts="create list show help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__report__subcmd__help__subcmd__create)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__report__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__report__subcmd__help__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__report__subcmd__help__subcmd__show)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__report__subcmd__list)
            opts="-q -h -V --host --hardware-uuid --host-name --host-status --from --to --days --limit --after --all --hvs-url --hvs-ca-cert --hvs-token-file --output --quiet --config --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --host)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hardware-uuid)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --host-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --host-status)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --from)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --to)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --days)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --limit)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --after)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__report__subcmd__show)
            opts="-q -h -V --saml --hvs-url --hvs-ca-cert --hvs-token-file --output --quiet --config --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --hvs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__tag)
            opts="-q -h -V --hvs-url --hvs-ca-cert --hvs-token-file --output --quiet --config --help --version create list show delete deploy help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --hvs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__tag__subcmd__create)
            opts="-q -h -V --host --hardware-uuid --tag --hvs-url --hvs-ca-cert --hvs-token-file --output --quiet --config --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --host)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hardware-uuid)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tag)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__tag__subcmd__delete)
            opts="-y -q -h -V --yes --hvs-url --hvs-ca-cert --hvs-token-file --output --quiet --config --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --hvs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__tag__subcmd__deploy)
            opts="-q -h -V --hvs-url --hvs-ca-cert --hvs-token-file --output --quiet --config --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --hvs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__tag__subcmd__help)
            opts="create list show delete deploy help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__tag__subcmd__help__subcmd__create)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__tag__subcmd__help__subcmd__delete)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__tag__subcmd__help__subcmd__deploy)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__tag__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__tag__subcmd__help__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__tag__subcmd__help__subcmd__show)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__tag__subcmd__list)
            opts="-q -h -V --host --hardware-uuid --valid-on --hvs-url --hvs-ca-cert --hvs-token-file --output --quiet --config --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --host)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hardware-uuid)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --valid-on)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__tag__subcmd__show)
            opts="-q -h -V --hvs-url --hvs-ca-cert --hvs-token-file --output --quiet --config --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --hvs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__token)
            opts="-q -h -V --hvs-url --hvs-ca-cert --hvs-token-file --output --quiet --config --help --version create list revoke help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --hvs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__token__subcmd__create)
            opts="-q -h -V --name --permission --expires-in --hvs-url --hvs-ca-cert --hvs-token-file --output --quiet --config --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --permission)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --expires-in)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__token__subcmd__help)
            opts="create list revoke help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__token__subcmd__help__subcmd__create)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__token__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__token__subcmd__help__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__token__subcmd__help__subcmd__revoke)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__token__subcmd__list)
            opts="-q -h -V --hvs-url --hvs-ca-cert --hvs-token-file --output --quiet --config --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --hvs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__token__subcmd__revoke)
            opts="-y -q -h -V --yes --hvs-url --hvs-ca-cert --hvs-token-file --output --quiet --config --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --hvs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__hvs__subcmd__version)
            opts="-q -h -V --hvs-url --hvs-ca-cert --hvs-token-file --output --quiet --config --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --hvs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__image)
            opts="-q -h -V --kbs-url --ca-cert --token-file --output --quiet --config --help --version encrypt decrypt inspect flavor help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --kbs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__image__subcmd__decrypt)
            opts="-q -h -V --jobs --src-plain-http --src-tls-verify --dest-plain-http --dest-tls-verify --envelope-key --kbs-url --ca-cert --token-file --output --quiet --config --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --jobs)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --src-tls-verify)
                    COMPREPLY=($(compgen -W "true false" -- "${cur}"))
                    return 0
                    ;;
                --dest-tls-verify)
                    COMPREPLY=($(compgen -W "true false" -- "${cur}"))
                    return 0
                    ;;
                --envelope-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --kbs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__image__subcmd__encrypt)
            opts="-q -h -V --key-id --usage --label --layer --jobs --verify-source --no-verify-source --src-plain-http --src-tls-verify --dest-plain-http --dest-tls-verify --envelope-key --kbs-url --ca-cert --token-file --output --quiet --config --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --key-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --usage)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --label)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --layer)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --jobs)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --src-tls-verify)
                    COMPREPLY=($(compgen -W "true false" -- "${cur}"))
                    return 0
                    ;;
                --dest-tls-verify)
                    COMPREPLY=($(compgen -W "true false" -- "${cur}"))
                    return 0
                    ;;
                --envelope-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --kbs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__image__subcmd__flavor)
            opts="-q -h -V --kbs-url --ca-cert --token-file --output --quiet --config --help --version create keygen help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --kbs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__image__subcmd__flavor__subcmd__create)
            opts="-o -q -h -V --signing-key --label --id --out --src-plain-http --src-tls-verify --kbs-url --ca-cert --token-file --output --quiet --config --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --signing-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --label)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --out)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --src-tls-verify)
                    COMPREPLY=($(compgen -W "true false" -- "${cur}"))
                    return 0
                    ;;
                --kbs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__image__subcmd__flavor__subcmd__help)
            opts="create keygen help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__image__subcmd__flavor__subcmd__help__subcmd__create)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__image__subcmd__flavor__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__image__subcmd__flavor__subcmd__help__subcmd__keygen)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__image__subcmd__flavor__subcmd__keygen)
            opts="-q -h -V --key --cert --subject --days --kbs-url --ca-cert --token-file --output --quiet --config --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --subject)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --days)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --kbs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__image__subcmd__help)
            opts="encrypt decrypt inspect flavor help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__image__subcmd__help__subcmd__decrypt)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__image__subcmd__help__subcmd__encrypt)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__image__subcmd__help__subcmd__flavor)
            opts="create keygen"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__image__subcmd__help__subcmd__flavor__subcmd__create)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__image__subcmd__help__subcmd__flavor__subcmd__keygen)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__image__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__image__subcmd__help__subcmd__inspect)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__image__subcmd__inspect)
            opts="-q -h -V --src-plain-http --src-tls-verify --kbs-url --ca-cert --token-file --output --quiet --config --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --src-tls-verify)
                    COMPREPLY=($(compgen -W "true false" -- "${cur}"))
                    return 0
                    ;;
                --kbs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__kbs)
            opts="-q -h -V --kbs-url --ca-cert --token-file --output --quiet --config --help --version key import-saml import-tpm-identity trust-hvs cert policy token audit version help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --kbs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__kbs__subcmd__audit)
            opts="-q -h -V --after --limit --key --action --kbs-url --ca-cert --token-file --output --quiet --config --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --after)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --limit)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --action)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --kbs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__kbs__subcmd__cert)
            opts="-q -h -V --kbs-url --ca-cert --token-file --output --quiet --config --help --version list show delete help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --kbs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__kbs__subcmd__cert__subcmd__delete)
            opts="-y -q -h -V --yes --kind --kbs-url --ca-cert --token-file --output --quiet --config --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --kind)
                    COMPREPLY=($(compgen -W "saml tpm-identity" -- "${cur}"))
                    return 0
                    ;;
                --kbs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__kbs__subcmd__cert__subcmd__help)
            opts="list show delete help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__kbs__subcmd__cert__subcmd__help__subcmd__delete)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__kbs__subcmd__cert__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__kbs__subcmd__cert__subcmd__help__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__kbs__subcmd__cert__subcmd__help__subcmd__show)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__kbs__subcmd__cert__subcmd__list)
            opts="-q -h -V --kind --subject-contains --issuer-contains --valid-on --kbs-url --ca-cert --token-file --output --quiet --config --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --kind)
                    COMPREPLY=($(compgen -W "saml tpm-identity all" -- "${cur}"))
                    return 0
                    ;;
                --subject-contains)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --issuer-contains)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --valid-on)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --kbs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__kbs__subcmd__cert__subcmd__show)
            opts="-q -h -V --kind --kbs-url --ca-cert --token-file --output --quiet --config --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --kind)
                    COMPREPLY=($(compgen -W "saml tpm-identity" -- "${cur}"))
                    return 0
                    ;;
                --kbs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__kbs__subcmd__help)
            opts="key import-saml import-tpm-identity trust-hvs cert policy token audit version help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__kbs__subcmd__help__subcmd__audit)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__kbs__subcmd__help__subcmd__cert)
            opts="list show delete"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__kbs__subcmd__help__subcmd__cert__subcmd__delete)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__kbs__subcmd__help__subcmd__cert__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__kbs__subcmd__help__subcmd__cert__subcmd__show)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__kbs__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__kbs__subcmd__help__subcmd__import__subcmd__saml)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__kbs__subcmd__help__subcmd__import__subcmd__tpm__subcmd__identity)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__kbs__subcmd__help__subcmd__key)
            opts="create list show delete"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__kbs__subcmd__help__subcmd__key__subcmd__create)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__kbs__subcmd__help__subcmd__key__subcmd__delete)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__kbs__subcmd__help__subcmd__key__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__kbs__subcmd__help__subcmd__key__subcmd__show)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__kbs__subcmd__help__subcmd__policy)
            opts="create list show update delete"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__kbs__subcmd__help__subcmd__policy__subcmd__create)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__kbs__subcmd__help__subcmd__policy__subcmd__delete)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__kbs__subcmd__help__subcmd__policy__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__kbs__subcmd__help__subcmd__policy__subcmd__show)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__kbs__subcmd__help__subcmd__policy__subcmd__update)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__kbs__subcmd__help__subcmd__token)
            opts="create list revoke"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__kbs__subcmd__help__subcmd__token__subcmd__create)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__kbs__subcmd__help__subcmd__token__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__kbs__subcmd__help__subcmd__token__subcmd__revoke)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__kbs__subcmd__help__subcmd__trust__subcmd__hvs)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__kbs__subcmd__help__subcmd__version)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__kbs__subcmd__import__subcmd__saml)
            opts="-q -h -V --kbs-url --ca-cert --token-file --output --quiet --config --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --kbs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__kbs__subcmd__import__subcmd__tpm__subcmd__identity)
            opts="-q -h -V --kbs-url --ca-cert --token-file --output --quiet --config --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --kbs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__kbs__subcmd__key)
            opts="-q -h -V --kbs-url --ca-cert --token-file --output --quiet --config --help --version create list show delete help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --kbs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__kbs__subcmd__key__subcmd__create)
            opts="-q -h -V --algorithm --length --curve --label --usage --policy --kbs-url --ca-cert --token-file --output --quiet --config --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --algorithm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --length)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --curve)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --label)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --usage)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --policy)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --kbs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__kbs__subcmd__key__subcmd__delete)
            opts="-y -q -h -V --yes --kbs-url --ca-cert --token-file --output --quiet --config --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --kbs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__kbs__subcmd__key__subcmd__help)
            opts="create list show delete help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__kbs__subcmd__key__subcmd__help__subcmd__create)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__kbs__subcmd__key__subcmd__help__subcmd__delete)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__kbs__subcmd__key__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__kbs__subcmd__key__subcmd__help__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__kbs__subcmd__key__subcmd__help__subcmd__show)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__kbs__subcmd__key__subcmd__list)
            opts="-q -h -V --algorithm --length --curve --policy --kbs-url --ca-cert --token-file --output --quiet --config --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --algorithm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --length)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --curve)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --policy)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --kbs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__kbs__subcmd__key__subcmd__show)
            opts="-q -h -V --kbs-url --ca-cert --token-file --output --quiet --config --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --kbs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__kbs__subcmd__policy)
            opts="-q -h -V --kbs-url --ca-cert --token-file --output --quiet --config --help --version create list show update delete help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --kbs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__kbs__subcmd__policy__subcmd__create)
            opts="-q -h -V --max-report-age --file --kbs-url --ca-cert --token-file --output --quiet --config --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --max-report-age)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --kbs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__kbs__subcmd__policy__subcmd__delete)
            opts="-y -q -h -V --yes --kbs-url --ca-cert --token-file --output --quiet --config --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --kbs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__kbs__subcmd__policy__subcmd__help)
            opts="create list show update delete help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__kbs__subcmd__policy__subcmd__help__subcmd__create)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__kbs__subcmd__policy__subcmd__help__subcmd__delete)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__kbs__subcmd__policy__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__kbs__subcmd__policy__subcmd__help__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__kbs__subcmd__policy__subcmd__help__subcmd__show)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__kbs__subcmd__policy__subcmd__help__subcmd__update)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__kbs__subcmd__policy__subcmd__list)
            opts="-q -h -V --kbs-url --ca-cert --token-file --output --quiet --config --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --kbs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__kbs__subcmd__policy__subcmd__show)
            opts="-q -h -V --kbs-url --ca-cert --token-file --output --quiet --config --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --kbs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__kbs__subcmd__policy__subcmd__update)
            opts="-q -h -V --max-report-age --file --kbs-url --ca-cert --token-file --output --quiet --config --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --max-report-age)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --kbs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__kbs__subcmd__token)
            opts="-q -h -V --kbs-url --ca-cert --token-file --output --quiet --config --help --version create list revoke help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --kbs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__kbs__subcmd__token__subcmd__create)
            opts="-q -h -V --name --permission --expires-in --kbs-url --ca-cert --token-file --output --quiet --config --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --permission)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --expires-in)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --kbs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__kbs__subcmd__token__subcmd__help)
            opts="create list revoke help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__kbs__subcmd__token__subcmd__help__subcmd__create)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__kbs__subcmd__token__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__kbs__subcmd__token__subcmd__help__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__kbs__subcmd__token__subcmd__help__subcmd__revoke)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__kbs__subcmd__token__subcmd__list)
            opts="-q -h -V --kbs-url --ca-cert --token-file --output --quiet --config --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --kbs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__kbs__subcmd__token__subcmd__revoke)
            opts="-y -q -h -V --yes --kbs-url --ca-cert --token-file --output --quiet --config --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --kbs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__kbs__subcmd__trust__subcmd__hvs)
            opts="-q -h -V --hvs-url --hvs-ca-cert --kbs-url --ca-cert --token-file --output --quiet --config --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --hvs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hvs-ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --kbs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__kbs__subcmd__version)
            opts="-q -h -V --kbs-url --ca-cert --token-file --output --quiet --config --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --kbs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__keyprovider)
            opts="-q -h -V --kbs-url --ca-cert --token-file --envelope-key --name --timeout --output --quiet --config --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --kbs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --envelope-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__wls)
            opts="-q -h -V --wls-url --wls-ca --wls-ca-cert --wls-token-file --output --quiet --config --help --version flavor token version help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --wls-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --wls-ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --wls-ca)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --wls-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__wls__subcmd__flavor)
            opts="-q -h -V --wls-url --wls-ca --wls-ca-cert --wls-token-file --output --quiet --config --help --version upload list show delete help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --wls-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --wls-ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --wls-ca)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --wls-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__wls__subcmd__flavor__subcmd__delete)
            opts="-y -q -h -V --yes --wls-url --wls-ca --wls-ca-cert --wls-token-file --output --quiet --config --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --wls-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --wls-ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --wls-ca)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --wls-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__wls__subcmd__flavor__subcmd__help)
            opts="upload list show delete help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__wls__subcmd__flavor__subcmd__help__subcmd__delete)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__wls__subcmd__flavor__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__wls__subcmd__flavor__subcmd__help__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__wls__subcmd__flavor__subcmd__help__subcmd__show)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__wls__subcmd__flavor__subcmd__help__subcmd__upload)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__wls__subcmd__flavor__subcmd__list)
            opts="-q -h -V --label --wls-url --wls-ca --wls-ca-cert --wls-token-file --output --quiet --config --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --label)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --wls-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --wls-ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --wls-ca)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --wls-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__wls__subcmd__flavor__subcmd__show)
            opts="-q -h -V --wls-url --wls-ca --wls-ca-cert --wls-token-file --output --quiet --config --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --wls-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --wls-ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --wls-ca)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --wls-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__wls__subcmd__flavor__subcmd__upload)
            opts="-q -h -V --wls-url --wls-ca --wls-ca-cert --wls-token-file --output --quiet --config --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --wls-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --wls-ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --wls-ca)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --wls-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__wls__subcmd__help)
            opts="flavor token version help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__wls__subcmd__help__subcmd__flavor)
            opts="upload list show delete"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__wls__subcmd__help__subcmd__flavor__subcmd__delete)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__wls__subcmd__help__subcmd__flavor__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__wls__subcmd__help__subcmd__flavor__subcmd__show)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__wls__subcmd__help__subcmd__flavor__subcmd__upload)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__wls__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__wls__subcmd__help__subcmd__token)
            opts="create list revoke"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__wls__subcmd__help__subcmd__token__subcmd__create)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__wls__subcmd__help__subcmd__token__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__wls__subcmd__help__subcmd__token__subcmd__revoke)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__wls__subcmd__help__subcmd__version)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__wls__subcmd__token)
            opts="-q -h -V --wls-url --wls-ca --wls-ca-cert --wls-token-file --output --quiet --config --help --version create list revoke help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --wls-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --wls-ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --wls-ca)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --wls-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__wls__subcmd__token__subcmd__create)
            opts="-q -h -V --name --permission --expires-in --wls-url --wls-ca --wls-ca-cert --wls-token-file --output --quiet --config --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --permission)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --expires-in)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --wls-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --wls-ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --wls-ca)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --wls-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__wls__subcmd__token__subcmd__help)
            opts="create list revoke help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__wls__subcmd__token__subcmd__help__subcmd__create)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__wls__subcmd__token__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__wls__subcmd__token__subcmd__help__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__wls__subcmd__token__subcmd__help__subcmd__revoke)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__wls__subcmd__token__subcmd__list)
            opts="-q -h -V --wls-url --wls-ca --wls-ca-cert --wls-token-file --output --quiet --config --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --wls-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --wls-ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --wls-ca)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --wls-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__wls__subcmd__token__subcmd__revoke)
            opts="-y -q -h -V --yes --wls-url --wls-ca --wls-ca-cert --wls-token-file --output --quiet --config --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --wls-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --wls-ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --wls-ca)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --wls-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        secl__subcmd__wls__subcmd__version)
            opts="-q -h -V --wls-url --wls-ca --wls-ca-cert --wls-token-file --output --quiet --config --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --wls-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --wls-ca-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --wls-ca)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --wls-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
    esac
}

if [[ "${BASH_VERSINFO[0]}" -eq 4 && "${BASH_VERSINFO[1]}" -ge 4 || "${BASH_VERSINFO[0]}" -gt 4 ]]; then
    complete -F _secl -o nosort -o bashdefault -o default secl
else
    complete -F _secl -o bashdefault -o default secl
fi
