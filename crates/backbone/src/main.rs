//! The `backbone` command line: parses flags, wires the core to files, prints plans.

fn main() {}
