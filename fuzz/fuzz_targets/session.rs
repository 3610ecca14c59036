//! Fuzz target: any bytes read as a session JSON file (`log::parse_session`).

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| backbone_fuzz::session(&backbone_fuzz::text(data)));
