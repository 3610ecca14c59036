//! Fuzz target: any bytes read as backbone's JSON export (`archive::parse`), and written back.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| backbone_fuzz::archive(data));
