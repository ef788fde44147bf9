"""Comprehend language detection (lid.176 with CLD2) and PII, driven by boto3."""

import os
import subprocess

import botocore.exceptions
import pytest

from conftest import SIBYL_BIN

SAMPLES = {
    "en": "The committee will publish its annual report on the state of the rivers next week.",
    "fr": "Le comité publiera la semaine prochaine son rapport annuel sur l'état des rivières.",
    "de": "Der Ausschuss wird nächste Woche seinen Jahresbericht über den Zustand der Flüsse veröffentlichen.",
    "es": "El comité publicará la próxima semana su informe anual sobre el estado de los ríos.",
    "it": "La commissione pubblicherà la prossima settimana la sua relazione annuale sullo stato dei fiumi.",
    "pt": "O comitê publicará na próxima semana seu relatório anual sobre o estado dos rios.",
    "nl": "De commissie publiceert volgende week haar jaarverslag over de toestand van de rivieren.",
    "ru": "Комитет опубликует на следующей неделе свой ежегодный доклад о состоянии рек.",
    "ja": "委員会は来週、河川の状態に関する年次報告書を発表します。",
    "zh": "委员会将于下周发布关于河流状况的年度报告。",
    "ar": "ستنشر اللجنة الأسبوع المقبل تقريرها السنوي عن حالة الأنهار.",
    "he": "הוועדה תפרסם בשבוע הבא את הדוח השנתי שלה על מצב הנהרות.",
}


@pytest.fixture
def comprehend(server):
    return server.client("comprehend")


def code(excinfo):
    return excinfo.value.response["Error"]["Code"]


@pytest.mark.parametrize("language", sorted(SAMPLES))
def test_detect_dominant_language(comprehend, language):
    languages = comprehend.detect_dominant_language(Text=SAMPLES[language])["Languages"]
    assert languages[0]["LanguageCode"] == language
    assert 0.5 < languages[0]["Score"] <= 1.0


def test_mixed_text_gives_several_candidates_best_first(comprehend):
    english = SAMPLES["en"] + " It will describe the water quality in every region and the measures taken."
    french = SAMPLES["fr"] + " Il décrira la qualité de l'eau dans chaque région et les mesures prises."
    text = f"{english} {french} {english}"
    languages = comprehend.detect_dominant_language(Text=text)["Languages"]
    assert [entry["LanguageCode"] for entry in languages][:2] == ["en", "fr"]
    scores = [entry["Score"] for entry in languages]
    assert scores == sorted(scores, reverse=True) and sum(scores) <= 1.0001


def test_mixed_text_scores_are_each_languages_share(comprehend):
    english = "I bought new shoes yesterday and they are very comfortable. We walked all day in the old town."
    spanish = "Ayer compré zapatos nuevos y son muy cómodos."
    languages = comprehend.detect_dominant_language(Text=f"{english} {spanish}")["Languages"]
    scores = {entry["LanguageCode"]: entry["Score"] for entry in languages}
    assert set(scores) == {"en", "es"}
    assert 0.55 < scores["en"] < 0.8 and 0.2 < scores["es"] < 0.45


def test_short_ambiguous_text_scores_low_and_clear_text_high(comprehend):
    assert comprehend.detect_dominant_language(Text="ok")["Languages"][0]["Score"] < 0.7
    clear = comprehend.detect_dominant_language(Text=SAMPLES["de"])["Languages"][0]
    assert clear["LanguageCode"] == "de" and clear["Score"] > 0.95


def test_traditional_chinese_and_text_without_letters(comprehend):
    traditional = comprehend.detect_dominant_language(Text="我們明天早上在臺北車站見面，請不要遲到。")["Languages"]
    assert traditional[0]["LanguageCode"] == "zh-TW"
    assert comprehend.detect_dominant_language(Text="12345 !!! 678")["Languages"] == []


