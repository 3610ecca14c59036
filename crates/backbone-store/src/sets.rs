//! The sets of a session as one JSON text, the `sessions.sets_json` column: written compact, read back checked.
//!
//! Each set is a positional array, `[exercise, reps, seconds, load_kg, rpe, quality, pain, bar_speed_mps]`
//! with `null` for an absent value, and a ninth value, an object, only for what an imported set may carry
//! besides (`{"kind": "warmup", "distance_m": 1000.0, "note": "..."}`): no field names to store or match
//! for the sets the log itself records, and the exercise id borrowed from
//! the row's text, so that a catalog exercise becomes a `SetLog` without allocating (`intern`). Every
//! set is checked against what the log accepts (the ranges of `parse_session` and of the set notation,
//! the wider of the two) by one rule, `Values::accepted`, on the way in as on the way out: a set the
//! store would refuse to read back is never written, and a text edited by hand or damaged is an error
//! naming the set and the field, not a wrong plan.
//!
//! Two readers: serde_json, which reads any JSON and words every error, and `read_written`, which reads
//! only the form `encode` writes, several times faster, and hands anything else to serde_json.

use std::borrow::Cow;
use std::cell::Cell;
use std::fmt;

use backbone_core::log::{SetKind, SetLog};
use serde::de::{Deserialize, DeserializeSeed, Deserializer, IgnoredAny, SeqAccess, Visitor};
use serde::ser::{SerializeSeq, Serializer};
use serde_json::error::Category;

use crate::decode::Bad;

/// The column, for messages.
const COLUMN: &str = "sets_json";

/// The names of a set's values, in order.
const FIELDS: [&str; 8] = ["exercise", "reps", "seconds", "load_kg", "rpe", "quality", "pain", "bar_speed_mps"];

/// The JSON text of `sets`, in order; an error names the first set the log would not accept.
pub(crate) fn encode(sets: &[SetLog]) -> Result<String, String> {
    for (i, s) in sets.iter().enumerate() {
        check(s).map_err(|problem| format!("set {i}: {problem}"))?;
    }
    let written: Vec<Written<'_>> = sets.iter().map(Written).collect();
    serde_json::to_string(&written).map_err(|e| e.to_string())
}

/// Whether the log accepts `set`, and why not: what `encode` checks, for callers (an import) that
/// want to set a row aside with a reason rather than refuse a whole session.
pub fn check(set: &SetLog) -> Result<(), String> {
    let values = Values {
        reps: set.reps.map(u64::from),
        seconds: set.seconds.map(u64::from),
        load_kg: set.load_kg,
        rpe: set.rpe,
        quality: set.quality.map(u64::from),
        pain: set.pain.map(u64::from),
        bar_speed_mps: set.bar_speed_mps,
        distance_m: set.distance_m,
    };
    let exercise = set.exercise.as_bytes();
    if values.accepted(exercise) { Ok(()) } else { Err(values.refusal(exercise)) }
}

/// One set as written: the eight positions, and the extras only when the set has any.
struct Written<'a>(&'a SetLog);

impl serde::Serialize for Written<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let s = self.0;
        let extra = Extra { kind: s.kind, distance_m: s.distance_m, note: s.note.clone() };
        let mut seq = serializer.serialize_seq(Some(if extra.is_empty() { 8 } else { 9 }))?;
        seq.serialize_element(&*s.exercise)?;
        seq.serialize_element(&s.reps)?;
        seq.serialize_element(&s.seconds)?;
        seq.serialize_element(&s.load_kg)?;
        seq.serialize_element(&s.rpe)?;
        seq.serialize_element(&s.quality)?;
        seq.serialize_element(&s.pain)?;
        seq.serialize_element(&s.bar_speed_mps)?;
        if !extra.is_empty() {
            seq.serialize_element(&extra)?;
        }
        seq.end()
    }
}

/// What a set may carry besides its eight values: the ninth, only when there is something in it.
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Extra {
    #[serde(default, skip_serializing_if = "SetKind::is_normal")]
    kind: SetKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    distance_m: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    note: Option<String>,
}

impl Extra {
    fn is_empty(&self) -> bool {
        self.kind.is_normal() && self.distance_m.is_none() && self.note.is_none()
    }
}

