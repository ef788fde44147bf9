"""Polly on eSpeak NG, driven by boto3: real audio, speech marks that match it, voices and Polly's errors."""

import json
import subprocess
import wave

import botocore.exceptions
import pytest

SENTENCE = "Hello world, this is Sibyl."


@pytest.fixture
def polly(server):
    return server.client("polly")


def code(excinfo):
    return excinfo.value.response["Error"]["Code"]


def soxi(path, flag):
    return subprocess.run(["soxi", flag, str(path)], capture_output=True, text=True, check=True).stdout.strip()


@pytest.mark.parametrize("rate", ["8000", "16000", "22050", "24000", None])
def test_mp3_decodes_at_the_requested_rate_with_a_plausible_duration(polly, tmp_path, rate):
    extra = {"SampleRate": rate} if rate else {}
    response = polly.synthesize_speech(Text=SENTENCE, VoiceId="Joanna", OutputFormat="mp3", **extra)
    assert response["ContentType"] == "audio/mpeg"
    assert response["RequestCharacters"] == len(SENTENCE)
    path = tmp_path / "speech.mp3"
    path.write_bytes(response["AudioStream"].read())
    assert soxi(path, "-r") == (rate or "22050")  # Polly's default for mp3 is 22050 Hz
    assert 1.0 < float(soxi(path, "-D")) < 4.0  # five words at a normal speaking rate


@pytest.mark.parametrize("rate", ["8000", "16000", "22050", "24000"])
def test_ogg_vorbis_decodes_at_the_requested_rate(polly, tmp_path, rate):
    response = polly.synthesize_speech(Text=SENTENCE, VoiceId="Amy", OutputFormat="ogg_vorbis", SampleRate=rate)
    assert response["ContentType"] == "audio/ogg"
    path = tmp_path / "speech.ogg"
    path.write_bytes(response["AudioStream"].read())
    assert soxi(path, "-r") == rate
    assert soxi(path, "-c") == "1"
    assert 1.0 < float(soxi(path, "-D")) < 4.0


def test_pcm_is_raw_16_bit_mono_at_16_khz_by_default(polly, tmp_path):
    response = polly.synthesize_speech(Text=SENTENCE, VoiceId="Matthew", OutputFormat="pcm")
    assert response["ContentType"] == "audio/pcm"
    audio = response["AudioStream"].read()
    assert len(audio) % 2 == 0
    seconds = len(audio) / 2 / 16000
    assert 1.0 < seconds < 4.0
    path = tmp_path / "speech.wav"
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1), out.setsampwidth(2), out.setframerate(16000), out.writeframes(audio)
    stats = subprocess.run(["sox", str(path), "-n", "stat"], capture_output=True, text=True).stderr
    rms = float(next(line.split()[-1] for line in stats.splitlines() if line.startswith("RMS     amplitude")))
    assert rms > 0.01  # speech, not silence


def test_longer_text_gives_longer_audio(polly):
    short = polly.synthesize_speech(Text="Hi.", VoiceId="Joanna", OutputFormat="pcm")["AudioStream"].read()
    long = polly.synthesize_speech(Text=SENTENCE * 3, VoiceId="Joanna", OutputFormat="pcm")["AudioStream"].read()
    assert len(long) > 4 * len(short)


def marks(polly, text, voice="Joanna", types=("word",), **extra):
    response = polly.synthesize_speech(Text=text, VoiceId=voice, OutputFormat="json", SpeechMarkTypes=list(types),
                                       **extra)
    assert response["ContentType"] == "application/x-json-stream"
    return [json.loads(line) for line in response["AudioStream"].read().decode().splitlines()]


def test_word_marks_are_in_order_with_exact_byte_offsets(polly):
    words = marks(polly, SENTENCE)
    assert [w["value"] for w in words] == ["Hello", "world", "this", "is", "Sibyl"]
    times = [w["time"] for w in words]
    assert times == sorted(times) and len(set(times)) == 5
    encoded = SENTENCE.encode()
    for word in words:
        assert word["type"] == "word"
        assert encoded[word["start"]:word["end"]].decode() == word["value"]


