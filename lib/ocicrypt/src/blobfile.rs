//! Writing whole layer blobs to local files.
//!
//! A layer is written once, sequentially, and then only renamed, so caching its pages buys
//! nothing, while copying a GiB into the page cache costs about a second of CPU on a busy
//! machine (page reclaim lands on the writer). On Linux, [`BlobWriter`] therefore writes with
//! `O_DIRECT` from aligned buffers on a background thread, so the disk works while the caller
//! encrypts the next chunk. Filesystems that refuse `O_DIRECT` (tmpfs on older kernels, some
//! network and FUSE filesystems) get ordinary buffered writes, chosen at open or at the first
//! write, without the caller noticing.

use std::fs::File;
use std::io::{self, Write};
use std::os::unix::fs::{FileExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::thread::JoinHandle;

use zeroize::Zeroizing;

use crate::{Error, Result};

/// Direct I/O wants buffer addresses, file offsets and lengths aligned to the logical block
/// size; 4 KiB covers every common device.
const ALIGN: usize = 4096;

/// Size of one direct write.
const BUF_SIZE: usize = 1 << 20;

/// Buffers in flight: one being filled, one queued, one being written.
const BUFFERS: usize = 3;

/// Creates `path` (0600, must not exist) for a blob of about `size_hint` bytes.
pub fn create(path: &Path, size_hint: u64) -> Result<BlobWriter> {
    // Small blobs are not worth a thread, and pass through the page cache cheaply.
    if size_hint >= 4 * BUF_SIZE as u64
        && let Some(w) = DirectWriter::create(path)?
    {
        return Ok(BlobWriter(Inner::Direct(w)));
    }
    Ok(BlobWriter(Inner::Buffered(
        crate::layout::create_private_file(path)?,
        Zeroizing::new(Vec::new()),
    )))
}

/// A new blob file; see the module documentation. Call [`Write::flush`] before using the
/// file: it waits for every queued write and reports their errors.
pub struct BlobWriter(Inner);

enum Inner {
    /// The file, and the buffer lent by [`BlobWriter::buffer`] (allocated on first use).
    Buffered(File, Zeroizing<Vec<u8>>),
    Direct(DirectWriter),
}

impl BlobWriter {
    /// A buffer of up to 1 MiB to fill with the next bytes of the blob, then [`commit`] them:
    /// the bytes are produced where they are written from, without a copy.
    ///
    /// [`commit`]: BlobWriter::commit
    pub fn buffer(&mut self) -> &mut [u8] {
        match &mut self.0 {
            Inner::Buffered(_, buf) => {
                if buf.is_empty() {
                    buf.resize(BUF_SIZE, 0);
                }
                &mut buf[..]
            }
            // After a flush, appends go through the tail handle, from a plain buffer.
            Inner::Direct(d) => {
                if d.tail.is_some() {
                    d.after_tail.resize(BUF_SIZE, 0);
                    &mut d.after_tail[..]
                } else {
                    d.current.spare()
                }
            }
        }
    }

    /// Appends the first `n` bytes of [`BlobWriter::buffer`] to the blob.
    pub fn commit(&mut self, n: usize) -> io::Result<()> {
        match &mut self.0 {
            Inner::Buffered(f, buf) => f.write_all(&buf[..n]),
            Inner::Direct(d) if d.tail.is_none() => {
                d.current.len += n;
                if d.current.len == BUF_SIZE {
                    d.submit()?;
                }
                Ok(())
            }
            Inner::Direct(d) => {
                let data = std::mem::take(&mut d.after_tail);
                let r = d.write(&data[..n]).map(|_| ());
                d.after_tail = data;
                r
            }
        }
    }
}

impl Write for BlobWriter {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        match &mut self.0 {
            Inner::Buffered(f, _) => f.write(data),
            Inner::Direct(d) => d.write(data),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.0 {
            Inner::Buffered(f, _) => f.flush(),
            Inner::Direct(d) => d.finish(),
        }
    }
}

/// A heap buffer whose usable part starts on an [`ALIGN`] boundary (moving the `Vec` does not
/// move its heap block, so the alignment survives the trips between threads).
struct AlignedBuf {
    raw: Zeroizing<Vec<u8>>,
    start: usize,
    len: usize,
}

impl AlignedBuf {
    fn new() -> Self {
        let raw = Zeroizing::new(vec![0u8; BUF_SIZE + ALIGN]);
        let start = raw.as_ptr().align_offset(ALIGN);
        AlignedBuf { raw, start, len: 0 }
    }

    fn filled(&self) -> &[u8] {
        &self.raw[self.start..self.start + self.len]
    }

    fn spare(&mut self) -> &mut [u8] {
        let from = self.start + self.len;
        &mut self.raw[from..self.start + BUF_SIZE]
    }
}

struct DirectWriter {
    path: PathBuf,
    current: AlignedBuf,
    queue: Option<SyncSender<AlignedBuf>>,
    free: Receiver<AlignedBuf>,
    thread: Option<JoinHandle<io::Result<Sink>>>,
    /// Set once the unaligned tail has been written: later writes go through `tail`.
    tail: Option<(File, u64)>,
    /// The buffer [`BlobWriter::buffer`] lends once `tail` is set.
    after_tail: Zeroizing<Vec<u8>>,
}

/// The writing end, owned by the background thread.
struct Sink {
    path: PathBuf,
    file: File,
    offset: u64,
    /// False once the filesystem refused a direct write; `file` is then a buffered handle.
    direct: bool,
}

impl Sink {
    fn write_chunk(&mut self, data: &[u8]) -> io::Result<()> {
        if self.direct {
            match self.file.write_all_at(data, self.offset) {
                Ok(()) => {
                    self.offset += data.len() as u64;
                    return Ok(());
                }
                // Accepted at open, refused at write: continue buffered. A partial direct
                // write is simply written again below, at the same offset.
                Err(e) if e.raw_os_error() == Some(libc::EINVAL) => {
                    self.file = buffered_handle(&self.path)?;
                    self.direct = false;
                }
                Err(e) => return Err(e),
            }
        }
        self.file.write_all_at(data, self.offset)?;
        self.offset += data.len() as u64;
        Ok(())
    }
}

fn buffered_handle(path: &Path) -> io::Result<File> {
    std::fs::OpenOptions::new().write(true).open(path)
}

impl DirectWriter {
    /// None when the filesystem refuses `O_DIRECT`; the file is then not created.
    fn create(path: &Path) -> Result<Option<Self>> {
        let file = match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .custom_flags(libc::O_DIRECT)
            .open(path)
        {
            Ok(f) => f,
            Err(e) if e.raw_os_error() == Some(libc::EINVAL) => return Ok(None),
            Err(e) => return Err(Error::io(path, e)),
        };
        let (queue, jobs) = sync_channel::<AlignedBuf>(BUFFERS);
        let (give_back, free) = sync_channel::<AlignedBuf>(BUFFERS);
        for _ in 1..BUFFERS {
            // Cannot fail: `free` is alive and the channel has room for every buffer.
            let _ = give_back.send(AlignedBuf::new());
        }
        let mut sink = Sink {
            path: path.to_path_buf(),
            file,
            offset: 0,
            direct: true,
        };
        let thread = std::thread::Builder::new()
            .name("blob-writer".into())
            .spawn(move || {
                for mut buf in jobs {
                    sink.write_chunk(buf.filled())?;
                    buf.len = 0;
                    // The owner may be gone (it stopped early); nothing to hand back to then.
                    let _ = give_back.send(buf);
                }
                Ok(sink)
            })
            .map_err(|e| Error::io(path, e))?;
        Ok(Some(DirectWriter {
            path: path.to_path_buf(),
            current: AlignedBuf::new(),
            queue: Some(queue),
            free,
            thread: Some(thread),
            tail: None,
            after_tail: Zeroizing::new(Vec::new()),
        }))
    }

    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        if let Some((file, offset)) = &mut self.tail {
            file.write_all_at(data, *offset)?;
            *offset += data.len() as u64;
            return Ok(data.len());
        }
        let spare = self.current.spare();
        let n = spare.len().min(data.len());
        spare[..n].copy_from_slice(&data[..n]);
        self.current.len += n;
        if self.current.len == BUF_SIZE {
            self.submit()?;
        }
        Ok(n)
    }

    /// Hands the full current buffer to the thread and takes a free one.
    fn submit(&mut self) -> io::Result<()> {
        let next = match self.free.recv() {
            Ok(b) => b,
            Err(_) => return Err(self.thread_error()),
        };
        let full = std::mem::replace(&mut self.current, next);
        let queue = self.queue.as_ref().ok_or_else(closed)?;
        if queue.send(full).is_err() {
            return Err(self.thread_error());
        }
        Ok(())
    }

    /// Writes what is buffered: the aligned part through the thread, the last partial block
    /// through a buffered handle at its offset. Later writes, if any, go through that handle.
    fn finish(&mut self) -> io::Result<()> {
        if self.tail.is_some() {
            return Ok(());
        }
        let len = self.current.len;
        let aligned = len - len % ALIGN;
        let mut tail_bytes = Zeroizing::new(Vec::new());
        if aligned < len {
            tail_bytes.extend_from_slice(&self.current.filled()[aligned..]);
            self.current.len = aligned;
        }
        if aligned > 0 {
            let next = AlignedBuf::new();
            let full = std::mem::replace(&mut self.current, next);
            let queue = self.queue.as_ref().ok_or_else(closed)?;
            if queue.send(full).is_err() {
                return Err(self.thread_error());
            }
        }
        self.queue = None;
        let sink = self.join()?;
        let mut file = if sink.direct {
            buffered_handle(&self.path)?
        } else {
            sink.file
        };
        file.write_all_at(&tail_bytes, sink.offset)?;
        file.flush()?;
        self.tail = Some((file, sink.offset + tail_bytes.len() as u64));
        Ok(())
    }

    fn join(&mut self) -> io::Result<Sink> {
        let thread = self.thread.take().ok_or_else(closed)?;
        match thread.join() {
            Ok(r) => r,
            Err(_) => Err(io::Error::other("the blob writer thread panicked")),
        }
    }

    /// The thread stopped early: its error is the one to report.
    fn thread_error(&mut self) -> io::Error {
        self.queue = None;
        match self.join() {
            Err(e) => e,
            Ok(_) => closed(),
        }
    }
}