/// The sets of a `sets_json` text, which must hold `count` of them (the row's `set_count`).
pub(crate) fn decode(text: &[u8], count: usize, ids: &mut Ids) -> Result<Vec<SetLog>, Bad> {
    // A set takes more than 16 bytes of text (`["a",0,1,0,1,1,0,0]`), so a damaged `set_count` cannot
    // reserve more than the text could hold; the two are compared once the sets are read.
    let mut out = Vec::with_capacity(count.min(text.len() / 16));
    if read_written(text, &mut Builder::new(&mut out, ids)).is_none() {
        // Not as `encode` writes it (edited, written by another program, damaged): serde_json reads it,
        // or says what is wrong with it.
        out.clear();
        let text = std::str::from_utf8(text).map_err(|_| Bad::new(COLUMN, "holds text that is not UTF-8".into()))?;
        read_json(text, &mut Builder::new(&mut out, ids))?;
    }
    if out.len() != count {
        return Err(Bad::new("set_count", format!("holds {count}, but sets_json holds {} sets", out.len())));
    }
    Ok(out)
}

// What the log accepts: the ranges of the values after the exercise. 2000 kg is the set notation's
// bound (`@2000kg`); an RPE also comes in halves, and a set has reps, seconds or a distance. Reps and
// seconds are wider than what a person logs here (200 reps, an hour), because imported histories hold
// skipping ropes and bike rides.
const REPS: (u64, u64) = (0, 10_000);
const SECONDS: (u64, u64) = (1, 86_400);
const DISTANCE_M: (f64, f64) = (0.0, 1_000_000.0);
const LOAD_KG: (f64, f64) = (0.0, 2000.0);
const RPE: (f64, f64) = (1.0, 10.0);
const QUALITY: (u64, u64) = (1, 5);
const PAIN: (u64, u64) = (0, 10);
const BAR_SPEED_MPS: (f64, f64) = (0.0, 5.0);

/// A set's values after the exercise, as read: whole ones wider than their fields, so that a value too
/// big for its field is refused by its range, like any other.
#[derive(Clone, Copy)]
struct Values {
    reps: Option<u64>,
    seconds: Option<u64>,
    load_kg: Option<f64>,
    rpe: Option<f64>,
    quality: Option<u64>,
    pain: Option<u64>,
    bar_speed_mps: Option<f64>,
    distance_m: Option<f64>,
}

impl Values {
    /// Whether the log accepts the set: the one rule for writing and reading. The checks are combined
    /// without a branch each, as this runs for every set read; `refusal` says why when it fails.
    #[inline(always)]
    fn accepted(&self, exercise: &[u8]) -> bool {
        fn whole((min, max): (u64, u64), v: Option<u64>) -> bool {
            v.is_none_or(|v| min <= v && v <= max)
        }
        // NaN fails both comparisons.
        fn real((min, max): (f64, f64), v: Option<f64>) -> bool {
            v.is_none_or(|x| min <= x && x <= max)
        }
        !exercise.is_empty()
            & whole(REPS, self.reps)
            & whole(SECONDS, self.seconds)
            & real(LOAD_KG, self.load_kg)
            & real(RPE, self.rpe)
            & half_steps(self.rpe)
            & whole(QUALITY, self.quality)
            & whole(PAIN, self.pain)
            & real(BAR_SPEED_MPS, self.bar_speed_mps)
            & real(DISTANCE_M, self.distance_m)
            & (self.reps.is_some() | self.seconds.is_some() | self.distance_m.is_some())
    }

    /// Why `accepted` is false: the first rule broken, in the order of `FIELDS`.
    #[cold]
    #[inline(never)]
    fn refusal(&self, exercise: &[u8]) -> String {
        fn whole(field: &str, (min, max): (u64, u64), v: Option<u64>) -> Option<String> {
            v.filter(|v| !(min..=max).contains(v))
                .map(|v| format!("{field} is {v}, expected a whole number from {min} to {max}"))
        }
        fn real(field: &str, (min, max): (f64, f64), v: Option<f64>) -> Option<String> {
            v.filter(|x| !(min..=max).contains(x))
                .map(|x| format!("{field} is {x}, expected a number from {min} to {max}"))
        }
        if exercise.is_empty() {
            return "exercise is \"\", expected an exercise id".into();
        }
        whole("reps", REPS, self.reps)
            .or_else(|| whole("seconds", SECONDS, self.seconds))
            .or_else(|| real("load_kg", LOAD_KG, self.load_kg))
            .or_else(|| real("rpe", RPE, self.rpe))
            .or_else(|| {
                let rpe = self.rpe.filter(|_| !half_steps(self.rpe))?;
                Some(format!("rpe is {rpe}, expected {} to {} in steps of 0.5", RPE.0, RPE.1))
            })
            .or_else(|| whole("quality", QUALITY, self.quality))
            .or_else(|| whole("pain", PAIN, self.pain))
            .or_else(|| real("bar_speed_mps", BAR_SPEED_MPS, self.bar_speed_mps))
            .or_else(|| real("distance_m", DISTANCE_M, self.distance_m))
            .unwrap_or_else(|| "has neither reps nor seconds (nor a distance), expected one of them".into())
    }
}

