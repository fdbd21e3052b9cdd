"""Two processes take the office-file lock over and over; count the times both were inside.

    python tests/benchmarks/stress_lock.py [ROUNDS_PER_PROCESS] [PROCESSES]

Each holder creates a marker file with O_EXCL while it holds the lock: if the marker is already
there, another process is inside too (an overlap). The answer must be 0.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CHILD = """
import inspect, os, sys, time
from pathlib import Path
from kstthc_desktop.core.errors import OfficeFileLocked
from kstthc_desktop.storage.lock import _FileLock
lock_file, marker, n = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
waits = "wait" in inspect.signature(_FileLock.acquire).parameters
overlaps = taken = 0
while taken < n:
    lock = _FileLock(lock_file)
    try:
        lock.acquire(wait=30) if waits else lock.acquire()
    except OfficeFileLocked:
        time.sleep(0.0005)
        continue
    taken += 1
    try:
        os.close(os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
    except FileExistsError:
        overlaps += 1
    else:
        time.sleep(0.0003)
        marker.unlink()
    lock.release()
print(overlaps)
"""


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 1500
    procs = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    with tempfile.TemporaryDirectory() as folder:
        lock_file, marker = Path(folder) / "x.kstthc.lock", Path(folder) / "inside"
        children = [subprocess.Popen([sys.executable, "-c", CHILD, str(lock_file), str(marker), str(rounds)],
                                     cwd=ROOT, stdout=subprocess.PIPE, text=True) for _ in range(procs)]
        overlaps = sum(int(c.communicate()[0].strip()) for c in children)
    print(f"{procs} processes × {rounds} acquisitions = {procs * rounds}; overlaps: {overlaps}")


if __name__ == "__main__":
    main()
