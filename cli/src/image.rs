//! `secl image ...` and `secl keyprovider`: the image owner's commands.

use std::collections::HashMap;
use std::io::{IsTerminal as _, Read as _, Write as _};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use anyhow::{Context as _, anyhow};
use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressStyle};
use secl_api::client::KbsClient;
use secl_ocicrypt::isecl::{IseclWrapper, KekMode};
use secl_ocicrypt::pipeline::{
    DecryptOptions, EncryptOptions, LayerAction, LayerSelection, Report, decrypt_image,
    encrypt_image, inspect,
};
use secl_ocicrypt::reference::ImageRef;
use secl_ocicrypt::registry::RegistryOptions;
use secl_ocicrypt::transport::{open_dest, open_source};
use secl_ocicrypt::{KeyWrapper, Progress, keyprovider};
use secl_owner::{EnvelopeKey, KbsKekSource, KeyChoice};
use serde_json::json;
use uuid::Uuid;

use crate::args::{
    DecryptArgs, DestTransportOpts, EncryptArgs, EnvelopeOpts, ImageCommand, InspectArgs,
    KeyproviderArgs, OutputFormat, SrcTransportOpts,
};
use crate::config::{Settings, default_config_path, process_env};
use crate::error::{Hinted, exit, hinted};
use crate::output::{self, Ctx, out, table};

/// Largest key-provider request accepted on stdin (ocicrypt sends well under 64 KiB).
const MAX_REQUEST: u64 = 16 << 20;

fn runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .context("cannot start the async runtime")
}

fn registry_opts(plain_http: bool, tls_verify: bool) -> anyhow::Result<RegistryOptions> {
    Ok(RegistryOptions {
        plain_http,
        insecure_skip_tls_verify: !tls_verify,
        ..Default::default()
    }
    .with_env_credentials()?)
}

pub(crate) fn src_opts(t: &SrcTransportOpts) -> anyhow::Result<RegistryOptions> {
    registry_opts(t.src_plain_http, t.src_tls_verify)
}

fn dest_opts(t: &DestTransportOpts) -> anyhow::Result<RegistryOptions> {
    registry_opts(t.dest_plain_http, t.dest_tls_verify)
}

/// The envelope key file: the flag, else `SECL_ENVELOPE_KEY`, else beside the config file.
fn envelope_path(opts: &EnvelopeOpts) -> anyhow::Result<PathBuf> {
    if let Some(p) = &opts.envelope_key {
        return Ok(p.clone());
    }
    if let Some(p) = process_env("SECL_ENVELOPE_KEY") {
        return Ok(PathBuf::from(p));
    }
    default_config_path(&process_env)
        .and_then(|c| c.parent().map(|d| d.join("envelope-key.pem")))
        .ok_or_else(|| {
            hinted(
                "no place for the envelope key: HOME is not set",
                "pass --envelope-key FILE or set SECL_ENVELOPE_KEY",
            )
        })
}

fn kek_source(
    settings: &Settings,
    envelope: &EnvelopeOpts,
    choice: KeyChoice,
) -> anyhow::Result<Arc<KbsKekSource>> {
    let client = settings.connect(true, KbsClient::new)?;
    let path = envelope_path(envelope)?;
    let key = EnvelopeKey::load_or_create(&path)
        .with_context(|| format!("envelope key {}", path.display()))?;
    Ok(Arc::new(KbsKekSource::new(client, Arc::new(key), choice)))
}

/// Runs `secl image <cmd>`.
pub fn run(ctx: Ctx, settings: &Settings, cmd: ImageCommand) -> anyhow::Result<()> {
    let rt = runtime()?;
    match cmd {
        ImageCommand::Encrypt(a) => rt.block_on(encrypt(ctx, settings, a)),
        ImageCommand::Decrypt(a) => rt.block_on(decrypt(ctx, settings, a)),
        ImageCommand::Inspect(a) => rt.block_on(inspect_cmd(ctx, a)),
        ImageCommand::Flavor(f) => rt.block_on(crate::image_flavor::run(ctx, f)),
    }
}

pub(crate) fn parse_ref(s: &str) -> anyhow::Result<ImageRef> {
    ImageRef::parse(s).map_err(|e| {
        hinted(
            e.to_string(),
            "images are oci:DIR[:TAG] or docker://HOST[:PORT]/REPO[:TAG]",
        )
    })
}

