"""A throwaway PostgreSQL + PostGIS cluster on a Unix socket, for tests, ``make platform`` and the demo.

initdb refuses to run as root (a CI run is root), so when we are root the server runs as the ``postgres`` user
in a directory it owns; it listens on no TCP address (``listen_addresses=''``), only on a socket in that
directory. ``stop()`` shuts it down and deletes the directory (also after a failure: use it as a context manager).
"""
from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile

from ..errors import SonaeInputError


def find_bindir() -> str | None:
    """The directory holding initdb and pg_ctl (SONAE_PG_BINDIR, else the newest /usr/lib/postgresql/*/bin)."""
    env = os.environ.get("SONAE_PG_BINDIR")
    candidates = [env] if env else sorted(glob.glob("/usr/lib/postgresql/*/bin"),
                                          key=lambda p: int(p.split("/")[-2]) if p.split("/")[-2].isdigit() else 0,
                                          reverse=True)
    for d in candidates:
        if d and os.path.isfile(os.path.join(d, "initdb")) and os.path.isfile(os.path.join(d, "pg_ctl")):
            return d
    return None


def postgis_available(bindir: str) -> bool:
    """True when the PostGIS extension is installed for this server version."""
    version = os.path.basename(os.path.dirname(bindir))
    return bool(glob.glob(f"/usr/share/postgresql/{version}/extension/postgis.control"))


def missing_reason() -> str | None:
    """Why a cluster cannot be started here (None when it can)."""
    bindir = find_bindir()
    if bindir is None:
        return ("PostgreSQL server binaries (initdb, pg_ctl) not found: install postgresql-15-postgis-3 "
                "(make setup does) / PostgreSQL が見つかりません（make setup で postgresql-15-postgis-3 を入れてください）")
    if not postgis_available(bindir):
        return ("PostGIS is not installed for this PostgreSQL: install postgresql-15-postgis-3 / "
                "PostGIS が入っていません（postgresql-15-postgis-3 を入れてください）")
    try:
        import psycopg2  # noqa: F401
    except ImportError:
        return "the Python module psycopg2 is missing: install python3-psycopg2 / psycopg2 がありません"
    if os.geteuid() == 0:
        import pwd
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root and there is no postgres user to run the server as (install postgresql)"
    if os.geteuid() == 0 and shutil.which("runuser") is None:
        return "running as root without runuser: cannot start the server as the postgres user"
    return None


def cleanup_stale(parent: str) -> None:
    """Delete cluster directories under ``parent`` left by a killed run (their postmaster is gone)."""
    for d in glob.glob(os.path.join(parent, "pg*")):
        pid_file = os.path.join(d, "data", "postmaster.pid")
        alive = False
        if os.path.exists(pid_file):
            try:
                with open(pid_file) as fh:
                    pid = int(fh.readline().strip())
                os.kill(pid, 0)
                alive = True
            except (ValueError, OSError):
                alive = False
        if not alive and os.path.isdir(d) and os.path.exists(os.path.join(d, ".sonae-cluster")):
            shutil.rmtree(d, ignore_errors=True)


class Cluster:
    """``with Cluster(parent_dir) as c: c.conninfo()`` — started on enter, stopped and deleted on exit."""

    def __init__(self, parent: str, dbname: str = "sonae", keep: bool = False):
        os.makedirs(parent, exist_ok=True)
        cleanup_stale(parent)
        if len(os.path.abspath(parent)) > 80:     # a Unix socket path must stay under ~107 bytes
            parent = tempfile.gettempdir()
        self.base = tempfile.mkdtemp(prefix="pg", dir=parent)
        self.data = os.path.join(self.base, "data")
        self.socket_dir = self.base
        self.dbname = dbname
        self.keep = keep
        self.bindir = find_bindir()
        self.running = False
        if os.geteuid() == 0 and missing_reason() is None:
            import pwd
            self._as = ["runuser", "-u", "postgres", "--"]
            pw = pwd.getpwnam("postgres")
            os.chown(self.base, pw.pw_uid, pw.pw_gid)
            os.chmod(self.base, 0o755)
            # a checkout under /root (mode 700) is not reachable by the postgres user: use the temp folder then
            if subprocess.run(self._as + ["test", "-w", self.base], capture_output=True).returncode != 0:
                shutil.rmtree(self.base, ignore_errors=True)
                self.base = tempfile.mkdtemp(prefix="sonae-pg", dir=tempfile.gettempdir())
                self.data, self.socket_dir = os.path.join(self.base, "data"), self.base
                os.chown(self.base, pw.pw_uid, pw.pw_gid)
                os.chmod(self.base, 0o755)
            self.superuser = "postgres"
        else:
            import getpass
            self._as = []
            self.superuser = getpass.getuser() if os.geteuid() != 0 else "postgres"
        self.log = os.path.join(self.base, "server.log")
        open(os.path.join(self.base, ".sonae-cluster"), "w").close()

    # --- running commands -----------------------------------------------------------------------------------
    def _run(self, *args, check=True):
        proc = subprocess.run(self._as + list(args), capture_output=True, text=True, timeout=120, cwd=self.base)
        if check and proc.returncode != 0:
            raise RuntimeError(f"{' '.join(args[:2])} failed ({proc.returncode}): {proc.stderr.strip()[-800:]}")
        return proc

    def _bin(self, name: str) -> str:
        return os.path.join(self.bindir, name)

    def start(self) -> "Cluster":
        reason = missing_reason()
        if reason:
            raise SonaeInputError(reason, reason)
        try:
            self._run(self._bin("initdb"), "-D", self.data, "-A", "trust", "-U", self.superuser, "-E", "UTF8",
                      "--locale=C.UTF-8")
            self._run(self._bin("pg_ctl"), "-D", self.data, "-l", self.log, "-w", "-t", "60", "-o",
                      f"-c listen_addresses='' -k {self.socket_dir} -c fsync=off -c full_page_writes=off", "start")
            self.running = True
            self._run(self._bin("createdb"), "-h", self.socket_dir, "-U", self.superuser, "-E", "UTF8",
                      "-T", "template0", self.dbname)
            self._run(self._bin("psql"), "-h", self.socket_dir, "-U", self.superuser, "-d", self.dbname, "-q",
                      "-v", "ON_ERROR_STOP=1", "-c", "CREATE EXTENSION IF NOT EXISTS postgis")
        except Exception:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        if self.running:
            self._run(self._bin("pg_ctl"), "-D", self.data, "-m", "fast", "-w", "stop", check=False)
            self.running = False
        if not self.keep:
            shutil.rmtree(self.base, ignore_errors=True)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()
        return False

    # --- connecting ----------------------------------------------------------------------------------------
    def conninfo(self, user: str | None = None, dbname: str | None = None) -> str:
        """A libpq keyword string QGIS also parses: dbname='sonae' host=/socket/dir user='postgres'."""
        return f"dbname='{dbname or self.dbname}' host={self.socket_dir} user='{user or self.superuser}'"

    def uri(self, user: str | None = None, dbname: str | None = None) -> str:
        """The same as a libpq URI: postgresql:///sonae?host=/socket/dir&user=postgres."""
        from urllib.parse import quote
        return (f"postgresql:///{quote(dbname or self.dbname)}?host={quote(self.socket_dir)}"
                f"&user={quote(user or self.superuser)}")
