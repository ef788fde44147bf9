"""Lex V2 through boto3: build a bot with lexv2-models, converse with it through lexv2-runtime."""

import base64
import gzip
import json
import uuid

import botocore.exceptions
import pytest

from lex_bots import ROLE, create_flower_bot, text, wait_built


@pytest.fixture(scope="module")
def models(server):
    return server.client("lexv2-models")


@pytest.fixture(scope="module")
def runtime(server):
    return server.client("lexv2-runtime")


@pytest.fixture(scope="module")
def flower_bot(models):
    return create_flower_bot(models)


def say(runtime, bot_id, words, session, alias="TSTALIASID", **extra):
    return runtime.recognize_text(
        botId=bot_id, botAliasId=alias, localeId="en_US", sessionId=session, text=words, **extra
    )


def messages(response):
    return [m["content"] for m in response.get("messages", [])]


def error_code(excinfo):
    return excinfo.value.response["Error"]["Code"]


def test_bot_locale_is_built_with_counts(models, flower_bot):
    locale = models.describe_bot_locale(botId=flower_bot, botVersion="DRAFT", localeId="en_US")
    assert locale["botLocaleStatus"] == "Built"
    assert locale["localeName"] == "English (US)"
    assert locale["intentsCount"] == 3  # OrderFlowers, OpeningHours and the fallback intent Lex adds
    assert locale["slotTypesCount"] == 1
    bot = models.describe_bot(botId=flower_bot)
    assert bot["botStatus"] == "Available"
    assert bot["idleSessionTTLInSeconds"] == 300


def test_conversation_to_fulfilment(runtime, flower_bot):
    session = uuid.uuid4().hex
    reply = say(runtime, flower_bot, "I would like to order some flowers", session)
    state = reply["sessionState"]
    assert state["intent"]["name"] == "OrderFlowers"
    assert state["intent"]["state"] == "InProgress"
    assert state["dialogAction"] == {"type": "ElicitSlot", "slotToElicit": "FlowerType"}
    assert state["intent"]["slots"] == {"FlowerType": None, "PickupDate": None, "PickupTime": None}
    assert messages(reply) == ["What type of flowers would you like to order?"]
    assert reply["interpretations"][0]["nluConfidence"]["score"] >= 0.4

    reply = say(runtime, flower_bot, "lilies", session)
    assert reply["sessionState"]["intent"]["slots"]["FlowerType"]["value"]["interpretedValue"] == "lilies"
    assert messages(reply) == ["What day do you want the lilies to be picked up?"]

    reply = say(runtime, flower_bot, "2030-05-17", session)
    assert reply["sessionState"]["intent"]["slots"]["PickupDate"]["value"]["interpretedValue"] == "2030-05-17"
    assert reply["sessionState"]["dialogAction"]["slotToElicit"] == "PickupTime"

    reply = say(runtime, flower_bot, "at 4:30 pm", session)
    assert reply["sessionState"]["dialogAction"]["type"] == "ConfirmIntent"
    assert messages(reply) == [
        "Okay, your lilies will be ready for pickup by 16:30 on 2030-05-17. Does this sound okay?"
    ]

    reply = say(runtime, flower_bot, "yes please", session)
    intent = reply["sessionState"]["intent"]
    assert reply["sessionState"]["dialogAction"]["type"] == "Close"
    assert intent["state"] == "Fulfilled"
    assert intent["confirmationState"] == "Confirmed"
    assert messages(reply) == ["Thanks, your order for lilies has been placed."]


def test_slots_from_the_first_utterance_and_synonyms(runtime, flower_bot):
    reply = say(runtime, flower_bot, "send a tulip on 2031-01-02 at noon", uuid.uuid4().hex)
    slots = reply["sessionState"]["intent"]["slots"]
    assert slots["FlowerType"]["value"] == {
        "originalValue": "tulip",
        "interpretedValue": "tulips",
        "resolvedValues": ["tulips"],
    }
    assert slots["PickupDate"]["value"]["interpretedValue"] == "2031-01-02"
    assert slots["PickupTime"]["value"]["interpretedValue"] == "12:00"
    assert reply["sessionState"]["dialogAction"]["type"] == "ConfirmIntent"


