"""Startup benchmark: how fast visitapp's window and commands appear, beside bare baselines in the same run.

    python benchmarks/startup.py [--repeat N | --quick] [--platform offscreen|xcb] [--frozen DIST_FOLDER]

Each figure is a fresh process, timed from its start (``Popen``) to the moment asked for, wall clock and the
process's CPU time (user + system: what a quiet machine would show, whatever else runs; the load average is
printed beside them):

* the desktop window first painted (``VISITAPP_REPORT_PAINTED``: the window is shown before the database,
  SQLAlchemy and the services are imported, with "Opening…" where the visit list goes) vs a bare PySide6
  script showing a ``QMainWindow`` and reporting its first paint the same way, on the same display
  (offscreen unless ``--platform`` says otherwise); and, for information, the window ready (its parts built
  over the open database, ``VISITAPP_REPORT_SHOWN``);
* ``visitapp --version`` (target < 0.1 s) vs ``python -c pass``;
* ``visitapp visits`` on the demo database vs a bare script that imports SQLAlchemy, opens the same
  file and selects the 50 newest visits with their organisations;
* the peak memory (``ru_maxrss`` of each process, read with ``os.wait4``) of both windows, each ended
  once it has been shown and the event loop has run for 1 s more (the visit list is filled by then);
* the frozen app's window (``--frozen``, default ``dist/visitapp``; skipped when missing or with ``--quick``)
  beside a bare window frozen with the same PyInstaller options (``packaging/bare_window.spec``, built here
  into ``build/bare-window`` when missing or older than its sources: about a minute; not under CI=true).

Targets (issue 10): window within 1.5x of the bare window; ``--version`` under 0.1 s; ``visits``
within 1.5x of the bare script; the frozen window within 2x.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BARE_WINDOW = ROOT / "packaging" / "bare_window.py"  # also frozen: packaging/bare_window.spec

BARE_VISITS = r"""
import sys
from sqlalchemy import create_engine, text
engine = create_engine("sqlite:///" + sys.argv[1])
with engine.connect() as conn:
    rows = conn.execute(text(
        "SELECT v.uuid, v.starts_at, v.status, o.name FROM visits v JOIN organisations o ON o.id = v.organisation_id "
        "ORDER BY v.starts_at DESC, v.id DESC LIMIT 50")).all()
for r in rows:
    print(r[0], r[1], r[2], r[3])
"""


def env_for(tmp: Path, platform: str) -> dict[str, str]:
    home = tmp / "home"
    return {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": platform, "VISITAPP_LANG": "en",
            "HOME": str(home), "XDG_CONFIG_HOME": str(home / "config"), "XDG_DATA_HOME": str(home / "data"),
            "XDG_CACHE_HOME": str(home / "cache")}


Timing = tuple[float, float]  # (wall seconds, CPU seconds) of one process


def timed_run(cmd: list[str], env: dict[str, str]) -> Timing:
    """Wall and CPU seconds (user + system, from ``os.wait4``) from start to exit of a command that must succeed."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert proc.stderr is not None
    err = proc.stderr.read()  # (small: read before reaping, so a chatty command cannot block on a full pipe)
    _pid, status, usage = os.wait4(proc.pid, 0)
    took = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    proc.stderr.close()
    if proc.returncode:
        raise SystemExit(f"{' '.join(cmd)} failed: {err.decode(errors='replace')}")
    return took, usage.ru_utime + usage.ru_stime


