"""Write hand translations into the Japanese help pages (help/ja/<alg_id>.html) without touching their structure.

Translations are applied once; afterwards the page is the source
(edit help/ja/*.html directly afterwards). This helper only replaces the description, the <dd> of the named
parameters and the <li> text of the named outputs of a page:

    python scripts/help_translate.py alg_id translations.json

translations.json: {"description": ["paragraph", ...], "parameters": {NAME: "text"}, "outputs": {NAME: "text"}}
(plain text; HTML-escaped here).
"""
from __future__ import annotations

import html
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def apply(alg_id: str, tr: dict, lang: str = "ja") -> list[str]:
    path = os.path.join(ROOT, "help", lang, f"{alg_id}.html")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    done = []
    if tr.get("description"):
        body = "\n".join(f"<p>{html.escape(p)}</p>" for p in tr["description"])
        text, n = re.subn(r'(<div class="description">\n?).*?(\n?</div>)', lambda m: m.group(1) + body + m.group(2),
                          text, count=1, flags=re.S)
        done += ["description"] * n
    for name, value in tr.get("parameters", {}).items():
        pat = r'(<dt id="%s">.*?</dt>\s*<dd>).*?(</dd>)' % re.escape(name)
        text, n = re.subn(pat, lambda m: m.group(1) + html.escape(value) + m.group(2), text, count=1, flags=re.S)
        if not n:
            raise KeyError(f"{alg_id}: no parameter {name}")
        done.append(name)
    for name, value in tr.get("outputs", {}).items():
        pat = r'(<li><code>%s</code>:\s*).*?(</li>)' % re.escape(name)
        text, n = re.subn(pat, lambda m: m.group(1) + html.escape(value) + m.group(2), text, count=1, flags=re.S)
        if not n:
            raise KeyError(f"{alg_id}: no output {name}")
        done.append("output:" + name)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    return done


if __name__ == "__main__":
    with open(sys.argv[2], encoding="utf-8") as fh:
        print(apply(sys.argv[1], json.load(fh)))