def test_unrelated_utterances_end_in_the_fallback_intent(runtime, flower_bot):
    for words in ["what is the capital of mongolia", "xq zzv plorp", "play some jazz music"]:
        reply = say(runtime, flower_bot, words, uuid.uuid4().hex)
        assert reply["sessionState"]["intent"]["name"] == "FallbackIntent", words
        assert reply["sessionState"]["dialogAction"]["type"] == "Close"
        names = [i["intent"]["name"] for i in reply["interpretations"]]
        assert names[0] == "FallbackIntent"
        assert "OrderFlowers" in names


def test_declined_confirmation_and_retries(runtime, flower_bot):
    session = uuid.uuid4().hex
    say(runtime, flower_bot, "send roses on 2030-01-01 at 9 am", session)
    reply = say(runtime, flower_bot, "no", session)
    assert reply["sessionState"]["intent"]["state"] == "Failed"
    assert reply["sessionState"]["intent"]["confirmationState"] == "Denied"
    assert messages(reply) == ["Okay, I will not place your order."]

    session = uuid.uuid4().hex
    say(runtime, flower_bot, "I want to order flowers", session)
    reply = say(runtime, flower_bot, "a purple elephant dancing", session)
    assert messages(reply) == ["Sorry, which flowers?"]
    say(runtime, flower_bot, "a purple elephant dancing", session)
    reply = say(runtime, flower_bot, "a purple elephant dancing", session)
    assert reply["sessionState"]["intent"]["state"] == "Failed"
    assert reply["sessionState"]["dialogAction"]["type"] == "Close"


def test_sessions_get_put_delete(runtime, flower_bot):
    where = {"botId": flower_bot, "botAliasId": "TSTALIASID", "localeId": "en_US"}
    session = uuid.uuid4().hex
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        runtime.get_session(sessionId=session, **where)
    assert error_code(excinfo) == "ResourceNotFoundException"

    say(runtime, flower_bot, "I want to order flowers", session, sessionState={"sessionAttributes": {"customer": "Ann"}})
    got = runtime.get_session(sessionId=session, **where)
    assert got["sessionState"]["sessionAttributes"] == {"customer": "Ann"}
    assert got["sessionState"]["dialogAction"]["slotToElicit"] == "FlowerType"
    assert got["messages"][0]["content"] == "What type of flowers would you like to order?"

    put = runtime.put_session(
        sessionId=session,
        sessionState={
            "dialogAction": {"type": "ElicitSlot", "slotToElicit": "PickupTime"},
            "intent": {
                "name": "OrderFlowers",
                "slots": {
                    "FlowerType": {"value": {"interpretedValue": "roses"}},
                    "PickupDate": {"value": {"interpretedValue": "2030-02-03"}},
                },
            },
            "sessionAttributes": {"customer": "Bo"},
        },
        messages=[{"contentType": "PlainText", "content": "When should they be ready?"}],
        **where,
    )
    state = json.loads(gzip.decompress(base64.b64decode(put["sessionState"])))
    assert state["dialogAction"]["slotToElicit"] == "PickupTime"
    assert state["sessionAttributes"] == {"customer": "Bo"}
    sent = json.loads(gzip.decompress(base64.b64decode(put["messages"])))
    assert sent == [{"content": "When should they be ready?", "contentType": "PlainText"}]
    assert put["sessionId"] == session

    reply = say(runtime, flower_bot, "3 pm", session)
    assert reply["sessionState"]["intent"]["slots"]["PickupTime"]["value"]["interpretedValue"] == "15:00"
    assert reply["sessionState"]["dialogAction"]["type"] == "ConfirmIntent"
    assert "roses" in messages(reply)[0]

    deleted = runtime.delete_session(sessionId=session, **where)
    assert deleted["sessionId"] == session
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        runtime.get_session(sessionId=session, **where)
    assert error_code(excinfo) == "ResourceNotFoundException"


