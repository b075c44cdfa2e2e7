//! careergraph: a rule-based IT career recommendation engine.

pub mod diagnostics;
pub mod error;
pub mod knowledge;
pub mod profile;
pub mod rules;
pub mod scoring;

pub use error::Error;
