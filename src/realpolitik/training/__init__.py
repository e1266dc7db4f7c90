"""Training data and models learned from annotated real text (docs/annotation.md)."""