def test_listing_intents_slots_and_slot_types(models, flower_bot):
    where = {"botId": flower_bot, "botVersion": "DRAFT", "localeId": "en_US"}
    intents = models.list_intents(**where)["intentSummaries"]
    assert sorted(i["intentName"] for i in intents) == ["FallbackIntent", "OpeningHours", "OrderFlowers"]
    first = models.list_intents(maxResults=2, **where)
    assert len(first["intentSummaries"]) == 2
    rest = models.list_intents(maxResults=2, nextToken=first["nextToken"], **where)
    assert len(rest["intentSummaries"]) == 1 and "nextToken" not in rest
    only = models.list_intents(filters=[{"name": "IntentName", "values": ["Order"], "operator": "CO"}], **where)
    assert [i["intentName"] for i in only["intentSummaries"]] == ["OrderFlowers"]
    order = next(i for i in intents if i["intentName"] == "OrderFlowers")
    described = models.describe_intent(intentId=order["intentId"], **where)
    assert [p["priority"] for p in described["slotPriorities"]] == [1, 2, 3]
    slots = models.list_slots(intentId=order["intentId"], **where)["slotSummaries"]
    assert sorted(s["slotName"] for s in slots) == ["FlowerType", "PickupDate", "PickupTime"]
    assert all(s["slotConstraint"] == "Required" for s in slots)
    types = models.list_slot_types(**where)["slotTypeSummaries"]
    assert [t["slotTypeName"] for t in types] == ["FlowerTypes"]
    assert types[0]["slotTypeCategory"] == "Custom"


def test_versions_and_aliases(models, runtime, flower_bot):
    version = models.create_bot_version(
        botId=flower_bot, botVersionLocaleSpecification={"en_US": {"sourceBotVersion": "DRAFT"}}
    )
    assert version["botVersion"] == "1"
    alias = models.create_bot_alias(
        botId=flower_bot,
        botAliasName="live",
        botVersion="1",
        botAliasLocaleSettings={"en_US": {"enabled": True}},
    )
    assert alias["botAliasStatus"] == "Available"
    described = models.describe_bot_alias(botId=flower_bot, botAliasId=alias["botAliasId"])
    assert described["botVersion"] == "1"
    names = {a["botAliasName"] for a in models.list_bot_aliases(botId=flower_bot)["botAliasSummaries"]}
    assert names == {"TestBotAlias", "live"}
    assert models.describe_bot_alias(botId=flower_bot, botAliasId="TSTALIASID")["botVersion"] == "DRAFT"
    reply = say(runtime, flower_bot, "when does the shop open", uuid.uuid4().hex, alias=alias["botAliasId"])
    assert reply["sessionState"]["intent"]["name"] == "OpeningHours"
    assert reply["sessionState"]["intent"]["state"] == "Fulfilled"
    assert messages(reply) == ["We are open from 9 am to 6 pm."]
    bots = models.list_bots(filters=[{"name": "BotName", "values": ["OrderFlowers"], "operator": "CO"}])
    assert any(b["botId"] == flower_bot and b["latestBotVersion"] == "1" for b in bots["botSummaries"])


def test_model_errors(models, runtime, flower_bot):
    where = {"botId": flower_bot, "botVersion": "DRAFT", "localeId": "en_US"}
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        models.describe_bot(botId="NOSUCHBOT0")
    assert error_code(excinfo) == "ResourceNotFoundException"
    assert excinfo.value.response["ResponseMetadata"]["HTTPStatusCode"] == 404
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        models.create_bot(
            botName="bad name!", roleArn=ROLE, dataPrivacy={"childDirected": False}, idleSessionTTLInSeconds=300
        )
    assert error_code(excinfo) == "ValidationException"
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        models.create_bot(
            botName="NotARole",
            roleArn="arn:aws:iam::123456789012:user/someone-else",
            dataPrivacy={"childDirected": False},
            idleSessionTTLInSeconds=300,
        )
    assert "roleArn" in str(excinfo.value)
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        models.create_intent(intentName="OrderFlowers", **where)
    assert error_code(excinfo) == "PreconditionFailedException"
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        models.create_bot_locale(botId=flower_bot, botVersion="DRAFT", localeId="xx_XX", nluIntentConfidenceThreshold=0.4)
    assert error_code(excinfo) == "ValidationException"
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        runtime.recognize_text(
            botId=flower_bot, botAliasId="NOALIAS000", localeId="en_US", sessionId="s1", text="hello"
        )
    assert error_code(excinfo) == "ResourceNotFoundException"


