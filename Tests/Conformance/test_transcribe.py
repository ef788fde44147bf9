"""Transcribe on Whisper, driven by boto3: media in the S3 stand-in, jobs, transcripts shaped as AWS writes them,
speakers, channels, vocabulary filters, custom vocabularies, subtitles, language identification and AWS's errors.

The speech is made at test time with eSpeak NG and SoX (see transcribe_audio.py), so words are compared after
normalisation with a word error rate allowance, never as exact strings. Robot voices are harder than people: the
allowance for them is 0.25; real read speech (LibriVox, from Debian's pocketsphinx-testdata) gets 0.10.
"""

import json
import re
import signal
import subprocess
import time
import urllib.parse
import urllib.request
import uuid

import botocore.exceptions
import pytest

import transcribe_audio as audio_lib
from transcribe_audio import CALLING, COFFEE, FOX, FOX_AND_REPORT, GARDEN, REPORT, STATION, duration, wer, words

SYNTHETIC_WER = 0.25
REAL_WER = 0.10
JOB_TIMEOUT = 180


@pytest.fixture(scope="session")
def audio(tmp_path_factory):
    return audio_lib.AudioLibrary(tmp_path_factory.mktemp("transcribe-audio"))


@pytest.fixture
def transcribe(server):
    return server.client("transcribe")


@pytest.fixture(scope="session")
def buckets(server):
    """(media bucket, output bucket), made once."""
    s3 = server.client("s3")
    media, output = "transcribe-media", "transcribe-output"
    for bucket in (media, output):
        s3.create_bucket(Bucket=bucket)
    return media, output


def code(excinfo):
    return excinfo.value.response["Error"]["Code"]


def unique(prefix="job"):
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


def upload(s3, buckets, path, key=None):
    """Puts a local file in the media bucket; returns its s3:// URI."""
    key = key or f"{uuid.uuid4().hex[:8]}/{path.name}"
    s3.put_object(Bucket=buckets[0], Key=key, Body=path.read_bytes())
    return f"s3://{buckets[0]}/{key}"


def start(transcribe, buckets, uri, name=None, output=True, **extra):
    name = name or unique()
    request = {"TranscriptionJobName": name, "Media": {"MediaFileUri": uri}, **extra}
    if "IdentifyLanguage" not in extra and "IdentifyMultipleLanguages" not in extra:
        request.setdefault("LanguageCode", "en-US")
    if output:
        request["OutputBucketName"] = buckets[1]
    job = transcribe.start_transcription_job(**request)["TranscriptionJob"]
    assert job["TranscriptionJobName"] == name
    assert job["TranscriptionJobStatus"] in ("QUEUED", "IN_PROGRESS", "COMPLETED", "FAILED")
    return name


def wait(transcribe, name, timeout=JOB_TIMEOUT):
    """Polls until the job is COMPLETED or FAILED; returns the job."""
    deadline = time.monotonic() + timeout
    while True:
        job = transcribe.get_transcription_job(TranscriptionJobName=name)["TranscriptionJob"]
        status = job["TranscriptionJobStatus"]
        if status in ("COMPLETED", "FAILED"):
            return job
        assert status in ("QUEUED", "IN_PROGRESS"), status
        assert time.monotonic() < deadline, f"job {name} still {status} after {timeout} s"
        time.sleep(0.5)


def completed(transcribe, name):
    job = wait(transcribe, name)
    assert job["TranscriptionJobStatus"] == "COMPLETED", job.get("FailureReason")
    return job


def fetch(server, s3, uri):
    """The bytes behind a TranscriptFileUri or SubtitleFileUri: path-style `{endpoint}/{bucket}/{key}` is read with
    s3.get_object; any other URL the gateway serves is fetched anonymously."""
    if uri.startswith(server.url + "/"):
        bucket, _, key = urllib.parse.unquote(urllib.parse.urlparse(uri).path).lstrip("/").partition("/")
        try:
            return s3.get_object(Bucket=bucket, Key=key)["Body"].read()
        except botocore.exceptions.ClientError:
            pass
    with urllib.request.urlopen(uri) as response:
        return response.read()


def location(server, uri):
    """(bucket, key) of a path-style URI on the gateway."""
    assert uri.startswith(server.url + "/"), uri
    bucket, _, key = urllib.parse.unquote(urllib.parse.urlparse(uri).path).lstrip("/").partition("/")
    return bucket, key


def transcript_of(server, s3, job):
    document = json.loads(fetch(server, s3, job["Transcript"]["TranscriptFileUri"]))
    assert document["jobName"] == job["TranscriptionJobName"]
    assert document["status"] == "COMPLETED"
    assert isinstance(document["accountId"], str) and document["accountId"]
    return document


def text_of(document):
    transcripts = document["results"]["transcripts"]
    assert len(transcripts) == 1
    return transcripts[0]["transcript"]


def pronunciations(items):
    return [item for item in items if item["type"] == "pronunciation"]


def contents(items):
    return [item["alternatives"][0]["content"] for item in items]


