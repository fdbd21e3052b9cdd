"""One error taxonomy: expected problems the officer can act on.

A ``KstthcError`` carries a plain-Vietnamese message (what happened) and a hint (what to do).
Anything else that escapes is a bug and is shown as such with the log path.
"""

from __future__ import annotations


class KstthcError(Exception):
    """An expected failure with a message for the officer."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} {self.hint}".strip()


class OfficeFileError(KstthcError):
    """The office file cannot be opened or used as it is."""


class OfficeFileLocked(OfficeFileError):
    """Another running program has the office file open."""


class OfficeFileReadOnly(OfficeFileError):
    """The office file (or its folder, or its disk) cannot be written."""


class OfficeFileFull(OfficeFileError):
    """The disk is full: the change was not written, the file is as it was."""


class OfficeFileTooNew(OfficeFileError):
    """The file was written by a newer version of the program."""


class OfficeFileCorrupt(OfficeFileError):
    """The file failed its integrity check or is not an office file."""


class ValidationError(KstthcError):
    """A value typed by the user is empty or absurd."""

    def __init__(self, message: str, hint: str = "", field: str = "") -> None:
        super().__init__(message, hint)
        self.field = field


class NotFoundError(KstthcError):
    """A task, plan or report id does not exist."""


class ImportFailed(KstthcError):
    """A plan file could not be read or recognised."""


class ReportError(KstthcError):
    """A report cannot be built or changed (for example it is already issued)."""


class EvidenceError(KstthcError):
    """A file cannot be attached, opened or exported."""


class UnsafeOutput(KstthcError):
    """An output path that is, or belongs to, an office file (or is a folder)."""


def strict_mode() -> bool:
    """True in the test suite (KSTTHC_STRICT=1): the catch-alls that keep a bug in one parser
    from blocking the officer re-raise instead, so the project's own bugs fail the tests."""
    import os

    return os.environ.get("KSTTHC_STRICT") == "1"


class Cancelled(KstthcError):
    """The user cancelled a long job."""

    def __init__(self) -> None:
        super().__init__("Đã hủy theo yêu cầu.")
