"""Generate help/<lang>/<alg_id>.html for every Sonae algorithm from the strings in the code (run once per new
algorithm; the pages are then edited as text, so existing pages are kept unless --force).

English: the English half of SHORT_HELP / parameter help / labels. Japanese: the finished translation of the
same string in i18n/sonae_ja.ts, else the Japanese half of the bilingual string. The page format is read back by
processing_algorithms/base.read_help: keep ``<div class="description">`` and the ``<dt id="NAME">``/``<dd>`` pairs.

    cd build/plugins && ../../.venv/bin/python -m sonae.scripts.make_help [--force] [--check]
    make help          # the same: adds the parameters and outputs a page lacks (code strings), keeps edited text
"""
from __future__ import annotations

import argparse
import html
import importlib.util
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HELP = os.path.join(ROOT, "help")

TEXT = {
    "en": {"parameters": "Parameters", "outputs": "Outputs", "other": "日本語"},
    "ja": {"parameters": "パラメータ", "outputs": "出力", "other": "English"},
}


def _fill():
    spec = importlib.util.spec_from_file_location("i18n_fill", os.path.join(ROOT, "scripts", "i18n_fill.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


_RANGE = re.compile(r"\s(Allowed: [^/]*?\.|Whole number\.) / (範囲: .*?。|整数。)\s*$")


def halves(text: str, ts: dict, fill) -> tuple[str, str]:
    """(English, Japanese) of a bilingual string. The range note base.number_range_help appends to a parameter's
    help (" Allowed: 0 or more. / 範囲: 0以上。") goes to each half."""
    m = _RANGE.search(text)
    if m:
        en, ja = halves(text[:m.start()], ts, fill)
        return f"{en} {m.group(1)}", f"{ja}{m.group(2)}"
    ja = ts.get(text) or fill.japanese_part(text) or text
    en = text
    if ja != text and text.rstrip().endswith(ja.strip()):
        en = text.rstrip()[: -len(ja.strip())].rstrip()
        en = en[:-1].rstrip() if en.endswith("/") else en
    elif fill.japanese_part(text):
        part = fill.japanese_part(text)
        en = text[: text.rfind(part)].rstrip().rstrip("/").rstrip()
    return en.strip() or text, ja.strip()


def paragraphs(text: str) -> str:
    return "\n".join(f"<p>{html.escape(p.strip())}</p>" for p in text.split("\n") if p.strip())


def page(alg, params, lang: str, ts: dict, fill) -> str:
    t = TEXT[lang]
    pick = 0 if lang == "en" else 1
    title = halves(alg.DISPLAY_NAME, ts, fill)[pick]
    description = halves(alg.SHORT_HELP, ts, fill)[pick]
    other = "ja" if lang == "en" else "en"
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}">',
        f'<head><meta charset="utf-8"><title>{html.escape(title)} (sonae:{alg.ALG_ID})</title>',
        '<link rel="stylesheet" href="../help.css"></head>',
        "<body>",
        f'<p class="nav"><a href="../{other}/{alg.ALG_ID}.html">{t["other"]}</a></p>',
        f"<h1>{html.escape(title)}</h1>",
        '<div class="description">',
        paragraphs(description),
        "</div>",
        f'<h2>{t["parameters"]}</h2>',
        '<dl class="parameters">',
    ]
    for name, label, help_text in params:
        out.append(f'<dt id="{name}"><b>{html.escape(halves(label, ts, fill)[pick])}</b> (<code>{name}</code>)</dt>')
        out.append(f"<dd>{html.escape(halves(help_text, ts, fill)[pick])}</dd>")
    out.append("</dl>")
    outputs = [o for o in alg.outputDefinitions()]
    if outputs:
        out.append(f'<h2>{t["outputs"]}</h2>')
        out.append('<ul class="outputs">')
        for o in outputs:
            out.append(f"<li><code>{o.name()}</code>: {html.escape(halves(o.description(), ts, fill)[pick])}</li>")
        out.append("</ul>")
    out.append(f'<p class="id">id: <code>sonae:{alg.ALG_ID}</code></p>')
    out.append("</body>")
    out.append("</html>")
    return "\n".join(out) + "\n"


_DT = re.compile(r'<dt id="([A-Za-z0-9_]+)">.*?</dt>\s*<dd>(.*?)</dd>', re.S)
_LI = re.compile(r'<li><code>([A-Za-z0-9_]+)</code>:\s*(.*?)</li>', re.S)
_DESC = re.compile(r'<div class="description">(.*?)</div>', re.S)


