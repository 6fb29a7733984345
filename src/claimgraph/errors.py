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
        reason = " ".join(reason.split())  # one line, whatever a parser's message held
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
    """The store cannot be opened or written.

    ``fatal`` is False when only one report could not be stored (the run goes on with the next),
    True when the store as a whole failed (full disk, lost connection, corrupted file).
    """

    code = "E300"

    def __init__(self, message: str, code: str | None = None, *, fatal: bool = True, reason: str | None = None) -> None:
        super().__init__(message)
        self.reason = reason or message
        self.fatal = fatal
        if code:
            self.code = code


# Codes of StoreError.
STORE_OPEN = "E301"  # cannot open: no server, bad URL, not a store
NOT_STORED = "E302"  # one report refused by the database (the run goes on)
DISK_FULL = "E303"  # no space left for the store
CONNECTION_LOST = "E304"  # the server went away during the run
CORRUPT = "E305"  # the store's file is damaged
READ_ONLY = "E306"  # the store cannot be written (read-only media or permissions)
BAD_URL = "E307"  # a postgresql:// URL without a database name


class ExtractionError(ClaimgraphError):
    """A step of the extraction failed on one document (the others go on)."""

    code = "E400"

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class NoStore(StoreError):
    """A command that only reads was pointed at a store that does not exist (only ingest creates one)."""

    code = "E301"

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason


class UnknownName(StoreError):
    """No actor has this name; ``suggestions`` are stored names that come close."""

    code = "E310"

    def __init__(self, name: str, url: str, suggestions: list[str]) -> None:
        hint = f"; did you mean {' or '.join(repr(s) for s in suggestions)}?" if suggestions else ""
        super().__init__(f"no actor named {name!r} in {url}{hint}")
        self.name = name
        self.url = url
        self.suggestions = suggestions


class AmbiguousName(StoreError):
    """Several actors have this name and none clearly more than the others.

    ``candidates`` are (graph id, display name, type, reports) rows, the best attested first.
    """

    code = "E311"

    def __init__(
        self, name: str, url: str, candidates: list[tuple[str, str, str, int]], more: bool = False
    ) -> None:
        count = f"more than {len(candidates)}" if more else str(len(candidates))
        super().__init__(f"{name!r} names {count} actors in {url}; give a fuller name or an id")
        self.name = name
        self.url = url
        self.candidates = candidates
        self.more = more


class NotJudged(StoreError):
    """An undo that finds no judgement of its pair to withdraw."""

    code = "E320"