def check_items(items, seconds, numbered=True):
    """Items as AWS writes them: ids in order, string times and confidences, no times on punctuation,
    pronunciation times inside the audio and (nearly) in order."""
    assert items, "no items"
    previous_start = 0.0
    for index, item in enumerate(items):
        if numbered:
            assert item["id"] == index
        assert item["type"] in ("pronunciation", "punctuation"), item
        alternatives = item["alternatives"]
        assert len(alternatives) >= 1
        content, confidence = alternatives[0]["content"], alternatives[0]["confidence"]
        assert isinstance(content, str) and content
        assert isinstance(confidence, str) and 0.0 <= float(confidence) <= 1.0
        if item["type"] == "punctuation":
            assert "start_time" not in item and "end_time" not in item, item
            assert re.fullmatch(r"[^\w\s]+", content), item
            continue
        assert isinstance(item["start_time"], str) and isinstance(item["end_time"], str)
        begin, end = float(item["start_time"]), float(item["end_time"])
        assert 0.0 <= begin <= end <= seconds + 0.5, (item, seconds)
        assert begin >= previous_start - 0.2, ("items out of order", item)
        previous_start = begin


def check_document(document, seconds):
    """The standard sections: the transcript is the items' words, and audio segments point at real items.
    With channel identification the items interleave the channels by time, so the segments are compared per
    channel instead."""
    results = document["results"]
    items = results["items"]
    check_items(items, seconds)
    assert words(text_of(document)) == words(" ".join(contents(pronunciations(items))))
    segments = results["audio_segments"]
    assert segments
    ids = {item["id"] for item in items}
    for segment in segments:
        assert isinstance(segment["id"], int)
        assert isinstance(segment["transcript"], str)
        begin, end = float(segment["start_time"]), float(segment["end_time"])
        assert 0.0 <= begin <= end <= seconds + 0.5
        assert segment["items"] and set(segment["items"]) <= ids
    if "channel_labels" not in results:
        assert words(" ".join(s["transcript"] for s in segments)) == words(text_of(document))
        return
    for channel in results["channel_labels"]["channels"]:
        label = channel["channel_label"]
        own = [s for s in segments if s.get("channel_label") == label]
        assert words(" ".join(s["transcript"] for s in own)) == words(" ".join(contents(pronunciations(channel["items"]))))


# (a) Formats.

@pytest.mark.parametrize("extension,rate", [("wav", 22050), ("flac", 16000), ("mp3", 44100)])
def test_round_trip_of_each_format(server, s3, transcribe, buckets, audio, extension, rate):
    path = audio.fox_and_report(extension)
    before = time.time()
    name = start(transcribe, buckets, upload(s3, buckets, path))
    job = completed(transcribe, name)
    assert job["LanguageCode"] == "en-US"
    assert job["MediaFormat"] == extension  # inferred: the request had no MediaFormat
    assert job["MediaSampleRateHertz"] == rate
    assert job["Media"]["MediaFileUri"].endswith(path.name)
    assert before - 5 <= job["CreationTime"].timestamp() <= job["CompletionTime"].timestamp() <= time.time() + 5
    if "StartTime" in job:
        assert job["CreationTime"] <= job["StartTime"] <= job["CompletionTime"]
    uri = job["Transcript"]["TranscriptFileUri"]
    assert location(server, uri) == (buckets[1], f"{name}.json")
    document = transcript_of(server, s3, job)
    assert wer(FOX_AND_REPORT, text_of(document)) <= SYNTHETIC_WER, text_of(document)
    check_document(document, duration(path))
    assert "speaker_labels" not in document["results"] and "channel_labels" not in document["results"]


def test_media_format_and_rate_given_explicitly(server, s3, transcribe, buckets, audio):
    path = audio.fox_and_report("flac")
    name = start(transcribe, buckets, upload(s3, buckets, path), MediaFormat="flac", MediaSampleRateHertz=16000)
    job = completed(transcribe, name)
    assert (job["MediaFormat"], job["MediaSampleRateHertz"]) == ("flac", 16000)
    assert wer(FOX_AND_REPORT, text_of(transcript_of(server, s3, job))) <= SYNTHETIC_WER


# (b) Real speech.

def test_librivox_read_speech(server, s3, transcribe, buckets):
    references = audio_lib.librivox_references()
    if not references:
        pytest.skip("pocketsphinx-testdata is not installed")
    clips = ["sense_and_sensibility_01_austen_64kb-0870", "sense_and_sensibility_01_austen_64kb-0890"]
    names = {clip: start(transcribe, buckets, upload(s3, buckets, audio_lib.LIBRIVOX / f"{clip}.wav"))
             for clip in clips}  # both started before either is awaited
    reference, hypothesis = [], []
    for clip, name in names.items():
        job = completed(transcribe, name)
        assert job["MediaSampleRateHertz"] == 16000
        document = transcript_of(server, s3, job)
        check_document(document, duration(audio_lib.LIBRIVOX / f"{clip}.wav"))
        reference += words(references[clip])
        hypothesis += words(text_of(document))
    errors = audio_lib.word_errors(reference, hypothesis)
    assert errors / len(reference) <= REAL_WER, " ".join(hypothesis)


# (c) Speakers.

def sentence_spans(audio, parts, pause):
    """[(begin, end)] of each spoken part in a recording made of parts separated by `pause` seconds of silence,
    widened to the middle of the pauses (and without limit before the first and after the last)."""
    spans, clock = [], 0.0
    for part in parts:
        length = duration(part)
        spans.append((clock, clock + length))
        clock += length + pause
    widened = [(begin - pause / 2, end + pause / 2) for begin, end in spans]
    widened[0], widened[-1] = (float("-inf"), widened[0][1]), (widened[-1][0], float("inf"))
    return widened