def test_word_marks_count_utf8_bytes_for_non_ascii_text(polly):
    text = "Café crème, s'il vous plaît."
    words = marks(polly, text, voice="Celine")
    assert [w["value"] for w in words] == ["Café", "crème", "s'il", "vous", "plaît"]
    encoded = text.encode()
    assert [(w["start"], w["end"]) for w in words] == [(0, 5), (6, 12), (14, 18), (19, 23), (24, 30)]
    assert all(encoded[w["start"]:w["end"]].decode() == w["value"] for w in words)


def test_mark_times_match_the_audio(polly):
    """The last word starts before the audio of the same request ends, and near its end."""
    audio = polly.synthesize_speech(Text=SENTENCE, VoiceId="Joanna", OutputFormat="pcm")["AudioStream"].read()
    duration_ms = len(audio) / 2 / 16000 * 1000
    last = marks(polly, SENTENCE)[-1]
    assert duration_ms * 0.5 < last["time"] < duration_ms


def test_sentence_and_viseme_marks(polly):
    result = marks(polly, "One sentence here. And another one!", types=("sentence", "viseme"))
    sentences = [m for m in result if m["type"] == "sentence"]
    assert [s["value"] for s in sentences] == ["One sentence here.", "And another one!"]
    visemes = [m for m in result if m["type"] == "viseme"]
    assert len(visemes) > 8
    assert {v["value"] for v in visemes} <= set("ptSTfkirsu@aeEoO") | {"sil"}
    assert [v["time"] for v in visemes] == sorted(v["time"] for v in visemes)


def test_ssml_is_spoken_and_marks_point_into_the_ssml(polly):
    ssml = "<speak>Hello <break time='500ms'/> <mark name='here'/>world</speak>"
    response = polly.synthesize_speech(Text=ssml, TextType="ssml", VoiceId="Joanna", OutputFormat="json",
                                       SpeechMarkTypes=["word", "ssml"])
    assert response["RequestCharacters"] == len("Hello  world")
    result = [json.loads(line) for line in response["AudioStream"].read().decode().splitlines()]
    encoded = ssml.encode()
    mark = next(m for m in result if m["type"] == "ssml")
    assert mark["value"] == "here"
    assert encoded[mark["start"]:mark["end"]].decode() == "<mark name='here'/>"
    words = [m for m in result if m["type"] == "word"]
    assert [encoded[w["start"]:w["end"]].decode() for w in words] == ["Hello", "world"]
    assert words[1]["time"] - words[0]["time"] >= 500  # the break is in the audio


def test_invalid_ssml_names_the_position(polly):
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        polly.synthesize_speech(Text="<speak>Hello <break></speak>", TextType="ssml", VoiceId="Joanna",
                                OutputFormat="mp3")
    assert code(excinfo) == "InvalidSsmlException"
    assert "line 1, column" in excinfo.value.response["Error"]["Message"]


def test_describe_voices(polly):
    voices = polly.describe_voices()["Voices"]
    by_id = {v["Id"]: v for v in voices}
    assert {"Joanna", "Matthew", "Amy", "Brian", "Lucia", "Enrique", "Celine", "Mathieu", "Marlene", "Hans"} <= set(by_id)
    assert by_id["Celine"]["Name"] == "Céline" and by_id["Celine"]["LanguageCode"] == "fr-FR"
    assert by_id["Joanna"]["Gender"] == "Female" and by_id["Matthew"]["Gender"] == "Male"
    assert all(v["SupportedEngines"] == ["standard"] for v in voices)
    assert len({v["LanguageCode"] for v in voices}) >= 30
    german = polly.describe_voices(LanguageCode="de-DE")["Voices"]
    assert {v["Id"] for v in german} == {"Marlene", "Vicki", "Hans"}
    hindi = polly.describe_voices(LanguageCode="hi-IN", IncludeAdditionalLanguageCodes=True)["Voices"]
    assert [v["Id"] for v in hindi] == ["Aditi"]
    assert polly.describe_voices(Engine="neural")["Voices"] == []


def test_every_voice_speaks(polly):
    for voice in polly.describe_voices()["Voices"]:
        audio = polly.synthesize_speech(Text="One two three.", VoiceId=voice["Id"], OutputFormat="pcm",
                                        SampleRate="8000")["AudioStream"].read()
        assert len(audio) > 8000, voice["Id"]


