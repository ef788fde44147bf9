"""The S3 stand-in, driven by boto3 and the AWS CLI exactly as users drive S3."""

import hashlib
import os
import subprocess
import uuid

import botocore.exceptions
import pytest


def bucket_name(prefix="b"):
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


def error_code(excinfo):
    return excinfo.value.response["Error"]["Code"]


def test_bucket_lifecycle(s3):
    name = bucket_name()
    s3.create_bucket(Bucket=name)
    assert name in [b["Name"] for b in s3.list_buckets()["Buckets"]]
    s3.head_bucket(Bucket=name)
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        s3.create_bucket(Bucket=name)
    assert error_code(excinfo) == "BucketAlreadyOwnedByYou"
    s3.delete_bucket(Bucket=name)
    assert name not in [b["Name"] for b in s3.list_buckets()["Buckets"]]
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        s3.delete_bucket(Bucket=name)
    assert error_code(excinfo) == "NoSuchBucket"


@pytest.mark.parametrize("name", ["UpperCase", "a..b", "under_score", "-leading", "192.168.5.4", "x" * 64])
def test_invalid_bucket_names(s3, name):
    with pytest.raises((botocore.exceptions.ClientError, botocore.exceptions.ParamValidationError)) as excinfo:
        s3.create_bucket(Bucket=name)
    if isinstance(excinfo.value, botocore.exceptions.ClientError):
        assert error_code(excinfo) == "InvalidBucketName"


def test_object_round_trip_with_metadata(s3):
    name = bucket_name()
    s3.create_bucket(Bucket=name)
    body = os.urandom(200_000)
    put = s3.put_object(Bucket=name, Key="dir/data.bin", Body=body, ContentType="application/x-test",
                        Metadata={"origin": "conformance"})
    assert put["ETag"] == '"%s"' % hashlib.md5(body).hexdigest()
    got = s3.get_object(Bucket=name, Key="dir/data.bin")
    assert got["Body"].read() == body
    assert got["ContentType"] == "application/x-test"
    assert got["ContentLength"] == len(body)
    assert got["Metadata"] == {"origin": "conformance"}
    assert got["ETag"] == put["ETag"]
    head = s3.head_object(Bucket=name, Key="dir/data.bin")
    assert head["ContentLength"] == len(body)
    assert head["ResponseMetadata"]["HTTPHeaders"]["last-modified"].endswith("GMT")


def test_replacing_an_object(s3):
    name = bucket_name()
    s3.create_bucket(Bucket=name)
    s3.put_object(Bucket=name, Key="k", Body=b"first")
    s3.put_object(Bucket=name, Key="k", Body=b"second")
    assert s3.get_object(Bucket=name, Key="k")["Body"].read() == b"second"


@pytest.mark.parametrize("spec,expected", [("bytes=10-19", slice(10, 20)), ("bytes=-5", slice(95, 100)),
                                           ("bytes=90-", slice(90, 100)), ("bytes=95-500", slice(95, 100))])
def test_range_requests(s3, spec, expected):
    name = bucket_name()
    s3.create_bucket(Bucket=name)
    body = bytes(range(100))
    s3.put_object(Bucket=name, Key="r", Body=body)
    got = s3.get_object(Bucket=name, Key="r", Range=spec)
    assert got["ResponseMetadata"]["HTTPStatusCode"] == 206
    assert got["Body"].read() == body[expected]
    assert got["ContentRange"] == f"bytes {expected.start}-{expected.stop - 1}/100"


def test_unsatisfiable_range(s3):
    name = bucket_name()
    s3.create_bucket(Bucket=name)
    s3.put_object(Bucket=name, Key="r", Body=b"abc")
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        s3.get_object(Bucket=name, Key="r", Range="bytes=10-20")
    assert error_code(excinfo) == "InvalidRange"
    assert excinfo.value.response["ResponseMetadata"]["HTTPStatusCode"] == 416


