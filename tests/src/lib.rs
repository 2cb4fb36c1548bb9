//! Whole-repository tests live in `tests/tests/` (the bundled templates, the README's promises); the
//! browser journeys are in `tests/browser/`, and the crash, outage and PostgreSQL suites beside the
//! binary they drive, in `crates/cli/tests/system/`. This library is empty on purpose: a virtual
//! workspace root cannot hold test targets, so they need a package of their own.
