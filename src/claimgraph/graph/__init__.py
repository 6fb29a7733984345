"""Across documents: entity resolution, claims per actor, agreement and contradiction, timelines."""