def test_missing_objects_and_buckets(s3):
    name = bucket_name()
    s3.create_bucket(Bucket=name)
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        s3.get_object(Bucket=name, Key="nothing")
    assert error_code(excinfo) == "NoSuchKey"
    assert excinfo.value.response["ResponseMetadata"]["HTTPStatusCode"] == 404
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        s3.get_object(Bucket=bucket_name("none"), Key="k")
    assert error_code(excinfo) == "NoSuchBucket"
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        s3.head_object(Bucket=name, Key="nothing")
    assert excinfo.value.response["ResponseMetadata"]["HTTPStatusCode"] == 404
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        s3.put_object(Bucket=bucket_name("none"), Key="k", Body=b"x")
    assert error_code(excinfo) == "NoSuchBucket"


def test_delete_object_and_non_empty_bucket(s3):
    name = bucket_name()
    s3.create_bucket(Bucket=name)
    s3.put_object(Bucket=name, Key="k", Body=b"x")
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        s3.delete_bucket(Bucket=name)
    assert error_code(excinfo) == "BucketNotEmpty"
    assert s3.delete_object(Bucket=name, Key="k")["ResponseMetadata"]["HTTPStatusCode"] == 204
    s3.delete_object(Bucket=name, Key="k")  # deleting a missing key succeeds, as in S3
    s3.delete_bucket(Bucket=name)


KEYS = ["a.txt", "docs/1.txt", "docs/2.txt", "docs/sub/3.txt", "img/x y.png", "img/ünï+cödé.txt", "z.txt"]


@pytest.fixture
def listed_bucket(s3):
    name = bucket_name()
    s3.create_bucket(Bucket=name)
    for key in KEYS:
        s3.put_object(Bucket=name, Key=key, Body=key.encode())
    return name


def test_list_objects_v2_plain_prefix_and_delimiter(s3, listed_bucket):
    everything = s3.list_objects_v2(Bucket=listed_bucket)
    assert [o["Key"] for o in everything["Contents"]] == sorted(KEYS, key=lambda k: k.encode())
    assert everything["KeyCount"] == len(KEYS)
    top = s3.list_objects_v2(Bucket=listed_bucket, Delimiter="/")
    assert [o["Key"] for o in top["Contents"]] == ["a.txt", "z.txt"]
    assert [p["Prefix"] for p in top["CommonPrefixes"]] == ["docs/", "img/"]
    docs = s3.list_objects_v2(Bucket=listed_bucket, Prefix="docs/", Delimiter="/")
    assert [o["Key"] for o in docs["Contents"]] == ["docs/1.txt", "docs/2.txt"]
    assert [p["Prefix"] for p in docs["CommonPrefixes"]] == ["docs/sub/"]
    sizes = {o["Key"]: o["Size"] for o in everything["Contents"]}
    assert sizes["img/ünï+cödé.txt"] == len("img/ünï+cödé.txt".encode())


def test_list_objects_v2_pagination(s3, listed_bucket):
    paginator = s3.get_paginator("list_objects_v2")
    pages = list(paginator.paginate(Bucket=listed_bucket, PaginationConfig={"PageSize": 2}))
    assert len(pages) == 4
    assert [o["Key"] for page in pages for o in page.get("Contents", [])] == sorted(KEYS, key=lambda k: k.encode())
    grouped = list(paginator.paginate(Bucket=listed_bucket, Delimiter="/", PaginationConfig={"PageSize": 1}))
    entries = [o["Key"] for p in grouped for o in p.get("Contents", [])] + \
              [c["Prefix"] for p in grouped for c in p.get("CommonPrefixes", [])]
    assert sorted(entries) == ["a.txt", "docs/", "img/", "z.txt"]
    after = s3.list_objects_v2(Bucket=listed_bucket, StartAfter="docs/sub/3.txt")
    assert [o["Key"] for o in after["Contents"]] == ["img/x y.png", "img/ünï+cödé.txt", "z.txt"]


