//! The crate's integration tests, one binary (DESIGN.md convention 8): modules by area.

mod import;
