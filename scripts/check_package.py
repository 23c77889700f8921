"""Apply plugins.qgis.org's upload checks (qgis/QGIS-Django, qgis-app/plugins/validator.py and the model fields
behind it, re-implemented here) plus Sonae's own packaging rules to a plugin zip.

    python3 scripts/check_package.py build/sonae.zip      # prints the problems; exit 1 when there are any

Upstream checks reproduced: size <= 25 MB; the zip opens and passes testzip; no member with '..' or an absolute
path; no .pyc; no __MACOSX/.git/__pycache__ folder; one top-level folder named like a PEP 8 package
(``^[a-z_][a-z0-9_]*$`` for new plugins); __init__.py and metadata.txt in it; metadata.txt parses with a
[general] section holding name, description, version, qgisMinimumVersion, author, email, about, tracker,
repository; the icon exists; tracker/repository/homepage are URLs with scheme and host and not the template
placeholders; LICENSE present; author without '/'; email a valid address (Django EmailField); boolean flags.
Not reproduced: the HTTP HEAD request to the URLs (needs the internet; CI is offline).
Sonae's rules: no tests/benchmarks/notes/scripts/demo in the zip, no symlinks, the Japanese .qm and the help pages
present, a changelog, the dependencies stated in ``about``, qgisMaximumVersion not below qgisMinimumVersion.
"""
from __future__ import annotations

import configparser
import io
import re
import stat
import sys
import zipfile

MAX_SIZE = 25_000_000
REQUIRED = ("name", "description", "version", "qgisMinimumVersion", "author", "email", "about", "tracker",
            "repository")
BOOLEAN = ("experimental", "deprecated", "server", "hasProcessingProvider", "supportsQt6")
PLACEHOLDER_URLS = {"tracker": "http://bugs", "repository": "http://repo", "homepage": "http://homepage"}
# Django's EmailValidator, simplified to the same acceptance for ordinary addresses
EMAIL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+"
                   r"[A-Za-z]{2,63}$")
PLACEHOLDER_EMAIL = re.compile(r"@(example\.(org|com|net)|email\.com|domain\.com|test\.com)$|^(you|name|user)@",
                               re.I)
DEV_ONLY = ("tests/", "benchmarks/", "notes/", "scripts/", "demo/", "requirements/", ".ci/", "docs-dev/")
DEPENDENCIES = ("numpy", "pandas", "shapely", "geopandas", "rasterio", "exactextract", "jismesh", "pvlib")


def _url_ok(url: str) -> bool:
    from urllib.parse import urlparse
    try:
        p = urlparse(url)
    except ValueError:
        return False
    return bool(p.scheme in ("http", "https") and p.netloc)


def _version(text: str) -> tuple:
    return tuple(int(x) for x in re.findall(r"\d+", text)[:3])


