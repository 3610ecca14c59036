//! Fuzz target: any bytes read as a Hevy export (`Format::Hevy` forced), with and without `--units`.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| backbone_fuzz::import(data, backbone_formats::import::Format::Hevy));
