"""``python -m tillit.supervisor`` (what ``make serve`` runs): the web server, the task worker
and the scheduler as three processes, started together and stopped together.

A process that exits on its own is started again after a pause (a worker may give up while the
database is down); Ctrl-C or SIGTERM stops all three, giving each the time gunicorn gives its
requests. In production a service manager (systemd, Kubernetes) can run the three directly.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
RESTART_PAUSE = 5  # seconds before a process that stopped on its own is started again
STOP_TIMEOUT = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30")) + 5

PROCESSES = {
    "web": [sys.executable, "-m", "gunicorn", "--config", str(BASE_DIR / "gunicorn.conf.py")],
    "worker": [sys.executable, "manage.py", "db_worker", "--no-reload"],
    "scheduler": [sys.executable, "manage.py", "run_scheduler"],
}


def _say(message: str) -> None:
    sys.stderr.write(f"[supervisor] {message}\n")
    sys.stderr.flush()


class Supervisor:
    def __init__(self, commands: dict[str, list[str]]):
        self.commands = commands
        self.running: dict[str, subprocess.Popen] = {}
        self.stopping = False

    def start(self, name: str) -> None:
        self.running[name] = subprocess.Popen(self.commands[name], cwd=BASE_DIR)
        _say(f"started {name} (pid {self.running[name].pid})")

    def stop(self, *_args) -> None:
        self.stopping = True

    def run(self) -> int:
        signal.signal(signal.SIGTERM, self.stop)
        signal.signal(signal.SIGINT, self.stop)
        for name in self.commands:
            self.start(name)
        restart_at: dict[str, float] = {}
        while not self.stopping:
            for name, process in self.running.items():
                if process.poll() is not None and name not in restart_at:
                    _say(
                        f"{name} exited with {process.returncode}; restarting in {RESTART_PAUSE} s"
                    )
                    restart_at[name] = time.monotonic() + RESTART_PAUSE
            for name, when in list(restart_at.items()):
                if time.monotonic() >= when:
                    del restart_at[name]
                    self.start(name)
            time.sleep(0.2)
        return self.shutdown()

    def shutdown(self) -> int:
        _say("stopping")
        for process in self.running.values():
            if process.poll() is None:
                process.terminate()
        deadline = time.monotonic() + STOP_TIMEOUT
        for name, process in self.running.items():
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                _say(f"{name} did not stop in time; killing it")
                process.kill()
                process.wait()
        return 0


if __name__ == "__main__":
    sys.exit(Supervisor(PROCESSES).run())
