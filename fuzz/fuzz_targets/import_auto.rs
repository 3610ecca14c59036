//! Fuzz target: any bytes read as an export of an app told from its header (`Format::Auto`).

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| backbone_fuzz::import(data, backbone_formats::import::Format::Auto));