/// Whether an RPE (within its range) is absent or a whole or half number: doubled, it survives
/// truncation. Cheaper than `fract`, a call into libm on this target.
#[inline(always)]
fn half_steps(rpe: Option<f64>) -> bool {
    rpe.is_none_or(|r| {
        let twice = r * 2.0;
        twice == f64::from(twice as i32)
    })
}

/// The catalog ids met while reading the log, each in a slot chosen by a hash of its first and last
/// eight bytes. A log names a few dozen exercises tens of thousands of times; finding one here is a
/// hash of two words and one comparison, where the catalog's own lookup (`intern`, which a new id still
/// goes through) hashes the whole id and follows two pointers. Two ids in one slot only cost lookups.
pub(crate) struct Ids {
    slots: Vec<Option<&'static str>>,
}

impl Ids {
    const SLOTS: usize = 1024;

    pub(crate) fn new() -> Ids {
        Ids { slots: vec![None; Ids::SLOTS] }
    }

    /// `id` as a `SetLog` holds it: `intern`ed, borrowed from the catalog when it is a catalog id;
    /// `None` if it is not UTF-8. Only an id met for the first time needs checking: one equal to a
    /// known id is the same valid text, so the reader need not check the whole row's text first.
    #[inline(always)]
    fn intern(&mut self, bytes: &[u8]) -> Option<Cow<'static, str>> {
        let word = |chunk: Option<&[u8; 8]>| chunk.map_or(0, |c| u64::from_le_bytes(*c));
        let head = word(bytes.first_chunk()) ^ bytes.first().map_or(0, |&b| u64::from(b));
        let tail = word(bytes.last_chunk()) ^ bytes.last().map_or(0, |&b| u64::from(b) << 8);
        let hash =
            (head.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ tail ^ bytes.len() as u64).wrapping_mul(0xff51_afd7_ed55_8ccd);
        let slot = &mut self.slots[(hash >> 54) as usize % Ids::SLOTS];
        if let Some(known) = *slot
            && known.as_bytes() == bytes
        {
            return Some(Cow::Borrowed(known));
        }
        let interned = backbone_core::catalog::intern(std::str::from_utf8(bytes).ok()?);
        if let Cow::Borrowed(catalog_id) = interned {
            *slot = Some(catalog_id);
        }
        Some(interned)
    }
}

/// Makes the `SetLog`s, whichever reader found the values.
struct Builder<'a> {
    out: &'a mut Vec<SetLog>,
    ids: &'a mut Ids,
}

impl<'a> Builder<'a> {
    fn new(out: &'a mut Vec<SetLog>, ids: &'a mut Ids) -> Self {
        Builder { out, ids }
    }

    /// Appends the set if the log accepts it; why not, otherwise.
    #[inline(always)]
    fn push(&mut self, exercise: &[u8], v: Values, extra: Option<Extra>) -> Result<(), String> {
        if !v.accepted(exercise) {
            return Err(v.refusal(exercise));
        }
        let Some(exercise) = self.ids.intern(exercise) else {
            return Err("exercise is not UTF-8, expected an exercise id".into());
        };
        // Accepted, so every whole value fits its field.
        self.out.push(SetLog {
            exercise,
            reps: v.reps.map(|n| n as u32),
            seconds: v.seconds.map(|n| n as u32),
            load_kg: v.load_kg,
            rpe: v.rpe,
            quality: v.quality.map(|n| n as u8),
            pain: v.pain.map(|n| n as u8),
            bar_speed_mps: v.bar_speed_mps,
            distance_m: v.distance_m,
            ..match extra {
                None => SetLog::default(),
                Some(Extra { kind, note, .. }) => SetLog { kind, note, ..SetLog::default() },
            }
        });
        Ok(())
    }
}

// The text as `encode` writes it. serde_json's general parser takes about 5 ms to parse five years of
// sets (on the machine of the benchmarks), most of the budget of reading the log; this reader of the
// one form `encode` writes (no spaces, no escapes, numbers of at most 19 digits and no exponent, whole
// ones where a field is whole) reads them and builds the `SetLog`s in about 2 ms. It gives up (`None`)
// at the first byte outside that form, or on a set the log does not accept, and `decode` hands the text
// to serde_json, so it never decides alone what a text means: on the texts it reads it yields what
// serde_json yields (a test compares the two on altered texts).

