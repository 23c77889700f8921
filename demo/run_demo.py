"""`make demo`: the full Sonae workflow on bundled Takamatsu open data (CC BY 4.0) -> demo_output/.

Runs every module in demo/steps/ in file-name order inside one real QgsApplication with Processing, through
the same ``processing.run("sonae:...")`` calls a user makes. Each step adds layers to
demo_output/sonae_demo.gpkg and lines to the printed summary.
"""
from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import shutil
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


class Demo:
    """What the steps share: paths, the GeoPackage, the QGIS context and the summary."""

    def __init__(self, out_dir: str):
        self.out_dir = os.path.abspath(out_dir)
        self.data = os.path.join(HERE, "data", "takamatsu")
        self.gpkg = os.path.join(self.out_dir, "sonae_demo.gpkg")
        self.summary: list[str] = []
        self.results: dict = {}

    def path(self, name: str) -> str:
        return os.path.join(self.data, name)

    def layer_uri(self, table: str) -> str:
        return f"{self.gpkg}|layername={table}"

    def output(self, table: str) -> str:
        """A Processing destination that writes (or replaces) one table of the demo GeoPackage."""
        return f"ogr:dbname='{self.gpkg}' table=\"{table}\" (geom)"

    def run(self, alg_id: str, params: dict) -> dict:
        import processing
        from qgis.core import QgsProcessingContext, QgsProcessingFeedback

        class Feedback(QgsProcessingFeedback):
            def reportError(self, error, fatalError=False):  # noqa: N802,N803
                print(f"    ! {error}")

        return processing.run(alg_id, params, feedback=Feedback(), context=QgsProcessingContext())

    def style(self, table: str, style_name: str) -> None:
        from qgis.core import QgsVectorLayer
        from sonae.processing_algorithms.styles import save_style_in_geopackage
        layer = QgsVectorLayer(self.layer_uri(table), table, "ogr")
        save_style_in_geopackage(layer, style_name)
        del layer

    def say(self, line: str) -> None:
        print("  " + line)
        self.summary.append(line)


def start_qgis():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("PROJ_DATA", "/usr/share/proj")
    plugins = os.path.join(ROOT, "build", "plugins")
    if plugins not in sys.path:
        sys.path.insert(0, plugins)
    sys.path.append("/usr/share/qgis/python/plugins")
    from qgis.core import QgsApplication
    app = QgsApplication([], True)
    app.initQgis()
    from processing.core.Processing import Processing
    Processing.initialize()
    from sonae.processing_algorithms.provider import SonaeProvider
    provider = SonaeProvider()
    if not QgsApplication.processingRegistry().addProvider(provider):
        raise SystemExit("Sonae provider could not be registered")
    app._sonae_provider = provider
    return app


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default="demo_output")
    parser.add_argument("--only", nargs="*", help="run only the steps whose module names start with these")
    args = parser.parse_args(argv)
    app = start_qgis()  # noqa: F841 (keep alive)
    demo = Demo(args.out)
    if os.path.exists(demo.out_dir) and not args.only:
        shutil.rmtree(demo.out_dir)
    os.makedirs(demo.out_dir, exist_ok=True)
    steps = sorted(m.name for m in pkgutil.iter_modules([os.path.join(HERE, "steps")]))
    t_all = time.perf_counter()
    for name in steps:
        if args.only and not any(name.startswith(o) for o in args.only):
            continue
        module = importlib.import_module(f"sonae.demo.steps.{name}")
        print(f"== {module.TITLE}")
        t = time.perf_counter()
        module.run(demo)
        print(f"   ({time.perf_counter() - t:.1f} s)")
    print(f"\nSonae demo finished in {time.perf_counter() - t_all:.1f} s -> {demo.gpkg}")
    with open(os.path.join(demo.out_dir, "summary.txt"), "w", encoding="utf-8") as fh:
        fh.write("\n".join(demo.summary) + "\n")
    sys.stdout.flush()
    os._exit(0)  # skip exitQgis(): it can segfault at exit while GDAL datasets are alive (PLATFORM.md)


if __name__ == "__main__":
    sys.exit(main())
