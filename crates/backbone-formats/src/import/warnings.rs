//! The warnings of an import: a few of each kind listed with their lines, the rest summed up in one line
//! from the first left out, so that a file with ten thousand rest-timer rows gives a readable account.

use super::Warning;

/// Warnings of one kind listed one by one before the rest are summed up.
const PER_KIND: usize = 5;

#[derive(Debug, Default)]
pub(crate) struct Warnings {
    listed: Vec<Warning>,
    /// Per kind: how many, and the line of the first not listed.
    tallies: Vec<(&'static str, usize, u64)>,
}

impl Warnings {
    /// A warning of `kind` at `line`; the message is only made when it will be listed.
    pub(crate) fn add(&mut self, kind: &'static str, line: u64, message: impl FnOnce() -> String) {
        let i = match self.tallies.iter().position(|(k, _, _)| *k == kind) {
            Some(i) => i,
            None => {
                self.tallies.push((kind, 0, 0));
                self.tallies.len() - 1
            }
        };
        let tally = &mut self.tallies[i];
        tally.1 += 1;
        if tally.1 <= PER_KIND {
            self.listed.push(Warning { line, message: message() });
        } else if tally.1 == PER_KIND + 1 {
            tally.2 = line;
        }
    }

    /// Every warning in line order, with one line per kind for those not listed.
    pub(crate) fn finish(mut self) -> Vec<Warning> {
        for (kind, count, line) in std::mem::take(&mut self.tallies) {
            if count > PER_KIND {
                let more = count - PER_KIND;
                self.listed.push(Warning { line, message: format!("{more} more like this ({kind}) from here on") });
            }
        }
        self.listed.sort_by_key(|w| w.line);
        self.listed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_few_of_each_kind_are_listed_and_the_rest_summed_up() {
        let mut w = Warnings::default();
        for line in 1..=8 {
            w.add("rest timer", line * 2, || format!("rest {line}"));
        }
        w.add("rpe", 3, || "rpe".into());
        let all = w.finish();
        assert_eq!(all.len(), 7);
        assert_eq!((all[1].line, all[1].message.as_str()), (3, "rpe"));
        assert_eq!((all[6].line, all[6].message.as_str()), (12, "3 more like this (rest timer) from here on"));
    }
}
