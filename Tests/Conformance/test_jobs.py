"""Durable jobs: a job survives the server being killed mid-job (SIGKILL) or stopped (SIGTERM)."""

import json
import urllib.error
import signal
import time
import urllib.request

TARGET = "SibylDiagnostics_20261124"


def call(server, operation, payload):
    request = urllib.request.Request(server.url + "/", data=json.dumps(payload).encode(), method="POST",
                                     headers={"X-Amz-Target": f"{TARGET}.{operation}"})
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read())


def wait_for(server, name, predicate, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = call(server, "DescribeTestJob", {"JobName": name})["TestJob"]
        if predicate(job):
            return job
        time.sleep(0.05)
    raise AssertionError(f"job {name} never got there: {job}")


def start_job_and_interrupt(fresh_server, tmp_path, name, sig):
    data = tmp_path / "data"
    first = fresh_server("--test-jobs", data_dir=data)
    first.client("s3").create_bucket(Bucket="jobs")
    started = call(first, "StartTestJob", {"JobName": name, "DurationMilliseconds": 3000,
                                          "OutputUri": f"s3://jobs/{name}.txt"})
    assert started["TestJob"]["JobStatus"] in ("QUEUED", "IN_PROGRESS")
    wait_for(first, name, lambda job: job["JobStatus"] == "IN_PROGRESS" and (job.get("Progress") or 0) > 0)
    first.proc.send_signal(sig)
    code = first.proc.wait(timeout=20)
    return data, code


def test_job_survives_sigkill(fresh_server, tmp_path):
    data, code = start_job_and_interrupt(fresh_server, tmp_path, "killed", signal.SIGKILL)
    assert code == -signal.SIGKILL
    second = fresh_server("--test-jobs", data_dir=data)
    job = wait_for(second, "killed", lambda job: job["JobStatus"] in ("COMPLETED", "FAILED"))
    assert job["JobStatus"] == "COMPLETED", job
    assert job["Attempts"] == 2
    assert job["Progress"] == 100
    written = second.client("s3").get_object(Bucket="jobs", Key="killed.txt")["Body"].read().decode()
    assert written == "job killed completed after attempt 2\n"


def test_sigterm_stops_cleanly_and_requeues_the_running_job(fresh_server, tmp_path):
    data, code = start_job_and_interrupt(fresh_server, tmp_path, "stopped", signal.SIGTERM)
    assert code == 0
    second = fresh_server("--test-jobs", data_dir=data)
    job = wait_for(second, "stopped", lambda job: job["JobStatus"] in ("COMPLETED", "FAILED"))
    assert job["JobStatus"] == "COMPLETED", job
    assert job["Attempts"] == 2


def test_duplicate_job_names_conflict(server):
    call(server, "StartTestJob", {"JobName": "once", "DurationMilliseconds": 0})
    request = urllib.request.Request(server.url + "/", method="POST",
                                     data=json.dumps({"JobName": "once", "DurationMilliseconds": 0}).encode(),
                                     headers={"X-Amz-Target": f"{TARGET}.StartTestJob"})
    try:
        urllib.request.urlopen(request)
        raise AssertionError("a second job with the same name was accepted")
    except urllib.error.HTTPError as error:
        assert error.code == 400
        assert json.loads(error.read())["__type"] == "ConflictException"


def test_test_jobs_are_absent_unless_enabled(fresh_server):
    plain = fresh_server()
    request = urllib.request.Request(plain.url + "/", data=b"{}", method="POST",
                                     headers={"X-Amz-Target": f"{TARGET}.StartTestJob"})
    try:
        urllib.request.urlopen(request)
        raise AssertionError("StartTestJob answered without --test-jobs")
    except urllib.error.HTTPError as error:
        assert json.loads(error.read())["__type"] == "UnknownOperationException"