@pytest.mark.parametrize("arguments,expected", [
    ({"OutputFormat": "mp3", "SampleRate": "44100"}, "InvalidSampleRateException"),
    ({"OutputFormat": "pcm", "SampleRate": "22050"}, "InvalidSampleRateException"),
    ({"OutputFormat": "mp3", "SpeechMarkTypes": ["word"]}, "MarksNotSupportedForFormatException"),
    ({"OutputFormat": "json", "SpeechMarkTypes": ["ssml"]}, "SsmlMarksNotSupportedForTextTypeException"),
    ({"OutputFormat": "mp3", "Engine": "neural"}, "EngineNotSupportedException"),
    ({"OutputFormat": "mp3", "LanguageCode": "de-DE"}, "LanguageNotSupportedException"),
    ({"OutputFormat": "mp3", "LexiconNames": ["missing"]}, "LexiconNotFoundException"),
    ({"OutputFormat": "flac"}, "ValidationException"),
    ({"OutputFormat": "ogg_opus"}, "ValidationException"),
    ({"OutputFormat": "mp3", "VoiceId": "Nobody"}, "ValidationException"),
    ({"OutputFormat": "mp3", "Text": "x" * 3001}, "TextLengthExceededException"),
])
def test_errors(polly, arguments, expected):
    request = {"Text": "Hello", "VoiceId": "Joanna", **arguments}
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        polly.synthesize_speech(**request)
    assert code(excinfo) == expected


def test_native_route_and_cli_answer_the_same(server, tmp_path):
    import urllib.request
    from conftest import SIBYL_BIN
    body = json.dumps({"Text": SENTENCE, "VoiceId": "Joanna", "OutputFormat": "json",
                       "SpeechMarkTypes": ["word"]}).encode()
    request = urllib.request.Request(server.url + "/v1/polly/SynthesizeSpeech", data=body, method="POST")
    with urllib.request.urlopen(request) as response:
        native = response.read().decode()
        assert response.headers["Content-Type"] == "application/x-json-stream"
    cli = subprocess.run([SIBYL_BIN, "call", "polly", "SynthesizeSpeech", "--input", body.decode(),
                          "--endpoint", server.url, "--output", str(tmp_path / "marks.json")], check=True)
    assert (tmp_path / "marks.json").read_text() == native
    in_process = subprocess.run([SIBYL_BIN, "call", "polly", "SynthesizeSpeech", "--input", body.decode(),
                                 "--data-dir", str(tmp_path / "d"), "--output", str(tmp_path / "local.json")],
                                check=True)
    assert (tmp_path / "local.json").read_text() == native


def wait_for_task(polly, task_id, timeout=60):
    import time
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        task = polly.get_speech_synthesis_task(TaskId=task_id)["SynthesisTask"]
        if task["TaskStatus"] in ("completed", "failed"):
            return task
        time.sleep(0.1)
    raise AssertionError(f"task {task_id} did not finish")


def test_synthesis_task_lands_its_file_in_the_s3_stand_in(server, polly, tmp_path):
    s3 = server.client("s3")
    s3.create_bucket(Bucket="polly-tasks")
    text = "This is a longer text for an asynchronous task. " * 100  # beyond the 3,000-character synchronous limit
    started = polly.start_speech_synthesis_task(Text=text, VoiceId="Brian", OutputFormat="mp3",
                                                OutputS3BucketName="polly-tasks", OutputS3KeyPrefix="audio/")
    task = started["SynthesisTask"]
    assert task["TaskStatus"] in ("scheduled", "inProgress")
    assert task["RequestCharacters"] == len(text)
    done = wait_for_task(polly, task["TaskId"])
    assert done["TaskStatus"] == "completed", done
    key = f"audio/{task['TaskId']}.mp3"
    assert done["OutputUri"] == f"{server.url}/polly-tasks/{key}"
    path = tmp_path / "task.mp3"
    path.write_bytes(s3.get_object(Bucket="polly-tasks", Key=key)["Body"].read())
    assert float(soxi(path, "-D")) > 60  # a hundred sentences
    listed = polly.list_speech_synthesis_tasks(Status="completed")["SynthesisTasks"]
    assert task["TaskId"] in [t["TaskId"] for t in listed]