def test_list_objects_v1(s3, listed_bucket):
    listed = s3.list_objects(Bucket=listed_bucket, Prefix="img/")
    assert [o["Key"] for o in listed["Contents"]] == ["img/x y.png", "img/ünï+cödé.txt"]


def test_keys_with_special_characters_round_trip(s3):
    name = bucket_name()
    s3.create_bucket(Bucket=name)
    for key in ["spaces in name.txt", "plus+sign", "percent%20literal", "emoji-😀", "a//double", "question?mark",
                "hash#tag", "tilde~and=equals&amp"]:
        s3.put_object(Bucket=name, Key=key, Body=key.encode())
        assert s3.get_object(Bucket=name, Key=key)["Body"].read() == key.encode()
        assert key in [o["Key"] for o in s3.list_objects_v2(Bucket=name)["Contents"]]


@pytest.mark.parametrize("key", ["../escape.txt", "a/../../../etc/passwd", "./dot"])
def test_keys_that_try_to_escape_are_rejected(server, s3, key):
    name = bucket_name()
    s3.create_bucket(Bucket=name)
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        s3.put_object(Bucket=name, Key=key, Body=b"x")
    assert error_code(excinfo) in ("InvalidURI", "InvalidArgument")
    assert s3.list_objects_v2(Bucket=name)["KeyCount"] == 0
    assert not (server.data_dir.parent / "escape.txt").exists()


def test_unsupported_subresources_say_so(s3):
    name = bucket_name()
    s3.create_bucket(Bucket=name)
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        s3.get_bucket_policy(Bucket=name)
    assert error_code(excinfo) == "NotImplemented"
    assert "policy" in excinfo.value.response["Error"]["Message"]


def awscli(server, *args):
    """Runs the AWS CLI against the server with dummy credentials; answers its standard output."""
    env = dict(os.environ, AWS_ACCESS_KEY_ID="test", AWS_SECRET_ACCESS_KEY="test", AWS_DEFAULT_REGION="us-east-1")
    return subprocess.run(["aws", "--endpoint-url", server.url, *args], env=env, check=True, capture_output=True,
                          text=True).stdout


def test_awscli_mb_cp_ls(server, tmp_path):
    name = bucket_name("cli")
    source = tmp_path / "readme.txt"
    source.write_text("Sibyl answers AWS AI APIs with local engines.\n")

    def aws(*args):
        return awscli(server, *args)

    aws("s3", "mb", f"s3://{name}")
    aws("s3", "cp", str(source), f"s3://{name}/readme")
    assert name in aws("s3", "ls")
    listing = aws("s3", "ls", f"s3://{name}")
    assert "readme" in listing and str(source.stat().st_size) in listing
    assert aws("s3", "cp", f"s3://{name}/readme", "-") == source.read_text()


def test_multipart_upload_through_boto3_transfer(s3, tmp_path):
    """boto3's upload_file (like `aws s3 cp`) switches to multipart uploads at 8 MiB."""
    name = bucket_name()
    s3.create_bucket(Bucket=name)
    source = tmp_path / "big.bin"
    source.write_bytes(os.urandom(21 * 1024 * 1024))
    s3.upload_file(str(source), name, "big.bin")
    head = s3.head_object(Bucket=name, Key="big.bin")
    assert head["ContentLength"] == source.stat().st_size
    assert head["ETag"].endswith('-3"')  # 8 + 8 + 5 MiB parts
    target = tmp_path / "back.bin"
    s3.download_file(name, "big.bin", str(target))
    assert hashlib.sha256(target.read_bytes()).digest() == hashlib.sha256(source.read_bytes()).digest()