def check(path: str, size: int | None = None) -> list[str]:
    """Every problem found in the zip at ``path`` (empty list: it would be accepted)."""
    problems: list[str] = []
    import os
    size = os.path.getsize(path) if size is None else size
    if size > MAX_SIZE:
        problems.append(f"File is too big: {size} bytes > {MAX_SIZE}")
    try:
        z = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        return problems + ["Could not unzip file."]
    names = z.namelist()
    for n in names:
        if ".." in n or n.startswith("/") or n.startswith("\\"):
            problems.append(f"zip member with path information: {n}")
        if ".pyc" in n:
            problems.append(f"zip contains a .pyc file: {n}")
        for forbidden in ("__MACOSX", ".git", "__pycache__"):
            if forbidden in n.split("/"):
                problems.append(f"zip contains a '{forbidden}' folder: {n}")
    for info in z.infolist():
        if stat.S_ISLNK(info.external_attr >> 16):
            problems.append(f"zip member is a symlink (not followed on Windows): {info.filename}")
    bad = z.testzip()
    if bad:
        problems.append(f"Bad zip (CRC error) on file {bad}")
    if not names:
        return problems + ["empty zip"]
    tops = {n.split("/")[0] for n in names}
    if len(tops) != 1:
        problems.append(f"more than one top-level entry: {sorted(tops)}")
    if "/" not in names[0]:
        return problems + ["Cannot find a folder inside the compressed package"]
    package = names[0][: names[0].index("/")]
    if not re.match(r"^[a-z_][a-z0-9_]*$", package):
        problems.append(f"top-level folder '{package}' is not a PEP 8 package name")
    init, meta = f"{package}/__init__.py", f"{package}/metadata.txt"
    if init not in names:
        problems.append("Cannot find __init__.py in plugin package.")
    if meta not in names:
        return problems + ["Cannot find metadata.txt in plugin package."]
    parser = configparser.ConfigParser()
    parser.optionxform = str
    try:
        parser.read_file(io.StringIO(z.read(meta).decode("utf-8")))
    except Exception as exc:  # noqa: BLE001 — reported, as upstream does
        return problems + [f"Errors parsing metadata.txt: {exc}"]
    if not parser.has_section("general"):
        return problems + ["Cannot find a section named 'general' in metadata.txt"]
    md = dict(parser.items("general"))
    missing = [k for k in REQUIRED if not md.get(k, "").strip()]
    if missing:
        problems.append(f"Cannot find metadata {', '.join(missing)}")
    icon = md.get("icon", "")
    if icon and f"{package}/{icon[2:] if icon.startswith('./') else icon}" not in names:
        problems.append(f"icon {icon} not in the zip")
    for key, placeholder in PLACEHOLDER_URLS.items():
        url = md.get(key)
        if url is None and key == "homepage":
            continue
        if not url or url.strip() == placeholder or not _url_ok(url.strip()):
            problems.append(f"Please provide a valid url for '{key}' ({url!r})")
    if f"{package}/LICENSE" not in names:
        problems.append("Cannot find LICENSE in the plugin package.")
    if "/" in md.get("author", ""):
        problems.append("Author name cannot contain slashes.")
    email = md.get("email", "").strip()
    if not EMAIL.match(email):
        problems.append(f"email {email!r} is not a valid address")
    elif PLACEHOLDER_EMAIL.search(email):
        problems.append(f"email {email!r} is a placeholder")
    for flag in BOOLEAN:
        if flag in md and md[flag].strip().lower() not in ("true", "false", "1", "0", "yes", "no"):
            problems.append(f"{flag}={md[flag]!r} is not a boolean")
    if not re.match(r"^\d+(\.\d+){0,3}([-.]?\w+)?$", md.get("version", "").strip()):
        problems.append(f"version {md.get('version')!r} is not a version number")
    if md.get("qgisMaximumVersion") and _version(md["qgisMaximumVersion"]) < _version(md.get("qgisMinimumVersion",
                                                                                              "0")):
        problems.append("qgisMaximumVersion is below qgisMinimumVersion")
    # --- Sonae's own rules -----------------------------------------------------------------------------------
    for n in names:
        rel = n[len(package) + 1:]
        if rel.startswith(DEV_ONLY):
            problems.append(f"developer-only file in the zip: {n}")
    if not any(n.endswith(".qm") for n in names):
        problems.append("no compiled translation (i18n/*.qm) in the zip")
    if not any(n.startswith(f"{package}/help/ja/") for n in names):
        problems.append("no Japanese help pages (help/ja/) in the zip")
    if not md.get("changelog", "").strip():
        problems.append("no changelog in metadata.txt")
    about = md.get("about", "")
    absent = [d for d in DEPENDENCIES if d not in about]
    if absent:
        problems.append(f"'about' does not state the dependencies {absent}")
    return problems


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    problems = check(argv[0] if argv else "build/sonae.zip")
    for p in problems:
        print("FAIL:", p)
    if not problems:
        print("OK: the zip passes the plugins.qgis.org upload checks (URL reachability not tested)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