def test_two_speakers_are_told_apart(server, s3, transcribe, buckets, audio):
    path = audio.conversation()
    name = start(transcribe, buckets, upload(s3, buckets, path),
                 Settings={"ShowSpeakerLabels": True, "MaxSpeakerLabels": 2})
    job = completed(transcribe, name)
    assert job["Settings"]["ShowSpeakerLabels"] is True and job["Settings"]["MaxSpeakerLabels"] == 2
    document = transcript_of(server, s3, job)
    seconds = duration(path)
    check_document(document, seconds)
    assert wer(" ".join([STATION, COFFEE, GARDEN]), text_of(document)) <= SYNTHETIC_WER, text_of(document)

    labels = document["results"]["speaker_labels"]
    assert labels["speakers"] == 2
    segments = labels["segments"]
    assert segments
    for segment in segments:
        assert re.fullmatch(r"spk_[01]", segment["speaker_label"])
        begin, end = float(segment["start_time"]), float(segment["end_time"])
        assert 0.0 <= begin <= end <= seconds + 0.5
        for item in segment["items"]:
            assert item["speaker_label"] == segment["speaker_label"]
            assert begin - 0.01 <= float(item["start_time"]) <= float(item["end_time"]) <= end + 0.01
    assert {segment["speaker_label"] for segment in segments} == {"spk_0", "spk_1"}

    spoken = pronunciations(document["results"]["items"])
    assert all(re.fullmatch(r"spk_[01]", item["speaker_label"]) for item in spoken)
    parts = [audio.speech(STATION, audio_lib.MALE), audio.speech(COFFEE, audio_lib.FEMALE),
             audio.speech(GARDEN, audio_lib.MALE)]
    turns = [[] for _ in parts]
    for item in spoken:
        middle = (float(item["start_time"]) + float(item["end_time"])) / 2
        for index, (begin, end) in enumerate(sentence_spans(audio, parts, 1.0)):
            if begin <= middle < end:
                turns[index].append(item)
    for turn, sentence in zip(turns, [STATION, COFFEE, GARDEN]):
        assert len(turn) >= len(words(sentence)) - 2, (sentence, contents(turn))
    speakers = [{item["speaker_label"] for item in turn} for turn in turns]
    assert all(len(labels_in_turn) == 1 for labels_in_turn in speakers), repr([
        [(item["alternatives"][0]["content"], item["speaker_label"], item["start_time"]) for item in turn] for turn in turns])
    first, second, third = (labels_in_turn.pop() for labels_in_turn in speakers)
    assert first != second and third == first


# (d) Channels.

def test_each_channel_is_transcribed_on_its_own(server, s3, transcribe, buckets, audio):
    path = audio.stereo_call()
    name = start(transcribe, buckets, upload(s3, buckets, path), Settings={"ChannelIdentification": True})
    job = completed(transcribe, name)
    assert job["Settings"]["ChannelIdentification"] is True
    document = transcript_of(server, s3, job)
    seconds = duration(path)
    check_document(document, seconds)
    assert wer(CALLING + " " + REPORT, text_of(document)) <= SYNTHETIC_WER, text_of(document)

    labels = document["results"]["channel_labels"]
    assert labels["number_of_channels"] == 2
    channels = {channel["channel_label"]: channel["items"] for channel in labels["channels"]}
    assert set(channels) == {"ch_0", "ch_1"}
    for label, items in channels.items():
        check_items(items, seconds, numbered=False)
        assert all(item["channel_label"] == label for item in items)
    left_words = " ".join(contents(pronunciations(channels["ch_0"])))
    right_words = " ".join(contents(pronunciations(channels["ch_1"])))
    assert wer(CALLING, left_words) <= SYNTHETIC_WER, left_words
    assert wer(REPORT, right_words) <= SYNTHETIC_WER, right_words
    # The right channel is silent until the left has finished.
    left_end = duration(audio.speech(CALLING, audio_lib.MALE))
    assert max(float(item["end_time"]) for item in pronunciations(channels["ch_0"])) <= left_end + 0.5
    assert min(float(item["start_time"]) for item in pronunciations(channels["ch_1"])) >= left_end - 0.5
    for item in document["results"]["items"]:
        assert item["channel_label"] in ("ch_0", "ch_1")


# (e) Vocabulary filters.

@pytest.fixture
def fox_report_filter(transcribe):
    name = unique("filter")
    created = transcribe.create_vocabulary_filter(VocabularyFilterName=name, LanguageCode="en-US",
                                                  Words=["fox", "report"])
    assert created["VocabularyFilterName"] == name and created["LanguageCode"] == "en-US"
    assert "LastModifiedTime" in created
    yield name
    try:
        transcribe.delete_vocabulary_filter(VocabularyFilterName=name)
    except botocore.exceptions.ClientError:
        pass


