//! Tidy checks run as tests: conventions of DESIGN.md that a compiler does not enforce.

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    fn root() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
    }

    fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else { return };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                if !path.ends_with("target") && !path.ends_with("fuzz/target") {
                    rust_files(&path, out);
                }
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }

    /// DESIGN.md convention 3: every file opens with a `//!` sentence saying what it holds.
    #[test]
    fn every_rust_file_opens_with_a_doc_comment() {
        let mut files = Vec::new();
        for dir in ["crates", "xtask", "fuzz"] {
            rust_files(&root().join(dir), &mut files);
        }
        assert!(files.len() > 10, "found only {} files", files.len());
        let missing: Vec<_> =
            files.iter().filter(|f| !std::fs::read_to_string(f).unwrap_or_default().starts_with("//!")).collect();
        assert!(missing.is_empty(), "files without a //! opening line: {missing:?}");
    }

    /// DESIGN.md convention 4: `foo.rs` beside `foo/`, never `mod.rs`.
    #[test]
    fn no_mod_rs_files() {
        let mut files = Vec::new();
        rust_files(&root().join("crates"), &mut files);
        let mod_rs: Vec<_> = files.iter().filter(|f| f.ends_with("mod.rs")).collect();
        assert!(mod_rs.is_empty(), "{mod_rs:?}");
    }

    /// DESIGN.md convention 7: no ignored tests and no should_panic tests.
    #[test]
    fn no_ignored_or_should_panic_tests() {
        let mut files = Vec::new();
        rust_files(&root().join("crates"), &mut files);
        for f in files {
            let text = std::fs::read_to_string(&f).unwrap_or_default();
            for banned in ["#[ignore", "#[should_panic"] {
                assert!(!text.contains(banned), "{} uses {banned}", f.display());
            }
        }
    }
}
