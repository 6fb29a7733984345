"""One base exception and a few subclasses that carry the facts of what went wrong.

Each error has a stable ``code`` so tests and callers can match on it, not on wording.
"""

from __future__ import annotations


class ClaimgraphError(Exception):
    """Base class of every error claimgraph raises on purpose."""

    code = "E000"


class InputError(ClaimgraphError):
    """A document could not be read: missing, empty, binary, undecodable or malformed."""

    code = "E100"

    def __init__(self, path: str, reason: str, code: str | None = None) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
        if code:
            self.code = code


# Codes of InputError, so the same failure reads the same everywhere.
MISSING = "E101"  # no such file or folder
EMPTY = "E102"  # no text at all, or only page furniture
BINARY = "E103"  # NUL bytes or a binary format
UNDECODABLE = "E104"  # no text encoding fits
MALFORMED = "E105"  # a JSON Lines line that is not an object with "text"
TOO_LARGE = "E106"  # over the size limit


class ModelError(ClaimgraphError):
    """The spaCy model named in the settings cannot be loaded."""

    code = "E200"


class StoreError(ClaimgraphError):
    """The store cannot be opened or written."""

    code = "E300"


class ExtractionError(ClaimgraphError):
    """A step of the extraction failed on one document (the others go on)."""

    code = "E400"

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason
