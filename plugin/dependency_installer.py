"""Install the Python packages Sonae's algorithms miss, with QGIS's own Python, into a folder outside the plugin.

- Where: ``<QGIS profile>/python/sonae_deps`` (plugin/dependencies.deps_base). The plugin manager deletes the
  plugin folder on upgrade; this folder stays, and plugin/environment.py appends its site-packages to sys.path
  at every plugin load (after QGIS's own packages, which always win).
- How: ``<python> -m pip install --user`` with ``PYTHONUSERBASE`` pointing at that folder. With ``--user`` pip
  sees the packages QGIS already has (numpy, pandas, scipy, shapely ...) and installs only what is missing or
  older than Sonae needs; a constraints file generated from the running numpy, pandas, GDAL, pyproj, scipy and
  h5py versions makes pip refuse anything that would need other versions of those rather than break QGIS. pvlib goes in with ``--no-deps`` (+ tzdata, pytz): its h5py dependency as a wheel bundles an HDF5 that
  fails inside QGIS (PLATFORM.md); QGIS's own h5py is used.
- From: PyPI, or a local folder of wheel files (``--no-index --find-links``) for city-hall PCs without internet
  (LGWAN): download them elsewhere with ``pip download -r requirements.txt --only-binary :all: -d wheels``.
- Python: ``sys.executable`` is qgis-bin.exe inside QGIS on Windows; :func:`python_executable` finds the
  python.exe of QGIS's Python (OSGeo4W ``apps/Python3x``), or python3 beside the Linux/macOS interpreter.

The dialog (menu *Sonae (備え) > Install dependencies…* and the dock's button) runs pip in a QProcess; the same
command is available without a GUI (:func:`install`, and ``python -m sonae.plugin.dependency_installer``).
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
import sysconfig
import tempfile

from . import dependencies

PLUGIN_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REQUIREMENTS = os.path.join(PLUGIN_DIR, "requirements.txt")
# installed with --no-deps, plus these companions (reason in the module docstring)
NO_DEPS = {"pvlib": ("tzdata", "pytz")}
PINNED = ("numpy", "pandas", "GDAL", "pyproj", "scipy", "h5py")   # ABI: compiled packages build on these


def optional_requirements(path: str = REQUIREMENTS) -> dict[str, str]:
    """{import name: requirement} of the uncommented lines of requirements.txt."""
    found = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            name = re.split(r"[<>=!~\[; ]", line, maxsplit=1)[0]
            found[name.lower().replace("-", "_")] = line
    return found


def missing_optional() -> dict[str, str]:
    """The requirements of requirements.txt that are not importable at the needed version now."""
    dependencies.refresh()
    return {name: req for name, req in optional_requirements().items() if dependencies.problem(name)}


def python_executable() -> str:
    """QGIS's own Python interpreter (not qgis-bin.exe)."""
    exe = sys.executable or ""
    if os.path.basename(exe).lower().startswith("python"):
        return exe
    candidates = []
    if os.name == "nt":
        candidates += [os.path.join(sys.exec_prefix, "python.exe"), os.path.join(sys.base_prefix, "python.exe")]
        osgeo = os.environ.get("OSGEO4W_ROOT")
        if osgeo:
            ver = f"Python{sys.version_info.major}{sys.version_info.minor}"
            candidates += [os.path.join(osgeo, "apps", ver, "python.exe"), os.path.join(osgeo, "bin", "python.exe")]
    else:
        ver = f"python{sys.version_info.major}.{sys.version_info.minor}"
        for prefix in (sys.exec_prefix, sys.base_prefix, "/usr"):
            candidates += [os.path.join(prefix, "bin", ver), os.path.join(prefix, "bin", "python3")]
    for c in candidates:
        if c and os.path.isfile(c):
            return c
    raise RuntimeError("QGIS's Python interpreter was not found (looked for "
                       + ", ".join(candidates) + ") / QGISのPythonが見つかりません")


def constraints_lines() -> list[str]:
    """'name==version' for the libraries QGIS runs with now (read from package metadata, no import)."""
    import importlib.metadata
    lines = []
    for dist in PINNED:
        try:
            lines.append(f"{dist}=={importlib.metadata.version(dist)}")
        except importlib.metadata.PackageNotFoundError:
            if dist == "GDAL":
                try:
                    from osgeo import gdal
                    lines.append(f"GDAL=={gdal.__version__}")
                except ImportError:
                    pass
    return lines


