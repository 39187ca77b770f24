//! Opening an [`ImageRef`] as a source or a destination.

use std::path::PathBuf;

use crate::layout::{LayoutDest, LayoutSource};
use crate::reference::{ImageRef, TagOrDigest};
use crate::registry::{RegistryDest, RegistryOptions, RegistrySource};
use crate::{Error, ImageDest, ImageSource, Result};

/// Opens `r` for reading. `opts` applies to registries only.
pub async fn open_source(r: &ImageRef, opts: RegistryOptions) -> Result<Box<dyn ImageSource>> {
    Ok(match r {
        ImageRef::Layout { dir, tag } => Box::new(LayoutSource::open(dir.clone(), tag).await?),
        ImageRef::Registry {
            registry,
            repository,
            tag_or_digest,
        } => {
            let reference = match tag_or_digest {
                TagOrDigest::Tag(t) => t.clone(),
                TagOrDigest::Digest(d) => d.clone(),
            };
            Box::new(RegistrySource::new(registry, repository, &reference, opts)?)
        }
    })
}

/// Opens `r` for writing. Registry destinations stage blobs in a private directory under
/// `staging_parent`; layouts stage inside themselves.
pub async fn open_dest(
    r: &ImageRef,
    opts: RegistryOptions,
    staging_parent: PathBuf,
) -> Result<Box<dyn ImageDest>> {
    Ok(match r {
        ImageRef::Layout { dir, tag } => Box::new(LayoutDest::create(dir.clone(), tag).await?),
        ImageRef::Registry {
            registry,
            repository,
            tag_or_digest,
        } => match tag_or_digest {
            TagOrDigest::Tag(t) => Box::new(RegistryDest::new(
                registry,
                repository,
                t,
                opts,
                staging_parent,
            )?),
            TagOrDigest::Digest(_) => {
                return Err(Error::Reference {
                    reference: r.to_string(),
                    detail: "a destination needs a tag, not a digest".into(),
                });
            }
        },
    })
}
