"""Startup benchmark: how fast visitapp's window and commands appear, beside bare baselines in the same run.

    python benchmarks/startup.py [--repeat N] [--platform offscreen|xcb]

Each figure is a fresh process, timed from its start (``Popen``) to the moment asked for:

* the desktop window first painted (``VISITAPP_REPORT_SHOWN``, written once the main window's
  first paint is done) vs a bare PySide6 script showing a ``QMainWindow`` and reporting its first
  paint the same way, on the same display (offscreen unless ``--platform`` says otherwise);
* ``visitapp --version`` (target < 0.1 s) vs ``python -c pass``;
* ``visitapp visits`` on the demo database vs a bare script that imports SQLAlchemy, opens the same
  file and selects the 50 newest visits with their organisations;
* the peak memory (``ru_maxrss`` of each process, read with ``os.wait4``) of both windows, each ended
  once it has been shown and the event loop has run for 1 s more (the visit list is filled by then);
* the frozen app's window beside the bare window, when ``dist/visitapp`` exists (otherwise skipped).

Targets (issue 10): window within 1.5x of the bare window; ``--version`` under 0.1 s; ``visits``
within 1.5x of the bare script; the frozen window within 2x.
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BARE_WINDOW = r"""
import os, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
w = QMainWindow()
w.setWindowTitle("bare")
w.resize(1100, 700)
class Shown(QObject):
    def eventFilter(self, obj, event):
        if obj is w and event.type() == QEvent.Type.Paint:
            w.removeEventFilter(self)
            QTimer.singleShot(0, lambda: open(os.environ["VISITAPP_REPORT_SHOWN"], "w").write("{}"))
        return False
shown = Shown()
w.installEventFilter(shown)
w.show()
app.exec()
"""

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


def timed_run(cmd: list[str], env: dict[str, str]) -> float:
    """Seconds from start to exit of a command that must succeed."""
    start = time.perf_counter()
    done = subprocess.run(cmd, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    took = time.perf_counter() - start
    if done.returncode:
        raise SystemExit(f"{' '.join(cmd)} failed: {done.stderr.decode(errors='replace')}")
    return took


def timed_window(cmd: list[str], env: dict[str, str], report: Path, settle: float = 1.0) -> tuple[float, int]:
    """Seconds from start to the first paint's report, and the process's peak RSS in KiB."""
    report.unlink(missing_ok=True)
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env={**env, "VISITAPP_REPORT_SHOWN": str(report)}, cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = start + 120
    while not report.exists():
        if proc.poll() is not None:
            raise SystemExit(f"{' '.join(cmd)} exited without a window: {proc.stderr.read().decode()}")
        if time.perf_counter() > deadline:
            proc.kill()
            raise SystemExit(f"{' '.join(cmd)}: no window within 120 s")
        time.sleep(0.002)  # polling for the report file; its resolution bounds the figure's
    shown = time.perf_counter() - start
    time.sleep(settle)  # let the window finish what it loads after its first paint before the memory is read
    proc.send_signal(signal.SIGTERM)
    _pid, _status, usage = os.wait4(proc.pid, 0)
    proc.returncode = 0
    if proc.stderr is not None:
        proc.stderr.close()
    return shown, int(usage.ru_maxrss)


def median_ms(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:8.1f} ms"


def line(label: str, ours: list[float], base: list[float] | None, target: str) -> str:
    text = f"{label:<28} ours {median_ms(ours)}"
    if base is not None:
        ratio = statistics.median(ours) / statistics.median(base)
        text += f" | baseline {median_ms(base)} | {ratio:4.2f}x"
    return f"{text}  ({target})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--platform", default=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    args = parser.parse_args()
    py = sys.executable
    with tempfile.TemporaryDirectory(prefix="visitapp-startup-") as folder:
        tmp = Path(folder)
        env = env_for(tmp, args.platform)
        db = tmp / "demo.db"
        subprocess.run([py, "-m", "visitapp", "demo", "--db", str(db)], env=env, cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)
        bare_script = tmp / "bare_window.py"
        bare_script.write_text(BARE_WINDOW, encoding="utf-8")
        report = tmp / "shown.json"
        ours_w: list[float] = []
        bare_w: list[float] = []
        ours_mem: list[int] = []
        bare_mem: list[int] = []
        ours_cmd = [py, "-m", "visitapp", "gui", "--db", str(db)]
        timed_window(ours_cmd, env, report)  # warm the disk cache for both, unmeasured
        timed_window([py, str(bare_script)], env, report)
        for _ in range(args.repeat):  # alternate, so that a change of load hits both alike
            t, rss = timed_window(ours_cmd, env, report)
            ours_w.append(t)
            ours_mem.append(rss)
            t, rss = timed_window([py, str(bare_script)], env, report)
            bare_w.append(t)
            bare_mem.append(rss)
        version = [timed_run([py, "-m", "visitapp", "--version"], env) for _ in range(args.repeat)]
        bare_py = [timed_run([py, "-c", "pass"], env) for _ in range(args.repeat)]
        visits: list[float] = []
        bare_visits: list[float] = []
        for _ in range(args.repeat):
            visits.append(timed_run([py, "-m", "visitapp", "visits", "--db", str(db)], env))
            bare_visits.append(timed_run([py, "-c", BARE_VISITS, str(db)], env))
        print(f"platform {args.platform}, {args.repeat} runs each, medians; load average {os.getloadavg()[0]:.2f}")
        print(line("window shown", ours_w, bare_w, "target <= 1.5x"))
        print(line("--version", version, bare_py, "target < 100 ms; baseline: python -c pass"))
        print(line("visitapp visits", visits, bare_visits, "target <= 1.5x"))
        print(f"{'peak memory (ru_maxrss)':<28} ours {statistics.median(ours_mem) / 1024:8.1f} MiB"
              f" | bare window {statistics.median(bare_mem) / 1024:8.1f} MiB")
        frozen = ROOT / "dist" / "visitapp" / "visitapp"
        if frozen.exists():  # on a database of its own making: a frozen app of an older schema refuses ours
            frozen_db = tmp / "frozen.db"
            subprocess.run([str(frozen), "demo", "--db", str(frozen_db)], env=env, check=True,
                           stdout=subprocess.DEVNULL)
            frozen_w = [timed_window([str(frozen), "gui", "--db", str(frozen_db)], env, report)[0]
                        for _ in range(args.repeat)]
            print(line("frozen window shown", frozen_w, bare_w, "target <= 2x of the bare window; "
                       "baseline not frozen"))
        else:
            print("frozen window shown          skipped: no dist/visitapp (make package)")


if __name__ == "__main__":
    main()
