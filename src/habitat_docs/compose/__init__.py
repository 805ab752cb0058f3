"""Composing: one document in one language, laid out as the tree the writers print."""
