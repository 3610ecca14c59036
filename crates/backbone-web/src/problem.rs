//! Errors as `application/problem+json` (RFC 9457): the status, a title, and what was wrong in words
//! that name the field, the value and what is allowed. Anything a client sends that is wrong is a 4xx;
//! a 5xx is only ever the server's own failure (a database it cannot read), and its detail says so.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use backbone_store::StoreError;
use serde::Serialize;

/// One problem, as RFC 9457 shapes it, with backbone's `field` and `expected` members.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Problem {
    /// Always `about:blank`: the status and title say what kind of problem it is.
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub title: String,
    pub status: u16,
    /// What was wrong, naming the value and what is allowed.
    pub detail: String,
    /// The request field at fault, when one is (`sets[0].rpe`, `weeks`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

impl Problem {
    pub fn new(status: StatusCode, detail: impl Into<String>) -> Problem {
        Problem {
            kind: "about:blank",
            title: status.canonical_reason().unwrap_or("Error").to_string(),
            status: status.as_u16(),
            detail: detail.into(),
            field: None,
        }
    }

    /// 400: the request itself is wrong.
    pub fn bad(detail: impl Into<String>) -> Problem {
        Problem::new(StatusCode::BAD_REQUEST, detail)
    }

    /// 422: well-formed, but a value is not allowed.
    pub fn invalid(field: &str, detail: impl Into<String>) -> Problem {
        Problem { field: Some(field.to_string()), ..Problem::new(StatusCode::UNPROCESSABLE_ENTITY, detail) }
    }

    pub fn not_found(detail: impl Into<String>) -> Problem {
        Problem::new(StatusCode::NOT_FOUND, detail)
    }

    /// 409: the database is not in a state to answer (no profile yet).
    pub fn conflict(detail: impl Into<String>) -> Problem {
        Problem::new(StatusCode::CONFLICT, detail)
    }

    pub fn status(&self) -> StatusCode {
        StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let status = self.status();
        let mut response = (status, axum::Json(&self)).into_response();
        response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
        response
    }
}

impl From<StoreError> for Problem {
    fn from(e: StoreError) -> Problem {
        match e {
            StoreError::Refused { .. } => Problem::new(StatusCode::UNPROCESSABLE_ENTITY, e.to_string()),
            // The database file itself: the person's to fix, with what to do in the detail.
            StoreError::Damaged { .. } | StoreError::ReadOnly { .. } | StoreError::DiskFull { .. } => {
                Problem::new(StatusCode::SERVICE_UNAVAILABLE, e.to_string())
            }
            other => Problem::new(StatusCode::INTERNAL_SERVER_ERROR, format!("the server failed: {other}")),
        }
    }
}

impl From<backbone_core::engine::PlanError> for Problem {
    fn from(e: backbone_core::engine::PlanError) -> Problem {
        Problem::new(StatusCode::UNPROCESSABLE_ENTITY, e.to_string())
    }
}

/// What a handler returns on failure.
pub type Result<T> = std::result::Result<T, Problem>;