fn closed() -> io::Error {
    io::Error::other("the blob writer already stopped")
}

impl Drop for DirectWriter {
    fn drop(&mut self) {
        // Unfinished (an error elsewhere): stop the thread and let it drain; the caller
        // removes the file.
        self.queue = None;
        let _ = self.join();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn pattern(len: usize) -> Vec<u8> {
        (0..len).map(|i| (i * 31 % 251) as u8).collect()
    }

    fn write_in_pieces(path: &Path, data: &[u8], piece: usize) -> BlobWriter {
        let mut w = create(path, data.len() as u64).unwrap();
        for c in data.chunks(piece) {
            w.write_all(c).unwrap();
        }
        w.flush().unwrap();
        w
    }

    #[test]
    fn contents_survive_every_alignment() {
        let dir = tempfile::tempdir().unwrap();
        for (i, len) in [
            4 * BUF_SIZE,
            4 * BUF_SIZE + 1,
            5 * BUF_SIZE - 1,
            6 * BUF_SIZE + ALIGN,
            7 * BUF_SIZE + 12345,
        ]
        .into_iter()
        .enumerate()
        {
            let data = pattern(len);
            let path = dir.path().join(format!("blob{i}"));
            for piece in [BUF_SIZE, 1000, 3 * BUF_SIZE / 2] {
                let _ = std::fs::remove_file(&path);
                drop(write_in_pieces(&path, &data, piece));
                let mut back = Vec::new();
                File::open(&path).unwrap().read_to_end(&mut back).unwrap();
                assert_eq!(back.len(), data.len(), "len {len}, piece {piece}");
                assert!(back == data, "content differs: len {len}, piece {piece}");
            }
        }
    }

    #[test]
    fn lent_buffers_and_writes_mix() {
        let dir = tempfile::tempdir().unwrap();
        for (i, hint) in [10u64, 8 * BUF_SIZE as u64].into_iter().enumerate() {
            let path = dir.path().join(format!("blob{i}"));
            let data = pattern(5 * BUF_SIZE + 999);
            let mut w = create(&path, hint).unwrap();
            let mut rest = &data[..];
            let mut turn = 0;
            while !rest.is_empty() {
                turn += 1;
                if turn % 3 == 0 {
                    let n = rest.len().min(7777);
                    w.write_all(&rest[..n]).unwrap();
                    rest = &rest[n..];
                    continue;
                }
                let buf = w.buffer();
                let n = buf.len().min(rest.len()).min(300_000 * turn);
                buf[..n].copy_from_slice(&rest[..n]);
                w.commit(n).unwrap();
                rest = &rest[n..];
            }
            w.flush().unwrap();
            let buf = w.buffer();
            buf[..4].copy_from_slice(b"more");
            w.commit(4).unwrap();
            w.flush().unwrap();
            drop(w);
            let back = std::fs::read(&path).unwrap();
            assert_eq!(back.len(), data.len() + 4, "hint {hint}");
            assert!(back[..data.len()] == data[..], "hint {hint}");
            assert_eq!(&back[data.len()..], b"more");
        }
    }

    #[test]
    fn writes_after_flush_append() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("blob");
        let data = pattern(4 * BUF_SIZE + 77);
        let mut w = write_in_pieces(&path, &data, 65536);
        w.write_all(b"more").unwrap();
        w.flush().unwrap();
        drop(w);
        let back = std::fs::read(&path).unwrap();
        assert_eq!(&back[..data.len()], &data[..]);
        assert_eq!(&back[data.len()..], b"more");
    }

    #[test]
    fn private_and_never_overwrites() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("blob");
        drop(write_in_pieces(&path, &pattern(4 * BUF_SIZE), BUF_SIZE));
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        assert!(create(&path, 8 * BUF_SIZE as u64).is_err());
        assert!(create(&path, 10).is_err());
    }

    #[test]
    fn a_refused_direct_write_falls_back_to_buffered() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("blob");
        let Some(mut w) = DirectWriter::create(&path).unwrap() else {
            return; // this filesystem refuses O_DIRECT at open: the fallback there is `create`'s
        };
        w.queue = None;
        let mut sink = w.join().unwrap();
        // An unaligned length is refused by every O_DIRECT implementation with EINVAL, as a
        // filesystem that accepted the flag at open but not the write would.
        sink.write_chunk(b"unaligned").unwrap();
        assert!(!sink.direct);
        sink.write_chunk(b" and then some").unwrap();
        drop(sink);
        assert_eq!(std::fs::read(&path).unwrap(), b"unaligned and then some");
    }

    #[test]
    fn small_blobs_are_buffered() {
        let dir = tempfile::tempdir().unwrap();
        let w = create(&dir.path().join("small"), 100).unwrap();
        assert!(matches!(w.0, Inner::Buffered(..)));
    }
}
