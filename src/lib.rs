//! careergraph: a rule-based IT career recommendation engine for Japan's IT market.
//!
//! An engineer describes themselves in a profile (skills with levels, years per work phase,
//! certifications, current role, preferences). careergraph scores the profile against every role
//! of its knowledge base, walks the career graph from the current role to recommend next roles,
//! lists the gaps to a target role as a plan, and finds the cheapest routes between roles —
//! every answer explained and every fact sourced.
//!
//! The knowledge lives as data (`rules/*.json`, compiled into the binary); the code is
//! mechanism. Start with [`Engine`]:
//!
//! ```
//! let engine = careergraph::Engine::builtin()?;
//! let routes = engine.paths("infra-engineer", "it-architect", 3, None)?;
//! assert!(routes.paths.len() <= 3);
//! # Ok::<(), careergraph::Error>(())
//! ```
#![deny(missing_docs)]
// No panic from input: library code may not unwrap, expect or index unchecked (tests may).
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)
)]

pub mod batch;
pub mod cli;
pub mod diagnostics;
mod engine;
pub mod error;
pub mod explain;
pub mod graph;
pub mod html;
pub mod income;
pub mod knowledge;
pub mod lang;
pub mod outfile;
pub mod picture;
pub mod planning;
pub mod profile;
pub mod recommend;
pub mod report;
pub mod rules;
pub mod schema;
pub mod scoring;
pub mod shape;
pub mod whatif;

pub use engine::Engine;
pub use error::Error;
