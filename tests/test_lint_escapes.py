"""Lint escapes stay rare and explained: every noqa and type: ignore names its rule and says why, on its line."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = ("visitapp", "tests", "benchmarks", "packaging")
MAX_ESCAPES = 15  # issue 9: aim for at most 15 in the tree

NOQA = re.compile(r"#\s*noqa\b(?P<rest>.*)$")
NOQA_EXPLAINED = re.compile(r":\s*[A-Z]+[0-9]+(?:\s*,\s*[A-Z]+[0-9]+)*(?![0-9,])\s*[(:-]?\s*[A-Za-z].*")
IGNORE = re.compile(r"#\s*type:\s*ignore(?P<rest>.*)$")
IGNORE_EXPLAINED = re.compile(r"\[[a-z-]+(?:\s*,\s*[a-z-]+)*\]\s+#\s*\w.*")


def _escapes() -> list[tuple[str, int, str]]:
    found = []
    for folder in FOLDERS:
        for path in sorted((ROOT / folder).rglob("*.py")):
            if path.name == Path(__file__).name:
                continue  # this file names the markers in its patterns
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if NOQA.search(line) or IGNORE.search(line):
                    found.append((str(path.relative_to(ROOT)), number, line.strip()))
    return found


def _unexplained(line: str) -> bool:
    noqa, ignore = NOQA.search(line), IGNORE.search(line)
    if noqa is not None and not NOQA_EXPLAINED.fullmatch(noqa.group("rest").strip()):
        return True
    return ignore is not None and not IGNORE_EXPLAINED.fullmatch(ignore.group("rest").strip())


def test_each_escape_names_its_rule_and_gives_a_reason_on_the_same_line():
    bad = [f"{path}:{number}: {line}" for path, number, line in _escapes() if _unexplained(line)]
    assert not bad, "a noqa or type: ignore without its rule and reason:\n" + "\n".join(bad)


def test_at_most_fifteen_escapes_in_the_tree():
    found = _escapes()
    assert len(found) <= MAX_ESCAPES, "\n".join(f"{p}:{n}: {line}" for p, n, line in found)


def test_the_checker_tells_an_explained_escape_from_a_bare_one():
    assert not _unexplained("x.native  # noqa: B018 (parse fully now)")
    assert not _unexplained("import a  # noqa: F401 - the token fixture")
    assert not _unexplained("f(box)  # type: ignore[arg-type]  # pyHanko says int")
    assert _unexplained("x.native  # noqa: B018")
    assert _unexplained("x.native  # noqa")
    assert _unexplained("f(box)  # type: ignore[arg-type]")
    assert _unexplained("f(box)  # type: ignore  # why")
