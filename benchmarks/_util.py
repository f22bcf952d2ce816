"""Small helpers shared by the benchmarks: timing and printing figures beside a baseline."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def measure(fn: Callable[[], object], repeat: int, warmup: int = 3,
            clock: Callable[[], float] = time.perf_counter) -> list[float]:
    """Seconds of ``repeat`` calls (after ``warmup`` unmeasured ones): wall clock, or ``clock``.

    ``clock=time.process_time`` counts this process's CPU time: for work done on one thread
    without waiting (a search), the figure a quiet machine would show, whatever else runs.
    """
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeat):
        start = clock()
        fn()
        times.append(clock() - start)
    return times


def p95(times: list[float]) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def row(label: str, ours: list[float], base: list[float] | None, target: str = "") -> str:
    om, op = statistics.median(ours) * 1000, p95(ours) * 1000
    if base is None:
        return f"{label:<34} ours median {om:8.2f} ms  p95 {op:8.2f} ms  {target}"
    bm, bp = statistics.median(base) * 1000, p95(base) * 1000
    ratio = op / bp if bp else float("inf")
    return (f"{label:<34} ours median {om:8.2f} ms  p95 {op:8.2f} ms | baseline median {bm:8.2f} ms  "
            f"p95 {bp:8.2f} ms | p95 ratio {ratio:4.2f}x  {target}")