@pytest.mark.parametrize("method", ["mask", "remove", "tag"])
def test_vocabulary_filter_methods(server, s3, transcribe, buckets, audio, fox_report_filter, method):
    path = audio.fox_and_report("wav")
    name = start(transcribe, buckets, upload(s3, buckets, path),
                 Settings={"VocabularyFilterName": fox_report_filter, "VocabularyFilterMethod": method})
    job = completed(transcribe, name)
    assert job["Settings"]["VocabularyFilterName"] == fox_report_filter
    assert job["Settings"]["VocabularyFilterMethod"] == method
    document = transcript_of(server, s3, job)
    text = words(text_of(document))
    spoken = pronunciations(document["results"]["items"])
    check_items(document["results"]["items"], duration(path))
    said = [words(content) for content in contents(spoken)]
    if method == "mask":
        assert "fox" not in text and "report" not in text
        assert text.count("***") == 2, text_of(document)
        assert ["***"] in said and ["fox"] not in said and ["report"] not in said
        hidden = iter(["fox", "report"])  # in the order they are spoken
        unmasked = " ".join(next(hidden) if w == "***" else w for w in text)
        assert wer(FOX_AND_REPORT, unmasked) <= SYNTHETIC_WER, text_of(document)
    elif method == "remove":
        assert "fox" not in text and "report" not in text and "***" not in text
        assert ["fox"] not in said and ["report"] not in said
        assert wer(FOX_AND_REPORT.replace("fox ", "").replace("report ", ""), " ".join(text)) <= SYNTHETIC_WER
    else:
        assert "fox" in text and "report" in text
        tagged = [item for item in spoken if item.get("vocabularyFilterMatch") is True]
        assert sorted(words(" ".join(contents(tagged)))) == ["fox", "report"], [
            (item["alternatives"][0]["content"], item.get("vocabularyFilterMatch")) for item in spoken]
        assert all(item.get("vocabularyFilterMatch", False) is False for item in spoken if item not in tagged)


def test_vocabulary_filter_lifecycle(transcribe):
    name = unique("Filter")
    transcribe.create_vocabulary_filter(VocabularyFilterName=name, LanguageCode="en-US", Words=["alpha", "beta"])
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        transcribe.create_vocabulary_filter(VocabularyFilterName=name, LanguageCode="en-US", Words=["gamma"])
    assert code(excinfo) == "ConflictException"
    got = transcribe.get_vocabulary_filter(VocabularyFilterName=name)
    assert got["VocabularyFilterName"] == name and got["LanguageCode"] == "en-US"
    assert got["DownloadUri"] and "LastModifiedTime" in got
    listed = transcribe.list_vocabulary_filters(NameContains=name.lower())["VocabularyFilters"]
    assert [f["VocabularyFilterName"] for f in listed] == [name]
    assert listed[0]["LanguageCode"] == "en-US"
    transcribe.delete_vocabulary_filter(VocabularyFilterName=name)
    for call in (transcribe.get_vocabulary_filter, transcribe.delete_vocabulary_filter):
        with pytest.raises(botocore.exceptions.ClientError) as excinfo:
            call(VocabularyFilterName=name)
        assert code(excinfo) in ("NotFoundException", "BadRequestException")
    assert transcribe.list_vocabulary_filters(NameContains=name)["VocabularyFilters"] == []


# (f) Subtitles.

SRT_TIME = r"(\d\d):(\d\d):(\d\d),(\d\d\d)"
VTT_TIME = r"(\d\d):(\d\d):(\d\d)\.(\d\d\d)"


def seconds_of(match, offset):
    hours, minutes, secs, millis = (int(match.group(offset + i)) for i in range(4))
    return hours * 3600 + minutes * 60 + secs + millis / 1000


def parse_cues(text, time_pattern, vtt=False):
    """[(index or None, begin, end, text)] of SRT or WebVTT cues."""
    text = text.replace("\r\n", "\n").strip()
    blocks = re.split(r"\n\s*\n", text)
    if vtt:
        assert blocks[0].startswith("WEBVTT")
        blocks = blocks[1:]
    cues = []
    for block in blocks:
        lines = block.split("\n")
        index = None
        if not re.match(time_pattern, lines[0]):
            index = lines.pop(0).strip()
        timing = re.fullmatch(time_pattern + r" --> " + time_pattern + r"(?: .*)?", lines[0].strip())
        assert timing, block
        body = " ".join(line.strip() for line in lines[1:])
        assert body, block
        cues.append((index, seconds_of(timing, 1), seconds_of(timing, 5), body))
    return cues


def check_cues(cues, seconds, transcript, first_index):
    assert cues
    previous_end = 0.0
    for number, (index, begin, end, _) in enumerate(cues):
        assert index is None or index == str(first_index + number)
        assert begin < end <= seconds + 0.5 and begin >= previous_end - 0.01
        previous_end = end
    assert words(" ".join(cue[3] for cue in cues)) == words(transcript)


def test_subtitles_in_srt_and_vtt(server, s3, transcribe, buckets, audio):
    path = audio.fox_and_report("wav")
    name = start(transcribe, buckets, upload(s3, buckets, path), Subtitles={"Formats": ["srt", "vtt"]})
    job = completed(transcribe, name)
    subtitles = job["Subtitles"]
    assert sorted(subtitles["Formats"]) == ["srt", "vtt"]
    assert subtitles.get("OutputStartIndex", 0) == 0  # AWS numbers subtitles from 0 unless told otherwise
    uris = subtitles["SubtitleFileUris"]
    assert len(uris) == 2
    _, transcript_key = location(server, job["Transcript"]["TranscriptFileUri"])
    base = transcript_key[: -len(".json")]
    by_extension = {}
    for uri in uris:
        bucket, key = location(server, uri)
        assert bucket == buckets[1]
        assert key in (base + ".srt", base + ".vtt")
        by_extension[key.rsplit(".", 1)[1]] = fetch(server, s3, uri).decode()
    transcript = text_of(transcript_of(server, s3, job))
    seconds = duration(path)
    srt = parse_cues(by_extension["srt"], SRT_TIME)
    assert all(index is not None for index, *_ in srt)
    check_cues(srt, seconds, transcript, first_index=0)
    vtt = parse_cues(by_extension["vtt"], VTT_TIME, vtt=True)
    check_cues(vtt, seconds, transcript, first_index=0)
    assert [(round(b, 2), round(e, 2)) for _, b, e, _ in srt] == [(round(b, 2), round(e, 2)) for _, b, e, _ in vtt]