def parse_page(path: str) -> dict:
    """{"description": html, "parameters": {name: html}, "outputs": {name: html}} of a help page."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    m = _DESC.search(text)
    outputs_part = text[text.find('<ul class="outputs">'):] if '<ul class="outputs">' in text else ""
    return {"description": m.group(1).strip() if m else "",
            "parameters": {k: v.strip() for k, v in _DT.findall(text)},
            "outputs": {k: v.strip() for k, v in _LI.findall(outputs_part)}}


def missing_entries(alg, path: str) -> list[str]:
    """The parameter and output names of ``alg`` that the page at ``path`` does not describe (all if no page)."""
    if not os.path.exists(path):
        return ["<page>"]
    page_ = parse_page(path)
    out = [p.name() for p in alg.parameterDefinitions() if not page_["parameters"].get(p.name())]
    out += [f"output:{o.name()}" for o in alg.outputDefinitions() if not page_["outputs"].get(o.name())]
    return out


def add_missing_entries(path: str, alg, params, lang: str, ts: dict, fill) -> bool:
    """Append the parameters and outputs a page does not describe yet, from the code's strings; the page's edited
    text is kept. True if the page changed."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    have = parse_page(path)
    pick = 0 if lang == "en" else 1
    new = [f'<dt id="{name}"><b>{html.escape(halves(label, ts, fill)[pick])}</b> (<code>{name}</code>)</dt>\n'
           f"<dd>{html.escape(halves(help_text, ts, fill)[pick])}</dd>\n"
           for name, label, help_text in params if not have["parameters"].get(name)]
    changed = False
    if new and "</dl>" in text:
        text = text.replace("</dl>", "".join(new) + "</dl>", 1)
        changed = True
    outs = [f"<li><code>{o.name()}</code>: {html.escape(halves(o.description(), ts, fill)[pick])}</li>\n"
            for o in alg.outputDefinitions() if not have["outputs"].get(o.name())]
    if outs:
        if '<ul class="outputs">' not in text:
            heading = TEXT[lang]["outputs"]
            text = text.replace('<p class="id">', f'<h2>{heading}</h2>\n<ul class="outputs">\n</ul>\n<p class="id">', 1)
        i = text.find("</ul>", text.find('<ul class="outputs">'))
        text = text[:i] + "".join(outs) + text[i:]
        changed = True
    if changed:
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
    return changed


def generate(force: bool = False) -> list[str]:
    """Write the missing pages (all with ``force``) and add parameters missing from existing pages; returns the
    paths written. Needs a QgsApplication."""
    from sonae.processing_algorithms.provider import algorithm_classes
    fill = _fill()
    ts = fill.read_ts()
    written = []
    for cls in algorithm_classes():
        alg = cls()
        alg.initAlgorithm()
        params = list(alg._param_help)      # (name, label, help) as the code gives them (English UI: bilingual)
        for lang in ("en", "ja"):
            path = os.path.join(HELP, lang, f"{cls.ALG_ID}.html")
            if os.path.exists(path) and not force:
                if add_missing_entries(path, alg, params, lang, ts, fill):
                    written.append(path)
                continue
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8", newline="\n") as f:
                f.write(page(alg, params, lang, ts, fill))
            written.append(path)
    return written


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--force", action="store_true", help="rewrite existing pages too")
    ap.add_argument("--check", action="store_true", help="only list the missing pages/entries (exit 1 if any)")
    args = ap.parse_args(argv)
    from qgis.core import QgsApplication
    app = QgsApplication([], False)
    app.initQgis()
    if args.check:
        from sonae.processing_algorithms.provider import algorithm_classes
        gaps = 0
        for cls in algorithm_classes():
            alg = cls()
            alg.initAlgorithm()
            for lang in ("en", "ja"):
                missing = missing_entries(alg, os.path.join(HELP, lang, f"{cls.ALG_ID}.html"))
                if missing:
                    gaps += len(missing)
                    print(f"help/{lang}/{cls.ALG_ID}.html: {', '.join(missing)}")
        print(f"{gaps} missing help entries" + ("; run `make help`" if gaps else ""))
        return 1 if gaps else 0
    for path in generate(args.force):
        print(os.path.relpath(path, ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
