//! The method in our own words (`docs/METHOD.md`), built in so that every rule id backbone
//! prints (`[P5]`) can be looked up with `backbone rules P5`, on any machine.
//!
//! The document is read once: a `## ` heading opens a section, and each `### ID Title` (or `### Term:
//! title` in the terms section) opens an entry whose body runs to the next heading.

use std::sync::OnceLock;

/// The document, as shipped.
const TEXT: &str = include_str!("../../../docs/METHOD.md");

/// One rule or term.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Entry {
    pub id: &'static str,
    pub title: &'static str,
    /// The section it belongs to ("P. Progression", "Terms").
    #[serde(skip)]
    pub section: &'static str,
    pub text: String,
}

/// Every entry, in the document's order.
pub fn entries() -> &'static [Entry] {
    static ENTRIES: OnceLock<Vec<Entry>> = OnceLock::new();
    ENTRIES.get_or_init(|| parse(TEXT))
}

/// The entry for an id or term, in any letter case.
pub fn find(id: &str) -> Option<&'static Entry> {
    entries().iter().find(|e| e.id.eq_ignore_ascii_case(id))
}

fn parse(text: &'static str) -> Vec<Entry> {
    let mut out: Vec<Entry> = Vec::new();
    let mut section = "";
    for line in text.lines() {
        if let Some(h) = line.strip_prefix("## ") {
            section = h.trim();
        } else if let Some(h) = line.strip_prefix("### ") {
            let (id, title) = h.split_once(' ').unwrap_or((h, ""));
            out.push(Entry { id: id.trim_end_matches(':'), title: title.trim(), section, text: String::new() });
        } else if let Some(last) = out.last_mut()
            && !line.starts_with('#')
            && !line.trim().is_empty()
        {
            if !last.text.is_empty() {
                last.text.push(' ');
            }
            last.text.push_str(line.trim());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every rule id of METHOD, in its order; the document must hold each once.
    const IDS: &[&str] = &[
        "A1", "A2", "A3", "A4", "A5", "A6", "S1", "S2", "S2a", "S3", "S4", "S5", "S6", "W1", "W1a", "W2", "W3", "W4",
        "W5", "W6", "B1", "B2", "B3", "B4", "B5", "T1", "T2", "T3", "T4", "P1", "P2", "P3", "P4", "P5", "P6", "P7",
        "R1", "R2", "R3", "R4", "R5", "R6", "K1", "K2", "K3", "K4", "K5", "K6", "K7", "K8", "K9", "K10", "N1", "N2",
        "N3", "X1", "X2", "X3",
    ];

    #[test]
    fn every_rule_id_is_documented_once_in_method_order() {
        let rules: Vec<&str> = entries().iter().filter(|e| e.section != "Terms").map(|e| e.id).collect();
        assert_eq!(rules, IDS);
    }

    #[test]
    fn every_entry_has_a_title_and_a_body() {
        for e in entries() {
            assert!(!e.title.is_empty() && e.text.len() > 20, "{e:?}");
        }
    }

    #[test]
    fn terms_and_ids_are_found_in_any_case() {
        assert_eq!(find("p5").map(|e| e.id), Some("P5"));
        assert_eq!(find("rpe").map(|e| e.id), Some("RPE"));
        assert_eq!(find("E1RM").map(|e| e.id), Some("e1RM"));
        assert!(find("Q9").is_none());
    }
}
