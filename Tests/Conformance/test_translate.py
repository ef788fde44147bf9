"""Translate on Apertium, driven by boto3: direct pairs, pivots, automatic source detection, errors."""

import subprocess

import botocore.exceptions
import pytest


@pytest.fixture
def translate(server):
    return server.client("translate")


def code(excinfo):
    return excinfo.value.response["Error"]["Code"]


def apertium(pair, text):
    return subprocess.run(["apertium", "-u", pair], input=text, capture_output=True, text=True, check=True).stdout.strip()


@pytest.mark.parametrize("text", ["The cats are in the garden.", "Where is the train station?",
                                  "I would like two coffees and a glass of water, please."])
def test_translate_text_matches_the_apertium_command_line(translate, text):
    result = translate.translate_text(Text=text, SourceLanguageCode="en", TargetLanguageCode="es")
    assert result["SourceLanguageCode"] == "en" and result["TargetLanguageCode"] == "es"
    assert result["TranslatedText"] == apertium("eng-spa", text)


def test_pivots_through_a_shared_language(translate):
    result = translate.translate_text(Text="Le chat est dans le jardin.", SourceLanguageCode="fr",
                                      TargetLanguageCode="en")
    assert result["TranslatedText"] == apertium("spa-eng", apertium("fr-es", "Le chat est dans le jardin."))
    assert "cat" in result["TranslatedText"] and "garden" in result["TranslatedText"]


def test_auto_detects_the_source_through_comprehend(translate):
    result = translate.translate_text(Text="El gato está en el jardín con los niños.", SourceLanguageCode="auto",
                                      TargetLanguageCode="en")
    assert result["SourceLanguageCode"] == "es"
    assert "cat" in result["TranslatedText"]


def test_whitespace_and_markup_characters_survive(translate):
    text = "  The price is <5> [dollars] and 3/4 {of} $10 \\ ok  "
    result = translate.translate_text(Text=text, SourceLanguageCode="en", TargetLanguageCode="es")["TranslatedText"]
    assert result.startswith("  ") and result.endswith("  ")
    for kept in ("<5>", "[", "]", "3/4", "{", "}", "$10", "\\"):
        assert kept in result


def test_unknown_words_lose_their_marks(translate):
    result = translate.translate_text(Text="I have a xyzzy dog.", SourceLanguageCode="en", TargetLanguageCode="es")
    assert "xyzzy" in result["TranslatedText"] and "*" not in result["TranslatedText"]


def test_list_languages_names_every_reachable_language(translate):
    result = translate.list_languages()
    codes = [language["LanguageCode"] for language in result["Languages"]]
    assert {"en", "es", "fr", "ca", "pt", "gl", "it"} <= set(codes)
    assert {language["LanguageCode"]: language["LanguageName"] for language in result["Languages"]}["es"] == "Spanish"
    spanish = translate.list_languages(DisplayLanguageCode="es", MaxResults=2)
    assert len(spanish["Languages"]) == 2 and spanish["NextToken"]
    rest = translate.list_languages(DisplayLanguageCode="es", NextToken=spanish["NextToken"])
    assert [l["LanguageCode"] for l in spanish["Languages"] + rest["Languages"]] == codes


def test_errors(translate):
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        translate.translate_text(Text="Hello", SourceLanguageCode="en", TargetLanguageCode="ja")
    assert code(excinfo) == "UnsupportedLanguagePairException"
    assert excinfo.value.response["SourceLanguageCode"] == "en"
    assert excinfo.value.response["TargetLanguageCode"] == "ja"
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        translate.translate_text(Text="Hello", SourceLanguageCode="en", TargetLanguageCode="en")
    assert code(excinfo) == "ValidationException"
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        translate.translate_text(Text="é" * 5001, SourceLanguageCode="es", TargetLanguageCode="en")
    assert code(excinfo) == "TextSizeLimitExceededException"
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        translate.translate_text(Text="Hello", SourceLanguageCode="en", TargetLanguageCode="es",
                                 Settings={"Formality": "FORMAL"})
    assert code(excinfo) == "ValidationException"
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        translate.translate_text(Text="Hello", SourceLanguageCode="en", TargetLanguageCode="es",
                                 TerminologyNames=["missing"])
    assert code(excinfo) == "ResourceNotFoundException"
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        translate.translate_text(Text="Hello", SourceLanguageCode="en", TargetLanguageCode="eo",
                                 Settings={"Profanity": "MASK"})
    assert code(excinfo) == "ValidationException"
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        translate.list_languages(NextToken="bogus")
    assert code(excinfo) == "InvalidParameterValueException"


