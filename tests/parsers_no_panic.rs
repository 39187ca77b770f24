//! The fuzz targets of `fuzz/` on stable, for CI: every target body
//! (`secl_testkit::fuzzing`) over its seed corpus (`fuzz/corpus/<target>/`) and a fixed number
//! of deterministic mutations of it (bit flips, truncations, insertions, byte splices from other
//! seeds), bounded in time. A panic or a failed round-trip assertion in any body fails the test
//! and names the target and the input (hex), so it can be turned into a regression test.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::time::{Duration, Instant};

use secl_testkit::fuzzing::TARGETS;
use secl_testkit::repo_root;

/// Mutations per target (after the seeds themselves).
const MUTATIONS: usize = 3_000;
/// Time budget per target; mutation stops early when it is spent (slow debug builds).
const BUDGET: Duration = Duration::from_secs(4);
/// Fixed seed: every run tries the same inputs.
const SEED: u64 = 0x5ec1_f022_0000_0001;
/// Inputs longer than this are cut back (the seeds are a few KiB).
const MAX_LEN: usize = 64 * 1024;

/// SplitMix64: small, deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform-enough in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Bytes that matter to the formats under test (JSON, XML, PEM, base64, references).
const INTERESTING: &[u8] = b"{}[]\":,<>/=&;#-!?*@. \n\t\\0AaZz+";

/// One to four stacked mutations of `input`, drawing splices from `corpus`.
fn mutate(rng: &mut Rng, input: &[u8], corpus: &[Vec<u8>]) -> Vec<u8> {
    let mut out = input.to_vec();
    for _ in 0..1 + rng.below(4) {
        match rng.below(8) {
            // Flip one bit.
            0 if !out.is_empty() => {
                let i = rng.below(out.len());
                out[i] ^= 1 << rng.below(8);
            }
            // Replace a byte with a random or an interesting one.
            1 if !out.is_empty() => {
                let i = rng.below(out.len());
                out[i] = if rng.below(2) == 0 {
                    rng.next() as u8
                } else {
                    INTERESTING[rng.below(INTERESTING.len())]
                };
            }
            // Truncate.
            2 if !out.is_empty() => {
                let n = rng.below(out.len());
                out.truncate(n);
            }
            // Insert a few random or interesting bytes.
            3 => {
                let at = rng.below(out.len() + 1);
                let n = 1 + rng.below(8);
                let bytes: Vec<u8> = (0..n)
                    .map(|_| match rng.below(3) {
                        0 => rng.next() as u8,
                        _ => INTERESTING[rng.below(INTERESTING.len())],
                    })
                    .collect();
                out.splice(at..at, bytes);
            }
            // Delete a range.
            4 if !out.is_empty() => {
                let a = rng.below(out.len());
                let b = a + rng.below((out.len() - a).min(64) + 1);
                out.drain(a..b);
            }
            // Duplicate a range in place.
            5 if !out.is_empty() => {
                let a = rng.below(out.len());
                let b = a + rng.below((out.len() - a).min(256) + 1);
                let chunk = out[a..b].to_vec();
                let at = rng.below(out.len() + 1);
                out.splice(at..at, chunk);
            }
            // Splice in a range of another seed.
            6 if !corpus.is_empty() => {
                let other = &corpus[rng.below(corpus.len())];
                if !other.is_empty() {
                    let a = rng.below(other.len());
                    let b = a + rng.below((other.len() - a).min(512) + 1);
                    let at = rng.below(out.len() + 1);
                    let end = (at + (b - a)).min(out.len());
                    out.splice(at..end, other[a..b].iter().copied());
                }
            }
            // Set a big-endian u16 length-like field to an edge value.
            7 if out.len() >= 2 => {
                let i = rng.below(out.len() - 1);
                let v: u16 = [0, 1, 0x7f, 0x80, 0xff, 0x100, 0x7fff, 0xffff][rng.below(8)];
                out[i..i + 2].copy_from_slice(&v.to_be_bytes());
            }
            _ => {}
        }
    }
    out.truncate(MAX_LEN);
    out
}

fn seeds(dir: &Path) -> Vec<Vec<u8>> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("corpus entry").path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| std::fs::read(p).expect("corpus file"))
        .collect()
}

fn run(name: &str, body: fn(&[u8]), input: &[u8]) {
    if catch_unwind(AssertUnwindSafe(|| body(input))).is_err() {
        panic!(
            "fuzz target {name} panicked on this input (hex): {}\nas text: {:?}",
            hex(input),
            String::from_utf8_lossy(input)
        );
    }
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

#[test]
fn parsers_never_panic_on_seeds_and_mutations() {
    let corpus_root = repo_root().join("fuzz/corpus");
    let mut rng = Rng(SEED);
    let mut summary = Vec::new();
    for (name, body) in TARGETS {
        let corpus = seeds(&corpus_root.join(name));
        assert!(!corpus.is_empty(), "fuzz/corpus/{name} has no seeds");
        let started = Instant::now();
        for seed in &corpus {
            run(name, *body, seed);
        }
        let mut done = 0;
        while done < MUTATIONS && started.elapsed() < BUDGET {
            let base = &corpus[rng.below(corpus.len())];
            let input = mutate(&mut rng, base, &corpus);
            run(name, *body, &input);
            done += 1;
        }
        summary.push(format!(
            "{name}: {} seeds + {done} mutations in {:.2?}",
            corpus.len(),
            started.elapsed()
        ));
    }
    // Shown with --nocapture; the counts are part of what the test claims.
    for line in &summary {
        println!("{line}");
    }
}

/// Regenerates the seeds made by the project's own writers
/// (`SECL_WRITE_FUZZ_SEEDS=1 cargo test -p secl-tests --test parsers_no_panic -- --ignored`).
#[test]
#[ignore = "writes into fuzz/corpus; run by hand after a format change"]
fn write_generated_seeds() {
    // `1` writes every target's seeds, a target name only that target's.
    let Some(which) = std::env::var_os("SECL_WRITE_FUZZ_SEEDS") else {
        return;
    };
    let root = repo_root().join("fuzz/corpus");
    for (target, name, bytes) in secl_testkit::fuzzing::generated_seeds() {
        if which != "1" && which != target {
            continue;
        }
        let dir = root.join(target);
        std::fs::create_dir_all(&dir).expect("corpus dir");
        std::fs::write(dir.join(name), bytes).expect("seed");
    }
}