def test_subtitles_numbered_from_the_requested_index(server, s3, transcribe, buckets, audio):
    path = audio.speech(FOX, audio_lib.MALE)
    name = start(transcribe, buckets, upload(s3, buckets, path),
                 Subtitles={"Formats": ["srt"], "OutputStartIndex": 1})
    job = completed(transcribe, name)
    assert job["Subtitles"]["OutputStartIndex"] == 1
    [uri] = job["Subtitles"]["SubtitleFileUris"]
    cues = parse_cues(fetch(server, s3, uri).decode(), SRT_TIME)
    check_cues(cues, duration(path), text_of(transcript_of(server, s3, job)), first_index=1)
    assert cues[0][0] == "1"


# Where the output goes.

@pytest.mark.parametrize("output_key,expected", [
    ("results/", "results/{job}.json"),
    ("results/named.json", "results/named.json"),
    ("named.json", "named.json"),
    ("folder/sub", "folder/sub/{job}.json"),  # AWS: an OutputKey without .json is a folder
])
def test_output_key(server, s3, transcribe, buckets, audio, output_key, expected):
    name = start(transcribe, buckets, upload(s3, buckets, audio.speech(FOX, audio_lib.MALE)),
                 OutputKey=output_key)
    job = completed(transcribe, name)
    bucket, key = location(server, job["Transcript"]["TranscriptFileUri"])
    assert (bucket, key) == (buckets[1], expected.format(job=name))
    body = json.loads(s3.get_object(Bucket=bucket, Key=key)["Body"].read())
    assert body["jobName"] == name


def test_without_an_output_bucket_the_gateway_serves_the_transcript(server, s3, transcribe, buckets, audio):
    path = audio.speech(FOX, audio_lib.MALE)
    name = start(transcribe, buckets, upload(s3, buckets, path), output=False)
    job = completed(transcribe, name)
    uri = job["Transcript"]["TranscriptFileUri"]
    assert uri.startswith("http")
    with urllib.request.urlopen(uri) as response:
        document = json.loads(response.read())
    assert document["jobName"] == name
    assert wer(FOX, text_of(document)) <= SYNTHETIC_WER
    check_document(document, duration(path))
    summary = next(s for s in transcribe.list_transcription_jobs(JobNameContains=name)["TranscriptionJobSummaries"])
    assert summary["OutputLocationType"] == "SERVICE_BUCKET"


# (g) Errors.

def test_duplicate_job_name_is_a_conflict(s3, transcribe, buckets, audio):
    uri = upload(s3, buckets, audio.speech(FOX, audio_lib.MALE))
    name = start(transcribe, buckets, uri)
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        start(transcribe, buckets, uri, name=name)
    assert code(excinfo) == "ConflictException"
    wait(transcribe, name)


def test_unknown_job_is_a_bad_request(transcribe):
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        transcribe.get_transcription_job(TranscriptionJobName=unique("missing"))
    assert code(excinfo) == "BadRequestException"
    assert "couldn't be found" in excinfo.value.response["Error"]["Message"]


def failure(transcribe, buckets, uri, **extra):
    """Starts a job that AWS refuses, either at once (BadRequestException) or by failing it: returns the reason."""
    try:
        name = start(transcribe, buckets, uri, **extra)
    except botocore.exceptions.ClientError as error:
        assert error.response["Error"]["Code"] == "BadRequestException"
        return error.response["Error"]["Message"]
    job = wait(transcribe, name)
    assert job["TranscriptionJobStatus"] == "FAILED"
    assert "Transcript" not in job or not job["Transcript"].get("TranscriptFileUri")
    return job["FailureReason"]


def test_media_that_is_not_audio_fails_the_job(s3, transcribe, buckets, audio):
    name = start(transcribe, buckets, upload(s3, buckets, audio.not_audio()))
    job = wait(transcribe, name)
    assert job["TranscriptionJobStatus"] == "FAILED"
    assert job["FailureReason"].strip()
    failed = transcribe.list_transcription_jobs(Status="FAILED", JobNameContains=name)["TranscriptionJobSummaries"]
    assert [s["TranscriptionJobName"] for s in failed] == [name]
    assert failed[0]["FailureReason"] == job["FailureReason"]


@pytest.mark.parametrize("extra", [
    {"MediaFormat": "mp3"},               # the file is WAV
    {"MediaSampleRateHertz": 8000},       # the file is 22,050 Hz: AWS fails the job on a mismatch
])
def test_media_that_does_not_match_the_request_fails(s3, transcribe, buckets, audio, extra):
    reason = failure(transcribe, buckets, upload(s3, buckets, audio.speech(FOX, audio_lib.MALE)), **extra)
    assert reason.strip()


def test_missing_media_object(s3, transcribe, buckets):
    reason = failure(transcribe, buckets, f"s3://{buckets[0]}/{uuid.uuid4().hex}/absent.wav")
    assert reason.strip()


