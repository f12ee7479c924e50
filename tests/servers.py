"""Start ``tracker serve`` as a real server on 127.0.0.1 for a test, and stop it afterwards."""
import contextlib
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url: str, timeout_seconds: float = 30.0) -> None:
    """Return once ``url`` answers; raise the last error after ``timeout_seconds``."""
    deadline = time.monotonic() + timeout_seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


@contextlib.contextmanager
def tracker_server(db_path: Path):
    """Run ``tracker serve`` over ``db_path`` on a free port; yields its base URL."""
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "tracker", "serve", "--db", str(db_path), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base_url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(f"{base_url}/-/versions.json")
        yield base_url
    finally:
        server.terminate()
        server.wait(timeout=10)
