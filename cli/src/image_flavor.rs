//! `secl image flavor create|keygen`: SecL image flavors for the WLS, signed by the image
//! owner.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, anyhow};
use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use rsa::Pkcs1v15Sign;
use rsa::pkcs1::DecodeRsaPrivateKey;
use rsa::pkcs8::{DecodePrivateKey, EncodePrivateKey, LineEnding};
use secl_api::wls::{FlavorDescription, FlavorEncryption, FlavorMeta, ImageFlavor, signed_bytes};
use secl_ocicrypt::layout::LayoutSource;
use secl_ocicrypt::pipeline::inspect;
use secl_ocicrypt::reference::{ImageRef, TagOrDigest};
use secl_ocicrypt::transport::open_source;
use sha2::{Digest, Sha384};
use uuid::Uuid;
use zeroize::Zeroizing;

use crate::args::{ImageFlavorCommand, ImageFlavorCreateArgs, ImageFlavorKeygenArgs};
use crate::error::hinted;
use crate::image::{parse_ref, src_opts};
use crate::output::{self, Ctx, out};

/// Largest signing-key file read.
const MAX_KEY_FILE: u64 = 64 * 1024;
/// Bits of a key made by `keygen` (as the WPM's flavor-signing key).
const KEYGEN_BITS: usize = 3072;

pub async fn run(ctx: Ctx, cmd: ImageFlavorCommand) -> anyhow::Result<()> {
    match cmd {
        ImageFlavorCommand::Create(a) => create(ctx, a).await,
        ImageFlavorCommand::Keygen(a) => keygen(ctx, a),
    }
}

/// Reads an RSA private key (PKCS#8 or PKCS#1 PEM).
fn load_key(path: &Path) -> anyhow::Result<rsa::PrivateKey> {
    use std::io::Read as _;
    let mut text = Zeroizing::new(String::new());
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_KEY_FILE).read_to_string(&mut text))
        .with_context(|| format!("cannot read signing key {}", path.display()))?;
    rsa::PrivateKey::from_pkcs8_pem(&text)
        .or_else(|_| rsa::PrivateKey::from_pkcs1_pem(&text))
        .map_err(|_| {
            hinted(
                format!("{} is not an RSA private key in PEM", path.display()),
                "make one with `secl image flavor keygen --key KEY.pem --cert CERT.pem`",
            )
        })
}

/// The one isecl key URL of the image's encrypted layers.
fn key_url(image: &str, layers: &[secl_ocicrypt::pipeline::LayerInfo]) -> anyhow::Result<String> {
    let encrypted: Vec<_> = layers.iter().filter(|l| l.encrypted).collect();
    if encrypted.is_empty() {
        return Err(hinted(
            format!("{image} has no encrypted layer"),
            "encrypt it first: secl image encrypt SRC DST",
        ));
    }
    let mut urls: Vec<&str> = Vec::new();
    for l in &encrypted {
        if l.key_urls.is_empty() {
            return Err(anyhow!(
                "layer {} of {image} is encrypted without an isecl key URL (another key \
                 provider?); a WLS image flavor needs the KBS key URL",
                l.index
            ));
        }
        for u in &l.key_urls {
            if !urls.contains(&u.as_str()) {
                urls.push(u);
            }
        }
    }
    match urls.as_slice() {
        [one] => Ok(one.to_string()),
        many => Err(hinted(
            format!(
                "the encrypted layers of {image} use {} different key URLs: {}",
                many.len(),
                many.join(", ")
            ),
            "an image flavor names one key; encrypt the image under one KBS key \
             (secl image encrypt, or skopeo with provider:isecl:key-id:UUID)",
        )),
    }
}

/// The manifest digest when it is known exactly, and a default label.
async fn digest_and_label(r: &ImageRef) -> anyhow::Result<(Option<String>, String)> {
    Ok(match r {
        ImageRef::Layout { dir, tag } => {
            let src = LayoutSource::open(dir.clone(), tag).await?;
            let name = dir
                .canonicalize()
                .ok()
                .and_then(|d| d.file_name().map(|n| n.to_string_lossy().into_owned()))
                .unwrap_or_else(|| dir.display().to_string());
            (
                Some(src.manifest_descriptor().digest().to_string()),
                format!("{name}:{tag}"),
            )
        }
        ImageRef::Registry {
            repository,
            tag_or_digest,
            ..
        } => match tag_or_digest {
            TagOrDigest::Digest(d) => (Some(d.clone()), format!("{repository}@{d}")),
            TagOrDigest::Tag(t) => (None, format!("{repository}:{t}")),
        },
    })
}

