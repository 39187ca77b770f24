//! Generates the ocicrypt key-provider gRPC service from proto/keyprovider.proto with protox
//! (pure Rust), so building needs no protoc.

fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("cargo:rerun-if-changed=proto/keyprovider.proto");
    let fds = protox::compile(["keyprovider.proto"], ["proto"])?;
    tonic_prost_build::configure()
        .build_client(true)
        .build_server(true)
        .compile_fds(fds)?;
    Ok(())
}
