"""Wall time of the light commands a script or status bar calls often: `workbench --help` and `status`."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 10


def timed(args: list[str]) -> list[float]:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "workbench", *args], check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    env_note = "PYTHONDONTWRITEBYTECODE is set: every run compiles workbench's own modules" if os.environ.get(
        "PYTHONDONTWRITEBYTECODE") else "bytecode cache in use"
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "bench"
        subprocess.run([sys.executable, "-m", "workbench", "init", str(project)], check=True, capture_output=True)
        print(f"workbench start-up, {RUNS} runs each ({env_note})")
        for label, args in (("workbench --help", ["--help"]), ("workbench status", ["--project", str(project), "status"])):
            times = timed(args)
            print(f"  {label:<18} median {statistics.median(times) * 1000:6.0f} ms   min {min(times) * 1000:6.0f} ms")
        start = time.perf_counter()
        for _ in range(RUNS):
            subprocess.run([sys.executable, "-c", "pass"], check=True)
        print(f"  {'python -c pass':<18} mean   {(time.perf_counter() - start) / RUNS * 1000:6.0f} ms (interpreter alone)")


if __name__ == "__main__":
    main()