def test_multipart_errors(s3):
    name = bucket_name()
    s3.create_bucket(Bucket=name)
    upload = s3.create_multipart_upload(Bucket=name, Key="m")["UploadId"]
    small = s3.upload_part(Bucket=name, Key="m", UploadId=upload, PartNumber=1, Body=b"x" * 100)
    s3.upload_part(Bucket=name, Key="m", UploadId=upload, PartNumber=2, Body=b"y" * 100)
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        s3.complete_multipart_upload(Bucket=name, Key="m", UploadId=upload, MultipartUpload={"Parts": [
            {"PartNumber": 1, "ETag": small["ETag"]}, {"PartNumber": 2, "ETag": '"0000"'}]})
    assert error_code(excinfo) == "InvalidPart"
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        s3.complete_multipart_upload(Bucket=name, Key="m", UploadId=upload, MultipartUpload={"Parts": [
            {"PartNumber": 1, "ETag": small["ETag"]}, {"PartNumber": 2, "ETag": small["ETag"]}]})
    assert error_code(excinfo) in ("InvalidPart", "EntityTooSmall")
    s3.abort_multipart_upload(Bucket=name, Key="m", UploadId=upload)
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        s3.upload_part(Bucket=name, Key="m", UploadId=upload, PartNumber=3, Body=b"z")
    assert error_code(excinfo) == "NoSuchUpload"
    assert s3.list_objects_v2(Bucket=name)["KeyCount"] == 0


def test_single_part_multipart_upload(s3):
    name = bucket_name()
    s3.create_bucket(Bucket=name)
    upload = s3.create_multipart_upload(Bucket=name, Key="one", ContentType="text/plain")["UploadId"]
    part = s3.upload_part(Bucket=name, Key="one", UploadId=upload, PartNumber=1, Body=b"only part")
    done = s3.complete_multipart_upload(Bucket=name, Key="one", UploadId=upload,
                                        MultipartUpload={"Parts": [{"PartNumber": 1, "ETag": part["ETag"]}]})
    expected = hashlib.md5(bytes.fromhex(part["ETag"].strip('"'))).hexdigest() + "-1"
    assert done["ETag"].strip('"') == expected
    got = s3.get_object(Bucket=name, Key="one")
    assert got["Body"].read() == b"only part"
    assert got["ContentType"] == "text/plain"


def test_copy_object(s3, server, tmp_path):
    name = bucket_name()
    s3.create_bucket(Bucket=name)
    s3.put_object(Bucket=name, Key="src/a b.txt", Body=b"copy me", ContentType="text/plain", Metadata={"k": "v"})
    copied = s3.copy_object(Bucket=name, Key="dst/copy.txt", CopySource={"Bucket": name, "Key": "src/a b.txt"})
    assert copied["CopyObjectResult"]["ETag"] == '"%s"' % hashlib.md5(b"copy me").hexdigest()
    got = s3.get_object(Bucket=name, Key="dst/copy.txt")
    assert got["Body"].read() == b"copy me" and got["ContentType"] == "text/plain" and got["Metadata"] == {"k": "v"}
    s3.copy_object(Bucket=name, Key="dst/copy.txt", CopySource={"Bucket": name, "Key": "src/a b.txt"},
                   MetadataDirective="REPLACE", ContentType="application/x-new", Metadata={"n": "1"})
    replaced = s3.head_object(Bucket=name, Key="dst/copy.txt")
    assert replaced["ContentType"] == "application/x-new" and replaced["Metadata"] == {"n": "1"}
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        s3.copy_object(Bucket=name, Key="src/a b.txt", CopySource={"Bucket": name, "Key": "src/a b.txt"})
    assert error_code(excinfo) == "InvalidRequest"
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        s3.copy_object(Bucket=name, Key="x", CopySource={"Bucket": name, "Key": "missing"})
    assert error_code(excinfo) == "NoSuchKey"


