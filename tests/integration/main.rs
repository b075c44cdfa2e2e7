//! Integration and CLI tests (one test binary).
