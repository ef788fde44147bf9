"""Lex V2 code hooks: the alias's lambdaARN set to an http URL receives the Lambda input event; its Lambda-format
answer drives the conversation."""

import http.server
import json
import threading
import uuid

import botocore.exceptions
import pytest

from lex_bots import create_flower_bot


class Handler(http.server.BaseHTTPRequestHandler):
    """A Lex V2 Lambda handler behind HTTP: records each event and answers as the test tells it."""

    events = []
    mode = "normal"

    def do_POST(self):
        event = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        Handler.events.append(event)
        if Handler.mode == "garbage":
            body = b"this is not json"
        else:
            body = json.dumps(Handler.answer(event)).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    @staticmethod
    def answer(event):
        intent = json.loads(json.dumps(event["sessionState"]["intent"]))
        attributes = dict(event["sessionState"].get("sessionAttributes") or {}, hooked="yes")
        if event["invocationSource"] == "DialogCodeHook":
            flower = (intent["slots"].get("FlowerType") or {}).get("value", {}).get("interpretedValue")
            if flower == "lilies":
                intent["slots"]["FlowerType"] = None
                return {
                    "sessionState": {"dialogAction": {"type": "ElicitSlot", "slotToElicit": "FlowerType"},
                                     "intent": intent, "sessionAttributes": attributes},
                    "messages": [{"contentType": "PlainText", "content": "We are out of lilies. Another flower?"}],
                }
            return {"sessionState": {"dialogAction": {"type": "Delegate"}, "intent": intent,
                                     "sessionAttributes": attributes}}
        intent["state"] = "Fulfilled"
        flower = intent["slots"]["FlowerType"]["value"]["interpretedValue"]
        return {
            "sessionState": {"dialogAction": {"type": "Close"}, "intent": intent, "sessionAttributes": attributes},
            "messages": [{"contentType": "PlainText", "content": f"Order 42: {flower} are on their way."}],
        }

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def hook_url():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/lex-hook"
    server.shutdown()


@pytest.fixture(scope="module")
def hooked_bot(server, hook_url):
    models = server.client("lexv2-models")
    bot_id = create_flower_bot(models, confirm=False, hooks=True)
    models.update_bot_alias(
        botId=bot_id, botAliasId="TSTALIASID", botAliasName="TestBotAlias",
        botAliasLocaleSettings={"en_US": {"enabled": True, "codeHookSpecification": {
            "lambdaCodeHook": {"lambdaARN": hook_url, "codeHookInterfaceVersion": "1.0"}}}})
    return bot_id


def say(runtime, bot_id, words, session):
    return runtime.recognize_text(botId=bot_id, botAliasId="TSTALIASID", localeId="en_US", sessionId=session,
                                  text=words)


def test_hooks_get_the_lambda_event_and_their_answer_is_used(server, hooked_bot):
    runtime = server.client("lexv2-runtime")
    Handler.mode, Handler.events = "normal", []
    session = uuid.uuid4().hex
    reply = say(runtime, hooked_bot, "I want to order flowers", session)
    assert reply["sessionState"]["dialogAction"]["slotToElicit"] == "FlowerType"
    assert reply["sessionState"]["sessionAttributes"] == {"hooked": "yes"}
    event = Handler.events[-1]
    assert event["messageVersion"] == "1.0"
    assert event["invocationSource"] == "DialogCodeHook"
    assert event["inputMode"] == "Text" and event["inputTranscript"] == "I want to order flowers"
    assert event["sessionId"] == session
    assert event["bot"]["id"] == hooked_bot and event["bot"]["aliasId"] == "TSTALIASID"
    assert event["bot"]["localeId"] == "en_US" and event["bot"]["version"] == "DRAFT"
    assert event["sessionState"]["intent"]["name"] == "OrderFlowers"
    assert event["sessionState"]["intent"]["state"] == "InProgress"
    assert event["proposedNextState"]["dialogAction"] == {"type": "ElicitSlot", "slotToElicit": "FlowerType"}
    assert event["interpretations"][0]["intent"]["name"] == "OrderFlowers"

    reply = say(runtime, hooked_bot, "lilies", session)
    assert [m["content"] for m in reply["messages"]] == ["We are out of lilies. Another flower?"]
    assert reply["sessionState"]["intent"]["slots"]["FlowerType"] is None

    say(runtime, hooked_bot, "tulips", session)
    say(runtime, hooked_bot, "2030-03-03", session)
    reply = say(runtime, hooked_bot, "11 am", session)
    fulfilment = Handler.events[-1]
    assert fulfilment["invocationSource"] == "FulfillmentCodeHook"
    assert fulfilment["sessionState"]["intent"]["state"] == "ReadyForFulfillment"
    assert fulfilment["sessionState"]["intent"]["slots"]["PickupTime"]["value"]["interpretedValue"] == "11:00"
    assert reply["sessionState"]["intent"]["state"] == "Fulfilled"
    assert reply["sessionState"]["dialogAction"]["type"] == "Close"
    assert [m["content"] for m in reply["messages"]] == ["Order 42: tulips are on their way."]


def test_a_bad_hook_answer_is_a_clear_error(server, hooked_bot):
    runtime = server.client("lexv2-runtime")
    Handler.mode = "garbage"
    try:
        with pytest.raises(botocore.exceptions.ClientError) as excinfo:
            say(runtime, hooked_bot, "I want to order flowers", uuid.uuid4().hex)
    finally:
        Handler.mode = "normal"
    assert excinfo.value.response["Error"]["Code"] == "DependencyFailedException"
    assert "Lambda response" in excinfo.value.response["Error"]["Message"]


def test_a_lambda_arn_cannot_be_invoked_here(server):
    models = server.client("lexv2-models")
    bot_id = create_flower_bot(models, confirm=False, hooks=True)
    models.update_bot_alias(
        botId=bot_id, botAliasId="TSTALIASID", botAliasName="TestBotAlias",
        botAliasLocaleSettings={"en_US": {"enabled": True, "codeHookSpecification": {"lambdaCodeHook": {
            "lambdaARN": "arn:aws:lambda:us-east-1:123456789012:function:OrderFlowers",
            "codeHookInterfaceVersion": "1.0"}}}})
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        say(server.client("lexv2-runtime"), bot_id, "I want to order flowers", uuid.uuid4().hex)
    assert excinfo.value.response["Error"]["Code"] == "DependencyFailedException"
    assert "http(s) URL" in excinfo.value.response["Error"]["Message"]
