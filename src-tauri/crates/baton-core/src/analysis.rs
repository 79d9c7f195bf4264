//! Handoff and satisfaction analysis of one journey (DOMAIN.md, "Handoff analysis"). Pure.
