"""A request member Sibyl does not read is refused by name, never dropped: the client would otherwise get a result
computed without it. boto3 sends only modelled members; raw requests show the same for a key that the operation's
typed input does not declare."""

import http.client
import json
import urllib.parse

import botocore.exceptions
import pytest

ROLE = "arn:aws:iam::000000000000:role/TranslateRole"


def refused(call):
    with pytest.raises(botocore.exceptions.ClientError) as error:
        call()
    return error.value.response["Error"]["Code"], error.value.response["Error"]["Message"]


def raw(server, method, path, body, headers):
    host = urllib.parse.urlparse(server.url)
    connection = http.client.HTTPConnection(host.hostname, host.port, timeout=10)
    connection.request(method, path, body=json.dumps(body).encode(), headers=headers)
    response = connection.getresponse()
    answer = response.status, json.loads(response.read() or b"{}"), dict(response.getheaders())
    connection.close()
    return answer


def test_modelled_members_without_an_engine_behind_them_are_refused_by_name(server):
    comprehend = server.client("comprehend")
    code, message = refused(lambda: comprehend.detect_entities(
        Text="Ada Lovelace lived in London.", LanguageCode="en",
        DocumentReaderConfig={"DocumentReadAction": "TEXTRACT_DETECT_DOCUMENT_TEXT"}))
    assert code == "InvalidRequestException"
    assert message.startswith("DocumentReaderConfig is not supported here")

    rekognition = server.client("rekognition")
    code, message = refused(lambda: rekognition.detect_text(
        Image={"S3Object": {"Bucket": "images", "Name": "sign.png", "Version": "3"}}))
    assert code == "InvalidParameterException"
    assert message.startswith("Image.S3Object.Version is not supported here")
    code, message = refused(lambda: rekognition.compare_faces(
        SourceImage={"S3Object": {"Bucket": "images", "Name": "n", "Version": "2"}},
        TargetImage={"Bytes": b"\xff\xd8"}))
    assert (code, message.split(" ")[0]) == ("InvalidParameterException", "SourceImage.S3Object.Version")

    translate = server.client("translate")
    code, message = refused(lambda: translate.start_text_translation_job(
        JobName="encrypted", DataAccessRoleArn=ROLE, SourceLanguageCode="en", TargetLanguageCodes=["es"],
        InputDataConfig={"S3Uri": "s3://translate-in/docs/", "ContentType": "text/plain"},
        OutputDataConfig={"S3Uri": "s3://translate-out/", "EncryptionKey": {"Type": "KMS", "Id": "key"}}))
    assert code == "InvalidRequestException"
    assert message.startswith("OutputDataConfig.EncryptionKey is not supported here")


def test_unknown_members_are_refused_with_each_services_error(server):
    # awsJson (Transcribe): the member's path, nested ones included, and the service's own error code.
    headers = {"Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "Transcribe.ListVocabularies"}
    status, body, _ = raw(server, "POST", "/", {"MaxResults": 5, "Colour": "red"}, headers)
    assert status == 400
    assert body["__type"].endswith("BadRequestException")
    assert body["message"].startswith("Colour is not supported here")
    headers["X-Amz-Target"] = "Comprehend_20171127.DetectSentiment"
    status, body, _ = raw(server, "POST", "/", {"Text": "Fine.", "LanguageCode": "en", "Mood": None}, headers)
    assert status == 200, body  # a null member is absent
    assert body["Sentiment"] in ("POSITIVE", "NEUTRAL", "NEGATIVE", "MIXED")
    # rest-json (Polly): the body's unknown member, beside the path's label, which is read.
    lexicon = {"Content": "<lexicon/>", "Alphabet": "ipa"}
    json_type = {"Content-Type": "application/json"}
    status, body, answer_headers = raw(server, "PUT", "/v1/lexicons/unread", lexicon, json_type)
    assert status == 400
    assert answer_headers.get("x-amzn-ErrorType", "").startswith("ValidationException")
    assert body["message"].startswith("Alphabet is not supported here")
    # Tags, which newer Polly models give PutLexicon, are accepted (and not kept: there is no ListTagsForResource).
    tagged = {"Content": '<?xml version="1.0" encoding="UTF-8"?><lexicon version="1.0" '
                         'xmlns="http://www.w3.org/2005/01/pronunciation-lexicon" alphabet="ipa" xml:lang="en-US">'
                         '<lexeme><grapheme>W3C</grapheme><alias>World Wide Web Consortium</alias></lexeme></lexicon>',
              "Tags": [{"Key": "team", "Value": "voice"}]}
    status, body, _ = raw(server, "PUT", "/v1/lexicons/tagged", tagged, json_type)
    assert status == 200, body
