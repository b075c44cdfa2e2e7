//! careergraph: a rule-based IT career recommendation engine.

pub mod knowledge;
pub mod rules;