def test_long_plain_text_is_synthesized_in_chunks_with_continuous_marks(server, polly):
    server.client("s3").create_bucket(Bucket="polly-long")
    sentence = "Sentence number {} is here. "
    text = "".join(sentence.format(i) for i in range(400))  # ~11,000 characters: several chunks
    task = polly.start_speech_synthesis_task(Text=text, VoiceId="Joanna", OutputFormat="json",
                                             SpeechMarkTypes=["sentence"], OutputS3BucketName="polly-long")
    task_id = task["SynthesisTask"]["TaskId"]
    assert wait_for_task(polly, task_id, timeout=120)["TaskStatus"] == "completed"
    body = server.client("s3").get_object(Bucket="polly-long", Key=f"{task_id}.marks")["Body"].read().decode()
    sentences = [json.loads(line) for line in body.splitlines()]
    assert [s["value"] for s in sentences] == [sentence.format(i).strip() for i in range(400)]
    times = [s["time"] for s in sentences]
    assert times == sorted(times) and len(set(times)) == 400
    encoded = text.encode()
    assert all(encoded[s["start"]:s["end"]].decode() == s["value"] for s in sentences)


def test_synthesis_task_speech_marks_and_paging(server, polly):
    server.client("s3").create_bucket(Bucket="polly-marks")
    ids = [polly.start_speech_synthesis_task(Text=f"Task number {i}.", VoiceId="Joanna", OutputFormat="json",
                                             SpeechMarkTypes=["word"], OutputS3BucketName="polly-marks")
           ["SynthesisTask"]["TaskId"] for i in range(3)]
    for task_id in ids:
        assert wait_for_task(polly, task_id)["TaskStatus"] == "completed"
    marks = server.client("s3").get_object(Bucket="polly-marks", Key=f"{ids[0]}.marks")["Body"].read().decode()
    assert [json.loads(line)["value"] for line in marks.splitlines()] == ["Task", "number", "0"]
    first = polly.list_speech_synthesis_tasks(MaxResults=2)
    assert len(first["SynthesisTasks"]) == 2 and first["NextToken"]
    rest = polly.list_speech_synthesis_tasks(MaxResults=100, NextToken=first["NextToken"])
    seen = [t["TaskId"] for t in first["SynthesisTasks"] + rest["SynthesisTasks"]]
    assert set(ids) <= set(seen) and len(seen) == len(set(seen))


def test_synthesis_task_errors(polly):
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        polly.start_speech_synthesis_task(Text="Hi", VoiceId="Joanna", OutputFormat="mp3",
                                          OutputS3BucketName="no-such-bucket-here")
    assert code(excinfo) == "InvalidS3BucketException"
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        polly.get_speech_synthesis_task(TaskId="00000000-0000-0000-0000-000000000000")
    assert code(excinfo) == "SynthesisTaskNotFoundException"
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        polly.get_speech_synthesis_task(TaskId="not-a-task-id")
    assert code(excinfo) == "InvalidTaskIdException"


def pls(lexemes, alphabet="ipa", lang="en-US"):
    body = "".join(f"<lexeme><grapheme>{g}</grapheme>{inner}</lexeme>" for g, inner in lexemes)
    return ('<?xml version="1.0" encoding="UTF-8"?>'
            '<lexicon version="1.0" xmlns="http://www.w3.org/2005/01/pronunciation-lexicon" '
            f'alphabet="{alphabet}" xml:lang="{lang}">{body}</lexicon>')


def visemes(polly, text, **extra):
    return [m["value"] for m in marks(polly, text, types=("viseme",), **extra)]


