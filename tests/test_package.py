"""`make package` builds a zip that passes plugins.qgis.org's upload checks (scripts/check_package.py), and the
checks themselves catch what plugins.qgis.org refuses (each rule tested on a zip broken in that one way)."""
from __future__ import annotations

import configparser
import importlib.util
import os
import subprocess
import zipfile

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))


def _checker():
    spec = importlib.util.spec_from_file_location("check_package", os.path.join(ROOT, "scripts", "check_package.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def built_zip():
    proc = subprocess.run(["make", "--no-print-directory", "package"], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    path = os.path.join(ROOT, "build", "sonae.zip")
    assert os.path.exists(path)
    return path


def test_built_zip_passes_the_upload_checks(built_zip):
    assert _checker().check(built_zip) == []


def test_built_zip_holds_the_plugin_and_nothing_for_developers(built_zip):
    names = zipfile.ZipFile(built_zip).namelist()
    for needed in ("sonae/__init__.py", "sonae/metadata.txt", "sonae/LICENSE", "sonae/CHANGELOG.md",
                   "sonae/requirements.txt", "sonae/i18n/sonae_ja.qm", "sonae/plugin/dependency_installer.py",
                   "sonae/help/ja/hazardexposure.html", "sonae/help/en/hazardexposure.html",
                   "sonae/layers/styles/facilities.qml", "sonae/models/sonae_full_workflow.model3"):
        assert needed in names, needed
    tracked = subprocess.run(["git", "ls-files", "processing_algorithms", "engine", "plugin"], cwd=ROOT,
                             capture_output=True, text=True).stdout.split()
    assert {f"sonae/{t}" for t in tracked} <= set(names)
    for dev in ("tests/", "benchmarks/", "notes/", "scripts/", "demo/", "Makefile", ".ci/"):
        assert not [n for n in names if n.startswith("sonae/" + dev)], dev
    assert os.path.getsize(built_zip) < 5_000_000


def test_metadata_has_real_fields(built_zip):
    parser = configparser.ConfigParser()
    parser.optionxform = str
    parser.read_string(zipfile.ZipFile(built_zip).read("sonae/metadata.txt").decode("utf-8"))
    md = dict(parser.items("general"))
    assert "example" not in md["email"] and md["email"].count("@") == 1
    assert md["tracker"].startswith(md["repository"]) and md["homepage"] == md["repository"]
    assert md["version"] in open(os.path.join(ROOT, "CHANGELOG.md"), encoding="utf-8").read()
    assert "GNU GENERAL PUBLIC LICENSE" in zipfile.ZipFile(built_zip).read("sonae/LICENSE").decode()
    assert "or (at your" in zipfile.ZipFile(built_zip).read("sonae/LICENSE").decode()   # -or-later
    assert md["hasProcessingProvider"] == "yes" and len(md["tags"].split(",")) >= 8


def _good(tmp_path, **overrides):
    """A minimal plugin zip that passes, with ``overrides`` applied (files: name -> bytes or None to drop)."""
    meta = {"name": "Demo", "description": "d", "version": "1.0", "qgisMinimumVersion": "3.40",
            "author": "A team", "email": "team@sonae-qgis.jp", "about": "needs " + " ".join(
                _checker().DEPENDENCIES), "tracker": "https://github.com/x/y/issues",
            "repository": "https://github.com/x/y", "changelog": "1.0 first", "icon": "icon.svg"}
    meta.update(overrides.pop("meta", {}))
    files = {"demo/__init__.py": b"def classFactory(iface):\n    pass\n", "demo/LICENSE": b"GPL",
             "demo/icon.svg": b"<svg/>", "demo/i18n/x_ja.qm": b"qm", "demo/help/ja/a.html": b"<p/>",
             "demo/metadata.txt": ("[general]\n" + "".join(f"{k}={v}\n" for k, v in meta.items()
                                                            if v is not None)).encode()}
    files.update(overrides.pop("files", {}))
    path = tmp_path / "p.zip"
    with zipfile.ZipFile(path, "w") as z:
        for name, data in files.items():
            if data is not None:
                z.writestr(name, data)
    return str(path)


@pytest.mark.parametrize("broken,words", [
    ({"files": {"demo/LICENSE": None}}, "LICENSE"),
    ({"files": {"demo/x.pyc": b"\0"}}, ".pyc"),
    ({"files": {"demo/__MACOSX/._x": b""}}, "__MACOSX"),
    ({"files": {"demo/sub/__pycache__/x.py": b""}}, "__pycache__"),
    ({"files": {"other/x.py": b""}}, "more than one top-level"),
    ({"files": {"demo/__init__.py": None}}, "__init__.py"),
    ({"meta": {"email": "sonae@example.org"}}, "placeholder"),
    ({"meta": {"email": "not an address"}}, "not a valid address"),
    ({"meta": {"about": None}}, "about"),
    ({"meta": {"repository": "http://repo"}}, "repository"),
    ({"meta": {"tracker": "github.com/x/y/issues"}}, "tracker"),
    ({"meta": {"author": "A/B"}}, "slashes"),
    ({"meta": {"about": "no dependency list"}}, "dependencies"),
    ({"meta": {"icon": "missing.svg"}}, "icon"),
    ({"meta": {"changelog": None}}, "changelog"),
    ({"meta": {"qgisMaximumVersion": "3.10"}}, "qgisMaximumVersion"),
    ({"files": {"demo/tests/test_x.py": b""}}, "developer-only"),
])
def test_each_rule_refuses_its_broken_zip(tmp_path, broken, words):
    checker = _checker()
    assert checker.check(_good(tmp_path)) == []
    problems = checker.check(_good(tmp_path, **broken))
    assert any(words in p for p in problems), problems


def test_size_and_top_folder_name_rules(tmp_path):
    checker = _checker()
    good = _good(tmp_path)
    assert any("too big" in p for p in checker.check(good, size=25_000_001))
    path = tmp_path / "bad.zip"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(path, "w") as dst:
        for info in src.infolist():
            dst.writestr(info.filename.replace("demo/", "Demo-Plugin/", 1), src.read(info))
    assert any("PEP 8" in p for p in checker.check(str(path)))
