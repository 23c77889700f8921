"""scipy.optimize.milp (HiGHS) in a child Python process, so that a cancel stops it at once.

HiGHS holds the GIL and has no callback through scipy: run in the calling process, a cancel would wait for the
optimiser's time limit (up to minutes). The problem arrays go to a child Python running this file as a script;
the parent polls the child and the user's cancel every 0.1 s and kills the child on cancel. Only numpy/scipy are
needed in the child (no Sonae, no QGIS imports). When no child Python can be started the solve runs in this
process (not interruptible) and says so.

Script use: python milp_worker.py IN.npz OUT.npz
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

import numpy as np

_HERE = os.path.dirname(os.path.abspath(__file__))
POLL_S = 0.1


class MilpResult:
    def __init__(self, x, status, message, fun, mip_gap):
        self.x, self.status, self.message, self.fun, self.mip_gap = x, status, message, fun, mip_gap


def python_executable() -> str | None:
    """A Python interpreter for the child: the checkout's .venv, this interpreter, or the one QGIS embeds."""
    root = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
    candidates = [os.path.join(root, ".venv", "bin", "python")]
    if os.path.basename(sys.executable).lower().startswith("python"):
        candidates.append(sys.executable)
    for prefix in {sys.base_prefix, sys.exec_prefix, sys.prefix}:         # QGIS on Windows: apps/Python3x
        candidates += [os.path.join(prefix, "python.exe"), os.path.join(prefix, "python3.exe"),
                       os.path.join(prefix, "bin", "python3")]
    candidates.append(shutil.which("python3") or "")
    for c in candidates:
        if c and os.path.isfile(c):
            return c
    return None


def _solve(c, a, lo, hi, integrality, lb, ub, options):
    from scipy.optimize import Bounds, LinearConstraint, milp
    res = milp(c, constraints=[LinearConstraint(a, lo, hi)], integrality=integrality, bounds=Bounds(lb, ub),
               options=options)
    gap = getattr(res, "mip_gap", None)
    return MilpResult(res.x, int(res.status), str(res.message), None if res.fun is None else float(res.fun),
                      None if gap is None else float(gap))


def solve(c, a, lo, hi, integrality, lb, ub, options: dict, is_canceled=None, on_wait=None,
          warn=None) -> MilpResult:
    """milp(c, [LinearConstraint(a, lo, hi)], integrality, Bounds(lb, ub), options) in a child process.

    ``is_canceled()`` is polled every 0.1 s; when it turns true the child is killed and ``Cancelled`` raised.
    ``on_wait(seconds)`` is called at each poll (progress).
    """
    from scipy import sparse
    from .errors import Cancelled
    python = python_executable()
    if python is None or os.environ.get("SONAE_MILP_IN_PROCESS") == "1":
        if warn is not None and python is None:
            warn("No Python interpreter found for the optimiser's worker process: solving in QGIS's process, where "
                 "a cancel takes effect only at the optimiser's time limit. / 最適化の別プロセスを起動できないため"
                 "QGISのプロセス内で解きます（中止は計算時間の上限まで反映されません）。")
        return _solve(c, a, lo, hi, integrality, lb, ub, options)
    a = sparse.csr_matrix(a)
    with tempfile.TemporaryDirectory(prefix="sonae-milp-") as tmp:
        src, out = os.path.join(tmp, "in.npz"), os.path.join(tmp, "out.npz")
        np.savez(src, c=c, data=a.data, indices=a.indices, indptr=a.indptr, shape=np.array(a.shape), lo=lo, hi=hi,
                 integrality=integrality, lb=lb, ub=ub, options=np.array(json.dumps(options)))
        env = dict(os.environ)
        proc = subprocess.Popen([python, os.path.join(_HERE, "milp_worker.py"), src, out],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
        start = time.monotonic()
        try:
            while proc.poll() is None:
                if is_canceled is not None and is_canceled():
                    raise Cancelled("cancelled by the user / ユーザーが中止しました")
                if on_wait is not None:
                    on_wait(time.monotonic() - start)
                try:
                    proc.wait(timeout=POLL_S)
                except subprocess.TimeoutExpired:
                    pass
            err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            if proc.stderr:
                proc.stderr.close()
        if proc.returncode != 0 or not os.path.exists(out):
            raise RuntimeError(f"optimiser worker failed ({proc.returncode}): {err[-2000:]}")
        with np.load(out, allow_pickle=False) as r:
            x = r["x"] if r["has_x"] else None
            fun = float(r["fun"]) if r["has_fun"] else None
            gap = float(r["mip_gap"]) if r["has_gap"] else None
            return MilpResult(x, int(r["status"]), str(r["message"]), fun, gap)


def _main(argv) -> int:
    from scipy import sparse
    src, out = argv
    with np.load(src, allow_pickle=False) as d:
        a = sparse.csr_matrix((d["data"], d["indices"], d["indptr"]), shape=tuple(d["shape"]))
        res = _solve(d["c"], a, d["lo"], d["hi"], d["integrality"], d["lb"], d["ub"],
                     json.loads(str(d["options"])))
    np.savez(out, x=res.x if res.x is not None else np.zeros(0), has_x=res.x is not None, status=res.status,
             message=np.array(res.message), fun=res.fun if res.fun is not None else np.nan,
             has_fun=res.fun is not None, mip_gap=res.mip_gap if res.mip_gap is not None else np.nan,
             has_gap=res.mip_gap is not None)
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
