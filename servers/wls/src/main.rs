//! Placeholder until the Workload Service lands.
fn main() {}