/// Reads a text exactly as `encode` writes it into `builder`; `None` for any other text.
fn read_written(text: &[u8], builder: &mut Builder<'_>) -> Option<()> {
    if text == b"[]" {
        return Some(());
    }
    let mut c = Cursor { bytes: text, at: 0 };
    c.expect(b"[")?;
    loop {
        c.expect(b"[\"")?;
        let start = c.at;
        c.at += plain_string(c.bytes.get(start..)?)?;
        let exercise = &text[start..c.at];
        c.expect(b"\",")?;
        let reps = c.whole()?;
        c.expect(b",")?;
        let seconds = c.whole()?;
        c.expect(b",")?;
        let load_kg = c.real()?;
        c.expect(b",")?;
        let rpe = c.real()?;
        c.expect(b",")?;
        let quality = c.whole()?;
        c.expect(b",")?;
        let pain = c.whole()?;
        c.expect(b",")?;
        let bar_speed_mps = c.real()?;
        let values = Values { reps, seconds, load_kg, rpe, quality, pain, bar_speed_mps, distance_m: None };
        builder.push(exercise, values, None).ok()?;
        if c.expect(b"]]").is_some() {
            return (c.at == c.bytes.len()).then_some(());
        }
        c.expect(b"],")?;
    }
}

/// A position in a text being read by `read_written`.
struct Cursor<'t> {
    bytes: &'t [u8],
    at: usize,
}

impl Cursor<'_> {
    /// Moves past `token` if it comes next; `None`, staying put, otherwise.
    #[inline(always)]
    fn expect(&mut self, token: &[u8]) -> Option<()> {
        let found = self.bytes.get(self.at..self.at + token.len()) == Some(token);
        found.then(|| self.at += token.len())
    }

    /// `null` or a whole number of at most 19 digits (which a `u64` holds) and no leading zero.
    #[inline(always)]
    fn whole(&mut self) -> Option<Option<u64>> {
        if self.expect(b"null").is_some() {
            return Some(None);
        }
        let start = self.at;
        let value = self.digits(0);
        let len = self.at - start;
        let leading_zero = len > 1 && self.bytes[start] == b'0';
        (len > 0 && len <= 19 && !leading_zero).then_some(Some(value))
    }

    /// `null`, a whole number or a decimal fraction (`22.5`) of at most 19 digits, correctly rounded
    /// as serde_json reads it (with `float_roundtrip`, without which it can be off by one in the last
    /// bit, so that 0.11900000000000001 came back as 0.119).
    #[inline(always)]
    fn real(&mut self) -> Option<Option<f64>> {
        let start = self.at;
        let Some(whole) = self.whole()? else { return Some(None) };
        // Through `i64` below 2^53, where the conversion is exact and one instruction (from `u64` it is
        // several).
        if self.expect(b".").is_none() {
            return (whole < 1 << 53).then_some(Some(whole as i64 as f64));
        }
        let point = self.at;
        let significand = self.digits(whole);
        let (whole_digits, fraction_digits) = (point - 1 - start, self.at - point);
        if fraction_digits == 0 || whole_digits + fraction_digits > 19 {
            return None;
        }
        let real = match (fraction_digits, POW10.get(fraction_digits)) {
            // Tenths and hundredths that a `f64` holds exactly (22.5, 0.75: most loads and every RPE)
            // are a whole number of halves or quarters, and need no division, the slowest step of a set.
            (1, _) if significand.is_multiple_of(5) && significand < 1 << 53 => (significand / 5) as i64 as f64 * 0.5,
            (2, _) if significand.is_multiple_of(25) && significand < 1 << 53 => {
                (significand / 25) as i64 as f64 * 0.25
            }
            // Below 2^53 and 10^22 both numbers are exact, so one division is correctly rounded.
            (_, Some(&power)) if significand < 1 << 53 => significand as i64 as f64 / power,
            _ => std::str::from_utf8(&self.bytes[start..self.at]).ok()?.parse().ok()?,
        };
        Some(Some(real))
    }

    /// The decimal digits from here appended to `value`. It wraps rather than overflows past 19
    /// digits, which the callers refuse.
    #[inline(always)]
    fn digits(&mut self, mut value: u64) -> u64 {
        while let Some(&byte) = self.bytes.get(self.at) {
            let digit = byte.wrapping_sub(b'0');
            if digit > 9 {
                break;
            }
            value = value.wrapping_mul(10).wrapping_add(u64::from(digit));
            self.at += 1;
        }
        value
    }
}

/// The powers of ten a `f64` holds exactly.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
    1e21, 1e22,
];