/// The signed flavor document: `{"flavor":<compact flavor>,"signature":"<base64>"}`.
pub fn signed_flavor(flavor: &ImageFlavor, key: &rsa::PrivateKey) -> anyhow::Result<String> {
    let text = serde_json::to_string(flavor)?;
    let hashed = Sha384::digest(signed_bytes(&text));
    let sig = key
        .sign(Pkcs1v15Sign::new::<Sha384>(), &hashed)
        .map_err(|e| anyhow!("signing the flavor failed: {e}"))?;
    Ok(format!(
        "{{\"flavor\":{text},\"signature\":\"{}\"}}\n",
        B64.encode(sig)
    ))
}

async fn create(ctx: Ctx, a: ImageFlavorCreateArgs) -> anyhow::Result<()> {
    let key = load_key(&a.signing_key)?;
    let r = parse_ref(&a.image)?;
    let src = open_source(&r, src_opts(&a.src_transport)?).await?;
    let layers = inspect(src.as_ref()).await?;
    let key_url = key_url(&a.image, &layers)?;
    let (digest, default_label) = digest_and_label(&r).await?;
    if digest.is_none() {
        ctx.say(
            "note: the flavor carries no digest (the image is named by tag); name it by digest \
             (docker://HOST/REPO@sha256:...) to pin it",
        );
    }
    let flavor = ImageFlavor {
        meta: FlavorMeta {
            id: a.id.unwrap_or_else(Uuid::new_v4),
            description: FlavorDescription {
                flavor_part: "CONTAINER_IMAGE".into(),
                label: a.label.unwrap_or(default_label),
            },
        },
        encryption_required: true,
        encryption: Some(FlavorEncryption { key_url, digest }),
        integrity_enforced: false,
        integrity: None,
    };
    let doc = signed_flavor(&flavor, &key)?;
    match &a.out {
        Some(path) => {
            write_file(path, doc.as_bytes(), 0o644, true)?;
            ctx.say(&format!(
                "Wrote flavor {} ({}) to {}",
                flavor.meta.id,
                crate::error::clean(&flavor.meta.description.label),
                path.display()
            ));
        }
        None => out(&doc)?,
    }
    Ok(())
}

