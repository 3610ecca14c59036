//! The OpenAPI 3.1 document: generated from the handlers (`api::ApiDoc`, utoipa), then given what only
//! the running program knows: the words of METHOD's vocabularies and the catalog's exercise ids as
//! enums, and the exact shapes of a session file, a check-in and an assessment (CONTRACT "Keeping a
//! log"), with their ranges, so that a client can tell a valid request from the document alone.

use std::sync::OnceLock;

use axum::http::header;
use axum::response::{IntoResponse, Response};
use backbone_core::catalog::Catalog;
use backbone_core::valid::LOAD_KG_MAX;
use backbone_core::vocab::{Equipment, GripWidth, PassFail, Pattern};
use serde_json::{Value, json};
use utoipa::OpenApi;

/// `GET /api/openapi.json`.
pub async fn openapi() -> Response {
    ([(header::CONTENT_TYPE, "application/json")], document()).into_response()
}

/// The document, built once.
pub fn document() -> &'static str {
    static DOC: OnceLock<String> = OnceLock::new();
    DOC.get_or_init(|| {
        let mut doc = serde_json::to_value(crate::api::ApiDoc::openapi()).unwrap_or_default();
        patch(&mut doc);
        serde_json::to_string_pretty(&doc).unwrap_or_default()
    })
}

fn words(list: &[&str]) -> Value {
    json!({"type": "string", "enum": list})
}

fn exercise_ids() -> Value {
    let ids: Vec<&str> = Catalog::builtin().all().iter().map(|e| e.id.as_str()).collect();
    json!({"type": "string", "enum": ids, "description": "A catalog exercise id (GET /api/v1/exercises)."})
}

// Optional members may also be `null`, which the server reads as absent.
fn int(min: i64, max: i64) -> Value {
    json!({"type": ["integer", "null"], "minimum": min, "maximum": max})
}

fn number(min: f64, max: f64) -> Value {
    json!({"type": ["number", "null"], "minimum": min, "maximum": max})
}

fn nullable_words(list: &[&str]) -> Value {
    let mut all: Vec<Value> = list.iter().map(|w| json!(w)).collect();
    all.push(Value::Null);
    json!({"enum": all})
}

fn rpe() -> Value {
    let halves: Vec<f64> = (2..=20).map(|h| f64::from(h) / 2.0).collect();
    let mut all: Vec<Value> = halves.into_iter().map(|h| json!(h)).collect();
    all.push(Value::Null);
    json!({"enum": all, "description": "Effort 1-10 in steps of 0.5."})
}

fn sides(min: f64, max: f64) -> Value {
    let side = json!({"type": "number", "minimum": min, "maximum": max});
    json!({"type": ["object", "null"], "additionalProperties": false, "required": ["left", "right"],
           "properties": {"left": side, "right": side}})
}

fn checkin() -> Value {
    json!({"type": ["object", "null"], "additionalProperties": false, "properties": {
        "soreness": int(0, 10), "sleep_hours": number(0.0, 24.0), "stress": int(0, 10),
        "energy": int(0, 10), "ache": int(0, 10)}})
}

fn measurements() -> Value {
    json!({"type": ["object", "null"], "additionalProperties": false, "properties": {
        "grip_kg": sides(1.0, 150.0), "dead_hang_seconds": number(0.0, 600.0),
        "wall_angel": nullable_words(PassFail::WORDS), "scapular_winging": {"type": ["boolean", "null"]},
        "thoracic_rotation_deg": sides(0.0, 90.0), "bench_grip": nullable_words(GripWidth::WORDS)}})
}

/// A set of a session file: reps or seconds, one of them (a set with both or neither is refused, 422).
fn file_set() -> Value {
    json!({"type": "object", "additionalProperties": false, "required": ["exercise"],
        "description": "Reps or seconds, one of them.",
        "properties": {"exercise": exercise_ids(), "reps": int(1, 200), "seconds": int(1, 3600),
            "load_kg": number(0.0, LOAD_KG_MAX), "rpe": rpe(), "quality": int(1, 5), "pain": int(0, 10),
            "bar_speed_mps": number(0.0, 5.0)}})
}

