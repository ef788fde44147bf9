"""Wire-protocol behaviour every plugin inherits: routing, error formats, request ids, validation, limits."""

import json
import urllib.error
import urllib.request

import botocore.exceptions
import pytest

TARGET = "SibylDiagnostics_20261124"


def post(server, path="/", body=b"{}", headers=None):
    """A raw POST; answers (status, headers, parsed JSON body)."""
    request = urllib.request.Request(server.url + path, data=body, method="POST", headers=headers or {})
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, response.headers, json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as error:
        return error.code, error.headers, json.loads(error.read() or b"{}")


def aws_json(server, operation, body=b"{}", target=TARGET):
    return post(server, "/", body, {"X-Amz-Target": f"{target}.{operation}",
                                   "Content-Type": "application/x-amz-json-1.1"})


def test_awsjson_and_native_routes_answer_the_same_operation(server):
    status, headers, body = aws_json(server, "Ping")
    assert status == 200 and body["Status"] == "ok"
    assert headers["Content-Type"] == "application/x-amz-json-1.1"
    assert headers["x-amzn-RequestId"] == body["RequestId"]
    status, headers, body = post(server, "/v1/sibyl/Ping")
    assert status == 200 and body["Status"] == "ok"
    assert headers["Content-Type"] == "application/json"


def test_unknown_service_target_through_boto3(server):
    """A real AWS service with no plugin (Textract is not planned): botocore parses the awsJson error and its id."""
    client = server.client("textract")
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        client.list_adapters()
    error = excinfo.value.response
    assert error["Error"]["Code"] == "UnknownOperationException"
    assert error["ResponseMetadata"]["RequestId"]


def test_unknown_rest_json_route_through_boto3(server):
    client = server.client("lexv2-models")
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        client.list_exports(botId="BOTID00001")
    assert excinfo.value.response["Error"]["Code"] == "UnknownOperationException"
    assert excinfo.value.response["ResponseMetadata"]["HTTPHeaders"]["x-amzn-errortype"] == "UnknownOperationException"
    assert excinfo.value.response["ResponseMetadata"]["RequestId"]


def test_unknown_operation_of_a_known_service(server):
    status, headers, body = aws_json(server, "Nope")
    assert status == 400
    assert body["__type"] == "UnknownOperationException"
    assert "Nope" in body["message"]
    assert headers["x-amzn-RequestId"]


@pytest.mark.parametrize("payload,member", [
    (b'{"DurationMilliseconds": 10}', "JobName"),
    (b'{"JobName": "j", "DurationMilliseconds": "ten"}', "DurationMilliseconds"),
    (b'{"JobName": 7, "DurationMilliseconds": 10}', "JobName"),
    (b'{"JobName": "j", "DurationMilliseconds": 999999999}', "DurationMilliseconds"),
    (b'{"JobName": "j", "DurationMilliseconds": 10, "OutputUri": "http://x/y"}', "OutputUri"),
])
def test_invalid_members_are_validation_errors_naming_the_member(server, payload, member):
    status, _, body = aws_json(server, "StartTestJob", payload)
    assert status == 400
    assert body["__type"] == "ValidationException"
    assert member in body["message"]


@pytest.mark.parametrize("payload", [b'{"JobName": ', b"not json", b"[1, 2]", b"\xff\xfe"])
def test_malformed_json_is_a_validation_error(server, payload):
    status, _, body = aws_json(server, "StartTestJob", payload)
    assert status == 400
    assert body["__type"] == "ValidationException"


def test_oversized_bodies_are_refused_before_they_are_read(server):
    status, _, body = aws_json(server, "Ping", b'{"pad": "' + b"x" * (17 * 1024 * 1024) + b'"}')
    assert status == 413
    assert body["__type"] == "ValidationException"
    assert aws_json(server, "Ping")[0] == 200  # and the server goes on answering


def test_native_route_errors(server):
    status, headers, body = post(server, "/v1/sibyl/Nope")
    assert status == 400 and body["__type"] == "UnknownOperationException"
    assert headers["x-amzn-ErrorType"] == "UnknownOperationException"


def test_health_reports_each_plugin(server):
    with urllib.request.urlopen(server.url + "/health") as response:
        report = json.loads(response.read())
    assert report["status"] == "ok"
    assert report["version"]
    services = {s["name"]: s for s in report["services"]}
    assert services["sibyl"]["ready"] is True
    assert services["sibyl"]["protocol"] == "awsJson1.1"


def test_metrics_count_requests_errors_and_jobs(server):
    aws_json(server, "Ping")
    aws_json(server, "StartTestJob", b"{}")  # a ValidationException through the awsJson route
    with urllib.request.urlopen(server.url + "/metrics") as response:
        text = response.read().decode()
    assert 'sibyl_requests_total{service="sibyl",operation="Ping"}' in text
    assert 'sibyl_errors_total{service="sibyl",operation="StartTestJob",code="ValidationException"}' in text
    assert 'sibyl_request_duration_seconds_bucket{service="sibyl",operation="Ping",le="+Inf"}' in text
    assert 'sibyl_jobs{state="QUEUED"}' in text


@pytest.mark.parametrize("path", ["/health", "/metrics"])
def test_every_response_carries_a_request_id(server, path):
    with urllib.request.urlopen(server.url + path) as response:
        assert response.headers["x-amzn-RequestId"]


def test_s3_responses_carry_both_request_id_headers(s3):
    s3.create_bucket(Bucket="request-ids")
    headers = s3.list_objects_v2(Bucket="request-ids")["ResponseMetadata"]["HTTPHeaders"]
    assert headers["x-amz-request-id"] == headers["x-amzn-requestid"]