HTML = ('<html><head><title>The house</title></head><body><p>Hello <b>big</b> world &amp; friends.</p>'
        '<p>The cat is <a href="/x">here</a>.</p></body></html>')


def test_translate_document_keeps_html_markup_as_the_command_line_does(translate):
    result = translate.translate_document(Document={"Content": HTML.encode(), "ContentType": "text/html"},
                                          SourceLanguageCode="en", TargetLanguageCode="es")
    translated = result["TranslatedDocument"]["Content"].decode()
    expected = subprocess.run(["apertium", "-u", "-f", "html", "eng-spa"], input=HTML, capture_output=True,
                              text=True, check=True).stdout
    assert translated == expected
    for markup in ("<title>", "<b>", "</b>", '<a href="/x">', "&amp;", "</html>"):
        assert markup in translated
    assert "gato" in translated and "casa" in translated


def test_translate_document_plain_text_with_auto_source(translate):
    text = "The cat is here.\n\nThe dog is there."
    result = translate.translate_document(Document={"Content": text.encode(), "ContentType": "text/plain"},
                                          SourceLanguageCode="auto", TargetLanguageCode="es")
    assert result["SourceLanguageCode"] == "en"
    assert result["TranslatedDocument"]["Content"].decode() == apertium("eng-spa", text)


def test_translate_document_errors(translate):
    docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        translate.translate_document(Document={"Content": b"PK\x03\x04", "ContentType": docx},
                                     SourceLanguageCode="en", TargetLanguageCode="es")
    assert code(excinfo) == "InvalidRequestException"
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        translate.translate_document(Document={"Content": b"x" * 102_401, "ContentType": "text/plain"},
                                     SourceLanguageCode="en", TargetLanguageCode="es")
    assert code(excinfo) == "LimitExceededException"
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        translate.translate_document(Document={"Content": b"Hello", "ContentType": "text/plain"},
                                     SourceLanguageCode="en", TargetLanguageCode="ja")
    assert code(excinfo) == "UnsupportedLanguagePairException"


TERMS_CSV = 'en,es,fr\ncat,minino,minou\n"big, red dog",perrazo,\n'
TERMS_TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="phrase" adminlang="en"
 creationtool="test" creationtoolversion="1" o-tmf="x"/><body>