def test_batch_answers_good_documents_and_reports_bad_ones(comprehend):
    documents = [SAMPLES["de"], "x" * 100_001, SAMPLES["es"]]
    result = comprehend.batch_detect_dominant_language(TextList=documents)
    assert [(r["Index"], r["Languages"][0]["LanguageCode"]) for r in result["ResultList"]] == [(0, "de"), (2, "es")]
    assert [(e["Index"], e["ErrorCode"]) for e in result["ErrorList"]] == [(1, "TEXT_SIZE_LIMIT_EXCEEDED")]


def test_limits(comprehend):
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        comprehend.detect_dominant_language(Text="x" * 100_001)
    assert code(excinfo) == "TextSizeLimitExceededException"
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        comprehend.batch_detect_dominant_language(TextList=[SAMPLES["en"]] * 26)
    assert code(excinfo) == "BatchSizeLimitExceededException"


def test_without_the_language_model_cld2_answers_alone_and_says_so(tmp_path):
    result = subprocess.run([SIBYL_BIN, "call", "comprehend", "DetectDominantLanguage", "--data-dir", str(tmp_path),
                             "--input", '{"Text": "Dies ist ein deutscher Satz über das Wetter."}'],
                            capture_output=True, text=True, check=True,
                            env=dict(os.environ, SIBYL_MODELS_DIRECTORY=str(tmp_path / "no-models")))
    assert '"LanguageCode" : "de"' in result.stdout
    assert "DetectDominantLanguage uses CLD2 alone" in result.stderr


def test_cli(tmp_path):
    output = subprocess.run([SIBYL_BIN, "call", "comprehend", "DetectDominantLanguage", "--data-dir", str(tmp_path),
                             "--input", '{"Text": "Dies ist ein deutscher Satz über das Wetter."}'],
                            capture_output=True, text=True, check=True).stdout
    assert '"LanguageCode" : "de"' in output


PII_TEXT = ("Hi, I'm writing from jane.doe@example.com about card 4111 1111 1111 1111. My SSN is 123-45-6789, "
            "call me at (206) 555-0100. Server 192.168.10.20, key AKIAIOSFODNN7EXAMPLE, IBAN GB82 WEST 1234 5698 "
            "7654 32. Café ☕ notes: https://example.com/x")


def test_detect_pii_entities(comprehend):
    entities = comprehend.detect_pii_entities(Text=PII_TEXT, LanguageCode="en")["Entities"]
    found = {entity["Type"]: PII_TEXT[entity["BeginOffset"]:entity["EndOffset"]] for entity in entities}
    assert found == {
        "EMAIL": "jane.doe@example.com", "CREDIT_DEBIT_NUMBER": "4111 1111 1111 1111", "SSN": "123-45-6789",
        "PHONE": "(206) 555-0100", "IP_ADDRESS": "192.168.10.20", "AWS_ACCESS_KEY": "AKIAIOSFODNN7EXAMPLE",
        "INTERNATIONAL_BANK_ACCOUNT_NUMBER": "GB82 WEST 1234 5698 7654 32", "URL": "https://example.com/x",
    }
    assert all(0 < entity["Score"] <= 1 for entity in entities)
    offsets = [entity["BeginOffset"] for entity in entities]
    assert offsets == sorted(offsets)


def test_contains_pii_entities(comprehend):
    labels = comprehend.contains_pii_entities(Text=PII_TEXT, LanguageCode="en")["Labels"]
    assert {label["Name"] for label in labels} >= {"EMAIL", "SSN", "CREDIT_DEBIT_NUMBER"}
    clean = comprehend.contains_pii_entities(Text="The weather is lovely today.", LanguageCode="en")
    assert clean["Labels"] == []


def test_pii_checksums_reject_lookalikes(comprehend):
    entities = comprehend.detect_pii_entities(Text="Invoice 4111 1111 1111 1112 and IBAN GB82 WEST 1234 5698 7654 33",
                                              LanguageCode="en")["Entities"]
    assert entities == []


def test_pii_errors(comprehend):
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        comprehend.detect_pii_entities(Text="Call 206-555-0100", LanguageCode="de")
    assert code(excinfo) == "UnsupportedLanguageException"
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        comprehend.detect_pii_entities(Text="x" * 100_001, LanguageCode="en")
    assert code(excinfo) == "TextSizeLimitExceededException"