def timed_window(cmd: list[str], env: dict[str, str], reports: dict[str, Path], settle: float = 1.0
                 ) -> tuple[dict[str, Timing], int]:
    """For each report variable (``VISITAPP_REPORT_PAINTED``, ``VISITAPP_REPORT_SHOWN``): the wall seconds
    from start to its file and the CPU seconds the process had used when it wrote it; and the peak RSS in KiB."""
    for report in reports.values():
        report.unlink(missing_ok=True)
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env={**env, **{var: str(path) for var, path in reports.items()}}, cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = start + 120
    seen: dict[str, float] = {}
    while len(seen) < len(reports):
        for var, report in reports.items():
            if var not in seen and report.exists():
                seen[var] = time.perf_counter() - start
        if proc.poll() is not None:
            assert proc.stderr is not None
            raise SystemExit(f"{' '.join(cmd)} exited without a window: {proc.stderr.read().decode()}")
        if time.perf_counter() > deadline:
            proc.kill()
            raise SystemExit(f"{' '.join(cmd)}: no window within 120 s")
        time.sleep(0.002)  # polling for the report files; its resolution bounds the figures'
    time.sleep(settle)  # let the window finish what it loads after its first paint before the memory is read
    proc.send_signal(signal.SIGTERM)
    _pid, _status, usage = os.wait4(proc.pid, 0)
    proc.returncode = 0
    if proc.stderr is not None:
        proc.stderr.close()
    # (an app frozen before the reports said their CPU time: nan)
    found = {var: (seen[var], float(json.loads(path.read_text(encoding="utf-8")).get("cpu", "nan")))
             for var, path in reports.items()}
    return found, int(usage.ru_maxrss)


def median_ms(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:7.0f} ms"


def line(label: str, ours: list[Timing], base: list[Timing] | None, target: str) -> str:
    """Medians of wall and CPU time, ours beside the baseline's, and the ratios of both."""
    walls, cpus = [w for w, _c in ours], [c for _w, c in ours]
    text = f"{label:<24} ours wall {median_ms(walls)} cpu {median_ms(cpus)}"
    if base is not None:
        bw, bc = [w for w, _c in base], [c for _w, c in base]
        text += (f" | baseline wall {median_ms(bw)} cpu {median_ms(bc)} | "
                 f"{statistics.median(walls) / statistics.median(bw):4.2f}x wall, "
                 f"{statistics.median(cpus) / statistics.median(bc):4.2f}x cpu")
    return f"{text}  ({target})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="2 runs of each, no frozen app (a quick look)")
    parser.add_argument("--platform", default=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    parser.add_argument("--frozen", type=Path, default=ROOT / "dist" / "visitapp",
                        help="the frozen app's folder (default: dist/visitapp, from make package)")
    args = parser.parse_args()
    repeat = 2 if args.quick else args.repeat
    py = sys.executable
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="visitapp-startup-") as folder:
        tmp = Path(folder)
        env = env_for(tmp, args.platform)
        db = tmp / "demo.db"
        subprocess.run([py, "-m", "visitapp", "demo", "--db", str(db)], env=env, cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)
        bare_script = BARE_WINDOW
        painted, ready = tmp / "painted.json", tmp / "shown.json"
        ours_reports = {"VISITAPP_REPORT_PAINTED": painted, "VISITAPP_REPORT_SHOWN": ready}
        bare_reports = {"VISITAPP_REPORT_SHOWN": ready}
        ours_w: list[Timing] = []
        ours_ready: list[Timing] = []
        bare_w: list[Timing] = []
        ours_mem: list[int] = []
        bare_mem: list[int] = []
        ours_cmd = [py, "-m", "visitapp", "gui", "--db", str(db)]
        timed_window(ours_cmd, env, ours_reports)  # warm the disk cache for both, unmeasured
        timed_window([py, str(bare_script)], env, bare_reports)
        for _ in range(repeat):  # alternate, so that a change of load hits both alike
            found, rss = timed_window(ours_cmd, env, ours_reports)
            ours_w.append(found["VISITAPP_REPORT_PAINTED"])
            ours_ready.append(found["VISITAPP_REPORT_SHOWN"])
            ours_mem.append(rss)
            found, rss = timed_window([py, str(bare_script)], env, bare_reports)
            bare_w.append(found["VISITAPP_REPORT_SHOWN"])
            bare_mem.append(rss)
        version: list[Timing] = []
        bare_py: list[Timing] = []
        visits: list[Timing] = []
        bare_visits: list[Timing] = []
        for _ in range(repeat):
            version.append(timed_run([py, "-m", "visitapp", "--version"], env))
            bare_py.append(timed_run([py, "-c", "pass"], env))
            visits.append(timed_run([py, "-m", "visitapp", "visits", "--db", str(db)], env))
            bare_visits.append(timed_run([py, "-c", BARE_VISITS, str(db)], env))
        print(f"platform {args.platform}, {repeat} runs each, medians; load average {load_before[0]:.2f} before, "
              f"{os.getloadavg()[0]:.2f} after")
        print(line("window shown", ours_w, bare_w, "target <= 1.5x; ours: first paint, 'Opening…'"))
        print(line("window ready", ours_ready, bare_w, "for information: parts built over the open database"))
        print(line("--version", version, bare_py, "target < 100 ms; baseline: python -c pass"))
        print(line("visitapp visits", visits, bare_visits, "target <= 1.5x"))
        print(f"{'peak memory (ru_maxrss)':<24} ours {statistics.median(ours_mem) / 1024:8.1f} MiB"
              f" | bare window {statistics.median(bare_mem) / 1024:8.1f} MiB")
        frozen = args.frozen / "visitapp"
        if frozen.exists() and not args.quick:  # on a database of its own making: an older frozen app refuses ours
            frozen_bare = frozen_baseline()
            frozen_db = tmp / "frozen.db"
            subprocess.run([str(frozen), "demo", "--db", str(frozen_db)], env=env, check=True,
                           stdout=subprocess.DEVNULL)
            painted_too = frozen_reports_paint(frozen, frozen_db, env, tmp)
            reports = ours_reports if painted_too else bare_reports
            frozen_w: list[Timing] = []
            frozen_bare_w: list[Timing] = []
            for _ in range(repeat):
                frozen_w.append(timed_window([str(frozen), "gui", "--db", str(frozen_db)], env, reports)[0][
                    "VISITAPP_REPORT_PAINTED" if painted_too else "VISITAPP_REPORT_SHOWN"])
                if frozen_bare is not None:
                    found, _rss = timed_window([str(frozen_bare)], env, bare_reports)
                    frozen_bare_w.append(found["VISITAPP_REPORT_SHOWN"])
            label = "frozen window shown" if painted_too else "frozen window ready"
            if frozen_bare is not None:
                print(line(label, frozen_w, frozen_bare_w, "target <= 2x; baseline: a bare window frozen alike"))
            else:
                print(line(label, frozen_w, bare_w, "target <= 2x; baseline NOT frozen (no frozen baseline built)"))
        else:
            print("frozen window            skipped: no dist/visitapp (make package), or --quick")