/// The length of the string at the start of `bytes` (just after its opening quote), up to its closing
/// quote; `None` if an escape or a control character comes first, which serde_json would read
/// otherwise or refuse. Eight bytes at a time: an exercise id is some twenty bytes, and looking at them
/// one by one was the slowest part of reading a set.
#[inline(always)]
fn plain_string(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    const QUOTES: u64 = u64::from_ne_bytes([b'"'; 8]);
    const BACKSLASHES: u64 = u64::from_ne_bytes([b'\\'; 8]);
    const SPACES: u64 = u64::from_ne_bytes([b' '; 8]);
    let mut chunks = bytes.chunks_exact(8);
    let mut at = 0;
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(chunk.try_into().ok()?);
        // The high bit of each byte that is zero in `word ^ QUOTES` (a quote) or `word ^ BACKSLASHES`
        // (a backslash), or below a space in `word`: exact for the first such byte, all that is used.
        let (q, b) = (word ^ QUOTES, word ^ BACKSLASHES);
        let found =
            ((q.wrapping_sub(ONES) & !q) | (b.wrapping_sub(ONES) & !b) | (word.wrapping_sub(SPACES) & !word)) & HIGHS;
        if found != 0 {
            at += found.trailing_zeros() as usize / 8;
            return (bytes[at] == b'"').then_some(at);
        }
        at += 8;
    }
    let i = chunks.remainder().iter().position(|&b| b == b'"' || b == b'\\' || b < b' ')?;
    (bytes[at + i] == b'"').then_some(at + i)
}

// serde_json's reading. serde_json walks the text and hands each value to these visitors, which give
// the values of each set to the `Builder`: no list of tuples in between. A problem found here is kept
// in `problem`, worded for a person and naming the set and the field; serde_json's error, which only
// carries it out, says no more than where in the text it stopped.

/// Reads any JSON text with serde_json: the reference reading of `sets_json`, and the one that words
/// the errors.
fn read_json(text: &str, builder: &mut Builder<'_>) -> Result<(), Bad> {
    let problem = Cell::new(None);
    let mut de = serde_json::Deserializer::from_str(text);
    let sets = Sets { builder, problem: &problem };
    if let Err(e) = sets.deserialize(&mut de).and_then(|()| de.end()) {
        let problem = match (e.classify(), problem.take()) {
            // Broken text is no set's fault, whichever value the parser was in.
            (Category::Syntax | Category::Eof, _) => format!("holds text that is not JSON: {e}"),
            (_, Some(problem)) => problem,
            (_, None) => format!("holds JSON that is not a list of sets: {e}"),
        };
        return Err(Bad::new(COLUMN, problem));
    }
    Ok(())
}

/// The whole array of sets, handed to `builder`.
struct Sets<'b, 'a> {
    builder: &'b mut Builder<'a>,
    problem: &'b Cell<Option<String>>,
}

impl<'de> DeserializeSeed<'de> for Sets<'_, '_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Sets<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of sets")
    }

    fn visit_seq<A: SeqAccess<'de>>(mut self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element_seed(OneSet(&mut self))?.is_some() {}
        Ok(())
    }
}

impl Sets<'_, '_> {
    /// Reads the next value of set `index`, which must be there.
    fn field<'de, A: SeqAccess<'de>, T: Deserialize<'de>>(
        &self,
        seq: &mut A,
        index: usize,
        name: &str,
    ) -> Result<T, A::Error> {
        match seq.next_element() {
            Ok(Some(value)) => Ok(value),
            Ok(None) => Err(self.fail(index, format!("has no {name}; a set has {} values", FIELDS.len()))),
            Err(e) => {
                // serde_json's own error goes on, so that `read_json` can tell broken text (no set's
                // fault) from a value of the wrong type.
                self.problem.set(Some(format!("set {index}: {name}: {e}")));
                Err(e)
            }
        }
    }

    /// Keeps the problem with set `index`, worded for a person, and returns the error that stops serde_json.
    fn fail<E: serde::de::Error>(&self, index: usize, problem: String) -> E {
        let message = format!("set {index}: {problem}");
        let error = E::custom(&message);
        self.problem.set(Some(message));
        error
    }
}

/// One set, handed to the builder of its `Sets`.
struct OneSet<'s, 'b, 'a>(&'s mut Sets<'b, 'a>);

