"""Lex V2 bot import through the API with boto3: CreateUploadUrl, a PUT of the export's zip, StartImport,
DescribeImport and ListImports, then a conversation with the imported bot."""

import io
import time
import urllib.request
import uuid
import zipfile

import botocore.exceptions
import pytest

from conftest import REPO

ROLE = "arn:aws:iam::123456789012:role/ImportRole"


def export_zip(name):
    """The sample bot's export folder as the zip Lex's export gives."""
    folder = REPO / "Resources" / "bots" / name
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in folder.rglob("*"):
            if path.is_file():
                archive.write(path, path.relative_to(folder))
    return buffer.getvalue()


def upload(models, body):
    answer = models.create_upload_url()
    request = urllib.request.Request(answer["uploadUrl"], data=body, method="PUT")
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.status == 200
    return answer["importId"]


def finished(models, import_id):
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        described = models.describe_import(importId=import_id)
        if described["importStatus"] != "InProgress":
            return described
        time.sleep(0.2)
    raise AssertionError("the import did not finish")


def start(models, import_id, name, strategy="FailOnConflict"):
    return models.start_import(
        importId=import_id, mergeStrategy=strategy, resourceSpecification={"botImportSpecification": {
            "botName": name, "roleArn": ROLE, "dataPrivacy": {"childDirected": False}, "idleSessionTTLInSeconds": 600}})


def test_a_bot_export_is_uploaded_imported_and_converses(server):
    models, runtime = server.client("lexv2-models"), server.client("lexv2-runtime")
    name = f"ImportedTrip{uuid.uuid4().hex[:6]}"
    import_id = upload(models, export_zip("BookTrip"))
    started = start(models, import_id, name)
    assert started["importStatus"] == "InProgress" and started["mergeStrategy"] == "FailOnConflict"
    described = finished(models, import_id)
    assert described["importStatus"] == "Completed", described.get("failureReasons")
    assert described["importedResourceName"] == name
    bot_id = described["importedResourceId"]
    bot = models.describe_bot(botId=bot_id)
    assert bot["botName"] == name and bot["roleArn"] == ROLE and bot["idleSessionTTLInSeconds"] == 600
    while models.describe_bot_locale(botId=bot_id, botVersion="DRAFT", localeId="en_US")["botLocaleStatus"] != "Built":
        time.sleep(0.2)
    reply = runtime.recognize_text(botId=bot_id, botAliasId="TSTALIASID", localeId="en_US",
                                   sessionId=uuid.uuid4().hex, text="I need a room in Lisbon")
    assert reply["sessionState"]["intent"]["name"] == "BookHotel"
    summaries = models.list_imports(botId=bot_id)["importSummaries"]
    assert [s["importId"] for s in summaries] == [import_id] and summaries[0]["importedResourceType"] == "Bot"
    # Every import here is of a bot: a resource-type filter keeps or drops it, a locale asks for locale imports.
    bots_only = [{"name": "ImportResourceType", "values": ["Bot"], "operator": "EQ"}]
    assert models.list_imports(botId=bot_id, filters=bots_only)["importSummaries"] == summaries
    locales_only = [{"name": "ImportResourceType", "values": ["BotLocale"], "operator": "EQ"}]
    assert models.list_imports(botId=bot_id, filters=locales_only)["importSummaries"] == []
    assert models.list_imports(botId=bot_id, localeId="en_US")["importSummaries"] == []
    newest_first = models.list_imports(sortBy={"attribute": "LastUpdatedDateTime", "order": "Descending"})
    times = [s["lastUpdatedDateTime"] for s in newest_first["importSummaries"]]
    assert times == sorted(times, reverse=True)
    assert import_id in [s["importId"] for s in newest_first["importSummaries"]]
    with pytest.raises(botocore.exceptions.ClientError) as bad_filter:
        models.list_imports(filters=[{"name": "ImportName", "values": ["x"], "operator": "EQ"}])
    assert bad_filter.value.response["Error"]["Code"] == "ValidationException"

    # The same name again: FailOnConflict fails the import with its reason; Overwrite replaces the bot.
    again = upload(models, export_zip("BookTrip"))
    start(models, again, name)
    failed = finished(models, again)
    assert failed["importStatus"] == "Failed" and "already exists" in failed["failureReasons"][0]
    replaced = upload(models, export_zip("BookTrip"))
    start(models, replaced, name, strategy="Overwrite")
    done = finished(models, replaced)
    assert done["importStatus"] == "Completed" and done["importedResourceId"] != bot_id
    with pytest.raises(botocore.exceptions.ClientError):
        models.describe_bot(botId=bot_id)
    assert models.delete_import(importId=replaced)["importStatus"] == "Deleting"


def test_import_errors(server):
    models = server.client("lexv2-models")
    with pytest.raises(botocore.exceptions.ClientError) as unknown:
        start(models, "NOSUCHID01", "Nothing")
    assert unknown.value.response["Error"]["Code"] == "ResourceNotFoundException"
    empty = models.create_upload_url()["importId"]
    with pytest.raises(botocore.exceptions.ClientError) as missing:
        start(models, empty, "Nothing")
    assert missing.value.response["Error"]["Code"] == "ValidationException" and "PUT" in missing.value.response["Error"]["Message"]
    bad = upload(models, b"this is not a zip file")
    start(models, bad, f"Bad{uuid.uuid4().hex[:6]}")
    failed = finished(models, bad)
    assert failed["importStatus"] == "Failed" and "zip" in failed["failureReasons"][0]
