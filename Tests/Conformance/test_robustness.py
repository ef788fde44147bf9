"""Hostile input never takes the server down: random bodies, headers, paths and methods all get an answer."""

import http.client
import json
import random
import urllib.parse
import urllib.request

TARGETS = ["SibylDiagnostics_20261124.Ping", "SibylDiagnostics_20261124.StartTestJob",
           "SibylDiagnostics_20261124.DescribeTestJob", "Comprehend_20171127.DetectSentiment", "", ".", "x" * 300]
PATHS = ["/", "/v1/sibyl/Ping", "/v1/sibyl/StartTestJob", "/fuzz-bucket", "/fuzz-bucket/k", "/fuzz-bucket/a/../b",
         "/%ff%fe", "/fuzz-bucket/%00", "/v1/lexicons/x", "/bots/a/botAliases/b", "//", "/fuzz-bucket?uploads"]
METHODS = ["GET", "PUT", "POST", "DELETE", "HEAD", "PATCH", "OPTIONS"]
HEADERS = ["Authorization", "X-Amz-Date", "x-amz-content-sha256", "Content-Length-Typo", "Range", "Content-MD5",
           "Expect", "Content-Type", "x-amz-copy-source"]


def random_value(rng):
    choices = [
        lambda: "".join(chr(rng.randint(32, 126)) for _ in range(rng.randint(0, 60))),
        lambda: "AWS4-HMAC-SHA256 Credential=" + "/".join(rng.choice(["a", "", "s3", "aws4_request"])
                                                         for _ in range(rng.randint(0, 7))),
        lambda: "bytes=" + rng.choice(["", "-", "5-", "-5", "9-1", "a-b", "0-0,1-1", "99999999999999999999-"]),
        lambda: str(rng.randint(-10, 10 ** 12)),
    ]
    return rng.choice(choices)()


def random_body(rng):
    kind = rng.randint(0, 4)
    if kind == 0:
        return b""
    if kind == 1:
        return bytes(rng.getrandbits(8) for _ in range(rng.randint(1, 2000)))
    if kind == 2:
        return json.dumps({"JobName": rng.choice([None, 1, "j", [], {}]),
                           "DurationMilliseconds": rng.choice([None, -1, 1.5, "x", 10 ** 30])}).encode()
    if kind == 3:
        return b"<CompleteMultipartUpload><Part><PartNumber>" + str(rng.randint(-5, 10 ** 6)).encode() + b"</Part>"
    return b'{"a":' * rng.randint(1, 2000)


def test_random_requests_always_get_an_answer(server):
    rng = random.Random(20261124)
    host = urllib.parse.urlparse(server.url)
    for _ in range(400):
        connection = http.client.HTTPConnection(host.hostname, host.port, timeout=10)
        headers = {name: random_value(rng) for name in rng.sample(HEADERS, rng.randint(0, 4))}
        headers.pop("Expect", None)
        if rng.random() < 0.5:
            headers["X-Amz-Target"] = rng.choice(TARGETS)
        connection.request(rng.choice(METHODS), rng.choice(PATHS), body=random_body(rng), headers=headers)
        response = connection.getresponse()
        response.read()
        assert 200 <= response.status < 600
        connection.close()
    with urllib.request.urlopen(server.url + "/health") as response:
        assert json.loads(response.read())["status"] == "ok"