<tu><tuv xml:lang="en"><seg>garden</seg></tuv><tuv xml:lang="es"><seg>huerto</seg></tuv></tu>
</body></tmx>"""


def test_a_terminology_entry_overrides_the_engine(translate, server):
    translate.import_terminology(Name="pets", MergeStrategy="OVERWRITE",
                                 TerminologyData={"File": TERMS_CSV.encode(), "Format": "CSV"})
    text = "The cat saw the big, red dog."
    plain = translate.translate_text(Text=text, SourceLanguageCode="en", TargetLanguageCode="es")
    assert "gato" in plain["TranslatedText"] and "AppliedTerminologies" not in plain
    result = translate.translate_text(Text=text, SourceLanguageCode="en", TargetLanguageCode="es",
                                      TerminologyNames=["pets"])
    assert "minino" in result["TranslatedText"] and "perrazo" in result["TranslatedText"]
    assert "gato" not in result["TranslatedText"]
    applied = result["AppliedTerminologies"]
    assert applied[0]["Name"] == "pets"
    assert {(t["SourceText"], t["TargetText"]) for t in applied[0]["Terms"]} == {("cat", "minino"),
                                                                                 ("big, red dog", "perrazo")}
    capital = translate.translate_text(Text="Cats aside, Cat is here.", SourceLanguageCode="en",
                                       TargetLanguageCode="es", TerminologyNames=["pets"])["TranslatedText"]
    assert "Minino" in capital


def test_terminology_lifecycle_and_formats(translate):
    imported = translate.import_terminology(Name="garden-terms", MergeStrategy="OVERWRITE", Description="tmx",
                                            TerminologyData={"File": TERMS_TMX.encode(), "Format": "TMX",
                                                             "Directionality": "MULTI"})["TerminologyProperties"]
    assert imported["SourceLanguageCode"] == "en" and imported["TargetLanguageCodes"] == ["es"]
    assert imported["TermCount"] == 1 and imported["Directionality"] == "MULTI" and imported["Format"] == "TMX"
    back = translate.translate_text(Text="El huerto es grande.", SourceLanguageCode="es", TargetLanguageCode="en",
                                    TerminologyNames=["garden-terms"])
    assert "garden" in back["TranslatedText"]
    got = translate.get_terminology(Name="garden-terms", TerminologyDataFormat="CSV")
    assert got["TerminologyProperties"]["Name"] == "garden-terms"
    assert got["TerminologyDataLocation"]["RepositoryType"] == "S3"
    import urllib.request
    assert urllib.request.urlopen(got["TerminologyDataLocation"]["Location"]).read().decode() == "en,es\ngarden,huerto\n"
    names = [p["Name"] for p in translate.list_terminologies()["TerminologyPropertiesList"]]
    assert "garden-terms" in names
    translate.delete_terminology(Name="garden-terms")
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        translate.get_terminology(Name="garden-terms")
    assert code(excinfo) == "ResourceNotFoundException"
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        translate.delete_terminology(Name="garden-terms")
    assert code(excinfo) == "ResourceNotFoundException"


def test_terminology_errors(translate):
    for data in ({"File": b"en\nonly-one-language\n", "Format": "CSV"},
                 {"File": b"<tmx><body><tu>", "Format": "TMX"},
                 {"File": b"en,es\n", "Format": "CSV"}):
        with pytest.raises(botocore.exceptions.ClientError) as excinfo:
            translate.import_terminology(Name="bad", MergeStrategy="OVERWRITE", TerminologyData=data)
        assert code(excinfo) == "InvalidParameterValueException"
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        translate.translate_text(Text="Hello", SourceLanguageCode="en", TargetLanguageCode="es",
                                 TerminologyNames=["missing"])
    assert code(excinfo) == "ResourceNotFoundException"


ROLE = "arn:aws:iam::123456789012:role/TranslateAccess"


def wait_for_job(translate, job_id, seconds=30):
    import time
    deadline = time.time() + seconds
    while time.time() < deadline:
        job = translate.describe_text_translation_job(JobId=job_id)["TextTranslationJobProperties"]
        if job["JobStatus"] not in ("SUBMITTED", "IN_PROGRESS", "STOP_REQUESTED"):
            return job
        time.sleep(0.1)
    raise AssertionError(f"job {job_id} did not finish")


def test_batch_translation_writes_outputs_and_details_as_aws_lays_them_out(translate, server):
    import json
    s3 = server.client("s3")
    s3.create_bucket(Bucket="batch-in")
    s3.create_bucket(Bucket="batch-out")
    s3.put_object(Bucket="batch-in", Key="docs/a.txt", Body=b"The cat is in the garden.")
    s3.put_object(Bucket="batch-in", Key="docs/b.txt", Body=b"Where is the train station?")
    s3.put_object(Bucket="batch-in", Key="docs/bad.txt", Body=b"\xff\xfe not text")
    started = translate.start_text_translation_job(
        JobName="nightly", InputDataConfig={"S3Uri": "s3://batch-in/docs/", "ContentType": "text/plain"},
        OutputDataConfig={"S3Uri": "s3://batch-out/results/"}, DataAccessRoleArn=ROLE, SourceLanguageCode="en",
        TargetLanguageCodes=["es", "ca"])
    assert started["JobStatus"] == "SUBMITTED" and len(started["JobId"]) == 32
    job = wait_for_job(translate, started["JobId"])
    assert job["JobStatus"] == "COMPLETED_WITH_ERROR" and job["JobName"] == "nightly"
    assert job["JobDetails"] == {"TranslatedDocumentsCount": 4, "DocumentsWithErrorsCount": 2, "InputDocumentsCount": 3}
    folder = f"results/000000000000-TranslateText-{started['JobId']}/"
    assert job["OutputDataConfig"]["S3Uri"] == f"s3://batch-out/{folder}"
    keys = {o["Key"] for o in s3.list_objects_v2(Bucket="batch-out", Prefix=folder)["Contents"]}
    assert {folder + name for name in ("es.a.txt", "es.b.txt", "ca.a.txt", "ca.b.txt",
                                       "details/es.auxiliary-translation-details.json",
                                       "details/ca.auxiliary-translation-details.json")} == keys
    translated = s3.get_object(Bucket="batch-out", Key=folder + "es.a.txt")["Body"].read().decode()
    assert translated == apertium("eng-spa", "The cat is in the garden.")
    details = json.loads(s3.get_object(Bucket="batch-out", Key=folder + "details/es.auxiliary-translation-details.json")
                         ["Body"].read())
    assert details["sourceLanguageCode"] == "en" and details["targetLanguageCode"] == "es"
    assert details["documentCountWithCustomerError"] == "1" and details["inputDataPrefix"] == "s3://batch-in/docs/"
    assert {d["sourceFile"] for d in details["details"]} == {"a.txt", "b.txt", "bad.txt"}
    listed = translate.list_text_translation_jobs(Filter={"JobName": "nightly"})["TextTranslationJobPropertiesList"]
    assert [j["JobId"] for j in listed] == [started["JobId"]]


def test_a_repeated_client_token_starts_no_second_job(translate, server):
    s3 = server.client("s3")
    s3.create_bucket(Bucket="token-in")
    s3.put_object(Bucket="token-in", Key="a.txt", Body=b"Hello.")
    request = dict(InputDataConfig={"S3Uri": "s3://token-in", "ContentType": "text/plain"},
                   OutputDataConfig={"S3Uri": "s3://token-in/out"}, DataAccessRoleArn=ROLE,
                   SourceLanguageCode="en", TargetLanguageCodes=["es"], ClientToken="retry-1")
    first = translate.start_text_translation_job(**request)
    second = translate.start_text_translation_job(**request)
    assert first["JobId"] == second["JobId"]


def test_batch_translation_can_be_stopped(translate, server):
    s3 = server.client("s3")
    s3.create_bucket(Bucket="stop-in")
    s3.create_bucket(Bucket="stop-out")
    for index in range(150):
        s3.put_object(Bucket="stop-in", Key=f"d{index:03}.txt", Body=b"The cat is in the garden. " * 20)
    started = translate.start_text_translation_job(
        InputDataConfig={"S3Uri": "s3://stop-in", "ContentType": "text/plain"},
        OutputDataConfig={"S3Uri": "s3://stop-out"}, DataAccessRoleArn=ROLE, SourceLanguageCode="en",
        TargetLanguageCodes=["es"])
    stopped = translate.stop_text_translation_job(JobId=started["JobId"])
    assert stopped["JobStatus"] in ("STOP_REQUESTED", "COMPLETED")
    job = wait_for_job(translate, started["JobId"])
    assert job["JobStatus"] == "STOPPED" and job["JobDetails"]["TranslatedDocumentsCount"] < 150


def test_batch_translation_errors(translate):
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        translate.start_text_translation_job(
            InputDataConfig={"S3Uri": "s3://no-such-bucket/x", "ContentType": "text/plain"},
            OutputDataConfig={"S3Uri": "s3://no-such-bucket"}, DataAccessRoleArn=ROLE, SourceLanguageCode="en",
            TargetLanguageCodes=["es"])
    assert code(excinfo) == "InvalidRequestException"
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        translate.describe_text_translation_job(JobId="0" * 32)
    assert code(excinfo) == "ResourceNotFoundException"
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        translate.stop_text_translation_job(JobId="0" * 32)
    assert code(excinfo) == "ResourceNotFoundException"


def test_profanity_is_masked_in_the_target_language(translate):
    text = "This damn printer is shit, but the manual is fine."
    plain = translate.translate_text(Text="This shit is fine.", SourceLanguageCode="es", TargetLanguageCode="en")
    assert "AppliedSettings" not in plain
    masked = translate.translate_text(Text=text, SourceLanguageCode="en", TargetLanguageCode="es",
                                      Settings={"Profanity": "MASK"})
    unmasked = translate.translate_text(Text=text, SourceLanguageCode="en", TargetLanguageCode="es")["TranslatedText"]
    assert masked["AppliedSettings"] == {"Profanity": "MASK"}
    assert "?$#@$" in masked["TranslatedText"] and "?$#@$" not in unmasked
    assert masked["TranslatedText"].count("?$#@$") >= 1 and "manual" in masked["TranslatedText"]
    english = translate.translate_text(Text="Esta mierda está bien.", SourceLanguageCode="es", TargetLanguageCode="en",
                                       Settings={"Profanity": "MASK"})["TranslatedText"]
    assert "?$#@$" in english and "shit" not in english.lower()


DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def make_docx(paragraphs):
    import io
    import zipfile
    body = "".join(f'<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'
                   for text in paragraphs)
    parts = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.'
                               'openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="'
                               'application/xml"/></Types>',
        "word/document.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="http://'
                             'schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' + body +
                             '</w:body></w:document>',
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        for name, text in parts.items():
            package.writestr(name, text)
    return buffer.getvalue()


def document_xml(docx):
    import io
    import zipfile
    return zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml").decode()


def test_translate_document_keeps_word_formatting_as_the_command_line_does(translate, tmp_path):
    docx = make_docx(["The cat is in the garden.", "Where is the train station?"])
    result = translate.translate_document(Document={"Content": docx, "ContentType": DOCX_TYPE},
                                          SourceLanguageCode="en", TargetLanguageCode="es")
    ours = document_xml(result["TranslatedDocument"]["Content"])
    (tmp_path / "in.docx").write_bytes(docx)
    subprocess.run(["apertium", "-u", "-f", "docx", "eng-spa", str(tmp_path / "in.docx"), str(tmp_path / "out.docx")],
                   check=True)
    assert ours == document_xml((tmp_path / "out.docx").read_bytes())
    assert "<w:b/>" in ours and "gato" in ours and "jardín" in ours


def test_batch_translation_of_word_documents(translate, server):
    s3 = server.client("s3")
    s3.create_bucket(Bucket="docx-in")
    s3.create_bucket(Bucket="docx-out")
    s3.put_object(Bucket="docx-in", Key="report.docx", Body=make_docx(["The cat is in the garden."]))
    started = translate.start_text_translation_job(
        InputDataConfig={"S3Uri": "s3://docx-in/", "ContentType": DOCX_TYPE},
        OutputDataConfig={"S3Uri": "s3://docx-out/"}, DataAccessRoleArn=ROLE, SourceLanguageCode="en",
        TargetLanguageCodes=["es"])
    job = wait_for_job(translate, started["JobId"])
    assert job["JobStatus"] == "COMPLETED"
    key = f"000000000000-TranslateText-{started['JobId']}/es.report.docx"
    assert "gato" in document_xml(s3.get_object(Bucket="docx-out", Key=key)["Body"].read())


def test_unknown_word_marks_can_be_kept_by_configuration(fresh_server):
    marked = fresh_server(env={"SIBYL_TRANSLATION_MARKS_UNKNOWN_WORDS": "true"}).client("translate")
    result = marked.translate_text(Text="I have a xyzzy dog.", SourceLanguageCode="en", TargetLanguageCode="es")
    assert "*xyzzy" in result["TranslatedText"]
    assert result["TranslatedText"] == subprocess.run(["apertium", "eng-spa"], input="I have a xyzzy dog.",
                                                      capture_output=True, text=True, check=True).stdout.strip()


def test_word_documents_with_links_are_refused(translate):
    import io
    import stat
    import zipfile
    buffer = io.BytesIO(make_docx(["The cat is in the garden."]))
    with zipfile.ZipFile(buffer, "a") as package:
        link = zipfile.ZipInfo("word/media/secret.png")
        link.create_system = 3
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        package.writestr(link, "/etc/hostname")
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        translate.translate_document(Document={"Content": buffer.getvalue(), "ContentType": DOCX_TYPE},
                                     SourceLanguageCode="en", TargetLanguageCode="es")
    assert code(excinfo) == "InvalidRequestException"
    assert "link" in excinfo.value.response["Error"]["Message"]


def test_earlier_requests_do_not_change_later_translations(translate):
    """Apertium's tagger keeps state across null-flushed requests (apertium issue 101); Sibyl runs it per
    request, so a sentence translates the same whatever came before it."""
    probe = "Right Alt never chooses 3rd level"
    expected = apertium("eng-spa", probe)
    translate.translate_text(Text="Binary has been created with GNU ld and is therefore known to be broken in "
                                  "certain ways", SourceLanguageCode="en", TargetLanguageCode="es")
    for _ in range(3):
        assert translate.translate_text(Text=probe, SourceLanguageCode="en",
                                        TargetLanguageCode="es")["TranslatedText"] == expected
