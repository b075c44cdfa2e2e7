//! The rule language: conditions over a profile, effects on roles, and their evaluation.
//!
//! Every rule whose condition holds applies, and effects add up (a "collect" hit policy), so the
//! order of rules and files never changes a result.

mod condition;
mod def;
mod effect;

pub use condition::{Condition, Polarity, Trace, fmt_num};
pub use def::{ConditionDef, EffectDef};
pub use effect::Effect;
