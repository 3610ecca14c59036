//! Cached JSON answers, kept both as they are and gzip-compressed, so a client that accepts gzip (every
//! browser does) gets the small one without the server compressing per request.
//!
//! Why: a report over five years of log is about 70 KB of JSON and 9 KB gzipped. Compressing once, when the
//! answer is made, costs a millisecond per change of the database; sending 9 KB instead of 70 KB is what
//! a phone on a gym's signal notices, and what lets the report be served at the same rate bar as the
//! small answers.

use std::io::Write;

use axum::body::Bytes;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use flate2::Compression;
use flate2::write::GzEncoder;

/// Answers smaller than this are sent as they are: gzip's header and a round of work save nothing.
const SMALLEST_COMPRESSED: usize = 1024;

/// One JSON answer, with its gzip form when that is worth having.
#[derive(Debug, Clone)]
pub struct Answer {
    json: Bytes,
    gzip: Option<Bytes>,
}

impl Answer {
    /// The answer for `json`, compressed once here.
    pub fn new(json: Vec<u8>) -> Self {
        let gzip = (json.len() >= SMALLEST_COMPRESSED).then(|| gzipped(&json)).flatten();
        Answer { json: Bytes::from(json), gzip }
    }

    /// The answer as the client can take it.
    pub fn respond(&self, accepts: AcceptsGzip) -> Response {
        let json = HeaderValue::from_static("application/json");
        let vary = HeaderValue::from_static("accept-encoding");
        match (&self.gzip, accepts.0) {
            (Some(gzip), true) => (
                [
                    (header::CONTENT_TYPE, json),
                    (header::CONTENT_ENCODING, HeaderValue::from_static("gzip")),
                    (header::VARY, vary),
                ],
                gzip.clone(),
            )
                .into_response(),
            (Some(_), false) => {
                ([(header::CONTENT_TYPE, json), (header::VARY, vary)], self.json.clone()).into_response()
            }
            (None, _) => ([(header::CONTENT_TYPE, json)], self.json.clone()).into_response(),
        }
    }
}

/// `None` only if the encoder fails, which writing into memory does not; the answer is then sent plain.
fn gzipped(json: &[u8]) -> Option<Bytes> {
    let mut encoder = GzEncoder::new(Vec::with_capacity(json.len() / 4), Compression::default());
    encoder.write_all(json).ok()?;
    encoder.finish().ok().map(Bytes::from)
}

/// Whether the request's `Accept-Encoding` takes gzip (RFC 9110 §12.5.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AcceptsGzip(pub bool);

impl<S: Send + Sync> FromRequestParts<S> for AcceptsGzip {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(AcceptsGzip(accepts_gzip(&parts.headers)))
    }
}

/// gzip is acceptable when a `gzip` (or `x-gzip`) coding is listed with a weight above 0, or, when it
/// is not listed, a `*` is. A header that cannot be read accepts nothing but the identity.
pub fn accepts_gzip(headers: &HeaderMap) -> bool {
    let mut named = None;
    let mut any = None;
    for value in headers.get_all(header::ACCEPT_ENCODING) {
        let Ok(text) = value.to_str() else { return false };
        for item in text.split(',') {
            let mut parts = item.split(';');
            let coding = parts.next().unwrap_or("").trim().to_ascii_lowercase();
            let wanted = parts.all(|p| !is_zero_weight(p));
            match coding.as_str() {
                "gzip" | "x-gzip" => named = Some(wanted && named.unwrap_or(true)),
                "*" => any = Some(wanted),
                _ => {}
            }
        }
    }
    named.or(any).unwrap_or(false)
}

/// `q=0`, `q=0.0`, `q=0.000`: the client refuses this coding.
fn is_zero_weight(param: &str) -> bool {
    let Some((name, value)) = param.split_once('=') else { return false };
    name.trim().eq_ignore_ascii_case("q") && value.trim().parse::<f32>().is_ok_and(|q| q <= 0.0)
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;

    fn with(value: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(header::ACCEPT_ENCODING, HeaderValue::from_str(value).unwrap());
        h
    }

    #[test]
    fn gzip_is_taken_when_listed_with_a_weight_or_by_a_star() {
        for yes in ["gzip", "gzip, deflate, br, zstd", "br;q=1.0, gzip;q=0.8", "*", "deflate, *;q=0.5", "X-GZIP"] {
            assert!(accepts_gzip(&with(yes)), "{yes} accepts gzip");
        }
    }

    #[test]
    fn gzip_is_refused_when_absent_or_weighted_zero() {
        assert!(!accepts_gzip(&HeaderMap::new()), "no header: identity only");
        for no in ["identity", "br, deflate", "gzip;q=0", "gzip; q=0.000, *", "*;q=0", "*, gzip;q=0"] {
            assert!(!accepts_gzip(&with(no)), "{no} refuses gzip");
        }
    }

    #[test]
    fn a_large_answer_is_kept_compressed_and_decompresses_to_itself() {
        let json = serde_json::to_vec(&vec!["a repeated value"; 500]).unwrap();
        let answer = Answer::new(json.clone());
        let gzip = answer.gzip.clone().expect("a large answer is compressed");
        assert!(gzip.len() < json.len() / 10, "{} bytes from {}", gzip.len(), json.len());
        let mut back = Vec::new();
        flate2::read::GzDecoder::new(&gzip[..]).read_to_end(&mut back).unwrap();
        assert_eq!(back, json);
    }

    #[test]
    fn the_response_says_how_it_is_encoded_and_that_it_varies() {
        let answer = Answer::new(serde_json::to_vec(&vec!["x"; 1000]).unwrap());
        let gz = answer.respond(AcceptsGzip(true));
        assert_eq!(gz.headers()[header::CONTENT_ENCODING], "gzip");
        assert_eq!(gz.headers()[header::VARY], "accept-encoding");
        let plain = answer.respond(AcceptsGzip(false));
        assert!(plain.headers().get(header::CONTENT_ENCODING).is_none());
        assert_eq!(plain.headers()[header::VARY], "accept-encoding");
        let small = Answer::new(b"{}".to_vec()).respond(AcceptsGzip(true));
        assert!(small.headers().get(header::CONTENT_ENCODING).is_none(), "a small answer is sent as it is");
    }
}
