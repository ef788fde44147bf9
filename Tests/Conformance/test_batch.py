"""`sibyl batch`: one operation over a folder of files, in process on its own data directory or on a live server."""

import json
import subprocess

from conftest import SIBYL_BIN
from rekognition_images import encode, text_image


def batch(*args, cwd):
    return subprocess.run([SIBYL_BIN, "batch", *args, "--data-dir", str(cwd / "data")], capture_output=True, text=True,
                          timeout=300, cwd=cwd)


def test_every_file_is_answered_and_a_failing_one_is_named(tmp_path):
    reviews = tmp_path / "reviews"
    (reviews / "older").mkdir(parents=True)
    (reviews / "glad.txt").write_text("I love this product, it is wonderful and works perfectly.")
    (reviews / "older" / "cross.txt").write_text("This was a terrible, awful experience.")
    (reviews / "blank.txt").write_text("")
    (reviews / ".hidden.txt").write_text("never read")
    result = batch("comprehend", "DetectSentiment", str(reviews), "--member", "Text", "--input", '{"LanguageCode": "en"}',
                   "--out", str(tmp_path / "out"), cwd=tmp_path)
    assert result.returncode == 1
    assert f"{reviews / 'blank.txt'}: ValidationException" in result.stderr
    assert "3 files: 2 answered, 1 failed" in result.stderr
    written = sorted(p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*") if p.is_file())
    assert written == ["glad.txt.json", "older/cross.txt.json"]
    assert json.loads((tmp_path / "out" / "glad.txt.json").read_text())["Sentiment"] == "POSITIVE"
    assert json.loads((tmp_path / "out" / "older" / "cross.txt.json").read_text())["Sentiment"] == "NEGATIVE"


def test_images_go_in_base64_and_audio_comes_out_as_files(tmp_path):
    image, _ = text_image(["INVOICE 2041"], size=48)
    (tmp_path / "scan.png").write_bytes(encode(image))
    result = batch("rekognition", "DetectText", str(tmp_path / "scan.png"), "--member", "Image.Bytes",
                   "--out", str(tmp_path / "text"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    detections = json.loads((tmp_path / "text" / "scan.png.json").read_text())["TextDetections"]
    assert "INVOICE 2041" in [d["DetectedText"] for d in detections if d["Type"] == "LINE"]

    (tmp_path / "hello.txt").write_text("Hello from the batch command.")
    result = batch("polly", "SynthesizeSpeech", str(tmp_path / "hello.txt"), "--member", "Text",
                   "--input", '{"VoiceId": "Joanna", "OutputFormat": "mp3"}', "--out", str(tmp_path / "speech"),
                   cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    audio = (tmp_path / "speech" / "hello.txt.mp3").read_bytes()
    assert len(audio) > 2000 and (audio[:3] == b"ID3" or audio[0] == 0xFF)


def test_a_running_server_answers_and_clashing_names_are_refused_first(tmp_path, server):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "note.txt").write_text("Guten Morgen, wie geht es dir heute?")
    (tmp_path / "b" / "note.txt").write_text("Good morning, how are you today?")
    result = batch("comprehend", "DetectDominantLanguage", str(tmp_path / "a" / "note.txt"), "--member", "Text",
                   "--endpoint", server.url, "--out", str(tmp_path / "langs"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    languages = json.loads((tmp_path / "langs" / "note.txt.json").read_text())["Languages"]
    assert languages[0]["LanguageCode"] == "de"
    clash = batch("comprehend", "DetectDominantLanguage", str(tmp_path / "a" / "note.txt"), str(tmp_path / "b" / "note.txt"),
                  "--member", "Text", "--out", str(tmp_path / "clash"), cwd=tmp_path)
    assert clash.returncode != 0 and "would both be answered as note.txt" in clash.stderr
    assert not (tmp_path / "clash" / "note.txt.json").exists()
