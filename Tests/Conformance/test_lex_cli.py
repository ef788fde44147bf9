"""Lex V2 from the command line: `sibyl bots import` of an export folder, and the `sibyl chat` REPL over a pipe."""

import subprocess
import uuid

from conftest import REPO, SIBYL_BIN

BOTS = REPO / "Resources" / "bots"


def sibyl(*args, stdin=None):
    return subprocess.run([SIBYL_BIN, *args], input=stdin, capture_output=True, text=True, timeout=120)


def test_import_an_export_folder_and_converse(server):
    result = sibyl("bots", "import", str(BOTS / "BookTrip"), "--name", f"BookTrip{uuid.uuid4().hex[:6]}",
                   "--endpoint", server.url)
    assert result.returncode == 0, result.stderr
    bot_id = result.stdout.strip()
    models = server.client("lexv2-models")
    locale = models.describe_bot_locale(botId=bot_id, botVersion="DRAFT", localeId="en_US")
    assert locale["botLocaleStatus"] == "Built"
    assert locale["intentsCount"] == 3 and locale["slotTypesCount"] == 2
    runtime = server.client("lexv2-runtime")
    session = uuid.uuid4().hex

    def say(words):
        return runtime.recognize_text(botId=bot_id, botAliasId="TSTALIASID", localeId="en_US", sessionId=session,
                                      text=words)

    reply = say("I need a room in Lisbon")
    state = reply["sessionState"]
    assert state["intent"]["name"] == "BookHotel"
    assert state["intent"]["slots"]["Location"]["value"]["interpretedValue"] == "Lisbon"
    assert state["dialogAction"]["slotToElicit"] == "CheckInDate"
    assert reply["messages"][0]["content"] == "What day do you want to check in?"
    say("2030-07-14")
    reply = say("3 nights")
    assert reply["sessionState"]["intent"]["slots"]["Nights"]["value"]["interpretedValue"] == "3"
    reply = say("a king bed")
    assert reply["sessionState"]["intent"]["slots"]["RoomType"]["value"]["interpretedValue"] == "king"
    assert reply["sessionState"]["dialogAction"]["type"] == "ConfirmIntent"
    assert reply["messages"][0]["content"].startswith("Okay, I have you down for a 3 night stay in Lisbon")
    reply = say("yes")
    assert reply["sessionState"]["intent"]["state"] == "Fulfilled"
    assert reply["messages"][0]["content"] == "Thanks, I have placed your reservation in Lisbon."

    # AMAZON.City knows the world's cities (GeoNames), without accents, and a city named like a word only as a name.
    def city(words):
        reply = runtime.recognize_text(botId=bot_id, botAliasId="TSTALIASID", localeId="en_US",
                                       sessionId=uuid.uuid4().hex, text=words)
        slots = reply["sessionState"]["intent"].get("slots") or {}
        return (slots.get("Location") or {}).get("value", {}).get("interpretedValue")

    assert city("reserve a suite in Las Vegas") == "Las Vegas"
    assert city("I need a hotel in dusseldorf") == "Düsseldorf"
    assert city("I need a hotel room in Nice") == "Nice"
    assert city("a nice hotel room please") is None


def test_import_reports_a_folder_that_is_not_an_export(tmp_path):
    result = sibyl("bots", "import", str(tmp_path), "--data-dir", str(tmp_path / "data"))
    assert result.returncode == 1
    assert "Bot.json" in result.stderr


def test_chat_over_a_pipe_in_process(tmp_path):
    script = "\n".join([
        "I would like to order some flowers", "roses", "2030-05-01", "10 am", "/session", "yes", "/quit",
        "this line is never read",
    ]) + "\n"
    result = sibyl("chat", "--bot", str(BOTS / "OrderFlowers"), "--debug", "--data-dir", str(tmp_path), stdin=script)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "What type of flowers would you like to order?"
    assert lines[1].startswith("[intent OrderFlowers ") and "ElicitSlot FlowerType" in lines[1]
    assert "What day do you want the roses to be picked up?" in lines
    assert any("ConfirmIntent" in line and "PickupTime=10:00" in line for line in lines)
    assert '"type" : "ConfirmIntent"' in result.stdout or '"type": "ConfirmIntent"' in result.stdout
    assert lines[-2] == "Thanks, your order for roses has been placed and will be ready by 10:00 on 2030-05-01."
    assert "Fulfilled" in lines[-1]
    assert "never read" not in result.stdout


def test_chat_reuses_an_imported_bot_and_resets(tmp_path):
    first = sibyl("chat", "--bot", str(BOTS / "OrderFlowers"), "--data-dir", str(tmp_path),
                  stdin="when are you open\n")
    assert first.stdout.strip() == "We are open from 9 am to 6 pm, Monday to Saturday."
    again = sibyl("chat", "--bot", str(BOTS / "OrderFlowers"), "--data-dir", str(tmp_path),
                  stdin="I want tulips\n/reset\nwhat is the meaning of life\n")
    lines = again.stdout.splitlines()
    assert lines[0] == "What day do you want the tulips to be picked up?"
    assert lines[1].startswith("new session ")
    assert lines[2] == "Sorry, I can help you order flowers or tell you our opening hours."
    listed = sibyl("call", "lexv2-models", "ListBots", "--data-dir", str(tmp_path))
    assert listed.stdout.count('"botName"') == 1


def test_chat_with_an_unknown_bot_says_so(tmp_path):
    result = sibyl("chat", "--bot", "NOSUCHBOT1", "--data-dir", str(tmp_path), stdin="hello\n")
    assert result.returncode == 1
    assert result.stderr.startswith("ResourceNotFoundException")
