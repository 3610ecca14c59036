//! The closed vocabularies of the method: equipment, joints, categories, patterns, muscles and the rest.
//!
//! Every word a profile, a catalog file or a log may use is listed here once, so that an unknown word
//! can be refused with the list of known ones.

use std::fmt;

/// An unknown word: what was given and what is allowed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {kind} {given:?}; expected one of: {}", .allowed.join(", "))]
pub struct UnknownWord {
    pub kind: &'static str,
    pub given: String,
    pub allowed: Vec<&'static str>,
}

/// The allowed word a near-miss was probably meant to be: the same letters once case, spaces, hyphens
/// and underscores are set aside ("pull-up bar", "Lower back"), or a close spelling ("intermediat").
/// None when nothing is close, so that a wrong guess is never offered for a word from elsewhere.
pub fn nearest(given: &str, words: &[&'static str]) -> Option<&'static str> {
    // Jaro-Winkler weighs a shared start, which is how typos and cut-off words look; 0.85 accepts a
    // dropped or swapped letter and refuses unrelated words of the same length ("ankle" for "knee").
    const CLOSE: f64 = 0.85;
    let key = |w: &str| w.chars().filter(char::is_ascii_alphanumeric).collect::<String>().to_ascii_lowercase();
    let given = key(given);
    if given.is_empty() {
        return None;
    }
    words
        .iter()
        .map(|w| (*w, strsim::jaro_winkler(&given, &key(w))))
        .filter(|(_, score)| *score >= CLOSE)
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(w, _)| w)
}

/// " (did you mean \"X\"?)" for a near-miss, or nothing: for the end of an "expected ..." text.
pub fn did_you_mean(given: &str, words: &[&'static str]) -> String {
    nearest(given, words).map_or_else(String::new, |w| format!("; did you mean {w:?}?"))
}

/// Declares a closed vocabulary: an enum with its words, `ALL`, `as_str`, `parse`, Display and serde.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident, $kind:literal { $($variant:ident = $word:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            pub const WORDS: &'static [&'static str] = &[$($word),+];
            pub const KIND: &'static str = $kind;

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $word),+ }
            }

            pub fn parse(word: &str) -> Result<Self, UnknownWord> {
                match word {
                    $($word => Ok($name::$variant),)+
                    _ => Err(UnknownWord { kind: $kind, given: word.to_string(), allowed: Self::WORDS.to_vec() }),
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result { f.write_str(self.as_str()) }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> { s.serialize_str(self.as_str()) }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let word = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                $name::parse(&word).map_err(serde::de::Error::custom)
            }
        }
    };
}

vocabulary!(
    /// What a person owns. A wall, a chair and the floor are always there and are not listed.
    Equipment, "equipment" {
        Barbell = "barbell",
        Dumbbells = "dumbbells",
        Kettlebell = "kettlebell",
        Bands = "bands",
        Cable = "cable",
        Bench = "bench",
        PullupBar = "pullup_bar",
        FoamRoller = "foam_roller",
    }
);

vocabulary!(
    /// A joint that can be sensitive (METHOD R4) and that an exercise can load.
    Joint, "joint" {
        Neck = "neck",
        Shoulder = "shoulder",
        Elbow = "elbow",
        Wrist = "wrist",
        LowerBack = "lower_back",
        Hip = "hip",
        Knee = "knee",
    }
);

vocabulary!(
    /// What an exercise is for within a session (METHOD catalog).
    Category, "category" {
        Warmup = "warmup",
        Mobility = "mobility",
        Strength = "strength",
        Posture = "posture",
        Hinge = "hinge",
        Carry = "carry",
        Core = "core",
        Grip = "grip",
        Stretch = "stretch",
        Breathing = "breathing",
    }
);

vocabulary!(
    /// A movement pattern: the intent that a substitute must share.
    Pattern, "pattern" {
        HorizontalPull = "horizontal_pull",
        VerticalPull = "vertical_pull",
        Scapular = "scapular",
        ExternalRotation = "external_rotation",
        Hinge = "hinge",
        Carry = "carry",
        AntiRotation = "anti_rotation",
        AntiExtension = "anti_extension",
        Grip = "grip",
        Thoracic = "thoracic",
        Neck = "neck",
        Shoulder = "shoulder",
        Hip = "hip",
        Spine = "spine",
        Breathing = "breathing",
    }
);