async fn encrypt(ctx: Ctx, settings: &Settings, a: EncryptArgs) -> anyhow::Result<()> {
    let src_ref = parse_ref(&a.src)?;
    let dst_ref = parse_ref(&a.dst)?;
    let choice = match a.key_id {
        Some(id) => KeyChoice::Existing(id),
        None => KeyChoice::New {
            usage: a.usage.clone(),
            label: a.label.clone(),
        },
    };
    let source = kek_source(settings, &a.envelope, choice)?;
    let wrapper = IseclWrapper::new(source);
    let src = open_source(&src_ref, src_opts(&a.src_transport)?).await?;
    let dst = open_dest(
        &dst_ref,
        dest_opts(&a.dest_transport)?,
        std::env::temp_dir(),
    )
    .await?;
    let mut opts = EncryptOptions {
        layers: if a.layers.is_empty() {
            LayerSelection::All
        } else {
            LayerSelection::Indices(a.layers.clone())
        },
        verify_source: a.verify_source,
        ..Default::default()
    };
    if let Some(j) = a.jobs {
        opts.concurrency = j.into();
    }
    let bars = Bars::new(ctx);
    let report = encrypt_image(src.as_ref(), dst.as_ref(), &wrapper, &opts, &bars).await;
    bars.clear();
    let report = report?;
    print_report(ctx, &report, wrapper.wrap_key_url())
}

async fn decrypt(ctx: Ctx, settings: &Settings, a: DecryptArgs) -> anyhow::Result<()> {
    let src_ref = parse_ref(&a.src)?;
    let dst_ref = parse_ref(&a.dst)?;
    // The key choice does not matter for unwrapping: the key URL comes from each layer.
    let source = kek_source(
        settings,
        &a.envelope,
        KeyChoice::New {
            usage: None,
            label: None,
        },
    )?;
    let wrapper = IseclWrapper::new(source);
    let src = open_source(&src_ref, src_opts(&a.src_transport)?).await?;
    let dst = open_dest(
        &dst_ref,
        dest_opts(&a.dest_transport)?,
        std::env::temp_dir(),
    )
    .await?;
    let mut opts = DecryptOptions::default();
    if let Some(j) = a.jobs {
        opts.concurrency = j.into();
    }
    let bars = Bars::new(ctx);
    let wrappers: [&dyn KeyWrapper; 1] = [&wrapper];
    let report = decrypt_image(src.as_ref(), dst.as_ref(), &wrappers, &opts, &bars).await;
    bars.clear();
    print_report(ctx, &report?, None)
}

async fn inspect_cmd(ctx: Ctx, a: InspectArgs) -> anyhow::Result<()> {
    let r = parse_ref(&a.image)?;
    let src = open_source(&r, src_opts(&a.src_transport)?).await?;
    let layers = inspect(src.as_ref()).await?;
    if ctx.format == OutputFormat::Json {
        let v: Vec<_> = layers
            .iter()
            .map(|l| {
                json!({
                    "index": l.index,
                    "digest": l.digest,
                    "size": l.size,
                    "media_type": l.media_type,
                    "encrypted": l.encrypted,
                    "cipher": l.cipher,
                    "schemes": l.schemes,
                    "key_urls": l.key_urls,
                })
            })
            .collect();
        out(&output::json(&v)?)?;
        return Ok(());
    }
    let rows: Vec<Vec<String>> = layers
        .iter()
        .map(|l| {
            vec![
                l.index.to_string(),
                if l.encrypted { "yes" } else { "no" }.into(),
                l.cipher.clone().unwrap_or_else(|| "-".into()),
                l.digest.clone(),
                l.size.to_string(),
                l.key_urls.first().cloned().unwrap_or_else(|| "-".into()),
            ]
        })
        .collect();
    out(&table(
        &["LAYER", "ENCRYPTED", "CIPHER", "DIGEST", "SIZE", "KEY URL"],
        &rows,
    ))?;
    Ok(())
}

fn action_name(a: LayerAction) -> &'static str {
    match a {
        LayerAction::Encrypted => "encrypted",
        LayerAction::Decrypted => "decrypted",
        LayerAction::Copied => "copied",
        LayerAction::SkippedAlreadyEncrypted => "already encrypted",
    }
}

fn print_report(ctx: Ctx, r: &Report, key_url: Option<&str>) -> anyhow::Result<()> {
    if ctx.format == OutputFormat::Json {
        let layers: Vec<_> = r
            .layers
            .iter()
            .map(|l| {
                json!({
                    "index": l.index,
                    "action": action_name(l.action),
                    "media_type_before": l.media_type_before,
                    "media_type_after": l.media_type_after,
                    "digest_before": l.digest_before,
                    "digest_after": l.digest_after,
                    "size_before": l.size_before,
                    "size_after": l.size_after,
                })
            })
            .collect();
        out(&output::json(&json!({
            "source": r.source,
            "destination": r.destination,
            "config_digest": r.config_digest,
            "key_url": key_url,
            "layers": layers,
        }))?)?;
        return Ok(());
    }
    if ctx.quiet {
        return Ok(());
    }
    let rows: Vec<Vec<String>> = r
        .layers
        .iter()
        .map(|l| {
            vec![
                l.index.to_string(),
                action_name(l.action).into(),
                l.digest_before.clone(),
                l.digest_after.clone(),
            ]
        })
        .collect();
    out(&table(&["LAYER", "ACTION", "FROM", "TO"], &rows))?;
    if let Some(u) = key_url {
        output::note(&format!("key: {u}"));
    }
    output::note(&format!("wrote {}", r.destination));
    Ok(())
}

