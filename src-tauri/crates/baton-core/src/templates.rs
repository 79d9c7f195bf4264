//! The journey templates of DOMAIN.md, built as `Edit`s like any user edit.
