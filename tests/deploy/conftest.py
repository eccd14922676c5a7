"""Real nginx and Apache, started by the tests on free ports with the project's own deploy/ files in their
configuration, serving the built site at /smart-working/. Nothing is mocked and nothing is skipped: without a
server the tests fail and say how to install it."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.support.build import PREFIX, ROOT, free_port

DEPLOY = ROOT / "deploy"
SITE_FOLDER = "/var/www/smart-working"  # where deploy/*.conf expect site/; the tests put their copy's path there
MODULES = Path("/usr/lib/apache2/modules")


@dataclass
class Served:
    name: str
    url: str  # http://127.0.0.1:<port>/smart-working/
    error_log: Path
    access_log: Path
    output: Path  # what the server printed (nginx reports problems in its configuration there)


@pytest.fixture(scope="session")
def published(site_dir):
    """site/ copied to a folder the web server's own user can read, as an administrator copies it to /var/www.
    Run as root, both servers serve as `nobody`, which cannot enter pytest's private (0700) folders."""
    folder = Path(tempfile.mkdtemp(prefix="swt-deploy-"))
    try:
        shutil.copytree(site_dir, folder / "site")
        for path in (folder, folder / "site"):
            path.chmod(0o755)
        yield folder / "site"
    finally:
        shutil.rmtree(folder)


def snippet(name: str, site: Path) -> str:
    """The project's deploy/<name> as an administrator would use it: only the site's folder changed."""
    text = (DEPLOY / name).read_text(encoding="utf-8")
    assert SITE_FOLDER in text, f"deploy/{name} no longer names {SITE_FOLDER}; update tests/deploy/conftest.py"
    return text.replace(SITE_FOLDER, str(site))


def nginx_config(tmp: Path, port: int, site: Path) -> list[str]:
    """Write nginx's configuration into tmp; return the arguments that run it in the foreground."""
    (tmp / "smart-working.conf").write_text(snippet("nginx.conf", site), encoding="utf-8")
    # The http block as Debian's /etc/nginx/nginx.conf has it; every path the server writes is in tmp.
    temp_paths = "".join(f"    {kind}_temp_path {tmp}/{kind};\n"
                         for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    (tmp / "nginx.conf").write_text(f"""\
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
worker_processes 1;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    types_hash_max_size 2048;
    access_log {tmp}/access.log;
{temp_paths}    server {{
        listen 127.0.0.1:{port};
        include {tmp}/smart-working.conf;
    }}
}}
""", encoding="utf-8")
    return ["-p", str(tmp), "-c", str(tmp / "nginx.conf"), "-g", "daemon off;"]


def apache_config(tmp: Path, port: int, site: Path) -> list[str]:
    """Write Apache's configuration into tmp; return the arguments that run it in the foreground."""
    (tmp / "smart-working.conf").write_text(snippet("apache.conf", site), encoding="utf-8")
    # Debian enables autoindex too: with it, a folder without a page is refused (403), as on a real server.
    modules = "".join(f"LoadModule {name}_module {MODULES}/mod_{name}.so\n"
                      for name in ("mpm_event", "authz_core", "alias", "dir", "autoindex", "mime", "headers",
                                   "filter", "deflate"))
    # Apache refuses to serve as root; Debian's own configuration names www-data, this one nobody.
    user = "User nobody\nGroup nogroup\n" if os.geteuid() == 0 else ""
    (tmp / "apache2.conf").write_text(f"""\
ServerRoot {tmp}
ServerName 127.0.0.1
Listen 127.0.0.1:{port}
PidFile {tmp}/apache2.pid
DefaultRuntimeDir {tmp}
ErrorLog {tmp}/error.log
LogLevel warn
LogFormat "%h %t \\"%r\\" %>s %b" swt
CustomLog {tmp}/access.log swt
{modules}{user}TypesConfig /etc/mime.types
<Directory />
    AllowOverride None
    Require all denied
</Directory>
Include {tmp}/smart-working.conf
""", encoding="utf-8")
    return ["-f", str(tmp / "apache2.conf"), "-DFOREGROUND"]


CONFIGS = {"nginx": nginx_config, "apache2": apache_config}


@pytest.fixture(scope="module", params=list(CONFIGS))
def deployed(request, published, tmp_path_factory):
    """One real server at a time (nginx, then Apache), running until the module's tests are done."""
    name = request.param
    # /usr/sbin, where Debian puts both, is not on every user's PATH.
    executable = shutil.which(name, path=f"{os.environ.get('PATH', '')}:/usr/sbin")
    if not executable:
        pytest.fail(f"{name} not found: .ci/run installs it (apt-get install {name}). Never skipped.")
    tmp = tmp_path_factory.mktemp(name)
    port = free_port()
    command = [executable, *CONFIGS[name](tmp, port, published)]
    with open(tmp / "output.txt", "w") as output:
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT, cwd=tmp)
    try:
        wait_until_listening(process, port, tmp)
        yield Served(name, f"http://127.0.0.1:{port}{PREFIX}", tmp / "error.log", tmp / "access.log",
                     tmp / "output.txt")
    finally:
        process.terminate()  # nginx and Apache both shut down cleanly on SIGTERM
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_until_listening(process: subprocess.Popen, port: int, tmp: Path, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    logs = "\n".join(f"--- {p.name}\n{p.read_text(errors='replace')}"
                     for p in (tmp / "output.txt", tmp / "error.log") if p.exists())
    pytest.fail(f"{process.args[0]} did not start listening on port {port}:\n{logs}")
