"""The `sibyl` command line: services, call (in-process and remote), configuration layering, coverage doc."""

import json
import os
import subprocess
import sys

from conftest import REPO, SIBYL_BIN


def sibyl(*args, env=None, check=True):
    environment = dict(os.environ, **(env or {}))
    return subprocess.run([SIBYL_BIN, *args], capture_output=True, text=True, env=environment, timeout=60,
                          check=check)


def test_version():
    assert sibyl("--version").stdout.strip() == "0.1.0"


def test_services_table_lists_plugins_and_operations(tmp_path):
    table = sibyl("services", "--data-dir", str(tmp_path)).stdout
    header, row = table.splitlines()[:2]
    assert header.split()[:2] == ["SERVICE", "PROTOCOL"]
    assert row.startswith("sibyl") and "Ping" in row and "yes" in row


def test_call_in_process(tmp_path):
    output = sibyl("call", "sibyl", "Ping", "--data-dir", str(tmp_path)).stdout
    assert json.loads(output)["Status"] == "ok"


def test_call_reads_input_from_a_file_and_reports_errors(tmp_path):
    request = tmp_path / "input.json"
    request.write_text(json.dumps({"JobName": "cli", "DurationMilliseconds": "soon"}))
    result = sibyl("call", "sibyl", "StartTestJob", "--input", f"@{request}", "--data-dir", str(tmp_path / "d"),
                   env={"SIBYL_TEST_JOBS": "1"}, check=False)
    assert result.returncode == 1
    assert result.stderr.startswith("ValidationException:")
    assert "DurationMilliseconds" in result.stderr
    missing = sibyl("call", "sibyl", "Nope", "--data-dir", str(tmp_path / "d"), check=False)
    assert missing.returncode == 1 and missing.stderr.startswith("UnknownOperationException:")


def test_call_remote(server):
    output = sibyl("call", "sibyl", "Ping", "--endpoint", server.url).stdout
    assert json.loads(output)["Status"] == "ok"


def test_environment_and_config_file_layering(fresh_server, tmp_path):
    config = tmp_path / "sibyl.json"
    config.write_text(json.dumps({"dataDirectory": str(tmp_path / "from-file"), "testJobs": True}))
    env_dir = tmp_path / "from-env"
    instance = fresh_server(env={"SIBYL_CONFIG": str(config), "SIBYL_DATA_DIRECTORY": str(env_dir)},
                            data_dir=tmp_path / "from-flag")
    instance.client("s3").create_bucket(Bucket="layered")
    assert (tmp_path / "from-flag" / "sibyl.sqlite").exists()  # the flag wins over both
    assert not env_dir.exists() and not (tmp_path / "from-file").exists()
    request = subprocess.run([SIBYL_BIN, "call", "sibyl", "DescribeTestJob", "--input", '{"JobName":"x"}',
                              "--endpoint", instance.url], capture_output=True, text=True)
    assert "ResourceNotFoundException" in request.stderr  # testJobs came from the config file


def test_bad_configuration_is_refused_with_the_reason(tmp_path):
    result = sibyl("serve", "--port", "0", "--data-dir", str(tmp_path), env={"SIBYL_AUTH": "sigv4"}, check=False)
    assert result.returncode != 0
    assert "credentials" in result.stderr


def test_coverage_doc_is_current():
    result = subprocess.run([sys.executable, str(REPO / "Scripts" / "generate-coverage"), "--sibyl", SIBYL_BIN,
                             "--check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