def test_failed_build_names_the_problem(models, runtime):
    bot_id = models.create_bot(
        botName=f"Broken{uuid.uuid4().hex[:8]}",
        roleArn=ROLE,
        dataPrivacy={"childDirected": False},
        idleSessionTTLInSeconds=60,
    )["botId"]
    where = {"botId": bot_id, "botVersion": "DRAFT", "localeId": "en_US"}
    models.create_bot_locale(nluIntentConfidenceThreshold=0.4, **where)
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        runtime.recognize_text(botId=bot_id, botAliasId="TSTALIASID", localeId="en_US", sessionId="s1", text="hi")
    assert error_code(excinfo) == "ResourceNotFoundException"
    assert "BuildBotLocale" in str(excinfo.value)
    models.create_intent(intentName="Book", sampleUtterances=[{"utterance": "book a {Room}"}], **where)
    assert models.build_bot_locale(**where)["botLocaleStatus"] == "Building"
    assert wait_built(models, **where) == "Failed"
    reasons = models.describe_bot_locale(**where)["failureReasons"]
    assert any("{Room}" in reason for reason in reasons)


def test_conversation_survives_a_restart(fresh_server, tmp_path):
    first = fresh_server(data_dir=tmp_path / "lex")
    bot_id = create_flower_bot(first.client("lexv2-models"), confirm=False)
    session = uuid.uuid4().hex
    reply = say(first.client("lexv2-runtime"), bot_id, "I want to order flowers", session)
    assert reply["sessionState"]["dialogAction"]["slotToElicit"] == "FlowerType"
    say(first.client("lexv2-runtime"), bot_id, "roses", session)
    first.stop()
    second = fresh_server(data_dir=tmp_path / "lex")
    reply = say(second.client("lexv2-runtime"), bot_id, "2030-03-04", session)
    assert reply["sessionState"]["intent"]["slots"]["FlowerType"]["value"]["interpretedValue"] == "roses"
    assert reply["sessionState"]["dialogAction"]["slotToElicit"] == "PickupTime"


def test_sentiment_in_interpretations_when_the_alias_asks(models, runtime, flower_bot):
    version = models.create_bot_version(
        botId=flower_bot, botVersionLocaleSpecification={"en_US": {"sourceBotVersion": "DRAFT"}})["botVersion"]
    alias = models.create_bot_alias(
        botId=flower_bot, botAliasName="feelings", botVersion=version,
        botAliasLocaleSettings={"en_US": {"enabled": True}},
        sentimentAnalysisSettings={"detectSentiment": True})["botAliasId"]
    reply = say(runtime, flower_bot, "I love your shop, when are you open?", uuid.uuid4().hex, alias=alias)
    sentiment = reply["interpretations"][0]["sentimentResponse"]
    assert sentiment["sentiment"] == "POSITIVE"
    scores = sentiment["sentimentScore"]
    assert abs(scores["positive"] + scores["negative"] + scores["neutral"] + scores["mixed"] - 1) < 0.01
    plain = say(runtime, flower_bot, "when are you open", uuid.uuid4().hex)
    assert "sentimentResponse" not in plain["interpretations"][0]


def unpack(header):
    return json.loads(gzip.decompress(base64.b64decode(header)))


