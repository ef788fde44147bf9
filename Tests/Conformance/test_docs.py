"""Runs every ```bash and ```python block of the user guides in Docs/ against a live server."""

import os
import re
import subprocess
import sys

import pytest

from conftest import REPO, SIBYL_BIN

GUIDES = ["getting-started.md", "polly.md", "comprehend.md", "translate.md", "transcribe.md", "rekognition.md",
          "forecast.md", "lex.md"]
BLOCKS = [(guide, language, code) for guide in GUIDES
          for language, code in re.findall(r"```(bash|python)\n(.*?)```", (REPO / "Docs" / guide).read_text(), re.S)]


@pytest.mark.parametrize("guide,language,code", BLOCKS,
                         ids=[f"{b[0]}-block{i}-{b[1]}" for i, b in enumerate(BLOCKS)])
def test_documented_example_runs(server, guide, language, code):
    code = code.replace("http://127.0.0.1:4566", server.url)
    env = dict(os.environ, AWS_ACCESS_KEY_ID="test", AWS_SECRET_ACCESS_KEY="test", AWS_DEFAULT_REGION="us-east-1",
               PATH=f"{os.path.dirname(SIBYL_BIN)}:{os.environ['PATH']}")
    command = ["bash", "-euo", "pipefail", "-c", code] if language == "bash" else [sys.executable, "-c", code]
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=60, cwd=REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    for expected in re.findall(r"# (.+)$", code, re.M):
        if language == "python":
            assert expected.strip() in result.stdout, f"expected {expected!r} in {result.stdout!r}"


def test_the_doc_has_examples():
    assert {guide for guide, _, _ in BLOCKS} == set(GUIDES)
