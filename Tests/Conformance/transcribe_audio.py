"""Test audio for Transcribe, made at test time with eSpeak NG and SoX, and the word comparison the tests use.

Nothing here is checked in as audio: `AudioLibrary` speaks the sentences below with two eSpeak NG voices (a male
and a female variant), then uses SoX to join them with pauses, convert them (FLAC, MP3), resample them and put one
voice on each channel of a stereo file. Each file is made once per session, on first use.

The LibriVox clips are real read speech from Debian's pocketsphinx-testdata (16 kHz mono WAV with a `transcription`
file in Sphinx's `<s> words </s> (utterance-id)` format).
"""

import pathlib
import re
import subprocess

MALE = "en-us"        # eSpeak NG's default American English voice (male)
FEMALE = "en-us+f3"   # the same language with the female variant 3: higher pitch, different formants
RATE = "150"          # words per minute, a little slower than eSpeak's 175 default: easier for the recogniser

# Sentences Whisper base transcribes (nearly) word for word in these voices, checked with the same weights.
FOX = "The quick brown fox jumps over the lazy dog."
REPORT = "Please send the report to the office tomorrow."
STATION = "We will meet at the train station at noon."
COFFEE = "I would like a cup of coffee with milk."
GARDEN = "The children are playing in the garden."
CALLING = "Thank you for calling, how can I help you?"
FOX_AND_REPORT = FOX + " " + REPORT

LIBRIVOX = pathlib.Path("/usr/share/pocketsphinx/test/data/librivox")


def run(*command):
    subprocess.run([str(part) for part in command], check=True, capture_output=True)


def soxi(path, flag):
    return subprocess.run(["soxi", flag, str(path)], capture_output=True, text=True, check=True).stdout.strip()


def duration(path):
    """Seconds of audio in a file, as SoX reads it."""
    return float(soxi(path, "-D"))


class AudioLibrary:
    """Named test recordings, made on first use in one folder and then reused."""

    def __init__(self, folder):
        self.folder = pathlib.Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.made = {}

    def path(self, name):
        return self.folder / name

    def _once(self, name, make):
        if name not in self.made:
            target = self.path(name)
            make(target)
            self.made[name] = target
        return self.made[name]

    # Building blocks.

    def speech(self, text, voice):
        """One sentence spoken by one voice: 22,050 Hz mono 16-bit WAV, as eSpeak NG writes it."""
        key = re.sub(r"\W+", "-", f"{voice}-{text}").strip("-").lower()[:80] + ".wav"
        return self._once(key, lambda target: run("espeak-ng", "-v", voice, "-s", RATE, "-w", target, text))

    def silence(self, seconds, rate=22050):
        name = f"silence-{seconds}-{rate}.wav"
        return self._once(name, lambda target: run("sox", "-n", "-r", rate, "-c", 1, "-b", 16, target,
                                                   "trim", "0", seconds))

    def joined(self, name, *parts):
        """The parts one after another (all 22,050 Hz mono)."""
        return self._once(name, lambda target: run("sox", *parts, target))

    # The recordings the tests use.

    def fox_and_report(self, extension="wav"):
        """FOX then REPORT, male voice. wav: 22,050 Hz as spoken; flac: resampled to 16 kHz; mp3: 44.1 kHz."""
        wav = self.joined("fox-and-report.wav", self.speech(FOX, MALE), self.silence(0.4), self.speech(REPORT, MALE))
        if extension == "wav":
            return wav
        if extension == "flac":
            return self._once("fox-and-report.flac", lambda target: run("sox", wav, "-r", 16000, target))
        if extension == "mp3":
            return self._once("fox-and-report.mp3", lambda target: run("sox", wav, "-r", 44100, target))
        raise ValueError(extension)

    def conversation(self):
        """Male STATION, pause, female COFFEE, pause, male GARDEN: three turns, two speakers."""
        pause = self.silence(1.0)
        return self.joined("conversation.wav", self.speech(STATION, MALE), pause, self.speech(COFFEE, FEMALE), pause,
                           self.speech(GARDEN, MALE))

    def stereo_call(self):
        """Left channel: male CALLING then silence; right channel: silence then female REPORT, as on a phone call
        recorded one party per channel. The channels are padded to the same length."""

        def make(target):
            left, right = self.speech(CALLING, MALE), self.speech(REPORT, FEMALE)
            gap = duration(left) + 0.5
            padded_left = self.path("stereo-left.wav")
            padded_right = self.path("stereo-right.wav")
            run("sox", left, padded_left, "pad", "0", f"{duration(right) + 0.5:.3f}")
            run("sox", right, padded_right, "pad", f"{gap:.3f}", "0.5")
            run("sox", "-M", padded_left, padded_right, target)

        return self._once("stereo-call.wav", make)

    def not_audio(self):
        """Text in a file named like audio."""

        def make(target):
            target.write_text("This is a text file, not a recording. " * 20)

        return self._once("not-audio.wav", make)


def librivox_references():
    """{utterance id: reference words} from the LibriVox set's `transcription` file (empty if not installed)."""
    path = LIBRIVOX / "transcription"
    if not path.exists():
        return {}
    references = {}
    for line in path.read_text().splitlines():
        match = re.match(r"\s*<s>(.*)</s>\s*\((\S+)\)", line)
        if match:
            references[match.group(2)] = match.group(1).strip()
    return references


# Comparing words.

ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
ABBREVIATIONS = {"mr": "mister", "mrs": "missus", "dr": "doctor", "st": "saint"}


def number_words(digits):
    """'7' → seven, '42' → forty two; longer digit strings are read digit by digit ('2934' → two nine three four)."""
    if len(digits) <= 2 and not (len(digits) == 2 and digits[0] == "0"):
        value = int(digits)
        if value < 20:
            return [ONES[value]]
        return [TENS[value // 10]] + ([ONES[value % 10]] if value % 10 else [])
    return [ONES[int(d)] for d in digits]


def words(text):
    """Lower case, hyphens as spaces, punctuation dropped (apostrophes inside words kept), numbers spelled out,
    a few abbreviations expanded."""
    text = text.lower().replace("-", " ").replace("—", " ").replace("–", " ")
    result = []
    for token in re.findall(r"[a-z0-9]+(?:'[a-z]+)*|\*\*\*", text):
        if token.isdigit():
            result.extend(number_words(token))
        else:
            result.append(ABBREVIATIONS.get(token, token))
    return result


def word_errors(reference, hypothesis):
    """Levenshtein distance between two word lists (substitutions, deletions and insertions)."""
    previous = list(range(len(hypothesis) + 1))
    for i, ref in enumerate(reference, 1):
        current = [i]
        for j, hyp in enumerate(hypothesis, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ref != hyp)))
        previous = current
    return previous[-1]


def wer(reference, hypothesis):
    """Word error rate of the hypothesis text against the reference text, after `words`."""
    ref, hyp = words(reference), words(hypothesis)
    return word_errors(ref, hyp) / max(len(ref), 1)
