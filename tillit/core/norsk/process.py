"""One persistent ``lt-proc -z`` process: requests end in NUL, answers end in NUL.

Started when first asked, restarted after an error; a lock keeps one request at a time,
and the request is written while the answer is read, so large batches cannot deadlock."""

from __future__ import annotations

import contextlib
import os
import select
import subprocess
import threading
import time

from django.conf import settings

TIMEOUT = 20.0  # seconds for one batch; a dead or stuck process is restarted


class ProcessError(RuntimeError):
    pass


class LtProc:
    def __init__(self, *args: str):
        # the same program as the translator's (settings.APERTIUM_LT_PROC)
        self.args = [getattr(settings, "APERTIUM_LT_PROC", "lt-proc"), "-z", *args]
        self.process: subprocess.Popen | None = None
        self.lock = threading.Lock()

    def _start(self) -> subprocess.Popen:
        if self.process is None or self.process.poll() is not None:
            self.process = subprocess.Popen(
                self.args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
            )
            os.set_blocking(self.process.stdin.fileno(), False)
        return self.process

    def start(self) -> None:
        """Starts the process (loading its dictionary) without waiting for it."""
        with self.lock:
            self._start()

    def close(self) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.wait()
            self.process = None

    def ask(self, text: str) -> str:
        """The process's answer to ``text`` (a NUL is added)."""
        with self.lock:
            try:
                return self._exchange(self._start(), (text + "\0").encode())
            except (OSError, ProcessError):
                self.close()
                raise

    def _exchange(self, process: subprocess.Popen, request: bytes) -> str:
        stdin, stdout = process.stdin.fileno(), process.stdout.fileno()
        answer, sent, deadline = bytearray(), 0, time.monotonic() + TIMEOUT
        while not answer.endswith(b"\0"):
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise ProcessError(f"{self.args[-1]} gave no answer in {TIMEOUT:.0f} s")
            writing = [stdin] if sent < len(request) else []
            readable, writable, _ = select.select([stdout], writing, [], remaining)
            if writable:
                with contextlib.suppress(BlockingIOError):
                    sent += os.write(stdin, request[sent : sent + 65536])
            if readable:
                chunk = os.read(stdout, 1 << 20)
                if not chunk:
                    raise ProcessError(f"{self.args[-1]} ended")
                answer += chunk
        return answer[:-1].decode()
