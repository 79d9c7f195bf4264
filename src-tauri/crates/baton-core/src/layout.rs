//! The swimlane geometry, computed once here and drawn by the UI and the exporters alike.
