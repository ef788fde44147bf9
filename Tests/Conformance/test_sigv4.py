"""`sibyl serve --auth sigv4`: signed boto3 calls are accepted; bad secrets, unknown keys, skewed clocks,
tampered bodies and unsigned calls are refused with the error codes clients expect, for awsJson and S3."""

import datetime
import json
import urllib.error
import urllib.request
from unittest import mock

import boto3
import botocore.auth
import botocore.awsrequest
import botocore.config
import botocore.credentials
import botocore.exceptions
import pytest

from conftest import Server

KEY, SECRET = "AKIASIBYLTEST0001", "s3cr3t/for+tests"


@pytest.fixture(scope="module")
def signed_server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sigv4")
    credentials = folder / "credentials"
    credentials.write_text(f"[default]\naws_access_key_id = {KEY}\naws_secret_access_key = {SECRET}\n"
                           "[other]\naws_access_key_id = AKIAOTHER\naws_secret_access_key = other\n")
    instance = Server(folder / "data", "--auth", "sigv4", "--credentials", str(credentials)).start()
    yield instance
    instance.stop()


def client(server, service, key=KEY, secret=SECRET):
    return server.client(service, aws_access_key_id=key, aws_secret_access_key=secret)


def code(excinfo):
    return excinfo.value.response["Error"]["Code"]


def signed_ping(server, body=b"{}", key=KEY, secret=SECRET, now=None, send_body=None):
    """Signs an awsJson call to the diagnostics service with botocore's own signer and sends it."""
    request = botocore.awsrequest.AWSRequest(
        method="POST", url=server.url + "/", data=body,
        headers={"X-Amz-Target": "SibylDiagnostics_20261124.Ping", "Content-Type": "application/x-amz-json-1.1"})
    signer = botocore.auth.SigV4Auth(botocore.credentials.Credentials(key, secret), "sibyl", "us-east-1")
    if now is None:
        signer.add_auth(request)
    else:
        with mock.patch("botocore.auth.get_current_datetime", return_value=now):
            signer.add_auth(request)
    prepared = urllib.request.Request(server.url + "/", data=send_body if send_body is not None else body,
                                      method="POST", headers=dict(request.headers))
    try:
        with urllib.request.urlopen(prepared) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def test_signed_s3_calls_are_accepted(signed_server):
    s3 = client(signed_server, "s3")
    s3.create_bucket(Bucket="signed")
    s3.put_object(Bucket="signed", Key="dir/a file.txt", Body=b"payload", Metadata={"k": "v"})
    assert s3.get_object(Bucket="signed", Key="dir/a file.txt")["Body"].read() == b"payload"
    assert [o["Key"] for o in s3.list_objects_v2(Bucket="signed", Prefix="dir/")["Contents"]] == ["dir/a file.txt"]
    other = client(signed_server, "s3", key="AKIAOTHER", secret="other")
    assert "signed" in [b["Name"] for b in other.list_buckets()["Buckets"]]


def test_signed_awsjson_calls_are_accepted_and_identify_the_caller(signed_server):
    status, body = signed_ping(signed_server)
    assert status == 200
    assert body["Caller"] == KEY


def test_wrong_secret(signed_server):
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        client(signed_server, "s3", secret="wrong").list_buckets()
    assert code(excinfo) == "SignatureDoesNotMatch"
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        client(signed_server, "translate", secret="wrong").list_terminologies()
    assert code(excinfo) == "InvalidSignatureException"
    assert signed_ping(signed_server, secret="wrong")[1]["__type"] == "InvalidSignatureException"


def test_unknown_access_key(signed_server):
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        client(signed_server, "s3", key="AKIAUNKNOWN").list_buckets()
    assert code(excinfo) == "InvalidAccessKeyId"
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        client(signed_server, "translate", key="AKIAUNKNOWN").list_terminologies()
    assert code(excinfo) == "UnrecognizedClientException"


def test_a_correctly_signed_call_to_a_missing_service_gets_past_authentication(signed_server):
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        client(signed_server, "textract").list_adapters()
    assert code(excinfo) == "UnknownOperationException"


def test_signed_calls_to_a_real_plugin(signed_server):
    result = client(signed_server, "comprehend").detect_dominant_language(Text="Bonjour tout le monde, comment allez-vous ?")
    assert result["Languages"][0]["LanguageCode"] == "fr"


@pytest.mark.parametrize("minutes", [-20, 20])
def test_skewed_clocks(signed_server, minutes):
    now = datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None) + datetime.timedelta(minutes=minutes)
    status, body = signed_ping(signed_server, now=now)
    assert status == 403
    assert body["__type"] == "InvalidSignatureException"
    assert "Signature expired" in body["message"]
    s3 = client(signed_server, "s3")
    with mock.patch("botocore.auth.get_current_datetime", return_value=now):
        with pytest.raises(botocore.exceptions.ClientError) as excinfo:
            s3.list_buckets()
    assert code(excinfo) == "RequestTimeTooSkewed"


