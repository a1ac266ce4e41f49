"""Open a REFI-QDA project package (`.qdpx` zip, or a bare `.qde`) from an untrusted source, safely.

Refused as a whole, by the checks every zip gets (`archive_guard`) with a project package's own limits:
entries that point outside the package (`../`, absolute paths, drive letters), more entries or more
unpacked bytes than any real project has, entries that unpack far beyond their compressed size (zip
bombs), sizes that lie, encrypted entries, XML entities. Nothing is ever written to disk; every read is
capped.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from workbench.domain.errors import ImportFailed
from workbench.importers.archive_guard import ZipLimits, check_archive

_ZIP_MAGIC = b"PK\x03\x04"
_EMPTY_ZIP = b"PK\x05\x06"
MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """How much a package may hold; generous for real projects, small enough to stop a bomb."""

    entries: int = 50_000
    file_bytes: int = 512 * MB
    total_bytes: int = 2048 * MB
    qde_bytes: int = 256 * MB
    # An entry larger than `ratio_floor` may not unpack to more than `ratio` times its packed size.
    ratio: int = 200
    ratio_floor: int = 8 * MB


@dataclass
class Package:
    """The `.qde` document's bytes and access to the files under `sources/`."""

    path: Path
    qde_name: str
    qde: bytes
    _archive: zipfile.ZipFile | None = None
    _sources: dict[str, zipfile.ZipInfo] = field(default_factory=dict)
    _limits: Limits = field(default_factory=Limits)
    _read_total: int = 0

    @property
    def has_sources(self) -> bool:
        return bool(self._sources)

    def source(self, reference: str) -> bytes | None:
        """The bytes of `internal://<file>` (or a bare file name) from `sources/`, None when it is missing."""
        name = reference.strip()
        if name.lower().startswith("internal://"):
            name = name[len("internal://"):]
        info = self._sources.get(name.strip("/").lower())
        if info is None or self._archive is None:
            return None
        limit = min(self._limits.file_bytes, self._limits.total_bytes - self._read_total)
        data = _read_capped(self._archive, info, limit, self.path)
        self._read_total += len(data)
        return data

    def close(self) -> None:
        if self._archive is not None:
            self._archive.close()

    def __enter__(self) -> Package:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()


def _read_capped(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int, path: Path) -> bytes:
    try:
        with archive.open(info) as member:
            data = member.read(limit + 1)
    except RuntimeError:
        raise ImportFailed(f"{path} holds encrypted files ({info.filename}); export the project again "
                           "without a password.") from None
    except (zipfile.BadZipFile, EOFError, OSError, NotImplementedError, ValueError) as exc:
        raise ImportFailed(f"{path} is damaged: {info.filename} cannot be unpacked ({exc}); export the "
                           "project again.") from None
    if len(data) > limit:
        raise ImportFailed(f"{path} unpacks to more than its size limits allow ({info.filename} alone is over "
                           f"{limit // MB} MB), so it is refused as a possible zip bomb.")
    return data


def _check_archive(archive: zipfile.ZipFile, path: Path, limits: Limits) -> None:
    """The checks every zip the workbench reads gets (sizes, ratio, paths, lying headers, XML entities), with a
    project package's own limits."""
    zip_limits = ZipLimits(limits.entries, limits.file_bytes, limits.total_bytes, limits.ratio, limits.ratio_floor)
    handle = archive.fp
    if handle is None:  # the archive is open while it is checked; a closed one is a mistake here, never a pass
        raise RuntimeError(f"{path} was closed before its checks")
    check_archive(archive, handle, str(path), zip_limits, "export the project again", noun="package")


def _choose_qde(infos: list[zipfile.ZipInfo], path: Path) -> zipfile.ZipInfo:
    candidates = [i for i in infos if "/" not in i.filename.strip("/") and not i.is_dir()
                  and i.filename.lower().endswith(".qde")]
    if len(candidates) > 1:
        named = [i for i in candidates if i.filename.lower() == "project.qde"]
        candidates = named or candidates
    if len(candidates) != 1:
        found = "no" if not candidates else str(len(candidates))
        raise ImportFailed(f"{path} holds {found} .qde project files at its top level instead of one, so it is "
                           "not a REFI-QDA project package (.qdpx).")
    return candidates[0]


def open_package(path: Path, limits: Limits = Limits()) -> Package:
    """Open a `.qdpx` (or a bare `.qde`) for reading; the caller closes it."""
    path = Path(path)
    try:
        with path.open("rb") as handle:
            head = handle.read(4)
            if head not in (_ZIP_MAGIC, _EMPTY_ZIP):
                handle.seek(0)
                data = handle.read(limits.qde_bytes + 1)
                if len(data) > limits.qde_bytes:
                    raise ImportFailed(f"{path} is larger than {limits.qde_bytes // MB} MB, so it is refused.")
                return Package(path, path.name, data, _limits=limits)
    except FileNotFoundError:
        raise ImportFailed(f"{path} does not exist; check the path.") from None
    except IsADirectoryError:
        raise ImportFailed(f"{path} is a folder; give the path of a .qdpx file.") from None
    except PermissionError:
        raise ImportFailed(f"{path} cannot be read (permission denied); check its permissions.") from None
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError):
        raise ImportFailed(f"{path} looks like a zip file but is damaged; export the project again.") from None
    try:
        infos = archive.infolist()
        _check_archive(archive, path, limits)
        chosen = _choose_qde(infos, path)
        qde = _read_capped(archive, chosen, limits.qde_bytes, path)
        sources = {}
        for info in infos:
            parts = info.filename.replace("\\", "/").strip("/").split("/")
            if len(parts) == 2 and parts[0].lower() == "sources" and not info.is_dir():
                sources[parts[1].lower()] = info
        return Package(path, chosen.filename, qde, archive, sources, limits, len(qde))
    except BaseException:
        archive.close()
        raise
