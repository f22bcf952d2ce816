"""Text analysis shared by search and reports (no Qt, no database): Polish lemmas, folding, key phrases."""