def test_recognize_utterance_with_speech_in_and_out(server, runtime, flower_bot):
    polly = server.client("polly")
    speech = polly.synthesize_speech(Text="I would like to order some flowers", VoiceId="Joanna", OutputFormat="pcm",
                                     SampleRate="16000")["AudioStream"].read()
    session = uuid.uuid4().hex
    reply = runtime.recognize_utterance(
        botId=flower_bot, botAliasId="TSTALIASID", localeId="en_US", sessionId=session,
        requestContentType="audio/l16; rate=16000; channels=1", responseContentType="audio/mpeg", inputStream=speech)
    assert reply["inputMode"] == "Speech"
    transcript = unpack(reply["inputTranscript"]).lower()
    assert "order" in transcript and "flowers" in transcript
    state = unpack(reply["sessionState"])
    assert state["intent"]["name"] == "OrderFlowers"
    assert state["dialogAction"] == {"type": "ElicitSlot", "slotToElicit": "FlowerType"}
    assert unpack(reply["messages"])[0]["content"] == "What type of flowers would you like to order?"
    assert unpack(reply["interpretations"])[0]["intent"]["name"] == "OrderFlowers"
    audio = reply["audioStream"].read()
    assert reply["contentType"] == "audio/mpeg"
    assert len(audio) > 2000 and (audio[:3] == b"ID3" or audio[0] == 0xFF)

    typed = runtime.recognize_utterance(
        botId=flower_bot, botAliasId="TSTALIASID", localeId="en_US", sessionId=session,
        requestContentType="text/plain; charset=utf-8", inputStream=b"roses")
    assert typed["inputMode"] == "Text"
    assert unpack(typed["sessionState"])["intent"]["slots"]["FlowerType"]["value"]["interpretedValue"] == "roses"
    assert typed["audioStream"].read() == b""


def test_recognize_utterance_rejects_a_bad_session_header(runtime, flower_bot):
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        runtime.recognize_utterance(
            botId=flower_bot, botAliasId="TSTALIASID", localeId="en_US", sessionId=uuid.uuid4().hex,
            requestContentType="text/plain; charset=utf-8", sessionState="not-base64!", inputStream=b"hello")
    assert error_code(excinfo) == "ValidationException"
    assert "x-amz-lex-session-state" in excinfo.value.response["Error"]["Message"]


def test_runtime_members_sibyl_does_not_read_are_refused_by_name(runtime, flower_bot):
    where = {"botId": flower_bot, "botAliasId": "TSTALIASID", "localeId": "en_US"}
    refused = [
        ({"intent": {"name": "OrderFlowers", "slots": {"FlowerType": {"shape": "List", "values": [
            {"value": {"interpretedValue": "roses"}}, {"value": {"interpretedValue": "tulips"}}]}}}},
         "sessionState.intent.slots.FlowerType.values is not supported here"),
        ({"dialogAction": {"type": "ElicitSlot", "slotToElicit": "FlowerType", "slotElicitationStyle": "SpellByWord"}},
         "sessionState.dialogAction.slotElicitationStyle is not supported here"),
        ({"activeContexts": [{"name": "ordering", "timeToLive": {"timeToLiveInSeconds": 60, "turnsToLive": 5},
                              "contextAttributes": {}}]},
         "sessionState.activeContexts is not supported here"),
    ]
    for state, reason in refused:
        with pytest.raises(botocore.exceptions.ClientError) as excinfo:
            say(runtime, flower_bot, "I want to order flowers", uuid.uuid4().hex, sessionState=state)
        assert error_code(excinfo) == "ValidationException", reason
        assert reason in excinfo.value.response["Error"]["Message"]
    header = base64.b64encode(gzip.compress(json.dumps(refused[1][0]).encode())).decode()
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        runtime.recognize_utterance(sessionId=uuid.uuid4().hex, requestContentType="text/plain; charset=utf-8",
                                    sessionState=header, inputStream=b"roses", **where)
    assert refused[1][1] in excinfo.value.response["Error"]["Message"]
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        runtime.put_session(sessionId=uuid.uuid4().hex, sessionState={"dialogAction": {"type": "ElicitIntent"}},
                            messages=[{"contentType": "ImageResponseCard", "imageResponseCard": {"title": "Pick one"}}],
                            **where)
    assert "messages[0].imageResponseCard is not supported here" in excinfo.value.response["Error"]["Message"]
    # What Sibyl reads, and empty lists of what it does not, go through.
    reply = say(runtime, flower_bot, "I want to order flowers", uuid.uuid4().hex,
                sessionState={"activeContexts": [], "runtimeHints": {"slotHints": {}}, "sessionAttributes": {"a": "b"}})
    assert reply["sessionState"]["intent"]["name"] == "OrderFlowers"


