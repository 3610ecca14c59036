//! Fuzz target: any bytes read as set notation (`log::parse_notation`) and as an exercise query.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| backbone_fuzz::notation(&backbone_fuzz::text(data)));
