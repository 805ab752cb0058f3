"""Time ``habitat_docs.diff`` on two versions of a long synthetic report (zh and en).

    python benchmarks/bench_diff.py [--paragraphs 2000] [--repeat 5]

The report has 100 paragraphs per section. Cases, against the same old version: the same
document; one paragraph inserted at the start (every later paragraph renumbered); every tenth
paragraph changed; every paragraph rewritten (the worst case for pairing by likeness). Each
prints the median time of the comparison alone (models loaded beforehand), the number of
changes found, and the ratio to loading the two versions from YAML, which a diff of two
data files does first.
"""

from __future__ import annotations

import argparse
import copy
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml
from timing import bench, med, spread

import habitat_docs as hd
from habitat_docs.diff import Version, diff_versions

MASTHEAD: dict[str, Any] = {
    "kind": "executive-director-report",
    "symbol": "HSP/EB.2024/11",
    "issued": "2024-03-07",
    "session": {
        "year": 2024,
        "ordinal": 1,
        "start": "2024-05-06",
        "end": "2024-05-08",
        "venue": {"en": "Nairobi", "zh": "内罗毕"},
    },
    "agenda": {
        "symbol": "HSP/EB.2024/1",
        "items": [{"number": 12, "title": {"en": "Report", "zh": "报告"}}],
    },
    "title": {"en": "Actions to improve internal management", "zh": "改进内部管理的行动"},
}


def _paragraph(n: int, salt: str = "") -> dict[str, Any]:
    return {"text": {
        "en": f"{salt}The Executive Board took note of the report and requested the Executive "
              f"Director to report at its next session on the progress made on item {n}.",
        "zh": f"{salt}执行局注意到报告，并请执行主任在下届会议上报告第{n}项的进展情况。",
    }}  # fmt: skip


def _data(paragraphs: list[dict[str, Any]]) -> dict[str, Any]:
    data = copy.deepcopy(MASTHEAD)
    data["sections"] = [
        {"heading": {"en": f"Section {s + 1}", "zh": f"第{s + 1}节"}, "content": paragraphs[s * 100 : (s + 1) * 100]}
        for s in range((len(paragraphs) + 99) // 100)
    ]  # fmt: skip
    return data


def main() -> None:
    p = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument("--paragraphs", type=int, default=2000)
    p.add_argument("--repeat", type=int, default=5)
    args = p.parse_args()
    n = args.paragraphs
    base = [_paragraph(i) for i in range(n)]
    versions = {
        "same": base,
        "one inserted first": [_paragraph(-1), *base],
        "every 10th changed": [_paragraph(i, "Revised: " if i % 10 == 0 else "") for i in range(n)],
        "all rewritten": [_paragraph(i, "Wholly new wording, ") for i in range(n)],
    }
    with tempfile.TemporaryDirectory() as tmp:
        files = {}
        for name, paragraphs in {"old": base, **versions}.items():
            files[name] = Path(tmp) / f"{name.replace(' ', '-')}.yaml"
            files[name].write_text(
                yaml.safe_dump(_data(paragraphs), allow_unicode=True), encoding="utf-8"
            )
        old = Version("old", hd.load(files["old"]), built=False)
        news = {name: Version(name, hd.load(files[name]), built=False) for name in versions}
        load = bench(
            {"load": lambda: (hd.load(files["old"]), hd.load(files["same"]))}, args.repeat
        )["load"]
        times = bench(
            {name: (lambda v=v: diff_versions(old, v)) for name, v in news.items()}, args.repeat
        )
    print(f"{n} paragraphs in zh and en; loading both versions from YAML: {spread(load)} ms")
    print(f"{'case':<22}{'compare (ms)':>30}{'changes':>10}{'/ load':>9}")
    for name, xs in times.items():
        changes = len(diff_versions(old, news[name]).changes)
        print(f"{name:<22}{spread(xs):>30}{changes:>10}{med(xs) / med(load):>8.2f}×")


if __name__ == "__main__":
    sys.exit(main())