def test_model_settings_sibyl_does_not_carry_out_are_refused_and_their_defaults_pass(models):
    bot = models.create_bot(botName=f"Settings{uuid.uuid4().hex[:8]}", roleArn=ROLE,
                            dataPrivacy={"childDirected": False}, idleSessionTTLInSeconds=300)["botId"]
    where = {"botId": bot, "botVersion": "DRAFT", "localeId": "en_US"}
    models.create_bot_locale(nluIntentConfidenceThreshold=0.40, **where)
    context = [{"name": "ordering"}]
    closing = {"closingResponse": {"messageGroups": [text("Done.")]}, "active": True,
               "conditional": {"active": True, "defaultBranch": {}, "conditionalBranches": [{
                   "name": "VIP", "condition": {"expressionString": "{tier} = 'gold'"},
                   "nextStep": {"dialogAction": {"type": "EndConversation"}}}]}}
    for extra, member in [({"inputContexts": context}, "inputContexts"),
                          ({"outputContexts": [{"name": "ordering", "timeToLiveInSeconds": 90, "turnsToLive": 5}]},
                           "outputContexts"),
                          ({"intentClosingSetting": closing}, "intentClosingSetting.conditional")]:
        with pytest.raises(botocore.exceptions.ClientError) as excinfo:
            models.create_intent(intentName=f"Order{uuid.uuid4().hex[:6]}", **extra, **where)
        assert error_code(excinfo) == "ValidationException"
        assert excinfo.value.response["Error"]["Message"].startswith(f"{member} is not supported here")
    closing["conditional"]["active"] = False
    intent = models.create_intent(intentName="Order", inputContexts=[], outputContexts=[],
                                  intentClosingSetting=closing, **where)["intentId"]

    elicitation = {"slotConstraint": "Required", "promptSpecification": {
        "messageGroups": [text("How many?")], "maxRetries": 2}}
    for extra, member in [({"multipleValuesSetting": {"allowMultipleValues": True}},
                           "multipleValuesSetting.allowMultipleValues"),
                          ({"valueElicitationSetting": dict(elicitation, slotResolutionSetting={
                              "slotResolutionStrategy": "EnhancedFallback"})},
                           "valueElicitationSetting.slotResolutionSetting.slotResolutionStrategy")]:
        arguments = {"valueElicitationSetting": elicitation, **extra}
        with pytest.raises(botocore.exceptions.ClientError) as excinfo:
            models.create_slot(slotName="Count", slotTypeId="AMAZON.Number", intentId=intent, **arguments, **where)
        assert excinfo.value.response["Error"]["Message"].startswith(f"{member} is not supported here")
    models.create_slot(slotName="Count", slotTypeId="AMAZON.Number", intentId=intent, valueElicitationSetting=elicitation,
                       multipleValuesSetting={"allowMultipleValues": False}, **where)

    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        models.create_slot_type(slotTypeName="Codes", parentSlotTypeSignature="AMAZON.AlphaNumeric",
                                valueSelectionSetting={"resolutionStrategy": "OriginalValue",
                                                       "regexFilter": {"pattern": "[A-Z]{3}"}}, **where)
    assert excinfo.value.response["Error"]["Message"].startswith("valueSelectionSetting.regexFilter is not supported")


