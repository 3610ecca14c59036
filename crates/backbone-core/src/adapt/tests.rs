//! Scenario tests of the adaptation engine.
