"""Bad input: every file of tests/bad_inputs/ (and a few made at run time: a 50 MB string,
nesting 100,000 deep, symbolic links out of the folder …) gives exactly the error lines its
header announces, in the form FILE:LINE: FIELD: MESSAGE, with exit code 2, no traceback and
no output file.

A case announces its errors in ``# expect:`` lines at its top (JSON, which has no comments,
in a ``<case>.expect`` file beside it); ``<file>`` stands for the path given on the command
line, and a trailing "…" for the rest of a message that varies between Python versions.
Folders holding a ``session.yaml`` are built with ``build-session``, files with ``build``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from support import ONE_PARAGRAPH_YAML, png

from habitat_docs import cli

CORPUS = Path(__file__).parent / "bad_inputs"
SUFFIXES = (".yaml", ".yml", ".json", ".toml", ".txt")


def corpus() -> list[str]:
    """The cases, as paths relative to the corpus folder."""
    files = [p.name for p in CORPUS.iterdir() if p.is_file() and p.suffix in SUFFIXES]
    sessions = [f"{p.parent.name}/session.yaml" for p in CORPUS.glob("*/session.yaml")]
    return sorted(files) + sorted(sessions)


def expected(case: str) -> list[str]:
    path = CORPUS / case
    header = path.with_name(path.name + ".expect") if path.suffix == ".json" else path
    text = header.read_bytes().decode("utf-8", errors="replace")
    lines = [ln[len("# expect: ") :] for ln in text.splitlines() if ln.startswith("# expect: ")]
    assert lines, f"{case} announces no error (# expect: …)"
    return [ln.replace("<file>", case) for ln in lines]


def line_matches(got: str, want: str) -> bool:
    """``want`` exactly, or as a prefix when it ends in " …"."""
    if want.endswith(" …"):
        return got.startswith(want[:-1])
    return got == want


def command(case: str, out: Path, formats: str = "docx,pdf") -> list[str]:
    if case.endswith("/session.yaml"):
        return ["build-session", case, "-o", str(out), "--format", formats, "--jobs", "1"]
    return ["build", case, "-o", str(out), "--format", formats]


def no_files(out: Path) -> list[str]:
    return [str(p.relative_to(out)) for p in out.rglob("*")] if out.exists() else []


def assert_fails_cleanly(
    rc: int, stdout: str, stderr: str, want: list[str], out: Path, what: str
) -> None:
    __tracebackhide__ = True
    got = stderr.splitlines()
    assert "Traceback" not in stderr, f"{what}: a traceback\n{stderr}"
    assert rc == 2, f"{what}: exit code {rc}\n{stderr}"
    assert len(got) == len(want) and all(
        line_matches(g, w) for g, w in zip(got, want, strict=True)
    ), f"{what}: expected\n  " + "\n  ".join(want) + "\ngot\n  " + "\n  ".join(got)
    assert stdout == "", f"{what}: printed {stdout!r}"
    assert no_files(out) == [], f"{what}: wrote {no_files(out)}"


@pytest.fixture
def run_main(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Callable[[list[str], Path], tuple[int, str, str]]:
    """Run the command line in this process, in folder ``cwd``."""

    def run(args: list[str], cwd: Path) -> tuple[int, str, str]:
        monkeypatch.chdir(cwd)
        capsys.readouterr()
        rc = cli.main(args)
        captured = capsys.readouterr()
        return rc, captured.out, captured.err

    return run


def test_the_corpus_covers_at_least_40_bad_inputs() -> None:
    cases = corpus()
    assert len(cases) >= 40, cases
    for case in cases:
        expected(case)  # every case announces its error


@pytest.mark.parametrize("case", corpus())
def test_bad_input_gives_its_error_and_writes_nothing(case, run_main, tmp_path, tried) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "out"
    rc, stdout, stderr = run_main(command(case, out), CORPUS)
    tried["bad inputs"] += 1
    assert_fails_cleanly(rc, stdout, stderr, expected(case), out, case)


# A few of every kind through a real process: exit status, streams, no traceback.
SUBPROCESS_CASES = [
    "yaml-unclosed-bracket.yaml", "typo-heading.yaml", "float-money.yaml", "dangling-ref.yaml",
    "image-outside-folder.yaml", "image-not-an-image.yaml", "python-tag.yaml",
    "control-char-escaped.yaml", "not-utf8.yaml", "json-wrong-type.json",
    "session-collision/session.yaml",
]  # fmt: skip


@pytest.mark.slow  # a fresh interpreter each: some 6 s for all; the same files run in process above
@pytest.mark.parametrize("case", SUBPROCESS_CASES)
def test_bad_input_through_a_real_process(case: str, tmp_path: Path, tried) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "out"
    proc = subprocess.run(
        [sys.executable, "-m", "habitat_docs.cli", *command(case, out)],
        cwd=CORPUS, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    tried["bad inputs"] += 1
    assert_fails_cleanly(proc.returncode, proc.stdout, proc.stderr, expected(case), out, case)


# --- cases made at run time ---------------------------------------------------------------------

DOC = ONE_PARAGRAPH_YAML
FIGURE = "      - figure: {title: {en: Staff, zh: 工作人员}, image: %s}\n"



def _huge_string(folder: Path) -> tuple[str, list[str]]:
    """A 50 MB string: refused by the size of its file before it is parsed."""
    path = folder / "huge-string.yaml"
    huge = '"' + "x" * (50 * 1024 * 1024) + '",'
    path.write_text(DOC.replace("The Board requested a report.,", huge), encoding="utf-8")
    return path.name, [f"{path.name}: the file is larger than 5 MB, the limit for a data file"]


def _long_string(folder: Path) -> tuple[str, list[str]]:
    """A string of 200,000 characters in a file under the size limit."""
    path = folder / "long-string.yaml"
    path.write_text(
        DOC.replace("The Board requested a report.,", '"' + "report " * 30_000 + '",'),
        encoding="utf-8",
    )
    return path.name, [
        (
            f"{path.name}:12: sections[0].content[0].text.en: a string of 210,000 characters is "
            "longer than the 100,000 allowed"
        )
    ]


def _deep_flow(folder: Path) -> tuple[str, list[str]]:
    """Nesting 100,000 deep (libyaml's own composer crashes the interpreter on it)."""
    path = folder / "deep-nesting.yaml"
    depth = 100_000
    path.write_text(DOC + "annexes: " + "[" * depth + "]" * depth + "\n", encoding="utf-8")
    field = "annexes" + "[0]" * 49
    return path.name, [f"{path.name}:13: {field}: mappings and lists nest more than 50 deep"]


def _deep_block(folder: Path) -> tuple[str, list[str]]:
    """Block lists nested 60 deep, one line each."""
    path = folder / "deep-block.yaml"
    path.write_text(DOC + "annexes:\n" + "".join("  " * (i + 1) + "-\n" for i in range(60)))
    field = "annexes" + "[0]" * 49
    return path.name, [f"{path.name}:63: {field}: mappings and lists nest more than 50 deep"]


def _deep_json(folder: Path) -> tuple[str, list[str]]:
    """JSON nested 100,000 deep (json's parser gives up with a RecursionError)."""
    path = folder / "deep-nesting.json"
    depth = 100_000
    path.write_text('{"annexes": ' + "[" * depth + "]" * depth + "}", encoding="utf-8")
    return path.name, [f"{path.name}: mappings and lists nest more than 50 deep"]


def _deep_json_parsed(folder: Path) -> tuple[str, list[str]]:
    """JSON nested 60 deep: parsed, then refused with the field path."""
    path = folder / "deep-parsed.json"
    path.write_text('{"kind": "executive-director-report", "annexes": ' + "[" * 60 + "]" * 60 + "}")
    return path.name, [
        f"{path.name}:1: annexes{'[0]' * 49}: mappings and lists nest more than 50 deep"
    ]


def _deep_toml(folder: Path) -> tuple[str, list[str]]:
    path = folder / "deep-nesting.toml"
    depth = 50_000
    path.write_text("annexes = " + "[" * depth + "]" * depth + "\n", encoding="utf-8")
    return path.name, [f"{path.name}: mappings and lists nest more than 50 deep"]


def _endless_file(folder: Path) -> tuple[str, list[str]]:
    """A data file that is a link to /dev/zero: refused, never read (it has no end)."""
    path = folder / "endless.yaml"
    path.symlink_to("/dev/zero")
    return path.name, [f"{path.name}: not a regular file (a character device)"]


def _missing_file(folder: Path) -> tuple[str, list[str]]:
    return "absent.yaml", ["absent.yaml: cannot read the file: No such file or directory"]


def _image_symlink(folder: Path) -> tuple[str, list[str]]:
    """An image in the folder that is a symbolic link to a file outside it."""
    outside = folder.parent / f"{folder.name}-secret"
    outside.mkdir()
    (outside / "secret.png").write_bytes(png())
    docs = folder / "docs"
    docs.mkdir()
    (docs / "chart.png").symlink_to(outside / "secret.png")
    (docs / "doc.yaml").write_text(DOC + FIGURE % "chart.png", encoding="utf-8")
    return "docs/doc.yaml", [
        (
            "docs/doc.yaml:13: sections[0].content[1].figure.image: image 'chart.png' lies outside "
            "the data file's folder (images must be in that folder or below it)"
        )
    ]


def _image_in_linked_folder(folder: Path) -> tuple[str, list[str]]:
    """An image under a subfolder that is a symbolic link to a folder outside."""
    outside = folder.parent / f"{folder.name}-elsewhere"
    outside.mkdir()
    (outside / "chart.png").write_bytes(png())
    (folder / "images").symlink_to(outside, target_is_directory=True)
    (folder / "doc.yaml").write_text(DOC + FIGURE % "images/chart.png", encoding="utf-8")
    return "doc.yaml", [
        (
            "doc.yaml:13: sections[0].content[1].figure.image: image 'images/chart.png' lies outside "
            "the data file's folder (images must be in that folder or below it)"
        )
    ]


def _image_symlink_loop(folder: Path) -> tuple[str, list[str]]:
    (folder / "loop.png").symlink_to(folder / "loop.png")
    (folder / "doc.yaml").write_text(DOC + FIGURE % "loop.png", encoding="utf-8")
    return "doc.yaml", [
        "doc.yaml:13: sections[0].content[1].figure.image: image 'loop.png' cannot be read …"
    ]


def _image_wrong_suffix(folder: Path) -> tuple[str, list[str]]:
    (folder / "chart.jpg").write_bytes(png())
    (folder / "doc.yaml").write_text(DOC + FIGURE % "chart.jpg", encoding="utf-8")
    return "doc.yaml", [
        (
            "doc.yaml:13: sections[0].content[1].figure.image: image 'chart.jpg' holds a PNG image, "
            "not JPEG: correct its suffix"
        )
    ]


def _alias_expansion(folder: Path) -> tuple[str, list[str]]:
    """A 400 KB file that repeats a 100,000-character string through some 19,000 aliases:
    refused at the alias that passes the limit on expanded text, before anything is built."""
    path = folder / "alias-expansion.yaml"
    text = "report " * 14_285 + "repor"  # 100,000 characters, the longest string allowed
    first = f'      - text: {{en: &a "{text}", zh: *a}}\n'
    again = "      - text: {en: *a, zh: *a}\n"
    path.write_text(DOC + first + again * 9_675, encoding="utf-8")
    assert path.stat().st_size > 400_000
    return path.name, [
        (f"{path.name}:65: sections[0].content[53].text.en: the alias '*a' makes the file expand "
        "to more than 10,485,760 characters of text (the limit for YAML aliases)")
    ]


def _long_key(folder: Path) -> tuple[str, list[str]]:
    """A key of two million characters (an explicit YAML key), on line 17: found there."""
    path = folder / "long-key.yaml"
    path.write_text(DOC + "\n" * 4 + "? " + "x" * 2_000_000 + "\n: 1\n", encoding="utf-8")
    return path.name, [
        (f"{path.name}:17: {'x' * 60}… (2,000,000 characters): this key: a string of 2,000,000 "
        "characters is longer than the 100,000 allowed")
    ]


def _long_key_json(folder: Path) -> tuple[str, list[str]]:
    """The same in JSON, whose lines are read by YAML's composer (which stops keys at 1,024)."""
    path = folder / "long-key.json"
    path.write_text('{\n "kind": "executive-director-report",\n\n "' + "x" * 2_000_000 + '": 1\n}\n')
    return path.name, [
        (f"{path.name}:4: {'x' * 60}… (2,000,000 characters): this key: a string of 2,000,000 "
        "characters is longer than the 100,000 allowed")
    ]


def _long_typo(folder: Path) -> tuple[str, list[str]]:
    """A 99,000-character misspelt field name: shortened in the path and the message."""
    path = folder / "long-typo.yaml"
    typo = "t" * 99_000
    path.write_text(DOC.replace("kind: executive-director-report", f"kind: {typo}"), encoding="utf-8")
    shown = "t" * 60 + "… (99,000 characters)"
    return path.name, [
        (f"{path.name}:1: kind: unknown document kind '{shown}' (known: executive-director-report, "
        "secretariat-note, strategy-progress-note, activity-update)")
    ]


def _long_typo_toml(folder: Path) -> tuple[str, list[str]]:
    path = folder / "long-typo.toml"
    typo = "t" * 99_000
    path.write_text(f'kind = "executive-director-report"\n{typo} = 1\n', encoding="utf-8")
    shown = "t" * 60 + "… (99,000 characters)"
    missing = [f"{path.name}: {f}: required field is missing" for f in ("issued", "session", "title", "sections")]
    return path.name, [*missing, f"{path.name}:2: {shown}: unknown field '{shown}'"]


GENERATED = {
    f.__name__.lstrip("_").replace("_", "-"): f
    for f in (
        _huge_string, _long_string, _deep_flow, _deep_block, _deep_json, _deep_json_parsed,
        _deep_toml, _endless_file, _missing_file, _image_symlink, _image_in_linked_folder,
        _image_symlink_loop, _image_wrong_suffix, _alias_expansion, _long_key, _long_key_json,
        _long_typo, _long_typo_toml,
    )
}  # fmt: skip


@pytest.mark.parametrize("name", GENERATED)
def test_bad_input_made_at_run_time(name: str, run_main, tmp_path: Path, tried) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "case"
    folder.mkdir()
    case, want = GENERATED[name](folder)
    out = tmp_path / "out"
    rc, stdout, stderr = run_main(command(case, out), folder)
    tried["bad inputs"] += 1
    assert_fails_cleanly(rc, stdout, stderr, want, out, name)


def test_a_failing_build_leaves_earlier_outputs_untouched(run_main, tmp_path: Path, tried) -> None:  # type: ignore[no-untyped-def]
    """Build a good document, then a broken version of it into the same folder: the files of
    the first build stay as they were, byte for byte, and no temporary file remains."""
    (tmp_path / "doc.yaml").write_text(DOC, encoding="utf-8")
    out = tmp_path / "out"
    rc, _, stderr = run_main(
        ["build", "doc.yaml", "-o", str(out), "--format", "docx,pdf"], tmp_path
    )
    assert rc == 0, stderr
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    assert len(before) == 4
    # broken after the parse: the zh PDF would be the last file written
    (tmp_path / "doc.yaml").write_text(DOC + FIGURE % "missing.png", encoding="utf-8")
    rc, _, stderr = run_main(
        ["build", "doc.yaml", "-o", str(out), "--format", "docx,pdf"], tmp_path
    )
    tried["bad inputs"] += 1
    assert rc == 2 and "missing.png" in stderr
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert not [p for p in os.listdir(out) if p.endswith(".tmp")]
