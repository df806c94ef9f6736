"""``python -m tillit.supervisor`` (what ``make serve`` runs; ``--development`` for ``make run``):
the web server, the task worker and the scheduler as three processes, started together and
stopped together.

A process that exits within STARTUP_GRACE seconds of its first start failed to start (a
configuration error such as a missing SECRET_KEY, a port in use): then everything stops and the
supervisor exits non-zero instead of trying for ever. Any later exit is restarted after a pause
that doubles, from RESTART_PAUSE up to LONGEST_RESTART_PAUSE, while it keeps failing; the others
run on. Ctrl-C or SIGTERM stops all three, giving each the time gunicorn gives its requests. In
production a service manager (systemd, Kubernetes) can run the three directly."""

import argparse
import contextlib
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
RESTART_PAUSE = 5  # seconds before a process that stopped on its own is first started again
LONGEST_RESTART_PAUSE = 60  # the pause doubles up to this while the process keeps stopping
STARTUP_GRACE = 10  # a process that stops this soon after its first start failed to start
STOP_TIMEOUT = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30")) + 5


def processes(*, development: bool = False) -> dict[str, list[str]]:
    """The commands to run: gunicorn, or Django's development server with ``development``."""
    manage = [sys.executable, "manage.py"]
    if development:
        web = [*manage, "runserver", f"127.0.0.1:{os.environ.get('PORT', '8000')}"]
    else:
        web = [sys.executable, "-m", "gunicorn", "--config", str(BASE_DIR / "gunicorn.conf.py")]
    # One worker id for every restart, so a new worker puts back the tasks its predecessor
    # claimed and never finished (run_worker at start); another supervisor's are left alone.
    worker_id = f"{socket.gethostname()[:40]}-{secrets.token_hex(8)}"
    return {
        "web": web,
        "worker": [
            *manage,
            "run_worker",
            "--interval",
            "2" if development else "1",
            "--worker-id",
            worker_id,
        ],
        "scheduler": [*manage, "run_scheduler"],
    }


def _say(message: str) -> None:
    sys.stderr.write(f"[supervisor] {message}\n")
    sys.stderr.flush()


class Supervisor:
    def __init__(self, commands: dict[str, list[str]]):
        self.commands = commands
        self.running: dict[str, subprocess.Popen] = {}
        self.started_at: dict[str, float] = {}
        self.starts: dict[str, int] = dict.fromkeys(commands, 0)
        self.pauses: dict[str, float] = dict.fromkeys(commands, RESTART_PAUSE)
        self.stopping = False

    def start(self, name: str) -> None:
        # Each in its own process group, so stopping it stops its children too (runserver's
        # autoreloader runs the server in a child process).
        self.running[name] = subprocess.Popen(
            self.commands[name], cwd=BASE_DIR, start_new_session=True
        )
        self.started_at[name] = time.monotonic()
        self.starts[name] += 1
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
                if process.poll() is None or name in restart_at:
                    continue
                ran = time.monotonic() - self.started_at[name]
                if self.starts[name] == 1 and ran < STARTUP_GRACE:
                    _say(
                        f"{name} exited with {process.returncode} right after starting; "
                        "stopping everything (see its error above)"
                    )
                    self.shutdown()
                    return process.returncode if process.returncode > 0 else 1
                pause = self._pause_after(name, ran)
                _say(f"{name} exited with {process.returncode}; restarting in {pause:g} s")
                restart_at[name] = time.monotonic() + pause
            for name, when in list(restart_at.items()):
                if time.monotonic() >= when:
                    del restart_at[name]
                    self.start(name)
            time.sleep(0.2)
        return self.shutdown()

    def _pause_after(self, name: str, ran: float) -> float:
        """The pause before restarting ``name``: doubled each time it stops again, back to
        the first after a run longer than the longest pause."""
        if ran > LONGEST_RESTART_PAUSE:
            self.pauses[name] = RESTART_PAUSE
        pause = self.pauses[name]
        self.pauses[name] = min(pause * 2, LONGEST_RESTART_PAUSE)
        return pause

    def shutdown(self) -> int:
        _say("stopping")
        for process in self.running.values():
            if process.poll() is None:
                _signal_group(process, signal.SIGTERM)
        deadline = time.monotonic() + STOP_TIMEOUT
        for name, process in self.running.items():
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                _say(f"{name} did not stop in time; killing it")
                _signal_group(process, signal.SIGKILL)
                process.wait()
        return 0


def _signal_group(process: subprocess.Popen, signum: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signum)


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m tillit.supervisor", description=__doc__)
    parser.add_argument(
        "--development",
        action="store_true",
        help="Django's development server on 127.0.0.1:$PORT instead of gunicorn (make run)",
    )
    arguments = parser.parse_args()
    return Supervisor(processes(development=arguments.development)).run()


if __name__ == "__main__":
    sys.exit(main())