def _externally_managed(python: str) -> bool:
    if python == sys.executable or os.path.realpath(python) == os.path.realpath(sys.executable or ""):
        stdlib = sysconfig.get_paths()["stdlib"]
        return os.path.exists(os.path.join(stdlib, "EXTERNALLY-MANAGED"))
    out = subprocess.run([python, "-c", "import os, sysconfig; print(os.path.exists(os.path.join("
                          "sysconfig.get_paths()['stdlib'], 'EXTERNALLY-MANAGED')))"],
                         capture_output=True, text=True, timeout=60)
    return out.stdout.strip() == "True"


def pip_commands(requirements: list[str], wheel_dir: str | None = None, base: str | None = None,
                 python: str | None = None, constraints_file: str | None = None) -> tuple[list[list[str]], dict]:
    """The pip command lines (one for ordinary packages, one for --no-deps packages) and their environment."""
    python = python or python_executable()
    base = base or dependencies.deps_base()
    if constraints_file is None:
        fd, constraints_file = tempfile.mkstemp(prefix="sonae_constraints_", suffix=".txt")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write("\n".join(constraints_lines()) + "\n")
    common = [python, "-m", "pip", "install", "--user", "--disable-pip-version-check", "--no-warn-script-location",
              "--prefer-binary", "-c", constraints_file]
    if wheel_dir:
        common += ["--no-index", "--find-links", wheel_dir]
    if _externally_managed(python):
        common.append("--break-system-packages")   # Debian/Ubuntu (PEP 668): the user folder is Sonae's own
    plain, nodeps = [], []
    for req in requirements:
        name = re.split(r"[<>=!~\[; ]", req, maxsplit=1)[0].lower()
        if name in NO_DEPS:
            nodeps += [req, *NO_DEPS[name]]
        else:
            plain.append(req)
    commands = []
    if plain:
        commands.append(common + plain)
    if nodeps:
        commands.append(common + ["--no-deps"] + nodeps)
    env = dict(os.environ)
    env["PYTHONUSERBASE"] = base
    env.pop("PYTHONNOUSERSITE", None)
    env.pop("PIP_TARGET", None)
    env.pop("PIP_PREFIX", None)
    return commands, env


def install(requirements: list[str] | None = None, wheel_dir: str | None = None, base: str | None = None,
            python: str | None = None, log=print, timeout: int = 1800) -> bool:
    """Run pip for ``requirements`` (default: every missing optional package). True when pip succeeded."""
    if requirements is None:
        requirements = list(missing_optional().values())
    if not requirements:
        log("Nothing to install: every package is present. / インストールが必要なパッケージはありません。")
        return True
    base = base or dependencies.deps_base()
    os.makedirs(base, exist_ok=True)
    commands, env = pip_commands(requirements, wheel_dir, base, python)
    for cmd in commands:
        log("$ " + " ".join(cmd))
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout)
        log(proc.stdout + proc.stderr)
        if proc.returncode != 0:
            return False
    dependencies.add_deps_to_path(base)
    return True


def shadowed(base: str | None = None) -> list[str]:
    """Packages in the Sonae folder hidden by an older copy that comes first on sys.path (Linux distributions:
    QGIS's Python has shapely 1.8, and qgis.core imports it before any plugin loads)."""
    import importlib.metadata
    site_dir = dependencies.deps_site_packages(base)
    if not os.path.isdir(site_dir):
        return []
    hidden = []
    for dist in importlib.metadata.distributions(path=[site_dir]):
        name = (dist.metadata.get("Name") or "").lower().replace("-", "_")
        if name not in dependencies.PACKAGES:
            continue
        module = sys.modules.get(name)
        where = getattr(module, "__file__", None) if module else None
        if where is None:
            try:
                spec = importlib.util.find_spec(name)
            except (ImportError, ValueError):
                spec = None
            where = getattr(spec, "origin", None)
        if where and not os.path.realpath(where).startswith(os.path.realpath(site_dir)):
            hidden.append(f"{dist.metadata['Name']} {dist.version}")
    return hidden


def register_startup_path(base: str | None = None) -> str:
    """Make QGIS desktop put the Sonae folder first on PYTHONPATH at start-up (Settings > System > Environment),
    needed only when :func:`shadowed` is not empty. Returns the folder."""
    from qgis.core import QgsSettings
    site_dir = dependencies.deps_site_packages(base)
    settings = QgsSettings()
    current = settings.value("qgis/customEnvVars", []) or []
    if isinstance(current, str):
        current = [current]
    entry = f"prepend|PYTHONPATH={site_dir}{os.pathsep}"
    if entry not in current:
        settings.setValue("qgis/customEnvVars", [e for e in current if "sonae_deps" not in e] + [entry])
    settings.setValue("qgis/customEnvVarsUse", True)
    return site_dir


