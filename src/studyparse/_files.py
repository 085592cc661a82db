"""Files the command line writes: which file a name leads to, and replacing its content.

``normalize`` rewrites READMEs and ``convert -o``/``schema -o`` write outputs; both go
through here so that:

- a symbolic link is followed: the file it leads to gets the content and the link stays
  a link (``write_target``); a dangling link or a link to a directory is refused when
  the file must exist;
- content is replaced all at once (``replace_file``, ``atomic_output``): a temporary
  file beside the target, flushed to disk, given the target's permission bits (or the
  default ones for a new file), then moved over the target with ``os.replace``;
- a file with more than one hard link is rewritten in place (``rewrite_in_place``), so
  every name still shows the same file; that write is not atomic (docs/format.md);
- an output that is one of the inputs (same device and inode: any name, any link) is
  refused before anything is read (``output_conflict``).
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Iterator, Sequence
from typing import TextIO

from ._errors import StudyParseError


def write_target(path: str, *, must_exist: bool = True) -> str:
    """The file a write to ``path`` changes: ``path``, or the end of its chain of links."""
    if not os.path.islink(path):
        return path
    target = os.path.realpath(path)
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        if not must_exist:
            return target
        raise StudyParseError(
            f"symbolic link to {os.readlink(path)!r}, which does not exist; nothing written",
            path=path,
        ) from None
    except OSError as exc:
        raise StudyParseError(exc.strerror or str(exc), path=path) from None
    if stat.S_ISDIR(mode):
        raise StudyParseError(
            f"symbolic link to a directory ({os.readlink(path)!r}), not a file; nothing written",
            path=path,
        )
    return target


def output_conflict(output: str, inputs: Sequence[str]) -> str | None:
    """The input that ``output`` names (the same file by any name or link), or None."""
    try:
        out = os.stat(output)
    except OSError:
        return None  # a new file (or one that cannot be read either way): no input
    for path in inputs:
        if path == "-":
            continue
        try:
            found = os.stat(path)
        except OSError:
            continue
        if (found.st_dev, found.st_ino) == (out.st_dev, out.st_ino):
            return path
    return None


def refuse_unwritable(path: str) -> None:
    """A ``StudyParseError`` unless ``path`` leads to a regular file its owner may write."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        raise StudyParseError(exc.strerror or str(exc), path=path) from None
    if not stat.S_ISREG(mode):
        raise StudyParseError("not a regular file", path=path)
    if not mode & stat.S_IWUSR or not os.access(path, os.W_OK):
        raise StudyParseError("file is read-only, not rewritten", path=path)


def rewrite(path: str, data: bytes) -> None:
    """Give the file at ``path`` (links followed) the content ``data``.

    A file with one name is replaced atomically; a file with several hard links is
    written in place so that every name keeps showing it.
    """
    target = write_target(path)
    if os.stat(target).st_nlink > 1:
        rewrite_in_place(target, data)
    else:
        replace_file(target, data)


def rewrite_in_place(path: str, data: bytes) -> None:
    """Overwrite the file itself (same inode), then cut it to the new length.

    Not atomic (see docs/format.md): if the write fails part way, the content the file
    had just before is written back.
    """
    with open(path, "r+b") as stream:
        original = stream.read()
        stream.seek(0)
        try:
            stream.write(data)
            stream.truncate()
            stream.flush()
            os.fsync(stream.fileno())
        except BaseException:
            with contextlib.suppress(OSError):
                stream.seek(0)
                stream.write(original)
                stream.truncate()
                stream.flush()
            raise


def replace_file(path: str, data: bytes) -> None:
    """Replace the file at ``path`` with ``data``: all of it or, on any failure, none of it."""
    with _replacing(path) as handle, os.fdopen(handle, "wb") as stream:
        stream.write(data)
        stream.flush()
        os.fsync(stream.fileno())


@contextlib.contextmanager
def atomic_output(path: str) -> Iterator[TextIO]:
    """A UTF-8 text stream that replaces the file at ``path`` when the block ends cleanly.

    On any exception the new text is dropped and the file is left as it was.
    """
    with _replacing(path) as handle, os.fdopen(handle, "w", encoding="utf-8") as stream:
        yield stream
        stream.flush()
        os.fsync(stream.fileno())


def _new_file_mode() -> int:
    """The permission bits a new file gets here: 0o666 less the umask."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


@contextlib.contextmanager
def _replacing(path: str) -> Iterator[int]:
    """A file descriptor onto a new temporary file beside ``path``; when the block ends
    cleanly the file takes ``path``'s permission bits (or a new file's) and replaces it,
    and on any exception it is removed. ``path`` names a file, not a link
    (see ``write_target``)."""
    import tempfile  # with shutil, random, bz2, lzma: only a run that writes needs them

    folder, name = os.path.split(path)
    try:
        found = os.stat(path).st_mode
    except FileNotFoundError:
        mode = _new_file_mode()
    else:
        if stat.S_ISDIR(found):
            raise OSError(errno.EISDIR, "is a directory, nothing written", path)
        mode = stat.S_IMODE(found)
    try:
        handle, temporary = tempfile.mkstemp(dir=folder or ".", prefix=f".{name}.", suffix=".tmp")
    except OSError as exc:
        # The temporary file's name means nothing to the user: name the file asked for.
        raise OSError(exc.errno or errno.EIO, exc.strerror or str(exc), path) from None
    try:
        yield handle
        try:
            os.chmod(temporary, mode)
            os.replace(temporary, path)
        except OSError as exc:
            raise OSError(exc.errno or errno.EIO, exc.strerror or str(exc), path) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
