"""Comprehend syntax, key phrases, entities and sentiment, driven by boto3 against the trained English models."""

import json
import subprocess

import botocore.exceptions
import pytest

from conftest import SIBYL_BIN

NEWS = ("Apple is looking at buying a U.K. startup for $1 billion, Tim Cook said in London on Monday. "
        "The company's shares rose 3 percent.")


@pytest.fixture
def comprehend(server):
    return server.client("comprehend")


def code(excinfo):
    return excinfo.value.response["Error"]["Code"]


def span(text, item):
    return text[item["BeginOffset"]:item["EndOffset"]]


def test_detect_syntax_tags_tokens_with_offsets(comprehend):
    text = "The quick brown fox jumped over the lazy dog. She didn't see it."
    tokens = comprehend.detect_syntax(Text=text, LanguageCode="en")["SyntaxTokens"]
    assert [t["TokenId"] for t in tokens] == list(range(1, len(tokens) + 1))
    assert all(span(text, t) == t["Text"] for t in tokens)
    tags = {t["Text"]: t["PartOfSpeech"]["Tag"] for t in tokens}
    assert tags["The"] == "DET" and tags["fox"] == "NOUN" and tags["jumped"] == "VERB"
    assert tags["over"] == "ADP" and tags["lazy"] == "ADJ" and tags["."] == "PUNCT"
    assert tags["She"] == "PRON" and tags["n't"] == "PART"
    assert all(0 < t["PartOfSpeech"]["Score"] <= 1 for t in tokens)


def test_offsets_count_code_points_across_emoji_accents_and_cjk(comprehend):
    text = "Zoë 👍🏽 loves the café in Paris. 東京 is far."
    tokens = comprehend.detect_syntax(Text=text, LanguageCode="en")["SyntaxTokens"]
    assert all(span(text, t) == t["Text"] for t in tokens)
    assert "Paris" in [t["Text"] for t in tokens] and "東京" in [t["Text"] for t in tokens]
    entities = comprehend.detect_entities(Text=text, LanguageCode="en")["Entities"]
    assert all(span(text, e) == e["Text"] for e in entities)
    assert {"Type": "LOCATION", "Text": "Paris"} in [{"Type": e["Type"], "Text": e["Text"]} for e in entities]


def test_detect_entities_finds_people_places_organisations_dates_and_quantities(comprehend):
    entities = comprehend.detect_entities(Text=NEWS, LanguageCode="en")["Entities"]
    found = {(e["Type"], e["Text"]) for e in entities}
    assert ("PERSON", "Tim Cook") in found
    assert ("LOCATION", "London") in found
    assert ("ORGANIZATION", "Apple") in found
    assert ("DATE", "Monday") in found
    assert any(kind == "QUANTITY" and "1 billion" in text for kind, text in found)
    assert all(0 < e["Score"] <= 1 and span(NEWS, e) == e["Text"] for e in entities)


def test_detect_key_phrases_are_noun_phrases(comprehend):
    text = "The old stone bridge over the river was closed for three days by the city council."
    phrases = comprehend.detect_key_phrases(Text=text, LanguageCode="en")["KeyPhrases"]
    texts = [p["Text"] for p in phrases]
    assert "The old stone bridge" in texts and "the river" in texts and "three days" in texts
    assert "the city council" in texts
    assert all(span(text, p) == p["Text"] and 0 < p["Score"] <= 1 for p in phrases)


@pytest.mark.parametrize("text,expected", [
    ("This movie was wonderful, moving and beautifully acted. I loved every minute.", "POSITIVE"),
    ("The service was terrible and the food was cold. I will never go back.", "NEGATIVE"),
    ("The meeting is scheduled for Tuesday at the main office.", "NEUTRAL"),
    ("The acting was brilliant and I loved the music. But the plot was awful and boring.", "MIXED"),
])
def test_detect_sentiment(comprehend, text, expected):
    result = comprehend.detect_sentiment(Text=text, LanguageCode="en")
    scores = result["SentimentScore"]
    assert result["Sentiment"] == expected
    assert set(scores) == {"Positive", "Negative", "Neutral", "Mixed"}
    assert abs(sum(scores.values()) - 1) < 1e-6
    assert max(scores, key=scores.get).upper() == expected


def test_batches_answer_good_documents_and_report_bad_ones(comprehend):
    documents = ["Paris is lovely in spring.", "x" * 100_001, "Berlin is big."]
    for call in (comprehend.batch_detect_syntax, comprehend.batch_detect_entities, comprehend.batch_detect_key_phrases):
        result = call(TextList=documents, LanguageCode="en")
        assert [r["Index"] for r in result["ResultList"]] == [0, 2]
        assert {e["Index"]: e["ErrorCode"] for e in result["ErrorList"]} == {1: "TEXT_SIZE_LIMIT_EXCEEDED"}
    places = comprehend.batch_detect_entities(TextList=documents, LanguageCode="en")["ResultList"]
    assert [e["Text"] for e in places[1]["Entities"]] == ["Berlin"]
    result = comprehend.batch_detect_sentiment(TextList=["I love it.", "x" * 5_001], LanguageCode="en")
    assert result["ResultList"][0]["Index"] == 0 and result["ResultList"][0]["Sentiment"] == "POSITIVE"
    assert result["ErrorList"][0]["Index"] == 1 and result["ErrorList"][0]["ErrorCode"] == "TEXT_SIZE_LIMIT_EXCEEDED"