def test_update_bot_and_locale_replace_their_settings(models, runtime):
    bot_id = create_flower_bot(models)
    name = f"Renamed{uuid.uuid4().hex[:8]}"
    updated = models.update_bot(botId=bot_id, botName=name, roleArn=ROLE, dataPrivacy={"childDirected": True},
                                idleSessionTTLInSeconds=600)
    assert updated["botName"] == name and updated["botStatus"] == "Available"
    described = models.describe_bot(botId=bot_id)
    assert described["idleSessionTTLInSeconds"] == 600 and described["dataPrivacy"] == {"childDirected": True}
    assert "description" not in described  # left out of the update, so removed, as Lex replaces the settings
    other = create_flower_bot(models)
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        models.update_bot(botId=other, botName=name, roleArn=ROLE, dataPrivacy={"childDirected": False},
                          idleSessionTTLInSeconds=300)
    assert error_code(excinfo) == "PreconditionFailedException"

    where = {"botId": bot_id, "botVersion": "DRAFT", "localeId": "en_US"}
    # A threshold no utterance reaches: after the rebuild even an ordering sentence falls back.
    locale = models.update_bot_locale(nluIntentConfidenceThreshold=0.99, description="strict", **where)
    assert locale["nluIntentConfidenceThreshold"] == 0.99 and locale["botLocaleStatus"] == "NotBuilt"
    models.build_bot_locale(**where)
    assert wait_built(models, **where) == "Built"
    reply = say(runtime, bot_id, "I would like to pick up flowers on Friday", uuid.uuid4().hex)
    assert reply["sessionState"]["intent"]["name"] == "FallbackIntent"
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        models.update_bot_locale(nluIntentConfidenceThreshold=0.5, **dict(where, localeId="fr_FR"))
    assert error_code(excinfo) == "ResourceNotFoundException"


def test_a_locale_has_one_fallback_intent(models, flower_bot):
    where = {"botId": flower_bot, "botVersion": "DRAFT", "localeId": "en_US"}
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        models.create_intent(intentName="MyFallback", parentIntentSignature="AMAZON.FallbackIntent", **where)
    assert error_code(excinfo) == "PreconditionFailedException"
    fallback = models.describe_intent(intentId="FALLBCKINT", **where)
    assert fallback["parentIntentSignature"] == "AMAZON.FallbackIntent"


def test_bot_versions_sort_and_a_slot_type_in_use_is_deleted_only_when_asked(models, flower_bot):
    ascending = models.list_bot_versions(botId=flower_bot, sortBy={"attribute": "BotVersion", "order": "Ascending"})
    descending = models.list_bot_versions(botId=flower_bot, sortBy={"attribute": "BotVersion", "order": "Descending"})
    versions = [v["botVersion"] for v in ascending["botVersionSummaries"]]
    assert versions[0] == "DRAFT"
    assert [v["botVersion"] for v in descending["botVersionSummaries"]] == versions[::-1]
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        models.list_bot_versions(botId=flower_bot, sortBy={"attribute": "BotName", "order": "Ascending"})
    assert error_code(excinfo) == "ValidationException"

    bot_id = models.create_bot(botName=f"Types{uuid.uuid4().hex[:8]}", roleArn=ROLE,
                               dataPrivacy={"childDirected": False}, idleSessionTTLInSeconds=60)["botId"]
    where = {"botId": bot_id, "botVersion": "DRAFT", "localeId": "en_US"}
    models.create_bot_locale(nluIntentConfidenceThreshold=0.4, **where)
    type_id = models.create_slot_type(slotTypeName="Colour",
                                      valueSelectionSetting={"resolutionStrategy": "OriginalValue"},
                                      slotTypeValues=[{"sampleValue": {"value": "red"}}], **where)["slotTypeId"]
    intent_id = models.create_intent(intentName="Paint", sampleUtterances=[{"utterance": "paint it {Colour}"}],
                                     **where)["intentId"]
    models.create_slot(slotName="Colour", slotTypeId=type_id, intentId=intent_id, valueElicitationSetting={
        "slotConstraint": "Required", "promptSpecification": {"messageGroups": [
            {"message": {"plainTextMessage": {"value": "Which colour?"}}}], "maxRetries": 1}}, **where)
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        models.delete_slot_type(slotTypeId=type_id, **where)
    assert error_code(excinfo) == "PreconditionFailedException"
    models.delete_slot_type(slotTypeId=type_id, skipResourceInUseCheck=True, **where)
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        models.describe_slot_type(slotTypeId=type_id, **where)
    assert error_code(excinfo) == "ResourceNotFoundException"
