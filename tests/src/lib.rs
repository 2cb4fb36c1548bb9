//! Whole-repository tests live in `tests/tests/`: the bundled templates now; browser journeys, load,
//! crash and PostgreSQL suites as the server grows. This library is empty on purpose: a virtual
//! workspace root cannot hold test targets, so they need a package of their own.