vocabulary!(
    /// A muscle or muscle group, as METHOD.md names them.
    Muscle, "muscle" {
        Trapezius = "trapezius",
        Rhomboids = "rhomboids",
        RearDeltoids = "rear_deltoids",
        TeresMajor = "teres_major",
        TeresMinor = "teres_minor",
        Infraspinatus = "infraspinatus",
        Latissimus = "latissimus_dorsi",
        SpinalErectors = "spinal_erectors",
        Glutes = "glutes",
        Hamstrings = "hamstrings",
        Forearms = "forearms",
        Core = "core",
        Chest = "chest",
        Neck = "neck",
        Biceps = "biceps",
    }
);

vocabulary!(
    /// How much training a person has behind them.
    Experience, "experience" {
        Beginner = "beginner",
        Intermediate = "intermediate",
        Advanced = "advanced",
    }
);

vocabulary!(
    /// What the person trains for: posture users and lifters get different weeks.
    Goal, "goal" {
        Posture = "posture",
        Hypertrophy = "hypertrophy",
        Strength = "strength",
    }
);

vocabulary!(
    /// Display units; data are always kept in kilograms.
    Units, "units" {
        Kg = "kg",
        Lb = "lb",
    }
);

vocabulary!(
    /// Sex, for grip-strength norms.
    Sex, "sex" {
        Male = "male",
        Female = "female",
    }
);

vocabulary!(
    /// A day of the week, as a profile names training days.
    Day, "day" {
        Mon = "mon",
        Tue = "tue",
        Wed = "wed",
        Thu = "thu",
        Fri = "fri",
        Sat = "sat",
        Sun = "sun",
    }
);

vocabulary!(
    /// The wall angel test result (METHOD A2).
    PassFail, "result" {
        Pass = "pass",
        Fail = "fail",
    }
);

vocabulary!(
    /// Bench and row grip width (METHOD A4).
    GripWidth, "grip width" {
        Narrow = "narrow",
        Shoulder = "shoulder",
        Wide = "wide",
    }
);

vocabulary!(
    /// The emphasis of a block (METHOD B1, B2).
    Emphasis, "emphasis" {
        Technique = "technique",
        Hypertrophy = "hypertrophy",
        Strength = "strength",
        Deload = "deload",
    }
);

vocabulary!(
    /// What a session's main lift trains (CONTRACT `focus`).
    Focus, "focus" {
        HorizontalPull = "horizontal_pull",
        VerticalPull = "vertical_pull",
        Posture = "posture",
        Hinge = "hinge",
        Full = "full",
    }
);

impl Day {
    /// Days since Monday (Monday = 0).
    pub fn offset(self) -> i8 {
        self as i8
    }
}

impl Goal {
    /// Lifters train for strength or size; everyone else comes for posture and less ache.
    pub fn is_lifter(self) -> bool {
        matches!(self, Goal::Strength | Goal::Hypertrophy)
    }
}

impl Category {
    /// Categories that are done for sets and reps (or seconds) in the main part of a session.
    pub fn is_work(self) -> bool {
        matches!(
            self,
            Category::Strength
                | Category::Posture
                | Category::Hinge
                | Category::Carry
                | Category::Core
                | Category::Grip
        )
    }
}

impl Pattern {
    /// Patterns that train the upper back (METHOD S2 counts these).
    pub fn is_upper_back(self) -> bool {
        matches!(self, Pattern::HorizontalPull | Pattern::VerticalPull | Pattern::Scapular | Pattern::ExternalRotation)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_parses_back_to_its_variant() {
        for e in Equipment::ALL {
            assert_eq!(Equipment::parse(e.as_str()), Ok(*e));
        }
        for j in Joint::ALL {
            assert_eq!(Joint::parse(j.as_str()), Ok(*j));
        }
    }

    #[test]
    fn a_near_miss_finds_the_word_it_was_meant_to_be() {
        assert_eq!(nearest("intermediat", Experience::WORDS), Some("intermediate"));
        assert_eq!(nearest("pull-up bar", Equipment::WORDS), Some("pullup_bar"));
        assert_eq!(nearest("Lower back", Joint::WORDS), Some("lower_back"));
        assert_eq!(nearest("dumbells", Equipment::WORDS), Some("dumbbells"));
        assert_eq!(did_you_mean("begginer", Experience::WORDS), "; did you mean \"beginner\"?");
    }

    #[test]
    fn a_word_from_elsewhere_gets_no_guess() {
        assert_eq!(nearest("ankle", Joint::WORDS), None);
        assert_eq!(nearest("treadmill", Equipment::WORDS), None);
        assert_eq!(nearest("", Goal::WORDS), None);
        assert_eq!(did_you_mean("stone", Units::WORDS), "");
    }

    #[test]
    fn unknown_word_lists_the_known_ones() {
        let err = Joint::parse("ankle").unwrap_err();
        let text = err.to_string();
        assert!(text.contains("\"ankle\""), "{text}");
        assert!(text.contains("lower_back"), "{text}");
    }
}