impl<'de> DeserializeSeed<'de> for OneSet<'_, '_, '_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for OneSet<'_, '_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a set: [{}]", FIELDS.join(", "))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let sets = self.0;
        let index = sets.builder.out.len();
        let Id(exercise) = sets.field(&mut seq, index, FIELDS[0])?;
        let mut numbers = [Number::Null; 7];
        for (number, name) in numbers.iter_mut().zip(&FIELDS[1..]) {
            *number = sets.field(&mut seq, index, name)?;
        }
        let extra: Option<Extra> = match seq.next_element() {
            Ok(extra) => extra,
            Err(e) => {
                sets.problem.set(Some(format!("set {index}: extras: {e}")));
                return Err(e);
            }
        };
        if seq.next_element::<IgnoredAny>()?.is_some() {
            return Err(sets.fail(index, format!("has more than the {} values of a set and its extras", FIELDS.len())));
        }
        let mut values = Number::values(numbers).map_err(|problem| sets.fail(index, problem))?;
        values.distance_m = extra.as_ref().and_then(|e| e.distance_m);
        sets.builder.push(exercise.as_bytes(), values, extra).map_err(|problem| sets.fail(index, problem))
    }
}

/// A number or `null`, as serde_json read it.
#[derive(Debug, Clone, Copy)]
enum Number {
    Null,
    Whole(u64),
    Negative(i64),
    Real(f64),
}

impl Number {
    /// The values after the exercise, in the order of `FIELDS`; a whole field holding a fraction or a
    /// negative number is the problem, naming the field.
    fn values([reps, seconds, load_kg, rpe, quality, pain, bar_speed_mps]: [Number; 7]) -> Result<Values, String> {
        Ok(Values {
            reps: reps.whole("reps", REPS)?,
            seconds: seconds.whole("seconds", SECONDS)?,
            load_kg: load_kg.real(),
            rpe: rpe.real(),
            quality: quality.whole("quality", QUALITY)?,
            pain: pain.whole("pain", PAIN)?,
            bar_speed_mps: bar_speed_mps.real(),
            distance_m: None,
        })
    }

    fn whole(self, field: &str, (min, max): (u64, u64)) -> Result<Option<u64>, String> {
        match self {
            Number::Null => Ok(None),
            Number::Whole(v) => Ok(Some(v)),
            Number::Negative(v) => Err(format!("{field} is {v}, expected a whole number from {min} to {max}")),
            Number::Real(x) => Err(format!("{field} is {x:?}, expected a whole number from {min} to {max}")),
        }
    }

    /// A whole number is a real too; a negative one is then out of every range.
    fn real(self) -> Option<f64> {
        match self {
            Number::Null => None,
            Number::Whole(v) => Some(v as f64),
            Number::Negative(v) => Some(v as f64),
            Number::Real(x) => Some(x),
        }
    }
}

impl<'de> Deserialize<'de> for Number {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(NumberVisitor)
    }
}

struct NumberVisitor;

impl Visitor<'_> for NumberVisitor {
    type Value = Number;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a number or null")
    }

    fn visit_unit<E>(self) -> Result<Number, E> {
        Ok(Number::Null)
    }

    fn visit_u64<E>(self, v: u64) -> Result<Number, E> {
        Ok(Number::Whole(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Number, E> {
        Ok(u64::try_from(v).map_or(Number::Negative(v), Number::Whole))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Number, E> {
        Ok(Number::Real(v))
    }
}

/// An exercise id that borrows the JSON text, unless the text escapes a character (a custom exercise
/// named with a quote), which only an owned string can hold; a plain `&str` would refuse that row.
struct Id<'a>(Cow<'a, str>);

impl<'de> Deserialize<'de> for Id<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(IdVisitor)
    }
}

struct IdVisitor;

