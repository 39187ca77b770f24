//! Benchmark (not a test): sequential `UnWrapKey` calls over the WLA key provider socket, as
//! CRI-O or skopeo make them (a fresh connection per call), timed end to end.
//!
//!   cargo bench -p secl-wla-server --bench unwrap -- --socket PATH --request FILE [--calls N]
//!       [--label TEXT] [--max-seconds S]
//!
//! (or SECL_BENCH_SOCKET, SECL_BENCH_REQUEST, SECL_BENCH_CALLS). FILE holds an ocicrypt
//! `keyunwrap` request JSON. Every answer must carry optsdata that decodes as JSON, else the run
//! fails. Prints one line: p50/p90/p99/max in milliseconds. Bounded in calls, per call (60 s)
//! and in total time (`--max-seconds`, default 600: the run stops and says so).
#![forbid(unsafe_code)]

use std::path::PathBuf;
use std::time::{Duration, Instant};

use secl_ocicrypt::keyprovider::parse_keyunwrap_response;
use secl_wla_server::keyprovider::proto::KeyProviderKeyWrapProtocolInput;
use secl_wla_server::keyprovider::proto::key_provider_service_client::KeyProviderServiceClient;
use tonic::transport::{Endpoint, Uri};

const CALL_TIMEOUT: Duration = Duration::from_secs(60);

struct Args {
    socket: PathBuf,
    request: Vec<u8>,
    calls: usize,
    label: String,
    max: Duration,
}

fn args() -> Result<Args, String> {
    let mut socket = std::env::var_os("SECL_BENCH_SOCKET").map(PathBuf::from);
    let mut request = std::env::var_os("SECL_BENCH_REQUEST").map(PathBuf::from);
    let mut calls = std::env::var("SECL_BENCH_CALLS").ok();
    let mut label = String::from("UnWrapKey");
    let mut max = String::from("600");
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = || it.next().ok_or(format!("{a} needs a value"));
        match a.as_str() {
            "--socket" => socket = Some(value()?.into()),
            "--request" => request = Some(value()?.into()),
            "--calls" => calls = Some(value()?),
            "--label" => label = value()?,
            "--max-seconds" => max = value()?,
            // What `cargo bench` passes to every bench target.
            "--bench" => {}
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    let socket = socket.ok_or("--socket (or SECL_BENCH_SOCKET) is required")?;
    let request = request.ok_or("--request (or SECL_BENCH_REQUEST) is required")?;
    let request = std::fs::read(&request).map_err(|e| format!("{}: {e}", request.display()))?;
    let calls = calls
        .as_deref()
        .unwrap_or("30")
        .parse::<usize>()
        .ok()
        .filter(|n| (1..=100_000).contains(n))
        .ok_or("--calls must be 1..100000")?;
    let max = max
        .parse::<u64>()
        .map(Duration::from_secs)
        .map_err(|_| "--max-seconds must be a whole number")?;
    Ok(Args {
        socket,
        request,
        calls,
        label,
        max,
    })
}

/// One call on a fresh connection; returns the answer's optsdata length.
async fn call(socket: &std::path::Path, request: &[u8]) -> Result<usize, String> {
    let path = socket.to_path_buf();
    // The URI is ignored: the connector always dials the socket.
    let channel = Endpoint::try_from("http://[::]:50051")
        .map_err(|e| e.to_string())?
        .connect_with_connector(tower::service_fn(move |_: Uri| {
            let path = path.clone();
            async move {
                Ok::<_, std::io::Error>(hyper_util::rt::TokioIo::new(
                    tokio::net::UnixStream::connect(path).await?,
                ))
            }
        }))
        .await
        .map_err(|e| format!("connect to {}: {e}", socket.display()))?;
    let answer = KeyProviderServiceClient::new(channel)
        .un_wrap_key(KeyProviderKeyWrapProtocolInput {
            key_provider_key_wrap_protocol_input: request.to_vec(),
        })
        .await
        .map_err(|s| format!("UnWrapKey: {:?}: {}", s.code(), s.message()))?
        .into_inner()
        .key_provider_key_wrap_protocol_output;
    let optsdata = parse_keyunwrap_response(&answer).map_err(|e| format!("answer: {e}"))?;
    serde_json::from_slice::<serde_json::Value>(&optsdata)
        .map_err(|_| "the answer's optsdata is not JSON".to_string())?;
    Ok(optsdata.len())
}

/// The q-quantile (nearest rank) of sorted `v`.
fn quantile(v: &[Duration], q: f64) -> Duration {
    let rank = ((q * v.len() as f64).ceil() as usize).clamp(1, v.len());
    v[rank - 1]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

async fn bench(a: Args) -> Result<(), String> {
    let started = Instant::now();
    let mut times = Vec::with_capacity(a.calls);
    for i in 0..a.calls {
        if started.elapsed() > a.max {
            eprintln!(
                "stopped after {i} calls: --max-seconds {} reached",
                a.max.as_secs()
            );
            break;
        }
        let t = Instant::now();
        tokio::time::timeout(CALL_TIMEOUT, call(&a.socket, &a.request))
            .await
            .map_err(|_| format!("call {}: no answer within {CALL_TIMEOUT:?}", i + 1))?
            .map_err(|e| format!("call {}: {e}", i + 1))?;
        times.push(t.elapsed());
    }
    let Some(&first) = times.first() else {
        return Err("no call completed".into());
    };
    times.sort();
    println!(
        "{}: {} calls, p50 {:.1} ms, p90 {:.1} ms, p99 {:.1} ms, max {:.1} ms (first {:.1} ms)",
        a.label,
        times.len(),
        ms(quantile(&times, 0.50)),
        ms(quantile(&times, 0.90)),
        ms(quantile(&times, 0.99)),
        ms(times[times.len() - 1]),
        ms(first),
    );
    Ok(())
}

fn main() {
    let result = args().and_then(|a| {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| e.to_string())?
            .block_on(bench(a))
    });
    if let Err(e) = result {
        eprintln!("unwrap bench: {e}");
        std::process::exit(1);
    }
}