fn session() -> Value {
    json!({"type": "object", "additionalProperties": false, "required": ["date"],
        "description": "A session file (CONTRACT \"Keeping a log\"): a date on or before today, and sets, a check-in, measurements or exercises cleared.",
        "properties": {"id": {"type": ["string", "null"], "minLength": 1, "maxLength": 200, "pattern": "\\S"},
            "date": {"type": "string", "format": "date"},
            "checkin": checkin(), "sets": {"type": ["array", "null"], "items": file_set(), "maxItems": 200},
            "measurements": measurements(),
            "cleared": {"type": ["array", "null"], "items": exercise_ids(), "maxItems": 50,
                "description": "Exercises kept out after pain that are pain-free now or cleared by a doctor or physical therapist (METHOD R3): they may return, gently."}}})
}

fn patch(doc: &mut Value) {
    let set_in = json!({"type": "object", "additionalProperties": false, "required": ["key", "exercise"],
        "properties": {"key": {"type": "string", "minLength": 1, "maxLength": 100, "pattern": "^[^\\u0000-\\u001f\\u007f]+$",
                "description": "Made up by the client, unique per set: a retry with the same key is the same set."},
            "exercise": exercise_ids(), "reps": int(1, 200), "seconds": int(1, 3600),
            "load_kg": number(0.0, LOAD_KG_MAX), "rpe": rpe(), "quality": int(1, 5), "pain": int(0, 10)},
        "description": "Reps or seconds, one of them (a set with both or neither is refused, 422)."});
    if let Some(schemas) = doc.pointer_mut("/components/schemas") {
        schemas["SetIn"] = set_in;
        schemas["Session"] = session();
        schemas["Checkin"] = checkin();
        schemas["Measurements"] = measurements();
    }
    let body = |name: &str| json!({"required": true, "content": {"application/json": {"schema": {"$ref": format!("#/components/schemas/{name}")}}}});
    for (path, method, schema) in [
        ("/api/v1/sessions", "post", "Session"),
        ("/api/v1/sessions/{id}", "put", "Session"),
        ("/api/v1/checkins", "post", "Checkin"),
        ("/api/v1/assessments", "post", "Measurements"),
    ] {
        if let Some(op) = doc.pointer_mut(&format!("/paths/{}/{method}", escape(path))) {
            op["requestBody"] = body(schema);
        }
    }
    let array = json!({"type": "array", "items": {"type": "object"}});
    for path in ["/api/v1/sessions", "/api/v1/exercises"] {
        if let Some(schema) =
            doc.pointer_mut(&format!("/paths/{}/get/responses/200/content/application~1json/schema", escape(path)))
        {
            *schema = array.clone();
        }
    }
    let problem = json!({"description": "See the detail", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}});
    if let Some(Value::Object(paths)) = doc.pointer_mut("/paths") {
        for item in paths.values_mut() {
            let Value::Object(ops) = item else { continue };
            for (method, op) in ops.iter_mut() {
                let Some(responses) = op.get_mut("responses").and_then(Value::as_object_mut) else { continue };
                // Any request can be malformed or too long, and any body too big.
                for code in ["400", "414"] {
                    responses.entry(code).or_insert_with(|| problem.clone());
                }
                if method == "post" || method == "put" {
                    responses.entry("413").or_insert_with(|| problem.clone());
                }
            }
        }
    }
    if let Some(content) = doc.pointer_mut("/paths/~1api~1v1~1export/get/responses/200/content") {
        *content = json!({"application/json": {}, "text/csv": {}, "text/calendar": {}});
    }
    let enums: [(&str, &str, Value); 6] = [
        ("/api/v1/exercises", "pattern", words(Pattern::WORDS)),
        ("/api/v1/exercises", "equipment", words(Equipment::WORDS)),
        ("/api/v1/import", "format", words(&["auto", "strong", "hevy", "fitnotes", "backbone"])),
        ("/api/v1/import", "units", words(&["kg", "lb"])),
        ("/api/v1/export", "format", words(&["json", "csv", "ics"])),
        ("/api/v1/export", "units", words(&["kg", "lb"])),
    ];
    for (path, name, schema) in enums {
        for method in ["get", "post"] {
            if let Some(Value::Array(params)) = doc.pointer_mut(&format!("/paths/{}/{method}/parameters", escape(path)))
            {
                for p in params.iter_mut().filter(|p| p["name"] == name) {
                    p["schema"] = schema.clone();
                }
            }
        }
    }
}

/// A path as a JSON pointer token (`/` is `~1`).
fn escape(path: &str) -> String {
    path.replace('~', "~0").replace('/', "~1")
}
