//! Fuzz target: any bytes read as backbone's CSV export (`sheet::read`).

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| backbone_fuzz::sheet(data));
