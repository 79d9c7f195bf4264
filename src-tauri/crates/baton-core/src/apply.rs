//! `Workspace::apply`: validate an edit against the current model, compute its inverse, apply it.
