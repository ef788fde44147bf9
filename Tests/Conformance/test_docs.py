"""Runs every ```bash and ```python block of Docs/getting-started.md against a live server."""

import os
import re
import subprocess
import sys

import pytest

from conftest import REPO, SIBYL_BIN

DOC = REPO / "Docs" / "getting-started.md"
BLOCKS = re.findall(r"```(bash|python)\n(.*?)```", DOC.read_text(), re.S)


@pytest.mark.parametrize("language,code", BLOCKS, ids=[f"block{i}-{b[0]}" for i, b in enumerate(BLOCKS)])
def test_documented_example_runs(server, language, code):
    code = code.replace("http://127.0.0.1:4566", server.url)
    env = dict(os.environ, AWS_ACCESS_KEY_ID="test", AWS_SECRET_ACCESS_KEY="test", AWS_DEFAULT_REGION="us-east-1",
               PATH=f"{os.path.dirname(SIBYL_BIN)}:{os.environ['PATH']}")
    command = ["bash", "-euo", "pipefail", "-c", code] if language == "bash" else [sys.executable, "-c", code]
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    for expected in re.findall(r"# (.+)$", code, re.M):
        if language == "python":
            assert expected.strip() in result.stdout, f"expected {expected!r} in {result.stdout!r}"


def test_the_doc_has_examples():
    assert len(BLOCKS) >= 5
