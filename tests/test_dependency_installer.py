"""The dependency installer: pip commands (QGIS's Python, --user into the Sonae folder, constraints from the running
libraries, --no-index for a wheel folder), and the dialog installing a real wheel through QProcess."""
from __future__ import annotations

import glob
import importlib.metadata
import os
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
WHEELHOUSE = os.path.join(ROOT, "build", "wheelhouse")


def test_requirements_list_every_optional_package_with_the_minimum_the_code_checks():
    from sonae.plugin import dependencies, dependency_installer as di
    reqs = di.optional_requirements()
    for name in ("rasterio", "exactextract", "jismesh", "pvlib", "shapely", "geopandas", "pandas", "numpy"):
        assert name in reqs, name
        minimum = dependencies.PACKAGES[name][1]
        assert f">={minimum}" in reqs[name], (name, reqs[name], minimum)
    # every package an algorithm may require is either in requirements.txt or ships with QGIS's Python (h5py,
    # pyproj come with pandas/geopandas builds and are never installed by Sonae)
    assert set(dependencies.PACKAGES) - set(reqs) <= {"pyproj", "h5py", "psycopg2"}


def test_pip_commands_install_user_scheme_into_the_sonae_folder_with_constraints(tmp_path):
    from sonae.plugin import dependency_installer as di
    cmds, env = di.pip_commands(["jismesh>=2.1", "pvlib>=0.11,<0.12"], wheel_dir=str(tmp_path / "wheels"),
                                base=str(tmp_path / "deps"), python=sys.executable)
    plain, nodeps = cmds
    assert plain[:4] == [sys.executable, "-m", "pip", "install"] and "--user" in plain
    assert plain[-1] == "jismesh>=2.1" and "--no-deps" not in plain
    assert nodeps[-3:] == ["pvlib>=0.11,<0.12", "tzdata", "pytz"] and "--no-deps" in nodeps
    i = plain.index("--find-links")
    assert plain[i + 1] == str(tmp_path / "wheels") and "--no-index" in plain
    assert env["PYTHONUSERBASE"] == str(tmp_path / "deps")
    constraints = open(plain[plain.index("-c") + 1], encoding="utf-8").read().split()
    import numpy
    import pandas
    assert f"numpy=={numpy.__version__}" in constraints
    assert f"pandas=={pandas.__version__}" in constraints
    try:
        from osgeo import gdal
        assert f"GDAL=={gdal.__version__}" in constraints
    except ImportError:             # make test-current: no GDAL bindings there
        pass
    assert not any(c.startswith(("shapely", "geopandas")) for c in constraints)


def test_python_executable_is_a_python_not_qgis(monkeypatch, tmp_path):
    from sonae.plugin import dependency_installer as di
    assert os.path.basename(di.python_executable()).startswith("python")
    fake = tmp_path / "bin"
    fake.mkdir()
    (fake / "python3").write_text("#!/bin/sh\n")
    monkeypatch.setattr(sys, "executable", "/usr/bin/qgis.bin")
    monkeypatch.setattr(sys, "exec_prefix", str(tmp_path))
    assert di.python_executable() == str(fake / "python3")


def test_deps_folder_goes_after_qgis_packages_and_is_idempotent(tmp_path, monkeypatch):
    from sonae.plugin import dependencies
    base = str(tmp_path / "deps")
    site = dependencies.deps_site_packages(base)
    assert dependencies.add_deps_to_path(base) is None        # not there yet: nothing added
    os.makedirs(site)
    monkeypatch.setattr(sys, "path", list(sys.path))
    assert dependencies.add_deps_to_path(base) == site
    assert dependencies.add_deps_to_path(base) == site
    assert sys.path.count(site) == 1 and sys.path.index(site) > sys.path.index(os.path.dirname(os.__file__))
    assert f"python{sys.version_info.major}.{sys.version_info.minor}" in site or "Python3" in site


def _probe_wheel(folder) -> str:
    """A real (tiny) wheel: the package ``sonae_probe_pkg`` 1.0, as pip builds them."""
    import base64
    import hashlib
    import zipfile
    files = {"sonae_probe_pkg/__init__.py": b"VALUE = 42\n",
             "sonae_probe_pkg-1.0.dist-info/METADATA": b"Metadata-Version: 2.1\nName: sonae-probe-pkg\nVersion: 1.0\n",
             "sonae_probe_pkg-1.0.dist-info/WHEEL": b"Wheel-Version: 1.0\nGenerator: sonae-test\nRoot-Is-Purelib: true\n"
                                                   b"Tag: py3-none-any\n"}
    record = ""
    for name, data in files.items():
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        record += f"{name},sha256={digest},{len(data)}\n"
    record += "sonae_probe_pkg-1.0.dist-info/RECORD,,\n"
    path = os.path.join(folder, "sonae_probe_pkg-1.0-py3-none-any.whl")
    with zipfile.ZipFile(path, "w") as z:
        for name, data in files.items():
            z.writestr(name, data)
        z.writestr("sonae_probe_pkg-1.0.dist-info/RECORD", record)
    return path


