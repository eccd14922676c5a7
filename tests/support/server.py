"""A static server for the built site under a sub-path, with the strict Content-Security-Policy we promise."""

from __future__ import annotations

import functools
import gzip
import http.server
import sys
import threading
from pathlib import Path

from tests.support.build import PREFIX, built_port
# The policy deploy/ sends (tests/deploy checks each server's file against it): every test runs under it.
CSP = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
       "frame-ancestors 'self'")


class _Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".wasm": "application/wasm", ".mjs": "text/javascript", ".js": "text/javascript"}

    def translate_path(self, path: str) -> str:
        # Only the sub-path exists, as on an intranet that hosts the toolkit beside other things.
        if not path.startswith(PREFIX):
            return str(Path(self.directory) / "__not_here__")
        return super().translate_path("/" + path[len(PREFIX):])

    def end_headers(self) -> None:
        self.send_header("Content-Security-Policy", CSP)
        self.send_header("X-Content-Type-Options", "nosniff")
        super().end_headers()

    def log_message(self, *args) -> None:  # quiet: the tests and the benchmark print what matters
        pass


class _GzipHandler(_Handler):
    """As a deployed server set up as the README says: the large files that are not compressed already (Python's
    WebAssembly and JavaScript, the lockfile) and the pages sent gzipped to a browser that accepts it."""

    COMPRESSED = (".wasm", ".mjs", ".js", ".css", ".html", ".json", ".svg", ".map")
    made: dict[tuple[str, float], bytes] = {}

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path.split("?", 1)[0]))
        if (path.suffix not in self.COMPRESSED or not path.is_file()
                or "gzip" not in self.headers.get("Accept-Encoding", "")):
            return super().do_GET()
        key = (str(path), path.stat().st_mtime)
        if key not in self.made:
            self.made[key] = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        body = self.made[key]
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", self.date_time_string(path.stat().st_mtime))
        self.end_headers()
        self.wfile.write(body)


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        # A browser that closes a page mid-download (the tests close contexts early) is not an error.
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


class SiteServer:
    """`with SiteServer(site) as s: s.url` serves `site` at http://127.0.0.1:<port>/smart-working/, on the port
    the site was built for when it was built for one (see tests/support/build.py), else on a free port;
    `compress=True` gzips as a deployed server would (the benchmark's bytes fetched)."""

    def __init__(self, site: Path, compress: bool = False) -> None:
        handler = functools.partial(_GzipHandler if compress else _Handler, directory=str(site))
        self.httpd = _Server(("127.0.0.1", built_port(site)), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}{PREFIX}"

    def __enter__(self) -> "SiteServer":
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


class _SitesHandler(_Handler):
    """Each of the server's sites under its own path; which folder a path serves may change while it runs."""

    def translate_path(self, path: str) -> str:
        for prefix, folder in self.server.sites.items():
            if path.startswith(prefix):
                return _under(folder, path[len(prefix):])
        return str(Path(self.directory) / "__not_here__")


def _under(folder: Path, rest: str) -> str:
    """`rest` of a URL path as a file in `folder`, as SimpleHTTPRequestHandler maps it (no way out of the folder)."""
    handler = http.server.SimpleHTTPRequestHandler.__new__(http.server.SimpleHTTPRequestHandler)
    handler.directory = str(folder)
    return http.server.SimpleHTTPRequestHandler.translate_path(handler, "/" + rest)


class SitesServer:
    """`with SitesServer({"/smart-working/": site, "/pilot/": other}) as s:` serves each site under its path on a
    free port, as two copies of the toolkit on one host; `s.sites[prefix] = folder` deploys another build there
    while it runs. `s.url(prefix)` is the site's address."""

    def __init__(self, sites: dict[str, Path]) -> None:
        handler = functools.partial(_SitesHandler, directory=str(next(iter(sites.values()))))
        self.httpd = _Server(("127.0.0.1", 0), handler)
        self.httpd.sites = self.sites = dict(sites)

    def url(self, prefix: str = PREFIX) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{prefix}"

    def __enter__(self) -> "SitesServer":
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
