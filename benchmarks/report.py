"""The coordinator's series report over a large registry (issue 14: under 10 s for 10,000 visits), beside a baseline.

    PYTHONPATH=. python benchmarks/report.py [--visits 10000] [--postgres | --db URL] [--keep DIR] [--repeat 1]

Builds a registry of VISITS visits (5 notes, an action item and a structured answer each, 500
organisations: the registry of ``benchmarks/merge.py``), then times in the same run, wall and CPU
time of this process (on PostgreSQL the server's CPU is not in it):

* ours: ``build_report`` (the PDF in Polish and the three CSV files, as the coordinator runs it),
  and its parts: reading the registry (``collect``: counts, themes, key phrases), drawing the PDF,
  the CSV files;
* baseline: reportlab alone drawing the same story (the same headings, charts and rows of text)
  with its own ``Table`` of plain strings, long cells wrapped beforehand with ``simpleSplit`` and
  tables cut every 60 rows (a reportlab Table split over many pages is slow): the cheapest way
  reportlab draws the same text.

With ``--postgres`` (a throwaway cluster, ``tests/pg_cluster.py``) or ``--db URL`` (a server where
the role may create databases: ``visitapp_bench_report`` is made and dropped there) the same
registry is built and reported on PostgreSQL too, and both are printed side by side.
Use ``--visits 500`` for a quick run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import os
import random
import re
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from visitapp.db import Database
from visitapp.db import models as m
from visitapp.validation import name_key

WORDS = ("automatyka chmura dane szkoły uczelnie certyfikacja staże inwestycje kompetencje rekrutacja "
         "energetyka transport mieszkania inżynierowie technicy łączność żłobki język angielski").split()
LANG = "pl"
PAGE = re.compile(rb"/Type /Page(?![a-z])")


def build(target: str | Path, visits: int) -> Database:
    """A registry of ``visits`` visits at ``target`` (a file or a database URL), open."""
    rng = random.Random(7)
    db = Database.open(target)
    with db.write() as s:
        series = m.Series(name="Cykl testowy")
        orgs = [m.Organisation(name=f"Firma {i}", name_key=name_key(f"Firma {i}")) for i in range(500)]
        s.add(series)
        s.add_all(orgs)
        start = dt.datetime(2024, 1, 1, 9, tzinfo=dt.UTC)
        for i in range(visits):
            v = m.Visit(organisation=orgs[i % len(orgs)], series=series, title=f"Wizyta {i}",
                        starts_at=start + dt.timedelta(hours=7 * i), place="Kraków",
                        status=rng.choice(list(m.VisitStatus)), template_key="reference-visit")
            s.add(v)
            for _n in range(5):
                s.add(m.Note(visit=v, section="profile", text=" ".join(rng.choices(WORDS, k=15)), author="A",
                             tags=rng.sample(WORDS, 2)))
            s.add(m.ActionItem(visit=v, description="Zadanie", owner=rng.choice(["GUP", "CWI", "UMK"]),
                               due_date=dt.date(2026, 1, 1) + dt.timedelta(days=i % 400)))
            s.add(m.Answer(visit=v, field="skills_in_demand", value=rng.sample(WORDS, 3)))
    return db


def reportlab_tables(header: list[str], rows: list[list[Any]], widths: list[float], font: str,
                     bold: str) -> list[Any]:
    """The baseline: reportlab's own Table of plain strings, long cells wrapped beforehand, 60 rows a table."""
    from reportlab.lib import colors
    from reportlab.lib.utils import simpleSplit
    from reportlab.platypus import Table, TableStyle

    style = TableStyle([
        ("FONT", (0, 0), (-1, -1), font, 8, 10),
        ("FONT", (0, 0), (-1, 0), bold, 8, 10),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef3")),
        ("GRID", (0, 0), (-1, -1), 0.25, colors.HexColor("#b0b8c0")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ])

    def cell(value: Any, width: float, name: str) -> str:
        return "\n".join(simpleSplit(str(value), name, 8, width - 12))

    head = [cell(h, w, bold) for h, w in zip(header, widths, strict=True)]
    body = [[cell(c, w, font) for c, w in zip(r, widths, strict=True)] for r in rows]
    out = []
    for start in range(0, len(body), 60):
        table = Table([head, *body[start:start + 60]], colWidths=widths, repeatRows=1)
        table.setStyle(style)
        out.append(table)
    return out


def timed(fn: Callable[[], Any]) -> tuple[Any, float, float]:
    """``fn()``, its wall time and this process's CPU time in seconds."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = fn()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def measure_report(db: Database, folder: Path, repeat: int) -> dict[str, tuple[float, float]]:
    """Best (wall, CPU) of ``repeat`` runs of each: the whole report, its parts and the baseline."""
    from visitapp.registry.reports import build_report, collect, csv_files, render_pdf

    runs: dict[str, list[tuple[float, float]]] = {}

    def note(name: str, wall: float, cpu: float) -> None:
        runs.setdefault(name, []).append((wall, cpu))

    render_pdf(collect(db), LANG)  # fonts, Morfeusz and imports loaded, unmeasured
    for _ in range(repeat):
        _paths, wall, cpu = timed(lambda: build_report(db, folder / "report.pdf", csv_dir=folder / "csv",
                                                       lang=LANG))
        note("report", wall, cpu)
        data, wall, cpu = timed(lambda: collect(db))
        note("collect", wall, cpu)
        pdf, wall, cpu = timed(functools.partial(render_pdf, data, LANG))
        note("render", wall, cpu)
        _files, wall, cpu = timed(functools.partial(csv_files, db, data=data, lang=LANG))
        note("csv", wall, cpu)
        base, wall, cpu = timed(functools.partial(render_pdf, data, LANG, table_maker=reportlab_tables))
        note("baseline", wall, cpu)
        (folder / "baseline.pdf").write_bytes(base)
    best = {name: min(values) for name, values in runs.items()}
    best["pages"] = (float(len(PAGE.findall(pdf))), float(len(PAGE.findall(base))))
    return best


def load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def show(engine: str, visits: int, r: dict[str, tuple[float, float]]) -> None:
    def fig(name: str) -> str:
        wall, cpu = r[name]
        return f"{wall:6.2f} s wall {cpu:6.2f} s CPU"

    print(f"{engine}, {visits} visits (load {load()}):")
    print(f"  ours: report PDF + CSV   {fig('report')}   (target < 10 s)")
    print(f"        reading            {fig('collect')}")
    print(f"        drawing the PDF    {fig('render')}   {r['pages'][0]:.0f} pages")
    print(f"        CSV files          {fig('csv')}")
    wall, cpu = r["render"]
    bwall, bcpu = r["baseline"]
    print(f"  baseline: reportlab alone drawing the same text {fig('baseline')}   {r['pages'][1]:.0f} pages"
          f" | ours/baseline drawing: {wall / bwall:4.2f}x wall {cpu / bcpu:4.2f}x CPU")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--visits", type=int, default=10000, help="visits in the registry (500 for a quick run)")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each; the best is shown")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (the PDFs to look at)")
    parser.add_argument("--db", metavar="URL", help="also on this PostgreSQL server (makes visitapp_bench_report)")
    parser.add_argument("--postgres", action="store_true", help="also on a throwaway PostgreSQL cluster")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="visitapp-report-"))
    folder.mkdir(parents=True, exist_ok=True)
    targets: list[tuple[str, Callable[[], str | Path]]] = [("SQLite", lambda: folder / "registry.db")]
    with _postgres(args) as server:
        if server is not None:
            targets.append(("PostgreSQL", lambda: server.fresh("visitapp_bench_report")))
        for engine, target in targets:
            (folder / "registry.db").unlink(missing_ok=True)
            db, wall, cpu = timed(functools.partial(build, target(), args.visits))
            print(f"{engine}: built a registry of {args.visits} visits in {wall:.1f} s ({cpu:.1f} s CPU)")
            try:
                result = measure_report(db, folder, args.repeat)
            finally:
                db.close()
            show(engine, args.visits, result)
        if server is not None:
            server.drop("visitapp_bench_report")
    print(f"PDFs in {folder} (report.pdf, baseline.pdf)")


class _postgres:
    """The PostgreSQL server asked for (``--db`` or ``--postgres``), or None."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args, self.cluster = args, None

    def __enter__(self):
        from benchmarks.merge import PgServer

        if self.args.db:
            return PgServer(self.args.db)
        if not self.args.postgres:
            return None
        sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
        import pg_cluster

        self.cluster = pg_cluster.running()
        sock = self.cluster.__enter__()
        return PgServer(pg_cluster.url(sock, "postgres"))

    def __exit__(self, *exc: object) -> None:
        if self.cluster is not None:
            self.cluster.__exit__(*exc)


if __name__ == "__main__":
    main()