impl<'de> Visitor<'de> for IdVisitor {
    type Value = Id<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an exercise id")
    }

    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Id<'de>, E> {
        Ok(Id(Cow::Borrowed(v)))
    }

    fn visit_str<E>(self, v: &str) -> Result<Id<'de>, E> {
        Ok(Id(Cow::Owned(v.to_owned())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row() -> SetLog {
        SetLog {
            reps: Some(10),
            load_kg: Some(20.0),
            rpe: Some(7.0),
            quality: Some(4),
            pain: Some(0),
            ..SetLog::new("band-row")
        }
    }

    #[test]
    fn the_format_is_positional_with_nulls() {
        let timed = SetLog { seconds: Some(40), bar_speed_mps: Some(0.5), ..SetLog::new("farmer-carry") };
        let text = encode(&[row(), timed.clone()]).expect("encodes");
        assert_eq!(
            text,
            r#"[["band-row",10,null,20.0,7.0,4,0,null],["farmer-carry",null,40,null,null,null,null,0.5]]"#
        );
        assert_eq!(decode(text.as_bytes(), 2, &mut Ids::new()).expect("decodes"), [row(), timed]);
        assert_eq!(decode(b"[]", 0, &mut Ids::new()).expect("decodes"), []);
    }

    /// The sets of `text` as read by the reader of `encode`'s form (`None` when it gives up) and by
    /// serde_json (`None` on an error).
    fn both(text: &str) -> (Option<Vec<SetLog>>, Option<Vec<SetLog>>) {
        let mut fast = Vec::new();
        let fast = read_written(text.as_bytes(), &mut Builder::new(&mut fast, &mut Ids::new())).map(|()| fast);
        let mut json = Vec::new();
        let json = read_json(text, &mut Builder::new(&mut json, &mut Ids::new())).ok().map(|()| json);
        (fast, json)
    }

    #[test]
    fn five_years_are_read_by_the_fast_reader_as_serde_json_reads_them() {
        let log = backbone_core::log::sample::five_years(jiff::civil::date(2021, 1, 4));
        for session in &log {
            let text = encode(&session.sets).expect("encodes");
            let (fast, json) = both(&text);
            assert_eq!(fast.as_deref(), Some(&session.sets[..]), "{text}");
            assert_eq!(json, fast, "{text}");
        }
    }

    /// Texts that differ from what `encode` writes by one byte: the fast reader either gives up or reads
    /// what serde_json reads. Whatever it reads, serde_json must read too.
    #[test]
    fn the_fast_reader_gives_up_on_anything_serde_json_would_read_otherwise() {
        let sets = [
            row(),
            SetLog {
                seconds: Some(40),
                load_kg: Some(24.25),
                bar_speed_mps: Some(0.62),
                ..SetLog::new("farmer-carry")
            },
            SetLog { reps: Some(0), load_kg: Some(1999.99), rpe: Some(10.0), pain: Some(10), ..SetLog::new("x") },
        ];
        let text = encode(&sets).expect("encodes");
        assert_eq!(both(&text), (Some(sets.to_vec()), Some(sets.to_vec())));
        let replacements = b"0123456789.,[]\"nule-+E \\\t";
        let mut read = 0;
        for at in 0..text.len() {
            for &byte in replacements.iter() {
                for insert in [false, true] {
                    let mut changed = text.clone().into_bytes();
                    if insert {
                        changed.insert(at, byte);
                    } else {
                        changed[at] = byte;
                    }
                    let Ok(changed) = String::from_utf8(changed) else { continue };
                    let (fast, json) = both(&changed);
                    if fast.is_some() {
                        read += 1;
                        assert_eq!(fast, json, "{changed}");
                    }
                }
            }
        }
        // Digits changed in place are still `encode`'s form, and read fast.
        assert!(read > 100, "{read}");
        // Forms serde_json reads and `encode` never writes.
        for other in [
            r#" [["band-row",10,null,20.0,7.0,4,0,null]]"#,
            r#"[["band-row", 10,null,20.0,7.0,4,0,null]]"#,
            r#"[["band\u002drow",10,null,20.0,7.0,4,0,null]]"#,
            r#"[["band-row",10,null,2e1,7.0,4,0,null]]"#,
            r#"[["band-row",10,null,20.000000000000000001,7.0,4,0,null]]"#,
        ] {
            let (fast, json) = both(other);
            assert_eq!((fast, json.map(|j| j.len())), (None, Some(1)), "{other}");
        }
    }

    /// A `f64` comes back with the same bits, whichever reader reads it: the shortest text of 0.1 + 0.2
    /// has 17 digits, more than a division by a power of ten rounds correctly.
    #[test]
    fn numbers_come_back_bit_for_bit() {
        for load in [0.1 + 0.2, 0.4 + 0.08, 0.119 + 1e-17, 20.41, 1999.9999999999998, 1e-7, 5e-324, 0.0, -0.0] {
            let sets = [SetLog { reps: Some(1), load_kg: Some(load), ..SetLog::new("band-row") }];
            let text = encode(&sets).expect("encodes");
            let (fast, json) = both(&text);
            let bits = |read: Option<Vec<SetLog>>| read.map(|s| s[0].load_kg.map(f64::to_bits));
            assert_eq!(bits(json.clone()), Some(Some(load.to_bits())), "{text}");
            assert!(fast.is_none() || bits(fast) == bits(json), "{text}");
        }
    }

    /// Imported sets keep their kind, distance and note in a ninth value that the log's own sets never
    /// have, so the fast reader still reads those.
    #[test]
    fn extras_are_a_ninth_value_only_when_present() {
        let warm_up = SetLog { kind: SetKind::Warmup, ..row() };
        let run =
            SetLog { distance_m: Some(5000.0), note: Some("easy \"pace\"".into()), ..SetLog::new("custom-running") };
        let text = encode(&[row(), warm_up.clone(), run.clone()]).expect("encodes");
        assert_eq!(
            text,
            r#"[["band-row",10,null,20.0,7.0,4,0,null],["band-row",10,null,20.0,7.0,4,0,null,{"kind":"warmup"}],["custom-running",null,null,null,null,null,null,null,{"distance_m":5000.0,"note":"easy \"pace\""}]]"#
        );
        assert_eq!(decode(text.as_bytes(), 3, &mut Ids::new()).expect("decodes"), [row(), warm_up, run]);
        let (fast, json) = both(&text);
        assert_eq!((fast, json.map(|j| j.len())), (None, Some(3)));
    }

    #[test]
    fn catalog_ids_borrow_the_catalog_and_others_survive_escaping() {
        let sets = decode(br#"[["band-row",10,null,null,null,null,null,null]]"#, 1, &mut Ids::new()).expect("decodes");
        assert!(matches!(sets[0].exercise, Cow::Borrowed(_)));
        for custom in ["my \"special\" row\\", "rückenübung", "a"] {
            let sets = [SetLog { reps: Some(5), ..SetLog::new(custom) }];
            let text = encode(&sets).expect("encodes");
            assert_eq!(decode(text.as_bytes(), 1, &mut Ids::new()).expect("decodes"), sets, "{text}");
            let (fast, json) = both(&text);
            assert!(fast.is_none() || fast == json, "{text}");
            assert_eq!(json.as_deref(), Some(&sets[..]), "{text}");
        }
    }

    #[test]
    fn what_the_log_would_not_accept_is_refused_both_ways() {
        let bad = |text: &str, needle: &str| {
            let problem = format!("{:?}", decode(text.as_bytes(), 1, &mut Ids::new()).expect_err(text));
            assert!(problem.contains(needle), "{text}: {problem}");
        };
        bad(r#"[["band-row",10,null,null,42,null,null,null]]"#, "set 0: rpe is 42");
        bad(r#"[["band-row",10,null,null,7.3,null,null,null]]"#, "steps of 0.5");
        bad(r#"[["band-row",null,null,20.0,null,null,null,null]]"#, "neither reps nor seconds");
        bad(r#"[["band-row",-1,null,null,null,null,null,null]]"#, "set 0: reps is -1, expected a whole number");
        bad(r#"[["band-row",10,2.5,null,null,null,null,null]]"#, "set 0: seconds is 2.5");
        bad(r#"[["band-row","10",null,null,null,null,null,null]]"#, "set 0: reps: invalid type: string");
        bad(r#"[["band-row",10,null,null,null,null,null]]"#, "set 0: has no bar_speed_mps");
        bad(r#"[["band-row",10,null,null,null,null,null,null,1]]"#, "set 0: extras: invalid type: integer");
        bad(r#"[["band-row",10,null,null,null,null,null,null,{},1]]"#, "set 0: has more than the 8 values");
        bad(r#"[["band-row",10,null,null,null,null,null,null,{"colour":1}]]"#, "unknown field `colour`");
        bad(r#"[["band-row",null,null,null,null,null,null,null,{"kind":"warmup"}]]"#, "neither reps nor seconds");
        bad(r#"[[7,10,null,null,null,null,null,null]]"#, "set 0: exercise: invalid type: integer");
        bad(r#"[["band-row",10,null,null,null,6,null,null]]"#, "quality is 6");
        bad(r#"[["",10,null,null,null,null,null,null]]"#, "expected an exercise id");
        bad(r#"{"exercise": "band-row"}"#, "not a list of sets");
        let not_utf8 = decode(b"[[\"band\xffrow\",10,null,null,null,null,null,null]]", 1, &mut Ids::new());
        assert!(format!("{not_utf8:?}").contains("not UTF-8"), "{not_utf8:?}");
        let two = decode(br#"[["band-row",10,null,null,null,null,null,null]]"#, 2, &mut Ids::new()).expect_err("count");
        assert!(format!("{two:?}").contains("set_count"), "{two:?}");
        bad("[[", "not JSON");
        bad(r#"[["band-row",10,null,null,null,null,null,nul]]"#, "not JSON");
        bad(r#"[["band-row",10,null,null,null,null,null,null]"#, "not JSON");
        let wrong = SetLog { rpe: Some(42.0), ..row() };
        assert!(encode(&[row(), wrong]).expect_err("rpe 42").contains("set 1: rpe is 42"));
        assert!(encode(&[SetLog { load_kg: Some(f64::NAN), ..row() }]).is_err());
    }
}