def shadow_note(hidden: list[str], site_dir: str) -> str:
    return ("QGISのPythonにある古い版が先に読み込まれるパッケージがあります（" + ", ".join(hidden) + "）。QGISの"
            "環境設定（設定 > オプション > システム > 環境）で PYTHONPATH の先頭にこのフォルダを追加しました。QGISを"
            f"再起動してください。qgis_process では PYTHONPATH={site_dir} を設定して実行します。\n"
            "Older copies in QGIS's Python come first for: " + ", ".join(hidden) + ". This folder was put first on "
            "PYTHONPATH in QGIS's environment settings (Settings > Options > System > Environment): restart QGIS. "
            f"For qgis_process, set PYTHONPATH={site_dir}.")


# --- the dialog -----------------------------------------------------------------------------------------------

def open_dialog(parent=None):
    dialog = InstallerDialog(parent)
    dialog.show()
    return dialog


def add_menu_action(plugin):
    """Menu entry 'Install dependencies…' (called by plugin/gui.py)."""
    from qgis.PyQt.QtWidgets import QAction
    from ..processing_algorithms.base import tr
    action = QAction(tr("Install dependencies… / 依存パッケージのインストール…"), plugin.iface.mainWindow())
    action.setObjectName("sonae_install_dependencies")
    action.triggered.connect(lambda _checked=False: setattr(plugin, "installer_dialog",
                                                           open_dialog(plugin.iface.mainWindow())))
    if plugin.menu is not None:
        plugin.menu.addSeparator()
        plugin.menu.addAction(action)
    plugin.actions.append(action)
    return action


def dock_button(parent):
    """The dock's 'Dependencies…' button (one line in plugin/dock.py)."""
    from qgis.PyQt.QtWidgets import QPushButton
    from ..processing_algorithms.base import tr
    button = QPushButton(tr("Dependencies… / 依存パッケージ…"), parent)
    button.setObjectName("sonaeDependencies")
    button.clicked.connect(lambda _checked=False: setattr(button, "dialog", open_dialog(parent.window())))
    return button