def test_errors(comprehend):
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        comprehend.detect_syntax(Text="Hallo Freunde", LanguageCode="de")
    assert code(excinfo) == "UnsupportedLanguageException"
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        comprehend.detect_entities(Text="x" * 100_001, LanguageCode="en")
    assert code(excinfo) == "TextSizeLimitExceededException"
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        comprehend.detect_syntax(Text="word " * 1001, LanguageCode="en")
    assert code(excinfo) == "TextSizeLimitExceededException"
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        comprehend.detect_sentiment(Text="good " * 1001, LanguageCode="en")
    assert code(excinfo) == "TextSizeLimitExceededException"
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        comprehend.batch_detect_entities(TextList=["a"] * 26, LanguageCode="en")
    assert code(excinfo) == "BatchSizeLimitExceededException"
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        comprehend.batch_detect_sentiment(TextList=["I love it"], LanguageCode="fr")
    assert code(excinfo) == "UnsupportedLanguageException"


def test_cli_detect_entities(tmp_path):
    output = subprocess.run(
        [SIBYL_BIN, "call", "comprehend", "DetectEntities", "--data-dir", str(tmp_path),
         "--input", json.dumps({"Text": "Marie Curie worked in Paris.", "LanguageCode": "en"})],
        capture_output=True, text=True, check=True).stdout
    entities = json.loads(output)["Entities"]
    assert {(e["Type"], e["Text"]) for e in entities} >= {("PERSON", "Marie Curie"), ("LOCATION", "Paris")}


def test_detect_targeted_sentiment_gives_each_target_its_clause_sentiment(comprehend):
    text = "The hotel in Boston was wonderful and friendly, but the breakfast was cold and awful."
    entities = comprehend.detect_targeted_sentiment(Text=text, LanguageCode="en")["Entities"]
    mentions = {m["Text"]: m for entity in entities for m in entity["Mentions"]}
    assert mentions["Boston"]["Type"] == "LOCATION"
    assert mentions["breakfast"]["MentionSentiment"]["Sentiment"] == "NEGATIVE"
    assert mentions["hotel"]["MentionSentiment"]["Sentiment"] == "POSITIVE"
    for entity in entities:
        assert entity["DescriptiveMentionIndex"] and all(i < len(entity["Mentions"]) for i in entity["DescriptiveMentionIndex"])
        for mention in entity["Mentions"]:
            assert text[mention["BeginOffset"]:mention["EndOffset"]] == mention["Text"]
            assert abs(sum(mention["MentionSentiment"]["SentimentScore"].values()) - 1) < 1e-6
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        comprehend.detect_targeted_sentiment(Text="Muy bien", LanguageCode="es")
    assert code(excinfo) == "UnsupportedLanguageException"
    batch = comprehend.batch_detect_targeted_sentiment(TextList=[text, "x" * 5_001], LanguageCode="en")
    assert [r["Index"] for r in batch["ResultList"]] == [0] and batch["ErrorList"][0]["Index"] == 1


@pytest.mark.parametrize("text", ["but", ";", "I liked it. However", "However; but"])
def test_targeted_sentiment_takes_sentences_that_are_only_a_conjunction(comprehend, text):
    comprehend.detect_targeted_sentiment(Text=text, LanguageCode="en")
    assert comprehend.detect_dominant_language(Text="The server is still answering.")["Languages"]


def test_detect_entities_refuses_what_needs_a_custom_recognizer(comprehend):
    arn = "arn:aws:comprehend:us-east-1:123456789012:entity-recognizer-endpoint/my-endpoint"
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        comprehend.detect_entities(Text="Paris", EndpointArn=arn)
    assert code(excinfo) == "ResourceUnavailableException"
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        comprehend.detect_entities(Text="Paris")
    assert code(excinfo) == "InvalidRequestException"


def test_spanish_syntax_and_key_phrases_come_from_apertium(comprehend):
    text = "El niño comió del pastel en la casa blanca de Madrid. ¿Vienes mañana?"
    tokens = comprehend.detect_syntax(Text=text, LanguageCode="es")["SyntaxTokens"]
    assert all(span(text, t) == t["Text"] for t in tokens)
    tags = {t["Text"]: t["PartOfSpeech"]["Tag"] for t in tokens}
    assert tags["El"] == "DET" and tags["niño"] == "NOUN" and tags["comió"] == "VERB" and tags["blanca"] == "ADJ"
    assert tags["Madrid"] == "PROPN" and tags["del"] == "ADP" and tags["¿"] == "PUNCT"
    phrases = [p["Text"] for p in comprehend.detect_key_phrases(Text=text, LanguageCode="es")["KeyPhrases"]]
    assert "El niño" in phrases and "la casa blanca de Madrid" in phrases
    batch = comprehend.batch_detect_syntax(TextList=["Hola.", "x" * 100_001], LanguageCode="es")
    assert [r["Index"] for r in batch["ResultList"]] == [0] and batch["ErrorList"][0]["Index"] == 1
