#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| secl_testkit::fuzzing::saml_report(data));