@pytest.mark.parametrize("extra", [
    {"Settings": {"ShowSpeakerLabels": True}},                                   # MaxSpeakerLabels is required
    {"Settings": {"VocabularyFilterName": "no-such-filter-x", "VocabularyFilterMethod": "mask"}},
    {"Settings": {"VocabularyName": "no-such-vocabulary-x"}},
    {"IdentifyLanguage": True, "LanguageCode": "en-US"},                          # one or the other
])
def test_invalid_requests(s3, transcribe, buckets, audio, extra):
    uri = upload(s3, buckets, audio.speech(FOX, audio_lib.MALE))
    assert failure(transcribe, buckets, uri, **extra).strip()


# (h) Listing and deleting.

def test_list_filters_and_pages(s3, transcribe, buckets, audio):
    uri = upload(s3, buckets, audio.speech(FOX, audio_lib.MALE))
    prefix = unique("Listed")
    names = []
    for n in range(2):
        names.append(start(transcribe, buckets, uri, name=f"{prefix}-{n}"))
        time.sleep(1.1)  # distinct creation times even at one-second resolution
    for name in names:
        completed(transcribe, name)

    response = transcribe.list_transcription_jobs(Status="COMPLETED", JobNameContains=prefix.upper())
    assert response["Status"] == "COMPLETED"
    summaries = response["TranscriptionJobSummaries"]
    assert [s["TranscriptionJobName"] for s in summaries] == names[::-1]  # newest first, case-insensitive match
    for summary in summaries:
        assert summary["TranscriptionJobStatus"] == "COMPLETED"
        assert summary["LanguageCode"] == "en-US"
        assert summary["OutputLocationType"] == "CUSTOMER_BUCKET"
        assert summary["CreationTime"] <= summary["CompletionTime"]
    failed = transcribe.list_transcription_jobs(Status="FAILED", JobNameContains=prefix)
    assert failed["TranscriptionJobSummaries"] == []

    paged, token = [], None
    for _ in range(5):
        page = transcribe.list_transcription_jobs(JobNameContains=prefix, MaxResults=1,
                                                  **({"NextToken": token} if token else {}))
        assert len(page["TranscriptionJobSummaries"]) <= 1
        paged += [s["TranscriptionJobName"] for s in page["TranscriptionJobSummaries"]]
        token = page.get("NextToken")
        if not token:
            break
    assert paged == names[::-1]
    assert len(transcribe.list_transcription_jobs()["TranscriptionJobSummaries"]) <= 5  # AWS's default page


def test_delete_job(s3, transcribe, buckets, audio):
    name = start(transcribe, buckets, upload(s3, buckets, audio.speech(FOX, audio_lib.MALE)))
    completed(transcribe, name)
    transcribe.delete_transcription_job(TranscriptionJobName=name)
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        transcribe.get_transcription_job(TranscriptionJobName=name)
    assert code(excinfo) == "BadRequestException"
    assert transcribe.list_transcription_jobs(JobNameContains=name)["TranscriptionJobSummaries"] == []
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        transcribe.delete_transcription_job(TranscriptionJobName=name)
    assert code(excinfo) == "BadRequestException"


# (i) Custom vocabularies.

def wait_vocabulary(transcribe, name, timeout=60):
    deadline = time.monotonic() + timeout
    while True:
        got = transcribe.get_vocabulary(VocabularyName=name)
        if got["VocabularyState"] != "PENDING":
            return got
        assert time.monotonic() < deadline
        time.sleep(0.2)


def test_custom_vocabulary(server, s3, transcribe, buckets):
    references = audio_lib.librivox_references()
    if not references:
        pytest.skip("pocketsphinx-testdata is not installed")
    vocabulary = unique("Vocabulary")
    created = transcribe.create_vocabulary(VocabularyName=vocabulary, LanguageCode="en-US", Phrases=["Dashwood"])
    assert created["VocabularyName"] == vocabulary and created["LanguageCode"] == "en-US"
    assert created["VocabularyState"] in ("PENDING", "READY")
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        transcribe.create_vocabulary(VocabularyName=vocabulary, LanguageCode="en-US", Phrases=["Marianne"])
    assert code(excinfo) == "ConflictException"
    got = wait_vocabulary(transcribe, vocabulary)
    assert got["VocabularyState"] == "READY", got.get("FailureReason")
    assert got["DownloadUri"] and "LastModifiedTime" in got

    clip = "sense_and_sensibility_01_austen_64kb-0870"
    name = start(transcribe, buckets, upload(s3, buckets, audio_lib.LIBRIVOX / f"{clip}.wav"),
                 Settings={"VocabularyName": vocabulary})
    job = completed(transcribe, name)
    assert job["Settings"]["VocabularyName"] == vocabulary
    text = text_of(transcript_of(server, s3, job))
    assert wer(references[clip], text) <= REAL_WER, text

    listed = transcribe.list_vocabularies(NameContains=vocabulary.lower())
    assert [(v["VocabularyName"], v["VocabularyState"]) for v in listed["Vocabularies"]] == [(vocabulary, "READY")]
    ready = transcribe.list_vocabularies(StateEquals="READY", NameContains=vocabulary)["Vocabularies"]
    assert [v["VocabularyName"] for v in ready] == [vocabulary]
    transcribe.delete_vocabulary(VocabularyName=vocabulary)
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        transcribe.get_vocabulary(VocabularyName=vocabulary)
    assert code(excinfo) in ("NotFoundException", "BadRequestException")
    assert transcribe.list_vocabularies(NameContains=vocabulary)["Vocabularies"] == []