def test_delete_objects_and_the_resource_api(server, s3):
    name = bucket_name()
    s3.create_bucket(Bucket=name)
    for i in range(5):
        s3.put_object(Bucket=name, Key=f"k{i}", Body=b"x")
    result = s3.delete_objects(Bucket=name, Delete={"Objects": [{"Key": "k0"}, {"Key": "k1"}, {"Key": "absent"}]})
    assert sorted(d["Key"] for d in result["Deleted"]) == ["absent", "k0", "k1"]
    assert [o["Key"] for o in s3.list_objects_v2(Bucket=name)["Contents"]] == ["k2", "k3", "k4"]
    import boto3
    resource = boto3.resource("s3", endpoint_url=server.url, region_name="us-east-1",
                              aws_access_key_id="test", aws_secret_access_key="test")
    resource.Bucket(name).objects.all().delete()
    assert s3.list_objects_v2(Bucket=name)["KeyCount"] == 0
    s3.delete_bucket(Bucket=name)


def test_awscli_copies_between_keys(server, tmp_path):
    name = bucket_name("clicopy")
    source = tmp_path / "a.txt"
    source.write_text("to be copied\n")

    def aws(*args):
        return awscli(server, *args)

    aws("s3", "mb", f"s3://{name}")
    aws("s3", "cp", str(source), f"s3://{name}/a.txt")
    aws("s3", "cp", f"s3://{name}/a.txt", f"s3://{name}/b.txt")
    aws("s3", "rm", f"s3://{name}", "--recursive")
    assert aws("s3", "ls", f"s3://{name}") == ""


def test_flexible_checksums_are_verified(s3):
    name = bucket_name()
    s3.create_bucket(Bucket=name)
    s3.put_object(Bucket=name, Key="ok", Body=b"checked", ChecksumAlgorithm="SHA256")
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        s3.put_object(Bucket=name, Key="bad", Body=b"checked", ChecksumCRC32="AAAAAA==")
    assert error_code(excinfo) == "BadDigest"
    assert [o["Key"] for o in s3.list_objects_v2(Bucket=name)["Contents"]] == ["ok"]


def chunked_put(server, bucket, key, payload, trailer_checksum=None, chunk=1000, truncate=False):
    """A PUT with an aws-chunked body and a trailing CRC32, as SDKs send streaming uploads."""
    import base64
    import http.client
    import urllib.parse
    import zlib
    crc = trailer_checksum or base64.b64encode(zlib.crc32(payload).to_bytes(4, "big")).decode()
    body = b"".join(b"%x\r\n%s\r\n" % (len(payload[i:i + chunk]), payload[i:i + chunk])
                    for i in range(0, len(payload), chunk))
    body += b"0\r\nx-amz-checksum-crc32:" + crc.encode() + b"\r\n\r\n"
    if truncate:
        body = body[:len(body) // 2]
    host = urllib.parse.urlparse(server.url)
    connection = http.client.HTTPConnection(host.hostname, host.port, timeout=10)
    connection.request("PUT", f"/{bucket}/{key}", body=body, headers={
        "Content-Encoding": "aws-chunked", "x-amz-content-sha256": "STREAMING-UNSIGNED-PAYLOAD-TRAILER",
        "x-amz-decoded-content-length": str(len(payload)), "x-amz-trailer": "x-amz-checksum-crc32"})
    response = connection.getresponse()
    result = response.status, response.read()
    connection.close()
    return result


def test_aws_chunked_uploads(server, s3):
    name = bucket_name()
    s3.create_bucket(Bucket=name)
    payload = os.urandom(5000)
    status, _ = chunked_put(server, name, "streamed", payload)
    assert status == 200
    assert s3.get_object(Bucket=name, Key="streamed")["Body"].read() == payload
    status, body = chunked_put(server, name, "wrong", payload, trailer_checksum="AAAAAA==")
    assert status == 400 and b"BadDigest" in body
    status, body = chunked_put(server, name, "cut", payload, truncate=True)
    assert status == 400 and b"IncompleteBody" in body
    assert sorted(o["Key"] for o in s3.list_objects_v2(Bucket=name)["Contents"]) == ["streamed"]
