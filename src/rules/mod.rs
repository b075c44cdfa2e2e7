//! The rule language: conditions over a profile, effects on roles, and their evaluation.

mod def;

pub use def::{ConditionDef, EffectDef};