def test_a_custom_vocabulary_changes_what_is_written(server, s3, transcribe, buckets, audio):
    """Names Whisper does not know come out as common words without the vocabulary and as written with it."""
    path = audio.speech("Please forward the invoice to Kethrin Vashorley before Friday.", audio_lib.MALE)
    key = upload(s3, buckets, path)
    vocabulary = unique("Names")
    transcribe.create_vocabulary(VocabularyName=vocabulary, LanguageCode="en-US", Phrases=["Kethrin", "Vashorley"])
    assert wait_vocabulary(transcribe, vocabulary)["VocabularyState"] == "READY"
    plain = text_of(transcript_of(server, s3, completed(transcribe, start(transcribe, buckets, key))))
    biased = text_of(transcript_of(server, s3, completed(
        transcribe, start(transcribe, buckets, key, Settings={"VocabularyName": vocabulary}))))
    assert "vashorley" not in words(plain), plain
    assert {"kethrin", "vashorley"} <= set(words(biased)), biased


# (j) Language identification.

def test_identify_language(server, s3, transcribe, buckets, audio):
    path = audio.fox_and_report("wav")
    name = start(transcribe, buckets, upload(s3, buckets, path), IdentifyLanguage=True,
                 LanguageOptions=["en-US", "es-US"])
    job = completed(transcribe, name)
    assert job["IdentifyLanguage"] is True
    assert sorted(job["LanguageOptions"]) == ["en-US", "es-US"]
    assert job["LanguageCode"] == "en-US"
    assert 0.0 < job["IdentifiedLanguageScore"] <= 1.0
    assert wer(FOX_AND_REPORT, text_of(transcript_of(server, s3, job))) <= SYNTHETIC_WER


# Durable jobs and the command line.

def test_a_job_survives_the_server_being_killed(fresh_server, tmp_path, audio):
    data = tmp_path / "data"
    first = fresh_server(data_dir=data)
    s3, transcribe = first.client("s3"), first.client("transcribe")
    buckets = ("media", "output")
    for bucket in buckets:
        s3.create_bucket(Bucket=bucket)
    filter_name = unique("durable")
    transcribe.create_vocabulary_filter(VocabularyFilterName=filter_name, LanguageCode="en-US", Words=["fox"])
    name = start(transcribe, buckets, upload(s3, buckets, audio.fox_and_report("wav")),
                 Settings={"VocabularyFilterName": filter_name, "VocabularyFilterMethod": "mask"})
    first.proc.send_signal(signal.SIGKILL)
    first.proc.wait(timeout=20)

    second = fresh_server(data_dir=data)
    s3, transcribe = second.client("s3"), second.client("transcribe")
    job = completed(transcribe, name)
    document = transcript_of(second, s3, job)
    assert "fox" not in words(text_of(document)) and "***" in words(text_of(document))
    assert wer(FOX_AND_REPORT.replace("fox", "***"), text_of(document)) <= SYNTHETIC_WER
    assert transcribe.get_vocabulary_filter(VocabularyFilterName=filter_name)["VocabularyFilterName"] == filter_name
    assert [s["TranscriptionJobName"] for s in
            transcribe.list_transcription_jobs(JobNameContains=name)["TranscriptionJobSummaries"]] == [name]


def test_models_transcribe_on_the_command_line(audio):
    from conftest import REPO, SIBYL_BIN
    path = audio.fox_and_report("flac")
    output = subprocess.run([SIBYL_BIN, "models", "transcribe", str(path)], capture_output=True, text=True,
                            check=True, timeout=JOB_TIMEOUT, cwd=REPO).stdout
    result = json.loads(output)
    assert result["language"] == "en"
    assert wer(FOX_AND_REPORT, result["transcript"]) <= SYNTHETIC_WER, result["transcript"]
    assert abs(result["seconds"] - duration(path)) < 0.1
    spoken = result["words"]
    assert words(" ".join(w["word"] for w in spoken)) == words(result["transcript"])
    starts = [w["start"] for w in spoken]
    assert all(0 <= w["start"] <= w["end"] <= result["seconds"] + 0.5 and 0 <= w["confidence"] <= 1 for w in spoken)
    assert all(later >= earlier - 0.2 for earlier, later in zip(starts, starts[1:]))


def test_job_progress_is_visible_through_diagnostics(server, s3, transcribe, buckets, audio):
    """The durable queue's view of a job (Sibyl's own DescribeJob): state and the progress the handler reported."""
    import urllib.request
    name = start(transcribe, buckets, upload(s3, buckets, audio.fox_and_report("wav")))
    completed(transcribe, name)
    request = urllib.request.Request(f"{server.url}/v1/sibyl/DescribeJob", method="POST",
                                     data=json.dumps({"JobId": f"transcribe:{name}"}).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request) as response:
        job = json.load(response)
    assert job["State"] == "COMPLETED" and job["ProgressPercent"] == 100
    assert job["Kind"] == "transcribe.transcription"


# Redaction, formats without a decoder, and audio made by Sibyl's own Polly.

