//! Integration and CLI tests (one test binary, as ripgrep and just do).

mod bad_profiles;
mod bad_rules;
mod batch;
mod breadth;
mod cli;
mod colour;
mod contract;
mod docs;
mod explain;
mod graph;
mod hostile;
mod knowledge_base;
mod lang;
mod markdown;
mod market;
mod plans;
mod properties;
mod readme;
mod reliability;
mod report;
mod repository;
mod schemas;
mod support;
mod width;