def frozen_reports_paint(frozen: Path, db: Path, env: dict[str, str], tmp: Path) -> bool:
    """Whether this frozen app writes the first-paint report (one built before it did writes only the other)."""
    probe = tmp / "probe-painted.json"
    probe.unlink(missing_ok=True)
    timed_window([str(frozen), "gui", "--db", str(db)], {**env, "VISITAPP_REPORT_PAINTED": str(probe)},
                 {"VISITAPP_REPORT_SHOWN": tmp / "probe.json"}, settle=0.2)
    return probe.exists()


def frozen_baseline() -> Path | None:
    """packaging/bare_window.spec built into build/bare-window (again when the spec or script is newer); None
    when it cannot be built here (no PyInstaller) or under CI=true, where building it costs over a minute."""
    exe = ROOT / "build" / "bare-window" / "dist" / "bare-window" / "bare-window"
    sources = [ROOT / "packaging" / "bare_window.spec", BARE_WINDOW, ROOT / "packaging" / "visitapp_build.py"]
    if exe.exists() and exe.stat().st_mtime >= max(p.stat().st_mtime for p in sources):
        return exe
    if os.environ.get("CI") == "true":
        print("frozen baseline          not built under CI=true (PyInstaller takes over a minute)")
        return None
    tool = Path(sys.executable).with_name("pyinstaller")
    if not tool.exists():
        print("frozen baseline          not built: PyInstaller is not installed in this environment")
        return None
    start = time.perf_counter()
    subprocess.run([str(tool), "--noconfirm", "--log-level", "WARN", "--distpath", str(exe.parents[1]),
                    "--workpath", str(ROOT / "build" / "bare-window" / "work"), str(sources[0])],
                   cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    print(f"frozen baseline          built in {time.perf_counter() - start:.0f} s: {exe}")
    return exe

if __name__ == "__main__":
    main()