def test_small_skew_is_tolerated(signed_server):
    now = datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None) - datetime.timedelta(minutes=10)
    assert signed_ping(signed_server, now=now)[0] == 200


def test_tampered_bodies_are_refused(signed_server):
    status, body = signed_ping(signed_server, body=b'{"a": 1}', send_body=b'{"a": 2}')
    assert status == 403 and body["__type"] == "InvalidSignatureException"


def test_tampered_s3_upload_is_refused(signed_server):
    s3 = client(signed_server, "s3")
    s3.create_bucket(Bucket="tamper")

    def swap_body(request, **_):
        request.body = b"evil"  # same length, after signing: the signed x-amz-content-sha256 no longer matches

    s3.meta.events.register_last("before-send.s3.PutObject", swap_body)
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        s3.put_object(Bucket="tamper", Key="k", Body=b"good")
    assert code(excinfo) == "XAmzContentSHA256Mismatch"
    assert client(signed_server, "s3").list_objects_v2(Bucket="tamper")["KeyCount"] == 0


def test_unsigned_calls_are_refused(signed_server):
    request = urllib.request.Request(signed_server.url + "/", data=b"{}", method="POST",
                                     headers={"X-Amz-Target": "SibylDiagnostics_20261124.Ping"})
    with pytest.raises(urllib.error.HTTPError) as excinfo:
        urllib.request.urlopen(request)
    assert excinfo.value.code == 403
    assert json.loads(excinfo.value.read())["__type"] == "MissingAuthenticationTokenException"
    with pytest.raises(urllib.error.HTTPError) as excinfo:
        urllib.request.urlopen(signed_server.url + "/some-bucket?list-type=2")
    assert excinfo.value.code == 403
    assert b"<Code>AccessDenied</Code>" in excinfo.value.read()


def test_presigned_urls(signed_server):
    config = botocore.config.Config(signature_version="s3v4", s3={"addressing_style": "path"})
    s3 = boto3.client("s3", endpoint_url=signed_server.url, aws_access_key_id=KEY, aws_secret_access_key=SECRET,
                      region_name="us-east-1", config=config)
    s3.create_bucket(Bucket="presign")
    s3.put_object(Bucket="presign", Key="shared.txt", Body=b"shared")
    url = s3.generate_presigned_url("get_object", Params={"Bucket": "presign", "Key": "shared.txt"}, ExpiresIn=60)
    with urllib.request.urlopen(url) as response:
        assert response.read() == b"shared"
    with pytest.raises(urllib.error.HTTPError) as excinfo:
        urllib.request.urlopen(url.replace("shared.txt", "other.txt"))
    assert excinfo.value.code == 403
    assert b"SignatureDoesNotMatch" in excinfo.value.read()


def test_lex_upload_url_is_presigned_for_a_signed_caller(signed_server):
    from test_lex_import import export_zip, finished, start
    models = client(signed_server, "lexv2-models")
    answer = models.create_upload_url()
    url = answer["uploadUrl"]
    assert "X-Amz-Signature=" in url and f"X-Amz-Credential={KEY}%2F" in url
    # The URL is its own credential: a plain PUT of the export, no signature of the caller's.
    with urllib.request.urlopen(urllib.request.Request(url, data=export_zip("OrderFlowers"), method="PUT")) as response:
        assert response.status == 200
    start(models, answer["importId"], "PresignedFlowers")
    assert finished(models, answer["importId"])["importStatus"] == "Completed"
    # It grants that one PUT: another key, or a GET, is refused.
    for tampered, method in [(url.replace(".zip?", "x.zip?"), "PUT"), (url, "GET")]:
        request = urllib.request.Request(tampered, data=b"x" if method == "PUT" else None, method=method)
        with pytest.raises(urllib.error.HTTPError) as excinfo:
            urllib.request.urlopen(request)
        assert excinfo.value.code == 403 and b"SignatureDoesNotMatch" in excinfo.value.read()


def test_open_listener_needs_sigv4_or_explicit_anonymous(tmp_path):
    import subprocess
    from conftest import SIBYL_BIN
    result = subprocess.run([SIBYL_BIN, "serve", "--host", "0.0.0.0", "--port", "0", "--data-dir", str(tmp_path)],
                            capture_output=True, text=True, timeout=30)
    assert result.returncode != 0
    assert "--allow-anonymous" in result.stderr