/// Writes a file atomically (temporary name, then rename); `replace` false refuses an
/// existing one.
fn write_file(path: &Path, bytes: &[u8], mode: u32, replace: bool) -> anyhow::Result<()> {
    use std::os::unix::fs::OpenOptionsExt;
    if !replace && path.exists() {
        return Err(hinted(
            format!("{} exists", path.display()),
            "choose another path or remove the old file",
        ));
    }
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let tmp: PathBuf = dir.join(format!(
        ".{}.{}.tmp",
        path.file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default(),
        Uuid::new_v4().simple()
    ));
    let res = (|| -> std::io::Result<()> {
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(mode)
            .open(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        if replace {
            std::fs::rename(&tmp, path)
        } else {
            // hard_link fails if the target appeared meanwhile: never overwrite a key.
            std::fs::hard_link(&tmp, path).and_then(|()| std::fs::remove_file(&tmp))
        }
    })();
    if res.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    res.with_context(|| format!("cannot write {}", path.display()))
}

fn keygen(ctx: Ctx, a: ImageFlavorKeygenArgs) -> anyhow::Result<()> {
    for p in [&a.key, &a.cert] {
        if p.exists() {
            return Err(hinted(
                format!("{} exists", p.display()),
                "choose other paths; keygen never overwrites a key or certificate",
            ));
        }
    }
    let key = rsa::PrivateKey::new(&mut rand::rng(), KEYGEN_BITS)
        .map_err(|e| anyhow!("RSA key generation failed: {e}"))?;
    let pem = key
        .to_pkcs8_pem(LineEnding::LF)
        .map_err(|e| anyhow!("encoding the key failed: {e}"))?;
    let kp = rcgen::KeyPair::from_pkcs8_pem_and_sign_algo(&pem, &rcgen::PKCS_RSA_SHA384)
        .map_err(|e| anyhow!("loading the key for the certificate failed: {e}"))?;
    let mut params = rcgen::CertificateParams::new(Vec::<String>::new())?;
    params
        .distinguished_name
        .push(rcgen::DnType::CommonName, a.subject.clone());
    let now = time::OffsetDateTime::now_utc();
    params.not_before = now - time::Duration::minutes(5);
    params.not_after = now + time::Duration::days(a.days.into());
    params.is_ca = rcgen::IsCa::ExplicitNoCa;
    params.key_usages = vec![rcgen::KeyUsagePurpose::DigitalSignature];
    let cert = params.self_signed(&kp)?;
    write_file(&a.key, pem.as_bytes(), 0o600, false)?;
    write_file(&a.cert, cert.pem().as_bytes(), 0o644, false)?;
    if ctx.json() {
        out(&output::json(&serde_json::json!({
            "key": a.key,
            "cert": a.cert,
            "subject": a.subject,
        }))?)?;
    } else {
        ctx.say(&format!(
            "Wrote the signing key to {} (mode 0600) and its certificate to {}.\n\
             Give the certificate to secl-wls --flavor-signing-cert.",
            a.key.display(),
            a.cert.display()
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use secl_ocicrypt::pipeline::LayerInfo;

    fn layer(index: usize, encrypted: bool, urls: &[&str]) -> LayerInfo {
        LayerInfo {
            index,
            digest: String::new(),
            size: 0,
            media_type: String::new(),
            encrypted,
            cipher: None,
            schemes: Vec::new(),
            key_urls: urls.iter().map(|u| u.to_string()).collect(),
        }
    }

    #[test]
    fn one_key_url_per_image() {
        let u = "https://kbs/kbs/v1/keys/a/transfer";
        let v = "https://kbs/kbs/v1/keys/b/transfer";
        assert_eq!(
            key_url(
                "i",
                &[
                    layer(0, false, &[]),
                    layer(1, true, &[u]),
                    layer(2, true, &[u])
                ]
            )
            .unwrap(),
            u
        );
        let e = key_url("i", &[layer(0, true, &[u]), layer(1, true, &[v])]).unwrap_err();
        assert!(e.to_string().contains("2 different key URLs"), "{e}");
        let e = key_url("i", &[layer(0, false, &[])]).unwrap_err();
        assert!(e.to_string().contains("no encrypted layer"), "{e}");
        let e = key_url("i", &[layer(0, true, &[])]).unwrap_err();
        assert!(e.to_string().contains("without an isecl key URL"), "{e}");
    }

    #[test]
    fn signed_flavors_verify_over_secl_bytes() {
        let key = rsa::PrivateKey::new(&mut rand::rng(), 2048).unwrap();
        let flavor = ImageFlavor {
            meta: FlavorMeta {
                id: Uuid::new_v4(),
                description: FlavorDescription {
                    flavor_part: "CONTAINER_IMAGE".into(),
                    label: "app:1".into(),
                },
            },
            encryption_required: true,
            encryption: Some(FlavorEncryption {
                key_url: "https://kbs/kbs/v1/keys/x/transfer".into(),
                digest: Some("sha256:00".into()),
            }),
            integrity_enforced: false,
            integrity: None,
        };
        let doc = signed_flavor(&flavor, &key).unwrap();
        let v: serde_json::Value = serde_json::from_str(&doc).unwrap();
        let sig = B64.decode(v["signature"].as_str().unwrap()).unwrap();
        let text = serde_json::to_string(&flavor).unwrap();
        assert!(doc.starts_with(&format!("{{\"flavor\":{text},")));
        let hashed = Sha384::digest(signed_bytes(&text));
        key.as_ref()
            .verify(Pkcs1v15Sign::new::<Sha384>(), &hashed, &sig)
            .unwrap();
    }
}
