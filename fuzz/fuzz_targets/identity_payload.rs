#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| secl_testkit::fuzzing::identity_payload(data));
