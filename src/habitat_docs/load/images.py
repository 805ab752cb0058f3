"""Figure images: which files a data file may show, checked before any writer reads them."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path as FsPath

from habitat_docs.errors import DataError
from habitat_docs.regular import file_kind, read_regular

__all__ = ["IMAGE_TYPES", "MAX_IMAGE_BYTES", "image_file", "image_shape", "setting_image"]

#: The image files a figure may show (every writer prints them), by suffix.
IMAGE_TYPES = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".gif": "GIF"}
MAX_IMAGE_BYTES = 50 * 1024 * 1024
_CONTENT_TYPES = {"image/png": "PNG", "image/jpeg": "JPEG", "image/gif": "GIF"}


def image_file(base_dir: FsPath | None, image: str) -> FsPath:
    """The file a figure's ``image`` names: relative to ``base_dir`` (the data file's folder;
    the working directory for a model built in code), inside it once symbolic links are
    resolved, and a PNG, JPEG or GIF file that says so in its first bytes. Data never makes
    the writers read another file, or fetch anything. Raises DataError (with no field path:
    the caller knows the field)."""
    if "://" in image or image.startswith(("//", "\\\\")):
        raise DataError(f"image '{image}' is a URL: give a file in the data file's folder "
                        "(nothing is downloaded)")  # fmt: skip
    try:
        folder = (base_dir or FsPath.cwd()).resolve()
        resolved = (folder / image).resolve()
    except (OSError, RuntimeError, ValueError) as e:  # a symlink loop, a NUL character …
        raise DataError(f"image '{image}' cannot be read ({e})") from None
    if not resolved.is_relative_to(folder):
        raise DataError(f"image '{image}' lies outside the data file's folder "
                        "(images must be in that folder or below it)")  # fmt: skip
    kind = IMAGE_TYPES.get(resolved.suffix.lower())
    if not resolved.exists():
        raise DataError(f"image file '{image}' not found")
    if (not_regular := file_kind(resolved.stat().st_mode)) is not None:  # a FIFO would block
        raise DataError(f"image '{image}' is not a regular file ({not_regular})")
    if kind is None:
        raise DataError(f"image '{image}' must be a PNG, JPEG or GIF file "
                        f"(.png, .jpg, .jpeg, .gif)")  # fmt: skip
    try:
        stat = resolved.stat()
        if stat.st_size > MAX_IMAGE_BYTES:
            raise DataError(f"image '{image}' is larger than {MAX_IMAGE_BYTES // (1024 * 1024)} MB")
        found = _content(resolved, stat.st_size, stat.st_mtime_ns)
    except OSError as e:
        raise DataError(f"image '{image}' cannot be read ({e.strerror})") from None
    if found is None:
        raise DataError(f"image '{image}' is not a valid {kind} image")
    if found[0] != kind:
        raise DataError(f"image '{image}' holds a {found[0]} image, not {kind}: correct its suffix")
    return resolved


def setting_image(path: str | FsPath, setting: str, base_dir: FsPath | None = None) -> FsPath:
    """The image file a setting names (``--emblem FILE`` on the command line, ``emblem:`` in a
    session file), relative to ``base_dir`` (the session file's folder; the working directory
    for an option), checked as :func:`image_file` checks a figure's. A file named on the
    command line may lie anywhere: the user named it, not a data file. Raises DataError
    whose field is ``setting``."""
    try:
        given = FsPath(path)
        if base_dir is None:
            given = given.expanduser().resolve()  # the folder is the file's own
            try:
                return image_file(given.parent, given.name)
            except DataError as e:  # name the file as the user gave it, not its bare name
                raise DataError(e.problems[0].message.replace(f"'{given.name}'", f"'{path}'", 1)) from None
        return image_file(base_dir, str(path))
    except (OSError, RuntimeError, ValueError) as e:
        problem = e.problems[0].message if isinstance(e, DataError) else f"'{path}' cannot be read ({e})"
        raise DataError(problem, (setting,)) from None


def image_shape(path: FsPath) -> float:
    """Height over width of a checked image file (see :func:`image_file`), in pixels."""
    stat = path.stat()
    found = _content(path, stat.st_size, stat.st_mtime_ns)
    if found is None:
        raise DataError(f"image '{path}' is not a valid image")
    return found[2] / found[1]


@lru_cache(maxsize=256)
def _content(path: FsPath, size: int, mtime_ns: int) -> tuple[str, int, int] | None:
    """What the file holds (PNG, JPEG, GIF) and its size in pixels, or None: read and parsed
    once per version of the file (size and time are part of the key), not at every check."""
    from docx.image.image import Image  # the parser the DOCX writer uses

    try:
        image = Image.from_blob(read_regular(path))
        kind = _CONTENT_TYPES.get(image.content_type)
        if kind is None or image.px_width <= 0 or image.px_height <= 0:
            return None
        return kind, image.px_width, image.px_height
    except OSError:
        raise
    except Exception:  # noqa: BLE001 - any parse failure means "not an image"
        return None
