//! Fuzz target: any bytes read as a profile TOML file (`Profile::parse`), and its `to_toml` read back.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| backbone_fuzz::profile(&backbone_fuzz::text(data)));
