"""Fixtures that start a real `sibyl serve` on a free loopback port and point boto3 at it."""

import os
import pathlib
import re
import signal
import subprocess
import threading
import time

import boto3
import botocore.config
import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
SIBYL_BIN = os.environ.get("SIBYL_BIN", str(REPO / ".build" / "debug" / "sibyl"))
DUMMY = {"aws_access_key_id": "test", "aws_secret_access_key": "test", "region_name": "us-east-1"}


class Server:
    """A `sibyl serve` process; the port is chosen by the OS (port 0) and read from its ready line."""

    def __init__(self, data_dir, *args, env=None):
        self.data_dir = pathlib.Path(data_dir)
        self.args = list(args)
        self.env = env
        self.proc = None
        self.url = None
        self.output = []

    def start(self, timeout=30):
        command = [SIBYL_BIN, "serve", "--port", "0", "--data-dir", str(self.data_dir), *self.args]
        environment = dict(os.environ, **(self.env or {}))
        self.proc = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=environment
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            line = self.proc.stdout.readline()
            if not line:
                break
            self.output.append(line)
            match = re.search(r"listening on (http://\S+)", line)
            if match:
                self.url = match.group(1)
                threading.Thread(target=self._drain, daemon=True).start()
                return self
        self.proc.kill()
        raise RuntimeError("sibyl serve did not start:\n" + "".join(self.output))

    def _drain(self):
        for line in self.proc.stdout:
            self.output.append(line)

    def stop(self, sig=signal.SIGTERM, timeout=20):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(sig)
            try:
                return self.proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
                raise
        return self.proc.returncode if self.proc else None

    def client(self, service, **overrides):
        options = dict(DUMMY, **overrides)
        config = botocore.config.Config(retries={"max_attempts": 1}, s3={"addressing_style": "path"})
        return boto3.client(service, endpoint_url=self.url, config=config, **options)


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    """One anonymous server for the whole session (test jobs enabled)."""
    instance = Server(tmp_path_factory.mktemp("data"), "--test-jobs").start()
    yield instance
    instance.stop()


@pytest.fixture
def fresh_server(tmp_path):
    """Start servers of one's own (e.g. to kill them); all are stopped at the end of the test."""
    started = []

    def start(*args, data_dir=None, env=None):
        instance = Server(data_dir or tmp_path / "data", *args, env=env).start()
        started.append(instance)
        return instance

    yield start
    for instance in started:
        if instance.proc.poll() is None:
            instance.proc.kill()
            instance.proc.wait()


@pytest.fixture
def s3(server):
    return server.client("s3")
