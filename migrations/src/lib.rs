//! Database migrations (sea-orm-migration), one set for SQLite and PostgreSQL.
//!
//! Empty until the collection server arrives: nothing is stored yet. The crate exists now so the
//! workspace already has the layout of `DESIGN.md` and the server can fill it without moving things.
