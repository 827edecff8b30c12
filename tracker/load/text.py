"""Reading a file's bytes into text, with every failure named by file and line."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from tracker.core.problems import DatasetError, Problem

# The shipped dataset is about 100 KB and 20,000 statements about 11 MB; a file
# far beyond that is more likely a mistake than a dataset, and is refused before
# any parser can spend memory on it.
MAX_FILE_BYTES = 64 * 1024 * 1024

_OTHER_BOMS = {
    codecs.BOM_UTF32_LE: "UTF-32",
    codecs.BOM_UTF32_BE: "UTF-32",
    codecs.BOM_UTF16_LE: "UTF-16",
    codecs.BOM_UTF16_BE: "UTF-16",
}


def read_text(path: Path, display: str) -> str:
    """The file's content as text, without a UTF-8 byte order mark."""
    return decode(read_bytes(path, display), display)


def read_bytes(path: Path, display: str) -> bytes:
    """The file's bytes, refusing files over MAX_FILE_BYTES before reading them all."""
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise _unreadable(display, "no such file") from None
    except IsADirectoryError:
        raise _unreadable(display, "is a directory") from None
    except OSError as error:
        raise _unreadable(display, f"cannot read: {error.strerror or error}") from None
    if len(data) > MAX_FILE_BYTES:
        raise _unreadable(display, f"file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB; refusing to load it")
    return data


def decode(data: bytes, display: str) -> str:
    for bom, name in _OTHER_BOMS.items():
        if data.startswith(bom):
            raise _invalid(display, f"file is encoded as {name}; save it as UTF-8", 1, 1)
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        line_start = before.rfind(b"\n") + 1
        column = len(before[line_start:].decode("utf-8", errors="replace")) + 1
        message = f"invalid UTF-8 (byte 0x{data[error.start]:02x}); save the file as UTF-8"
        raise _invalid(display, message, line, column) from None


def _unreadable(display: str, message: str) -> DatasetError:
    return DatasetError([Problem(message, display)], unreadable=True)


def _invalid(display: str, message: str, line: int, column: int) -> DatasetError:
    return DatasetError([Problem(message, display, line=line, column=column)])


# Printable ASCII with tab, line feed and carriage return: what YAML allows, and
# nearly all of a dataset's bytes.
_PLAIN_ASCII = bytes(range(0x20, 0x7F)) + b"\t\n\r"
_HIGH_BYTES = bytes(range(0x80, 0x100))
# Beyond ASCII: what YAML forbids (PyYAML's NON_PRINTABLE), and NEL and the Unicode
# line separators, which the precise pass reads as line breaks and yaml-rs does not.
_MISREAD_BEYOND_ASCII = re.compile("[\x80-\x9f\u2028\u2029\ufffe\uffff\ud800-\udfff]")
# A tab among a line's leading blanks: YAML 1.2 allows it before a comment, the
# precise pass (YAML 1.1) never; one verdict for both means refusing it.
_TAB_IN_INDENT = re.compile(r"(?:^|[\r\n]) *\t")


def fast_parser_may_misread(text: str) -> bool:
    """Whether the text holds a character the two parsers treat differently.

    yaml-rs accepts characters YAML forbids, even in comments, and stops reading
    at a NUL; the precise pass refuses them all, reads NEL and U+2028/9 as line
    breaks, and refuses a tab in indentation even before a comment. A file
    holding any of them goes to the precise pass. Done on bytes: deleting
    printable ASCII leaves a small remainder to inspect, about 30 ms on 15 MB
    where a regular expression over the text took 140 ms.
    """
    if "\t" in text and _TAB_IN_INDENT.search(text):
        return True
    rest = text.encode("utf-8", "surrogatepass").translate(None, _PLAIN_ASCII)
    if not rest:
        return False
    if rest.translate(None, _HIGH_BYTES):  # an ASCII control character
        return True
    # Only whole multi-byte sequences are left: no UTF-8 sequence holds an ASCII byte.
    return bool(_MISREAD_BEYOND_ASCII.search(rest.decode("utf-8", "surrogatepass")))