def _dialog_class():
    from qgis.gui import QgsFileWidget
    from qgis.PyQt.QtCore import QProcess, QProcessEnvironment, Qt
    from qgis.PyQt.QtWidgets import (QCheckBox, QDialog, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton,
                                     QRadioButton, QVBoxLayout)
    from ..processing_algorithms.base import tr

    class _InstallerDialog(QDialog):
        def __init__(self, parent=None):
            super().__init__(parent)
            self.setObjectName("sonaeInstaller")
            self.setWindowTitle(tr("Install dependencies / 依存パッケージのインストール"))
            self.resize(640, 480)
            lay = QVBoxLayout(self)
            self.base = dependencies.deps_base()
            intro = QLabel(tr("Packages some Sonae algorithms need and QGIS does not ship. They are installed with "
                              "QGIS's Python into the folder below (kept when Sonae is upgraded). / QGISに含まれない"
                              "パッケージを、QGISのPythonで下のフォルダにインストールします（プラグイン更新後も保持）。"),
                           self)
            intro.setWordWrap(True)
            lay.addWidget(intro)
            folder = QLabel(self.base, self)
            folder.setObjectName("sonaeInstallerFolder")
            folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            lay.addWidget(folder)
            self.checks = {}
            missing = missing_optional()
            for name, req in optional_requirements().items():
                box = QCheckBox(req if name in missing else req + tr(" (installed) / （インストール済み）"), self)
                box.setObjectName(f"sonaeInstall_{name}")
                box.setChecked(name in missing)
                box.setEnabled(name in missing)
                self.checks[name] = (box, req)
                lay.addWidget(box)
            self.from_pypi = QRadioButton(tr("From the internet (PyPI) / インターネット（PyPI）から"), self)
            self.from_folder = QRadioButton(tr("From a folder of wheel files (no internet, LGWAN) / "
                                               "wheelファイルのフォルダから（LGWAN等）"), self)
            self.from_pypi.setChecked(True)
            self.wheels = QgsFileWidget(self)
            self.wheels.setStorageMode(QgsFileWidget.StorageMode.GetDirectory)
            self.wheels.setObjectName("sonaeWheelFolder")
            lay.addWidget(self.from_pypi)
            lay.addWidget(self.from_folder)
            lay.addWidget(self.wheels)
            self.log = QPlainTextEdit(self)
            self.log.setReadOnly(True)
            self.log.setObjectName("sonaeInstallerLog")
            lay.addWidget(self.log, 1)
            row = QHBoxLayout()
            self.install_button = QPushButton(tr("Install / インストール"), self)
            self.install_button.setObjectName("sonaeInstallButton")
            self.close_button = QPushButton(tr("Close / 閉じる"), self)
            self.install_button.clicked.connect(self.start)
            self.close_button.clicked.connect(self.close)
            row.addStretch(1)
            row.addWidget(self.install_button)
            row.addWidget(self.close_button)
            lay.addLayout(row)
            self.queue, self.process, self.ok = [], None, None
            self.install_button.setEnabled(bool(missing))
            if not missing:
                self.log.appendPlainText(tr("Every package is installed. / 必要なパッケージはすべてあります。"))

        def selected(self) -> list[str]:
            return [req for box, req in self.checks.values() if box.isEnabled() and box.isChecked()]

        def start(self):
            reqs = self.selected()
            wheel_dir = self.wheels.filePath() if self.from_folder.isChecked() else None
            if self.from_folder.isChecked() and not (wheel_dir and os.path.isdir(wheel_dir)):
                self.log.appendPlainText(tr("Choose the folder holding the wheel files. / wheelファイルのフォルダを"
                                            "選んでください。"))
                return
            if not reqs:
                return
            os.makedirs(self.base, exist_ok=True)
            try:
                commands, env = pip_commands(reqs, wheel_dir, self.base)
            except RuntimeError as exc:
                self.log.appendPlainText(str(exc))
                return
            self.queue, self.env, self.ok = list(commands), env, True
            self.install_button.setEnabled(False)
            self._next()

        def _next(self):
            if not self.queue or not self.ok:
                self._done()
                return
            cmd = self.queue.pop(0)
            self.log.appendPlainText("$ " + " ".join(cmd))
            self.process = QProcess(self)
            penv = QProcessEnvironment()
            for k, v in self.env.items():
                penv.insert(k, v)
            self.process.setProcessEnvironment(penv)
            self.process.setProcessChannelMode(QProcess.ProcessChannelMode.MergedChannels)
            self.process.readyReadStandardOutput.connect(
                lambda: self.log.appendPlainText(bytes(self.process.readAllStandardOutput()).decode(
                    "utf-8", "replace").rstrip()))
            self.process.finished.connect(self._finished)
            self.process.start(cmd[0], cmd[1:])

        def _finished(self, code, _status=None):
            self.ok = self.ok and code == 0
            self._next()

        def _done(self):
            dependencies.add_deps_to_path(self.base)
            hidden = shadowed(self.base)
            if self.ok and hidden:
                self.log.appendPlainText(shadow_note(hidden, register_startup_path(self.base)))
            if self.ok:
                self.log.appendPlainText(tr("Installed. Restart QGIS to be sure every algorithm sees the new "
                                            "packages. / インストールしました。QGISを再起動してください。"))
            else:
                self.log.appendPlainText(tr("pip failed: see the log above. / pipが失敗しました。上のログを"
                                            "確認してください。"))
            self.install_button.setEnabled(True)

    return _InstallerDialog


class _Lazy:
    """InstallerDialog is built on first use, so importing this module (menu set-up) loads no GUI classes."""
    _cls = None

    def __call__(self, parent=None):
        if _Lazy._cls is None:
            _Lazy._cls = _dialog_class()
        return _Lazy._cls(parent)


InstallerDialog = _Lazy()


def main(argv=None) -> int:
    import argparse
    ap = argparse.ArgumentParser(description="Install Sonae's missing optional packages (no GUI).")
    ap.add_argument("--wheels", help="folder of wheel files (no internet)")
    ap.add_argument("--base", help="dependency folder (default: <QGIS profile>/python/sonae_deps)")
    ap.add_argument("requirements", nargs="*", help="default: every missing package of requirements.txt")
    args = ap.parse_args(argv)
    ok = install(args.requirements or None, args.wheels, args.base)
    hidden = shadowed(args.base)
    if ok and hidden:
        site_dir = dependencies.deps_site_packages(args.base)
        print("Older copies in this Python come first for: " + ", ".join(hidden) + f". Run QGIS / qgis_process "
              f"with PYTHONPATH={site_dir}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
