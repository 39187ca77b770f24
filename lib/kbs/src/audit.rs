//! Durable audit appends with group commit.
//!
//! Every request that writes an audit record waits until the record is committed, but
//! concurrent requests share one store transaction (one fsync on the embedded store, one
//! synchronous commit on PostgreSQL): a request queues its record, then whoever holds the
//! commit lock writes everything queued so far as ONE log entry. Under load the batch grows
//! while the previous commit is in flight, so throughput is no longer bounded by one fsync per
//! transfer.
//!
//! A log entry holds either one record (a JSON object, as before) or a batch (a JSON array).
//! The public sequence number of a record is `entry_seq * SEQ_STRIDE + index`, so numbers stay
//! unique and increasing across batches and across instances sharing one PostgreSQL log.

use std::sync::{Arc, Mutex};

use secl_api::kbs::AuditRecord;
use secl_store::{Store, StoreError};
use tokio::sync::oneshot;

use crate::{KbsError, Result};

/// Records per log entry at most; also the stride of public sequence numbers.
pub(crate) const SEQ_STRIDE: u64 = 1000;

type Waiter = oneshot::Sender<std::result::Result<u64, String>>;

/// Queues records and commits them in groups.
pub(crate) struct AuditLog {
    store: Arc<dyn Store>,
    log: &'static str,
    pending: Mutex<Vec<(Vec<u8>, Waiter)>>,
    /// Held by the request that is committing a batch.
    commit: tokio::sync::Mutex<()>,
}

impl AuditLog {
    pub(crate) fn new(store: Arc<dyn Store>, log: &'static str) -> Self {
        Self {
            store,
            log,
            pending: Mutex::new(Vec::new()),
            commit: tokio::sync::Mutex::new(()),
        }
    }

    /// Appends `record` (JSON of one [`AuditRecord`]) and returns once it is durable, with its
    /// public sequence number.
    pub(crate) async fn append(&self, record: Vec<u8>) -> Result<u64> {
        let (tx, mut rx) = oneshot::channel();
        self.lock_pending().push((record, tx));
        let _guard = self.commit.lock().await;
        loop {
            // A previous committer may have taken our record along.
            match rx.try_recv() {
                Ok(r) => return r.map_err(KbsError::Internal),
                Err(oneshot::error::TryRecvError::Closed) => {
                    return Err(KbsError::Internal("audit commit was abandoned".into()));
                }
                Err(oneshot::error::TryRecvError::Empty) => {}
            }
            let batch: Vec<_> = {
                let mut p = self.lock_pending();
                let n = p.len().min(SEQ_STRIDE as usize);
                p.drain(..n).collect()
            };
            // The commit runs in its own task: a client hanging up must not cancel a write
            // that other requests are waiting for.
            let store = self.store.clone();
            let log = self.log;
            let task = tokio::spawn(async move { commit(store.as_ref(), log, batch).await });
            if task.await.is_err() {
                return Err(KbsError::Internal("audit commit task failed".into()));
            }
        }
    }

    fn lock_pending(&self) -> std::sync::MutexGuard<'_, Vec<(Vec<u8>, Waiter)>> {
        // A panic while holding this lock cannot leave the vector inconsistent.
        self.pending
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

async fn commit(store: &dyn Store, log: &str, batch: Vec<(Vec<u8>, Waiter)>) {
    if batch.is_empty() {
        return;
    }
    let entry = if batch.len() == 1 {
        batch[0].0.clone()
    } else {
        let mut e = Vec::with_capacity(batch.iter().map(|(r, _)| r.len() + 1).sum::<usize>() + 2);
        e.push(b'[');
        for (i, (r, _)) in batch.iter().enumerate() {
            if i > 0 {
                e.push(b',');
            }
            e.extend_from_slice(r);
        }
        e.push(b']');
        e
    };
    match store.append(log, &entry).await {
        Ok(seq) => {
            for (i, (_, tx)) in batch.into_iter().enumerate() {
                let _ = tx.send(Ok(seq.saturating_mul(SEQ_STRIDE) + i as u64));
            }
        }
        Err(e) => {
            let msg = match &e {
                StoreError::Conflict { .. } => format!("audit append conflict: {e}"),
                _ => format!("audit append failed: {e}"),
            };
            for (_, tx) in batch {
                let _ = tx.send(Err(msg.clone()));
            }
        }
    }
}

/// The records of one log entry with their public sequence numbers.
pub(crate) fn decode_entry(entry_seq: u64, bytes: &[u8]) -> Result<Vec<AuditRecord>> {
    let bad = |e: serde_json::Error| KbsError::Internal(format!("stored audit entry: {e}"));
    let base = entry_seq.saturating_mul(SEQ_STRIDE);
    let mut records: Vec<AuditRecord> = if bytes.first() == Some(&b'[') {
        serde_json::from_slice(bytes).map_err(bad)?
    } else {
        vec![serde_json::from_slice(bytes).map_err(bad)?]
    };
    for (i, r) in records.iter_mut().enumerate() {
        r.seq = base + i as u64;
    }
    Ok(records)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::OffsetDateTime;

    fn rec(n: u32) -> Vec<u8> {
        serde_json::to_vec(&AuditRecord {
            seq: 0,
            time: OffsetDateTime::now_utc(),
            action: format!("a{n}"),
            key_id: None,
            outcome: "done".into(),
            actor: "t".into(),
            reason: None,
        })
        .unwrap()
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn concurrent_appends_are_batched_and_numbered_uniquely() {
        let dir = tempfile::tempdir().unwrap();
        let store: Arc<dyn Store> = Arc::new(secl_store::EmbeddedStore::open(dir.path()).unwrap());
        let log = Arc::new(AuditLog::new(store.clone(), "t.audit"));
        let mut tasks = Vec::new();
        for n in 0..200 {
            let log = log.clone();
            tasks.push(tokio::spawn(async move { log.append(rec(n)).await }));
        }
        let mut seqs = Vec::new();
        for t in tasks {
            seqs.push(t.await.unwrap().unwrap());
        }
        seqs.sort_unstable();
        seqs.dedup();
        assert_eq!(seqs.len(), 200);
        let entries = store.read_log("t.audit", 0, 10_000).await.unwrap();
        assert!(entries.len() < 200, "no batching happened");
        let mut all = Vec::new();
        for (seq, bytes) in entries {
            all.extend(decode_entry(seq, &bytes).unwrap());
        }
        let mut got: Vec<u64> = all.iter().map(|r| r.seq).collect();
        got.sort_unstable();
        assert_eq!(got, seqs);
    }
}
