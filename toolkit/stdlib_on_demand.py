"""The standard library's zip, fetched only if Python restored from the build's memory snapshot needs it.

The snapshot (snapshot.py) is made with every module the toolkit runs imported, so the worker restoring it does
not download python_stdlib.zip (2.5 MB): Pyodide is handed an empty zip instead. Should a module outside the
snapshot be imported after all (a codec, a module the standard library imports late), this finder, last in
sys.meta_path, fetches the real zip then, puts it where Pyodide keeps it, and steps aside: the import goes on
as it would have. The fetch is the worker's `swtStandardLibrary()`, synchronous as an import must be (a Web
Worker may do that); it checks the bytes and raises with the reason when they are not whole."""

from __future__ import annotations

import sys
import zipimport
from importlib.machinery import ModuleSpec, PathFinder
from typing import Any


class StdlibOnDemand:
    """A meta path finder that brings the standard library's zip back the first time a module is missing."""

    def __init__(self, zip_path: str, index: int) -> None:
        self.zip_path = zip_path
        self.index = index  # where the zip stood on sys.path

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> ModuleSpec | None:
        import js  # Pyodide's view of the worker's globals: imported here, as it is never needed otherwise

        data = js.swtStandardLibrary().to_bytes()
        with open(self.zip_path, "wb") as zipped:
            zipped.write(data)
        sys.meta_path.remove(self)
        restore_zip(self.zip_path, self.index)
        return PathFinder.find_spec(name, path, target)


def leave_zip() -> str:
    """Take the standard library's zip out of the import system (before the snapshot is made) and put the
    finder in its place; return the zip's path."""
    zip_path = next(p for p in sys.path if p.endswith(".zip"))
    index = sys.path.index(zip_path)
    sys.path.remove(zip_path)
    _forget(zip_path)
    sys.meta_path.append(StdlibOnDemand(zip_path, index))
    return zip_path


def restore_zip(zip_path: str, index: int) -> None:
    sys.path.insert(index, zip_path)
    _forget(zip_path)


def _forget(zip_path: str) -> None:
    # Importers keep the zip's table of contents: they must read the one now in the file.
    zipimport._zip_directory_cache.clear()
    for entry in [p for p in sys.path_importer_cache if p.startswith(zip_path)]:
        del sys.path_importer_cache[entry]
