"""The bad-input suite's runner (issue 11): one table of named cases, one strict check per case.

A case builds its inputs in a fresh directory and names the expected outcome:

    BadCase(id="importshelters-dms-latitude", alg="sonae:importshelters",
            what="latitude written as 34度23分26.9秒",
            build=lambda tmp: {...processing parameters...},
            expect=succeeds(check=lambda results, tmp: ...)   # or refused("lat", "34度") / cancelled(after=3)

The runner (:func:`run_case`) builds the inputs, fingerprints every file under the case directory and every
existing file a parameter names outside it, runs the algorithm through ``processing.run`` (real Processing) and
asserts:

* no exception other than ``QgsProcessingException``, and no Python traceback text in its message or in the
  feedback log (a traceback is a failure);
* a refusal's message contains Japanese and English text and every word given to ``refused(...)``;
* every input file is unchanged afterwards (GeoPackages: every table that existed before, unless the case names
  it in ``may_change``; other files byte for byte);
* after a refusal or a cancel no new file and no new GeoPackage table exists;
* a cancel returns within ``within`` seconds (1 s by default) of the cancel request;
* on success the case's ``check(results, tmp)`` passes (it should assert values computed independently).

Each failure is classified (``traceback``, ``destroyed``, ``leftover``, ``silent-wrong``, ``unclear``,
``slow-cancel``) so the suite can be counted before and after a fix: set ``SONAE_BADINPUT_REPORT=path.jsonl``
and every case appends one JSON line with its id, algorithm and classes.

This module does not import QGIS at import time (docs/bad-input.md is generated without QGIS).
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import threading
import time
import traceback as _tb
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

# --- expectations ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Expectation:
    kind: str                                   # "refused" | "succeeds" | "cancelled"
    words: tuple = ()                           # refused: words the message must contain (case-insensitive)
    check: Callable | None = None               # succeeds: check(results, tmp) asserts the correct values
    doc: str = ""                               # one line for docs/bad-input.md (what the correct outcome is)
    after: int | None = None                    # cancelled: cancel at this progress report (None: at once)
    after_seconds: float | None = None          # cancelled: or cancel this long after the start
    within: float = 1.0                         # cancelled: the run must end this soon after the cancel

    def describe(self) -> str:
        if self.kind == "refused":
            text = "refused"
            if self.words:
                text += " (message names: " + ", ".join(f"`{w}`" for w in self.words) + ")"
        elif self.kind == "succeeds":
            text = "correct result"
        else:
            if self.after_seconds is not None:
                when = f"{self.after_seconds:g} s after the start"
            elif self.after:
                when = f"at progress report {self.after}"
            else:
                when = "as soon as it starts"
            text = f"cancelled {when}: stops within {self.within:g} s, no output left"
        return f"{text}: {self.doc}" if self.doc else text


def refused(*words: str, doc: str = "") -> Expectation:
    """The algorithm must refuse with a bilingual QgsProcessingException containing every word in ``words``."""
    return Expectation("refused", words=tuple(words), doc=doc)


def succeeds(check: Callable | None = None, doc: str = "") -> Expectation:
    """The algorithm must succeed and ``check(results, tmp)`` must pass (assert the correct values in it)."""
    if not doc and check is not None and check.__doc__:
        doc = " ".join(check.__doc__.split())
    return Expectation("succeeds", check=check, doc=doc)


def cancelled(after: int | None = None, after_seconds: float | None = None, within: float = 1.0,
              doc: str = "") -> Expectation:
    """Cancel at the ``after``-th progress report (1 = the first), or ``after_seconds`` after the start, or (neither
    given) before the algorithm starts; the run must end within ``within`` seconds of the cancel and leave nothing.
    """
    return Expectation("cancelled", after=None if after_seconds is not None else after,
                       after_seconds=after_seconds, within=within, doc=doc)


@dataclass
class BadCase:
    id: str                                     # unique, stable, kebab-case
    alg: str                                    # "sonae:<alg id>"
    what: str                                   # the imperfection, one line
    build: Callable[[Path], dict]               # writes inputs under tmp, returns the Processing parameters
    expect: Expectation
    may_change: tuple = ()                      # file names / "file.gpkg:table" a successful run may change
    area: str = ""                              # filled in by the collector (cases_<area>.py)
    tags: tuple = field(default_factory=tuple)

    def __post_init__(self):
        if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", self.id):
            raise ValueError(f"bad-input case id must be kebab-case: {self.id!r}")
        if not isinstance(self.expect, Expectation):
            raise TypeError(f"{self.id}: expect must be refused(...), succeeds(...) or cancelled(...)")


# --- collecting ---------------------------------------------------------------------------------------------

HERE = Path(__file__).resolve().parent


def case_modules() -> list[str]:
    return sorted(p.stem for p in HERE.glob("cases_*.py"))


def collect() -> list[BadCase]:
    """Every CASES list of tests/badinput/cases_*.py, ids checked for uniqueness."""
    import importlib
    package = __name__.rsplit(".", 1)[0]
    cases, seen = [], {}
    for stem in case_modules():
        module = importlib.import_module(f"{package}.{stem}")
        for case in getattr(module, "CASES", []):
            case.area = case.area or stem[len("cases_"):]
            if case.id in seen:
                raise ValueError(f"duplicate bad-input case id {case.id!r} in {stem} and {seen[case.id]}")
            seen[case.id] = stem
            cases.append(case)
    return cases


# --- fingerprints -------------------------------------------------------------------------------------------

IGNORED_SUFFIXES = ("-wal", "-shm", "-journal", ".aux.xml")   # SQLite/GDAL side files that come and go


def _sha(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def gpkg_tables(path) -> dict:
    """{table: content hash} for every table of a GeoPackage/SQLite file (read-only, no side files)."""
    uri = Path(path).resolve().as_uri() + "?mode=ro&immutable=1"
    con = sqlite3.connect(uri, uri=True)
    try:
        # Data tables only: GeoPackage metadata (gpkg_*) and R-trees legitimately change when a table is added.
        names = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                           "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'rtree_%' "
                                           "AND name NOT LIKE 'gpkg_%'")]
        out = {}
        for name in names:
            h = hashlib.sha256()
            quoted = '"' + name.replace('"', '""') + '"'
            for row in con.execute(f"SELECT * FROM {quoted}"):
                h.update(repr(row).encode())
            out[name] = h.hexdigest()
        return out
    finally:
        con.close()


def _is_sqlite(path: Path) -> bool:
    try:
        with open(path, "rb") as f:
            return f.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


def _external_files(params: dict, tmp: Path) -> list[Path]:
    """Existing files a parameter value names outside the case directory (shared data given by path)."""
    found = []

    def visit(value):
        if isinstance(value, (list, tuple)):
            for v in value:
                visit(v)
        elif isinstance(value, str) and value and not value.startswith(("memory:", "TEMPORARY")):
            path = value.split("|")[0]
            m = re.match(r"^ogr:dbname='([^']+)'", value)
            if m:
                path = m.group(1)
            p = Path(path)
            if p.is_file() and tmp.resolve() not in p.resolve().parents:
                found.append(p.resolve())
    for v in params.values():
        visit(v)
    return found


def fingerprint(tmp: Path, params: dict) -> dict:
    """{path: ("file", sha) | ("gpkg", sha, {table: sha})} for every file under tmp and every named file."""
    prints = {}
    files = [p for p in tmp.rglob("*") if p.is_file() and not str(p).endswith(IGNORED_SUFFIXES)]
    for p in files + _external_files(params, tmp):
        key = str(p.resolve())
        if _is_sqlite(p):
            prints[key] = ("gpkg", _sha(p), gpkg_tables(p))
        else:
            prints[key] = ("file", _sha(p))
    return prints


def compare(before: dict, after: dict, may_change=(), allow_new=False) -> tuple[list, list]:
    """(destroyed, leftover): inputs changed or gone, and new files/tables (when not allowed)."""
    destroyed, leftover = [], []
    allowed_files = {m for m in may_change if ":" not in m}
    allowed_tables = {tuple(m.rsplit(":", 1)) for m in may_change if ":" in m}
    for path, fp in before.items():
        name = os.path.basename(path)
        if path not in after:
            destroyed.append(f"{name}: removed")
            continue
        new = after[path]
        if name in allowed_files:
            continue
        if fp[0] == "gpkg" and new[0] == "gpkg":
            for table, sha in fp[2].items():
                if table not in new[2]:
                    destroyed.append(f"{name}: table {table} removed")
                elif new[2][table] != sha and (name, table) not in allowed_tables:
                    destroyed.append(f"{name}: table {table} changed")
            if not allow_new:
                leftover += [f"{name}: new table {t}" for t in sorted(set(new[2]) - set(fp[2]))]
        elif fp[1] != new[1]:
            destroyed.append(f"{name}: content changed")
    if not allow_new:
        leftover += [f"new file {os.path.basename(p)}" for p in sorted(set(after) - set(before))]
    return destroyed, leftover


# --- running ------------------------------------------------------------------------------------------------

JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
LATIN_WORDS = re.compile(r"[A-Za-z]{3,}(?:\s+[A-Za-z]{2,}){2,}")     # three English words in a row
TRACEBACK = re.compile(r"Traceback \(most recent call last\)|^\s*File \".*\", line \d+", re.M)


class CaseFailure(AssertionError):
    def __init__(self, classes, lines):
        self.classes = sorted(set(classes))
        super().__init__("[" + ", ".join(self.classes) + "]\n" + "\n".join(lines))


def make_feedback(expect: Expectation):
    """A QgsProcessingFeedback that records messages and cancels itself when the case says so."""
    from qgis.core import QgsProcessingFeedback

    class Feedback(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.infos, self.errors = [], []
            self.progress_calls = 0
            self.cancel_time = None
            self.progressChanged.connect(self._on_progress)

        def _on_progress(self, _value):
            self.progress_calls += 1
            if expect.kind == "cancelled" and expect.after is not None and self.cancel_time is None \
                    and self.progress_calls >= expect.after:
                self.request_cancel()

        def request_cancel(self):
            if self.cancel_time is None:
                self.cancel_time = time.monotonic()
                self.cancel()

        def pushInfo(self, info):  # noqa: N802
            self.infos.append(info)

        def pushWarning(self, warning):  # noqa: N802
            self.infos.append(warning)

        def reportError(self, error, fatalError=False):  # noqa: N802,N803
            self.errors.append(error)

    return Feedback()


def run_case(case: BadCase, tmp: Path, report_path: str | None = None):
    """Run one case in the (empty) directory ``tmp``; raise CaseFailure naming every problem found."""
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingException, QgsProject

    tmp = Path(tmp)
    params = case.build(tmp)
    before = fingerprint(tmp, params)
    expect = case.expect
    feedback = make_feedback(expect)
    if expect.kind == "cancelled" and expect.after is None and not expect.after_seconds:
        feedback.request_cancel()
    timer = None
    if expect.kind == "cancelled" and expect.after_seconds:
        timer = threading.Timer(expect.after_seconds, feedback.request_cancel)
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    results, error, error_text = None, None, ""
    start = time.monotonic()
    if timer:
        timer.start()
    try:
        results = processing.run(case.alg, params, feedback=feedback, context=context)
    except QgsProcessingException as exc:
        error, error_text = exc, str(exc)
    except BaseException as exc:       # noqa: BLE001 - any other exception is the failure we look for
        error, error_text = exc, "".join(_tb.format_exception(type(exc), exc, exc.__traceback__))
    finally:
        end = time.monotonic()
        if timer:
            timer.cancel()
    del context
    after = fingerprint(tmp, params)

    classes, lines = [], []
    log = "\n".join(feedback.errors + feedback.infos)
    if error is not None and not isinstance(error, QgsProcessingException):
        classes.append("traceback")
        lines.append(f"raised {type(error).__name__}, not QgsProcessingException:\n{error_text}")
    elif TRACEBACK.search(error_text) or TRACEBACK.search(log):
        classes.append("traceback")
        lines.append("a Python traceback reached the user:\n" + (error_text or log)[-3000:])
    refused_message = error_text if error is not None else ""
    if error is not None and not refused_message.strip():
        refused_message = "\n".join(feedback.errors)

    if expect.kind == "refused":
        ok_new = False
        if error is None:
            if feedback.isCanceled():
                lines.append("the run was cancelled, not refused")
            classes.append("silent-wrong")
            lines.append(f"expected a refusal, the algorithm succeeded: {results!r}"[:2000])
        else:
            full = refused_message + "\n" + "\n".join(feedback.errors)
            missing = [w for w in expect.words if w.lower() not in full.lower()]
            if not JAPANESE.search(full) or not LATIN_WORDS.search(full):
                classes.append("unclear")
                lines.append(f"the refusal is not bilingual (Japanese and English): {refused_message!r}")
            if missing:
                classes.append("unclear")
                lines.append(f"the refusal does not name {missing}: {refused_message!r}")
    elif expect.kind == "succeeds":
        ok_new = True
        if error is not None:
            classes.append("unclear" if isinstance(error, QgsProcessingException) else "traceback")
            lines.append(f"expected success, got: {error_text[-3000:]}")
        elif expect.check is not None:
            try:
                expect.check(results, tmp)
            except AssertionError as exc:
                classes.append("silent-wrong")
                lines.append(f"wrong result: {exc}")
            except Exception:          # noqa: BLE001 - a crashing check is a failed check
                classes.append("silent-wrong")
                lines.append("the check raised:\n" + _tb.format_exc())
    else:  # cancelled
        ok_new = False
        if feedback.cancel_time is None:
            classes.append("slow-cancel")
            lines.append(f"the cancel was never requested (progress reports: {feedback.progress_calls}); "
                         "the algorithm reports too little progress")
        else:
            # Measured from when the cancel was due: a timer thread cannot run while a C extension holds the GIL
            # (that is the bug this catches), so its own timestamp would come late too.
            due = start + expect.after_seconds if expect.after_seconds else feedback.cancel_time
            late = end - due
            if late > expect.within:
                classes.append("slow-cancel")
                lines.append(f"stopped {late:.2f} s after the cancel (allowed {expect.within:g} s)")
            if error is not None and isinstance(error, QgsProcessingException) \
                    and not JAPANESE.search(refused_message):
                classes.append("unclear")
                lines.append(f"cancel message not bilingual: {refused_message!r}")

    destroyed, leftover = compare(before, after, case.may_change if ok_new else (), allow_new=ok_new)
    if destroyed:
        classes.append("destroyed")
        lines.append("inputs changed: " + "; ".join(destroyed))
    if leftover and error is None and expect.kind == "refused":
        leftover = []                   # already counted as silent-wrong (it succeeded)
    if leftover:
        classes.append("leftover")
        lines.append("left behind: " + "; ".join(leftover))

    report_path = report_path or os.environ.get("SONAE_BADINPUT_REPORT")
    if report_path:
        with open(report_path, "a", encoding="utf-8") as f:
            f.write(json.dumps({"id": case.id, "alg": case.alg, "area": case.area, "expect": expect.kind,
                                "classes": sorted(set(classes)), "seconds": round(end - start, 3),
                                "detail": "\n".join(lines)[:4000]}, ensure_ascii=False) + "\n")
    if classes:
        raise CaseFailure(classes, [f"case {case.id} ({case.alg}): {case.what}"] + lines)
    return results


# --- the document -------------------------------------------------------------------------------------------

def render_doc(cases: list[BadCase] | None = None) -> str:
    cases = collect() if cases is None else cases
    by_alg: dict = {}
    for c in cases:
        by_alg.setdefault(c.alg, []).append(c)
    out = ["# Bad-input suite (issue 11)", "",
           "Generated from `tests/badinput/cases_*.py` by `make bad-input-doc` — do not edit by hand.",
           "Each case is run by `tests/badinput/test_badinput.py` through real QGIS Processing. Every case also",
           "asserts: no Python traceback (only a bilingual `QgsProcessingException`), every input file unchanged",
           "afterwards, and no new file or GeoPackage table after a refusal or a cancel.", "",
           f"**{len(cases)} cases** over {len(by_alg)} algorithms "
           f"({sum(c.expect.kind == 'refused' for c in cases)} refusals, "
           f"{sum(c.expect.kind == 'succeeds' for c in cases)} correct results, "
           f"{sum(c.expect.kind == 'cancelled' for c in cases)} cancellations).", "",
           "| algorithm | cases |", "|---|---|"]
    for alg in sorted(by_alg):
        out.append(f"| `{alg}` | {len(by_alg[alg])} |")
    for alg in sorted(by_alg):
        out += ["", f"## `{alg}`", "", "| case | input | expected outcome |", "|---|---|---|"]
        for c in sorted(by_alg[alg], key=lambda c: c.id):
            cell = c.what.replace("|", "\\|").replace("\n", " ")
            outcome = c.expect.describe().replace("|", "\\|").replace("\n", " ")
            out.append(f"| `{c.id}` | {cell} | {outcome} |")
    return "\n".join(out) + "\n"


DOC_PATH = HERE.parent.parent / "docs" / "bad-input.md"


def write_doc(path: Path = DOC_PATH) -> bool:
    """Write docs/bad-input.md; True when it changed."""
    text = render_doc()
    old = path.read_text(encoding="utf-8") if path.exists() else None
    if old != text:
        path.write_text(text, encoding="utf-8")
        return True
    return False