def test_pii_is_redacted_through_comprehend(server, s3, transcribe, buckets, audio):
    path = audio.speech("Hello, my name is John Smith and I live in Boston.", audio_lib.MALE)
    name = start(transcribe, buckets, upload(s3, buckets, path),
                 ContentRedaction={"RedactionType": "PII", "RedactionOutput": "redacted_and_unredacted",
                                   "PiiEntityTypes": ["NAME"]})
    job = completed(transcribe, name)
    assert location(server, job["Transcript"]["TranscriptFileUri"]) == (buckets[1], f"{name}.json")
    assert location(server, job["Transcript"]["RedactedTranscriptFileUri"]) == (buckets[1], f"redacted-{name}.json")
    plain = text_of(transcript_of(server, s3, job))
    assert "smith" in words(plain), plain
    redacted = json.loads(fetch(server, s3, job["Transcript"]["RedactedTranscriptFileUri"]))
    text = text_of(redacted)
    assert "smith" not in words(text) and "[PII]" in text, text
    assert "boston" in words(text), text  # ADDRESS was not asked for
    marked = [item for item in redacted["results"]["items"] if item["alternatives"][0]["content"] == "[PII]"]
    assert marked and all(item["alternatives"][0]["redactions"][0]["type"] == "NAME" for item in marked)
    assert all(0 < float(item["alternatives"][0]["redactions"][0]["confidence"]) <= 1 for item in marked)


def test_formats_without_a_decoder_are_refused_by_name(transcribe, s3, buckets, audio):
    uri = upload(s3, buckets, audio.fox_and_report("wav"))
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        start(transcribe, buckets, uri, MediaFormat="mp4")
    assert code(excinfo) == "BadRequestException" and "mp4" in str(excinfo.value)


def test_ogg_vorbis_from_polly_is_transcribed(server, s3, transcribe, buckets):
    polly = server.client("polly")
    sentence = "The weather will be sunny and warm tomorrow afternoon."
    speech = polly.synthesize_speech(Text=sentence, VoiceId="Joanna", OutputFormat="ogg_vorbis")["AudioStream"].read()
    key = f"{uuid.uuid4().hex[:8]}/polly.ogg"
    s3.put_object(Bucket=buckets[0], Key=key, Body=speech)
    job = completed(transcribe, start(transcribe, buckets, f"s3://{buckets[0]}/{key}"))
    assert job["MediaFormat"] == "ogg" and job["MediaSampleRateHertz"] == 22050
    assert wer(sentence, text_of(transcript_of(server, s3, job))) <= SYNTHETIC_WER


def test_float_audio_with_nan_and_infinities_does_not_poison_the_server(server, s3, transcribe, buckets, tmp_path):
    import math
    import struct
    samples = b"".join(struct.pack("<f", [math.nan, math.inf, -math.inf, 0.0][i % 4]) for i in range(16000))
    header = struct.pack("<HHIIHH", 3, 1, 16000, 16000 * 4, 4, 32)  # IEEE float, mono, 16 kHz
    wav = (b"RIFF" + struct.pack("<I", 4 + 8 + len(header) + 8 + len(samples)) + b"WAVE" + b"fmt "
           + struct.pack("<I", len(header)) + header + b"data" + struct.pack("<I", len(samples)) + samples)
    path = tmp_path / "nan.wav"
    path.write_bytes(wav)
    job = completed(transcribe, start(transcribe, buckets, upload(s3, buckets, path)))
    assert text_of(transcript_of(server, s3, job)) == ""
    # The server still transcribes ordinary speech afterwards.
    references = audio_lib.librivox_references()
    if references:
        clip = "sense_and_sensibility_01_austen_64kb-0880"
        job = completed(transcribe, start(transcribe, buckets, upload(s3, buckets, audio_lib.LIBRIVOX / f"{clip}.wav")))
        assert wer(references[clip], text_of(transcript_of(server, s3, job))) <= 0.1


def test_a_graceful_shutdown_stops_a_running_job_which_resumes_after(fresh_server, tmp_path):
    """SIGTERM while a long job runs: the recogniser stops within a second of audio, the server exits promptly,
    and the job, back in the queue, completes after the restart."""
    references = audio_lib.librivox_references()
    if not references:
        pytest.skip("pocketsphinx-testdata is not installed")
    clips = sorted(audio_lib.LIBRIVOX.glob("*.wav"))
    long_file = tmp_path / "long.wav"
    subprocess.run(["sox", *[str(c) for c in clips * 4], str(long_file)], check=True)  # about 100 s
    data = tmp_path / "data"
    first = fresh_server(data_dir=data)
    s3, transcribe = first.client("s3"), first.client("transcribe")
    buckets = ("media", "output")
    for bucket in buckets:
        s3.create_bucket(Bucket=bucket)
    name = start(transcribe, buckets, upload(s3, buckets, long_file))
    deadline = time.monotonic() + 60
    while transcribe.get_transcription_job(TranscriptionJobName=name)["TranscriptionJob"]["TranscriptionJobStatus"] != "IN_PROGRESS":
        assert time.monotonic() < deadline
        time.sleep(0.2)
    time.sleep(1)
    began = time.monotonic()
    assert first.stop(signal.SIGTERM, timeout=30) == 0
    assert time.monotonic() - began < 15

    second = fresh_server(data_dir=data)
    s3, transcribe = second.client("s3"), second.client("transcribe")
    job = completed(transcribe, name)
    text = text_of(transcript_of(second, s3, job))
    assert wer(" ".join(references[c.stem] for c in clips * 4), text) <= 0.1, text