def test_dialog_installs_the_checked_package_from_a_wheel_folder(qgis_app, qtbot, tmp_path, monkeypatch):
    """The dialog path a user takes on an LGWAN PC: wheel folder, Install, pip in a QProcess, package importable."""
    from sonae.plugin import dependencies, dependency_installer as di
    base = tmp_path / "sonae_deps"
    wheels = tmp_path / "wheels"
    wheels.mkdir()
    _probe_wheel(str(wheels))
    monkeypatch.setenv("SONAE_DEPS_DIR", str(base))
    monkeypatch.setattr(di, "optional_requirements", lambda path=None: {"sonae_probe_pkg": "sonae-probe-pkg>=1.0",
                                                                       "numpy": "numpy>=1.24"})
    monkeypatch.setattr(di, "python_executable", lambda: "/usr/bin/python3")   # QGIS's Python, not the venv
    monkeypatch.setattr(sys, "path", list(sys.path))
    dependencies.refresh()
    dialog = di.InstallerDialog()
    qtbot.addWidget(dialog)
    box_probe, _ = dialog.checks["sonae_probe_pkg"]
    box_numpy, _ = dialog.checks["numpy"]
    assert box_probe.isChecked() and box_probe.isEnabled()
    assert not box_numpy.isEnabled()                      # present: offered as installed, not reinstalled
    dialog.from_folder.setChecked(True)
    dialog.wheels.setFilePath(str(wheels))
    dialog.install_button.click()
    qtbot.waitUntil(lambda: "インストールしました" in dialog.log.toPlainText()
                    or "pipが失敗" in dialog.log.toPlainText(), timeout=120000)
    log = dialog.log.toPlainText()
    assert dialog.ok, log
    assert "--no-index" in log and "--user" in log
    site = dependencies.deps_site_packages(str(base))
    assert open(os.path.join(site, "sonae_probe_pkg", "__init__.py")).read() == "VALUE = 42\n", log
    assert site in sys.path
    dependencies.refresh()
    assert dependencies.problem("sonae_probe_pkg") is None
    import sonae_probe_pkg
    assert sonae_probe_pkg.VALUE == 42
    sys.modules.pop("sonae_probe_pkg", None)


def test_a_package_hidden_by_an_older_copy_is_reported_and_put_first_for_the_desktop(qgis_app, tmp_path,
                                                                                      monkeypatch):
    """Debian's QGIS Python has shapely 1.8 and qgis.core imports it first: a shapely 2 in the Sonae folder is
    hidden, so the installer says so and prepends the folder to QGIS's start-up PYTHONPATH."""
    from qgis.core import QgsSettings
    from sonae.plugin import dependencies, dependency_installer as di
    base = str(tmp_path / "deps")
    site_dir = dependencies.deps_site_packages(base)
    os.makedirs(os.path.join(site_dir, "shapely-99.0.dist-info"))
    with open(os.path.join(site_dir, "shapely-99.0.dist-info", "METADATA"), "w") as f:
        f.write("Metadata-Version: 2.1\nName: shapely\nVersion: 99.0\n")
    os.makedirs(os.path.join(site_dir, "shapely"))
    hidden = di.shadowed(base)
    assert hidden == ["shapely 99.0"]          # the shapely imported here is not the one in the folder
    settings = QgsSettings()
    old = settings.value("qgis/customEnvVars", [])
    old_use = settings.value("qgis/customEnvVarsUse", None)
    try:
        assert di.register_startup_path(base) == site_dir
        entries = settings.value("qgis/customEnvVars", [])
        assert f"prepend|PYTHONPATH={site_dir}{os.pathsep}" in entries
        assert settings.value("qgis/customEnvVarsUse", False, type=bool)
        note = di.shadow_note(hidden, site_dir)
        assert "shapely 99.0" in note and "PYTHONPATH" in note and "再起動" in note
    finally:
        settings.setValue("qgis/customEnvVars", old)
        if old_use is None:
            settings.remove("qgis/customEnvVarsUse")
        else:
            settings.setValue("qgis/customEnvVarsUse", old_use)