def test_lexicon_lifecycle(polly):
    content = pls([("W3C", "<alias>World Wide Web Consortium</alias>")])
    polly.put_lexicon(Name="webterms", Content=content)
    got = polly.get_lexicon(Name="webterms")
    assert got["Lexicon"] == {"Content": content, "Name": "webterms"}
    attributes = got["LexiconAttributes"]
    assert attributes["Alphabet"] == "ipa" and attributes["LanguageCode"] == "en-US"
    assert attributes["LexemesCount"] == 1 and attributes["Size"] == len(content.encode())
    assert attributes["LexiconArn"].endswith(":lexicon/webterms")
    assert "webterms" in [entry["Name"] for entry in polly.list_lexicons()["Lexicons"]]
    polly.delete_lexicon(Name="webterms")
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        polly.get_lexicon(Name="webterms")
    assert code(excinfo) == "LexiconNotFoundException"
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        polly.delete_lexicon(Name="webterms")
    assert code(excinfo) == "LexiconNotFoundException"


def test_an_alias_lexicon_changes_what_is_said_and_marks_still_point_into_the_text(polly):
    polly.put_lexicon(Name="alias1", Content=pls([("W3C", "<alias>World Wide Web Consortium</alias>")]))
    text = "The W3C writes standards."
    plain = polly.synthesize_speech(Text=text, VoiceId="Joanna", OutputFormat="pcm")["AudioStream"].read()
    aliased = polly.synthesize_speech(Text=text, VoiceId="Joanna", OutputFormat="pcm",
                                      LexiconNames=["alias1"])["AudioStream"].read()
    assert len(aliased) > len(plain) * 1.2  # "World Wide Web Consortium" takes longer than "W 3 C"
    words = marks(polly, text, LexiconNames=["alias1"])
    encoded = text.encode()
    assert [encoded[w["start"]:w["end"]].decode() for w in words] == ["The", "W3C", "writes", "standards"]


@pytest.mark.parametrize("alphabet,pronunciation", [("ipa", "ˈpɪkəˌbuː"), ("x-sampa", '"pIk@%bu:')])
def test_a_phoneme_lexicon_changes_the_phonemes_produced(polly, alphabet, pronunciation):
    name = "ph" + alphabet.replace("-", "")
    polly.put_lexicon(Name=name, Content=pls([("tomato", f"<phoneme>{pronunciation}</phoneme>")], alphabet=alphabet))
    before = visemes(polly, "I like tomato.")
    after = visemes(polly, "I like tomato.", LexiconNames=[name])
    assert before != after
    # After "like", "tomato" has two /t/ (viseme t); "picaboo" has none, and a /p/ then a /k/.
    assert "t" in before[before.index("k"):]
    rest = after[after.index("k") + 1:]
    assert "t" not in rest and "p" in rest and "k" in rest


@pytest.mark.parametrize("content,expected", [
    ("<lexicon><oops></lexicon>", "InvalidLexiconException"),
    (pls([("a", "<alias>b</alias>")], alphabet="arpabet"), "UnsupportedPlsAlphabetException"),
    (pls([("a", "<alias>b</alias>")], lang="xx-XX"), "UnsupportedPlsLanguageException"),
    (pls([("a", "<alias>" + "b" * 101 + "</alias>")]), "MaxLexemeLengthExceededException"),
    (pls([("a", "<alias>b</alias>")] * 2000), "LexiconSizeExceededException"),
])
def test_invalid_lexicons(polly, content, expected):
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        polly.put_lexicon(Name="bad", Content=content)
    assert code(excinfo) == expected


def spoken_words(polly, ssml):
    """The words eSpeak spoke for an SSML request, as the viseme-free word marks' values."""
    return [m["value"] for m in marks(polly, ssml, TextType="ssml")]


def test_ssml_say_as_sub_and_phoneme_change_what_is_said(polly):
    def duration(ssml):
        audio = polly.synthesize_speech(Text=ssml, TextType="ssml", VoiceId="Joanna", OutputFormat="pcm")
        return len(audio["AudioStream"].read())

    plain = duration("<speak>W3C</speak>")
    substituted = duration("<speak><sub alias='World Wide Web Consortium'>W3C</sub></speak>")
    assert substituted > plain * 1.3
    cardinal = duration("<speak><say-as interpret-as='cardinal'>1234</say-as></speak>")
    digits = duration("<speak><say-as interpret-as='digits'>1234</say-as></speak>")
    assert cardinal != digits
    date = duration("<speak><say-as interpret-as='date' format='mdy'>12/25/2026</say-as></speak>")
    slashes = duration("<speak>12/25/2026</speak>")
    assert date != slashes
    before = [m["value"] for m in marks(polly, "<speak>I like tomato.</speak>", types=("viseme",), TextType="ssml")]
    after = [m["value"] for m in marks(polly, "<speak>I like <phoneme alphabet='ipa' ph='ˈpɪkəˌbuː'>tomato</phoneme>.</speak>",
                                       types=("viseme",), TextType="ssml")]
    assert before != after