/// Per-layer progress bars on stderr: hidden off a terminal, with `-q` or with JSON output.
struct Bars {
    multi: Option<MultiProgress>,
    bars: Mutex<HashMap<usize, ProgressBar>>,
}

impl Bars {
    fn new(ctx: Ctx) -> Self {
        let visible =
            !ctx.quiet && ctx.format != OutputFormat::Json && std::io::stderr().is_terminal();
        Self {
            multi: visible.then(|| MultiProgress::with_draw_target(ProgressDrawTarget::stderr())),
            bars: Mutex::new(HashMap::new()),
        }
    }

    fn clear(&self) {
        if let Some(m) = &self.multi {
            let _ = m.clear();
        }
    }
}

impl Progress for Bars {
    fn start(&self, index: usize, digest: &str, total: u64) {
        let Some(multi) = &self.multi else { return };
        let bar = multi.add(ProgressBar::new(total));
        let style = ProgressStyle::with_template(
            "{prefix:>9} {msg:.dim} [{bar:30}] {bytes:>10}/{total_bytes:<10} {binary_bytes_per_sec:>12} {eta:>4}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("=> ");
        bar.set_style(style);
        bar.set_prefix(format!("layer {index}"));
        bar.set_message(digest.chars().take(19).collect::<String>());
        if let Ok(mut m) = self.bars.lock() {
            m.insert(index, bar);
        }
    }

    fn advance(&self, index: usize, bytes: u64) {
        if let Ok(m) = self.bars.lock()
            && let Some(b) = m.get(&index)
        {
            b.inc(bytes);
        }
    }

    fn finish(&self, index: usize) {
        if let Ok(m) = self.bars.lock()
            && let Some(b) = m.get(&index)
        {
            b.finish();
        }
    }
}

/// Runs `secl keyprovider`: one request on stdin, one answer on stdout, exit 0; otherwise a
/// message on stderr and exit 1 (ocicrypt then tries its next provider). The request is never
/// printed: it may carry other schemes' private keys.
pub fn keyprovider(settings: &Settings, a: KeyproviderArgs) -> anyhow::Result<()> {
    let mut request = Vec::new();
    std::io::stdin()
        .take(MAX_REQUEST + 1)
        .read_to_end(&mut request)
        .context("cannot read the request from stdin")?;
    if request.len() as u64 > MAX_REQUEST {
        return Err(anyhow!(
            "the request on stdin is larger than {MAX_REQUEST} bytes"
        ));
    }
    let input = keyprovider::KeyProviderInput::from_json(&request)?;
    // WPM's parameters: `any`/`Enabled` (a new key for this layer), `key-id:UUID`,
    // `asset-tag:K:V` (a new key with that usage). Only the first value counts, as in WPM.
    let params = input.params_for(&a.name);
    let first = params
        .first()
        .map(|p| String::from_utf8_lossy(p).into_owned())
        .unwrap_or_default();
    let (choice, mode) = if let Some(id) = first.strip_prefix("key-id:") {
        let id = Uuid::try_parse(id.trim())
            .map_err(|_| anyhow!("provider parameter key-id:{id} is not a UUID"))?;
        (KeyChoice::Existing(id), KekMode::PerImage)
    } else if let Some(tag) = first.strip_prefix("asset-tag:") {
        (
            KeyChoice::New {
                usage: Some(tag.to_string()),
                label: None,
            },
            KekMode::PerCall,
        )
    } else {
        (
            KeyChoice::New {
                usage: None,
                label: None,
            },
            KekMode::PerCall,
        )
    };
    let source = kek_source(settings, &a.envelope, choice)?;
    let wrapper = IseclWrapper::with_mode(source, mode).provider_name(&a.name);
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    let answer = rt
        .block_on(async {
            tokio::time::timeout(
                Duration::from_secs(a.timeout),
                keyprovider::handle(&request, &a.name, &wrapper),
            )
            .await
        })
        .map_err(|_| {
            anyhow::Error::new(Hinted {
                message: format!("gave up after {} seconds", a.timeout),
                hint: Some("check that the KBS is reachable".into()),
                code: exit::UNREACHABLE,
            })
        })??;
    let answer = zeroize::Zeroizing::new(answer);
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(&answer)
        .and_then(|()| stdout.write_all(b"\n"))
        .and_then(|()| stdout.flush())
        .context("cannot write the answer to stdout")?;
    Ok(())
}