def test_ssml_word_marks_point_at_the_words_in_the_ssml(polly):
    ssml = "<speak>Call <say-as interpret-as='telephone'>555-0100</say-as> <sub alias='doctor'>Dr.</sub> Who</speak>"
    words = marks(polly, ssml, TextType="ssml")
    encoded = ssml.encode()
    spans = [encoded[w["start"]:w["end"]].decode() for w in words]
    assert spans[0] == "Call" and spans[-1] == "Who"
    assert all(span in ssml for span in spans)


@pytest.mark.parametrize("ssml,fragment", [
    ("<speak>Hello <blink>x</blink></speak>", "unsupported tag <blink>"),
    ("<speak><break time='20s'/></speak>", "break"),
    ("<speak><say-as interpret-as='nonsense'>1</say-as></speak>", "interpret-as"),
    ("<speak><phoneme alphabet='klingon' ph='x'>a</phoneme></speak>", "phoneme"),
    ("<speak>\n  <prosody>x</prosody></speak>", "line 2, column 3"),
])
def test_unsupported_ssml_is_refused_with_the_position(polly, ssml, fragment):
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        polly.synthesize_speech(Text=ssml, TextType="ssml", VoiceId="Joanna", OutputFormat="mp3")
    assert code(excinfo) == "InvalidSsmlException"
    assert fragment in excinfo.value.response["Error"]["Message"]


def test_a_synthesis_over_its_time_limit_is_stopped(fresh_server):
    limited = fresh_server(env={"SIBYL_SYNTHESIS_TIMEOUT_SECONDS": "1"})
    limited.client("s3").create_bucket(Bucket="slow")
    polly = limited.client("polly")
    # SSML is synthesized in one piece (plain text is cut into sentence chunks that each stay far below a second).
    text = "<speak>" + "This sentence is repeated to make a very long text for one task. " * 1500 + "</speak>"
    task = polly.start_speech_synthesis_task(Text=text, TextType="ssml", VoiceId="Joanna", OutputFormat="pcm",
                                             OutputS3BucketName="slow")["SynthesisTask"]
    done = wait_for_task(polly, task["TaskId"], timeout=120)
    assert done["TaskStatus"] == "failed"
    assert "longer than" in done["TaskStatusReason"]
    # The synthesizer is free again at once.
    assert polly.synthesize_speech(Text="Still here.", VoiceId="Joanna", OutputFormat="pcm")["AudioStream"].read()


def test_synthesizer_worker_processes(fresh_server):
    import concurrent.futures
    import os
    import signal as signals
    pooled = fresh_server(env={"SIBYL_SYNTHESIS_WORKERS": "2"})
    polly = pooled.client("polly")
    children = subprocess.run(["pgrep", "-P", str(pooled.proc.pid)], capture_output=True, text=True).stdout.split()
    assert len(children) == 2

    def speak(i):
        return polly.synthesize_speech(Text=f"Request number {i}.", VoiceId="Brian", OutputFormat="json",
                                       SpeechMarkTypes=["word"])["AudioStream"].read().decode()

    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        results = list(pool.map(speak, range(8)))
    assert [json.loads(r.splitlines()[-1])["value"] for r in results] == [str(i) for i in range(8)]
    for pid in children:
        os.kill(int(pid), signals.SIGKILL)
    outcomes = []
    for i in range(4):  # a dead worker fails the request that finds it, and is replaced
        try:
            speak(i)
            outcomes.append("ok")
        except botocore.exceptions.ClientError as error:
            assert error.response["Error"]["Code"] == "ServiceFailureException"
            outcomes.append("failed")
    assert outcomes[-2:] == ["ok", "ok"]
