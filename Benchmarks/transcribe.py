#!/usr/bin/env python3
"""Transcribe: accuracy, speed and memory of Sibyl's recogniser (Whisper base, run natively) beside the anchor,
Debian's PocketSphinx (5prealpha) with its US English model and language model, on the same recordings in the same
run.

    Benchmarks/transcribe.py [--sibyl .build/release/sibyl] [--sets librivox,cards,tidigits,goforward]
                             [--skip-sibyl | --skip-pocketsphinx] [--per-file] [--anchor batch|continuous] [--show]

Recordings: every reference set with audio and a reference transcript in Debian's pocketsphinx-testdata
(/usr/share/pocketsphinx/test/data), evaluation only:
  librivox   5 clips of LibriVox's reading of Sense and Sensibility (read speech, one male reader, 16 kHz),
             references in `transcription`.
  cards      5 short commands naming playing cards ("eight of spades four of clubs ..."), 16 kHz, references in
             `cards.transcription` (made for a JSGF grammar test; both engines here get no grammar).
  tidigits   1 connected-digit utterance (tidigits/dhd.2934z.raw, headerless 16 kHz 16-bit), reference
             "two nine three four zero" from PocketSphinx's own test of that file. The other tidigits files are
             cepstra (.mfc) with no audio, and so are left out.
  goforward  1 command (goforward.raw, headerless 16 kHz), reference "go forward ten meters" from PocketSphinx's
             unit tests. numbers.raw and something.raw have no published reference and are left out.
Files that are not 16 kHz mono WAV are converted with SoX first (conversion time is not counted).

Measures, per set and engine:
  WER   word error rate: word-level Levenshtein distance / reference words, summed over the set. Both sides are
        normalised the same simple way: lower case; hyphens and dashes become spaces; punctuation other than
        apostrophes inside words is dropped; a number written in digits is spelled out (one or two digits as a
        cardinal, "10" -> "ten", "42" -> "forty two"; longer digit strings digit by digit, "2934" -> "two nine
        three four", as the digit references speak them); "mr"/"mrs"/"dr" become "mister"/"missus"/"doctor".
        Sphinx's "(2)" pronunciation variants and <s>/</s>/<sil> markers are removed.
  RTF   real-time factor: wall-clock seconds of the engine's processes / seconds of audio. Everything counts:
        process start, model loading, decoding. PocketSphinx runs as `pocketsphinx_batch` over the whole set in
        one process, each file one utterance, which is how PocketSphinx's own tests decode these sets and gives
        its best accuracy (librivox 0.268, the figure the issue quotes as ~0.28); `--anchor continuous` runs
        `pocketsphinx_continuous -infile FILE` once per file instead, as a naive command-line integration would
        (its voice-activity segmentation costs accuracy: librivox 0.352). Sibyl runs as
        `sibyl models transcribe FILE...`, all the files of a set in one process when the CLI accepts several
        (one JSON object per file on stdout), otherwise one process per file (or always, with --per-file).
  RSS   peak resident memory of the engine's largest process, from GNU time's "Maximum resident set size"
        (/usr/bin/time -v), or Python's resource.getrusage(RUSAGE_CHILDREN) of a wrapper process without it.

Sibyl's CLI prints, per file, {"language": "en", "transcript": "...", "words": [...], "seconds": <audio seconds>}.
Needs: pocketsphinx, pocketsphinx-en-us, pocketsphinx-testdata, sox (Scripts/setup installs them), and for the
Sibyl column the release build (make build-release) with the Whisper weights (Scripts/fetch-whisper-model).
"""

import argparse
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import time

REPO = pathlib.Path(__file__).resolve().parents[1]
DATA = pathlib.Path("/usr/share/pocketsphinx/test/data")
MODEL = pathlib.Path("/usr/share/pocketsphinx/model/en-us")
POCKETSPHINX = ["pocketsphinx_continuous", "-hmm", str(MODEL / "en-us"), "-lm", str(MODEL / "en-us.lm.bin"),
                "-dict", str(MODEL / "cmudict-en-us.dict")]
GNU_TIME = "/usr/bin/time"


# Reference sets.

def sphinx_transcriptions(path):
    """{utterance id: words} from a Sphinx transcription file: `<s> words </s> (id)` per line."""
    references = {}
    for line in path.read_text().splitlines():
        match = re.match(r"\s*(?:<s>)?(.*?)(?:</s>)?\s*\((\S+?)(?:\s+-?\d+)?\)\s*$", line)
        if match:
            references[match.group(2)] = match.group(1).strip()
    return references


def load_sets():
    """{set name: (description, [(audio path, raw?, reference)])} for the sets installed here."""
    sets = {}
    librivox = DATA / "librivox"
    if (librivox / "transcription").exists():
        refs = sphinx_transcriptions(librivox / "transcription")
        sets["librivox"] = ("LibriVox read speech (Sense and Sensibility)",
                            [(librivox / f"{uid}.wav", False, ref) for uid, ref in sorted(refs.items())
                             if (librivox / f"{uid}.wav").exists()])
    cards = DATA / "cards"
    if (cards / "cards.transcription").exists():
        refs = sphinx_transcriptions(cards / "cards.transcription")
        sets["cards"] = ("spoken playing-card commands",
                         [(cards / f"{uid}.wav", False, ref) for uid, ref in sorted(refs.items())
                          if (cards / f"{uid}.wav").exists()])
    digits = DATA / "tidigits" / "dhd.2934z.raw"
    if digits.exists():
        sets["tidigits"] = ("connected digits (TIDIGITS)", [(digits, True, "two nine three four zero")])
    goforward = DATA / "goforward.raw"
    if goforward.exists():
        sets["goforward"] = ("robot command", [(goforward, True, "go forward ten meters")])
    return {name: value for name, value in sets.items() if value[1]}


# Words.

ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
ABBREVIATIONS = {"mr": "mister", "mrs": "missus", "dr": "doctor"}


def number_words(digits):
    if len(digits) <= 2 and not (len(digits) == 2 and digits[0] == "0"):
        value = int(digits)
        return [ONES[value]] if value < 20 else [TENS[value // 10]] + ([ONES[value % 10]] if value % 10 else [])
    return [ONES[int(d)] for d in digits]


def normalise(text):
    text = re.sub(r"</?s>|<sil>|\(\d+\)", " ", text.lower())
    text = re.sub(r"[-\u2010-\u2015]", " ", text)
    result = []
    for token in re.findall(r"[a-z0-9]+(?:'[a-z]+)*", text):
        result.extend(number_words(token) if token.isdigit() else [ABBREVIATIONS.get(token, token)])
    return result


def word_errors(reference, hypothesis):
    previous = list(range(len(hypothesis) + 1))
    for i, ref in enumerate(reference, 1):
        current = [i]
        for j, hyp in enumerate(hypothesis, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ref != hyp)))
        previous = current
    return previous[-1]


# Running and measuring.

def measured(command, env=None):
    """Runs a command; returns (stdout, wall seconds, peak RSS in MiB or None)."""
    with tempfile.NamedTemporaryFile(suffix=".rss") as report:
        if os.access(GNU_TIME, os.X_OK):
            wrapped = [GNU_TIME, "-v", "-o", report.name, *command]
        else:  # the peak RSS of the wrapper's children is the command's
            wrapped = [sys.executable, "-c", "import resource, subprocess, sys\n"
                       "code = subprocess.call(sys.argv[2:])\n"
                       "open(sys.argv[1], 'w').write('Maximum resident set size (kbytes): %d\\n' %\n"
                       "    resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
                       "sys.exit(code)", report.name, *command]
        started = time.perf_counter()
        process = subprocess.run(wrapped, capture_output=True, text=True, env=env)
        elapsed = time.perf_counter() - started
        if process.returncode != 0:
            raise RuntimeError(f"{' '.join(command[:3])}... exited {process.returncode}: {process.stderr[-2000:]}")
        match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", pathlib.Path(report.name).read_text())
    return process.stdout, elapsed, int(match.group(1)) / 1024 if match else None


def audio_seconds(path):
    return float(subprocess.run(["soxi", "-D", str(path)], capture_output=True, text=True, check=True).stdout)


def prepare(files, folder):
    """16 kHz mono 16-bit WAV copies of the set's files (raw files are headerless 16 kHz 16-bit LE mono)."""
    prepared = []
    for path, raw, reference in files:
        target = folder / (path.stem + ".wav")
        source = ["-t", "raw", "-r", "16000", "-e", "signed", "-b", "16", "-c", "1", str(path)] if raw else [str(path)]
        subprocess.run(["sox", *source, "-r", "16000", "-c", "1", "-b", "16", str(target)], check=True)
        prepared.append((target, reference))
    return prepared


def pocketsphinx_continuous(files):
    """[hypothesis], wall seconds, peak RSS: one `pocketsphinx_continuous -infile` process per file."""
    hypotheses, wall, rss = [], 0.0, []
    for path, _ in files:
        out, elapsed, peak = measured([POCKETSPHINX[0], *POCKETSPHINX[1:], "-infile", str(path), "-logfn", "/dev/null"])
        hypotheses.append(" ".join(line.strip() for line in out.splitlines() if line.strip()))
        wall += elapsed
        rss.append(peak)
    return hypotheses, wall, max((r for r in rss if r is not None), default=None)


def pocketsphinx_batch(files):
    """[hypothesis], wall seconds, peak RSS: one `pocketsphinx_batch` process for the whole set, each file decoded
    as one utterance (how PocketSphinx's own tests decode these sets)."""
    with tempfile.TemporaryDirectory() as folder:
        folder = pathlib.Path(folder)
        for index, (path, _) in enumerate(files):
            subprocess.run(["sox", str(path), "-t", "raw", "-e", "signed", "-b", "16", "-L",
                            str(folder / f"u{index}.raw")], check=True)
        (folder / "ctl").write_text("".join(f"u{index}\n" for index in range(len(files))))
        _, elapsed, peak = measured(["pocketsphinx_batch", *POCKETSPHINX[1:], "-ctl", str(folder / "ctl"),
                                     "-cepdir", str(folder), "-cepext", ".raw", "-adcin", "yes", "-adchdr", "0",
                                     "-input_endian", "little", "-hyp", str(folder / "hyp"), "-logfn", "/dev/null"])
        found = sphinx_transcriptions(folder / "hyp")
    return [found.get(f"u{index}", "") for index in range(len(files))], elapsed, peak


def json_objects(text):
    """Every top-level JSON object in the text (one per line or pretty-printed one after another)."""
    decoder, index, objects = json.JSONDecoder(), 0, []
    while True:
        start = text.find("{", index)
        if start < 0:
            return objects
        obj, index = decoder.raw_decode(text, start)
        objects.append(obj)


def sibyl(binary, files, per_file):
    """[hypothesis], wall seconds, peak RSS: all files in one `sibyl models transcribe` unless per_file
    (or the CLI answers with fewer objects than files)."""
    paths = [str(path) for path, _ in files]
    if not per_file and len(paths) > 1:
        try:
            out, elapsed, peak = measured([binary, "models", "transcribe", *paths])
            objects = json_objects(out)
            if len(objects) == len(paths):
                return [o.get("transcript", "") for o in objects], elapsed, peak
        except RuntimeError:
            pass
    hypotheses, wall, rss = [], 0.0, []
    for path in paths:
        out, elapsed, peak = measured([binary, "models", "transcribe", path])
        objects = json_objects(out)
        if len(objects) != 1:
            raise RuntimeError(f"sibyl models transcribe {path}: expected one JSON object, got: {out[:500]}")
        hypotheses.append(objects[0].get("transcript", ""))
        wall += elapsed
        rss.append(peak)
    return hypotheses, wall, max((r for r in rss if r is not None), default=None)


def score(files, hypotheses):
    errors = sum(word_errors(normalise(ref), normalise(hyp)) for (_, ref), hyp in zip(files, hypotheses))
    return errors / sum(len(normalise(ref)) for _, ref in files)


def fmt(value, spec):
    return "n/a" if value is None else format(value, spec)


def long_recording(folder, minutes):
    """The LibriVox clips with 1 s of silence after each, repeated to `minutes`: one 16 kHz WAV and its reference."""
    clips = load_sets()["librivox"][1]
    silence = folder / "silence.wav"
    subprocess.run(["sox", "-n", "-r", "16000", "-c", "1", "-b", "16", str(silence), "trim", "0", "1"], check=True)
    one_round = sum(audio_seconds(path) + 1 for path, _, _ in clips)
    rounds = max(1, int(minutes * 60 / one_round + 0.999))
    parts, words = [], []
    for _ in range(rounds):
        for path, _, reference in clips:
            parts += [str(path), str(silence)]
            words.append(reference)
    (folder / "sources").mkdir(exist_ok=True)
    joined = folder / "sources" / "long.wav"  # not where prepare() writes its copy
    subprocess.run(["sox", *parts, str(joined)], check=True)
    return (f"the LibriVox clips repeated to {rounds * one_round / 60:.0f} min, one file",
            [(joined, False, " ".join(words))])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sibyl", default=os.environ.get("SIBYL_BIN", str(REPO / ".build" / "release" / "sibyl")))
    parser.add_argument("--sets", help="comma-separated set names (default: all installed)")
    parser.add_argument("--skip-sibyl", action="store_true")
    parser.add_argument("--skip-pocketsphinx", action="store_true")
    parser.add_argument("--per-file", action="store_true", help="one Sibyl process per file")
    parser.add_argument("--anchor", choices=["batch", "continuous"], default="batch",
                        help="pocketsphinx_batch over the set (default) or pocketsphinx_continuous per file")
    parser.add_argument("--show", action="store_true", help="print every reference and hypothesis")
    parser.add_argument("--long", type=float, metavar="MINUTES",
                        help="add a long recording: the LibriVox clips, 1 s apart, repeated to this many minutes "
                             "(the anchor decodes it with pocketsphinx_continuous, which segments long audio)")
    args = parser.parse_args()

    sets = load_sets()
    if not sets:
        sys.exit("no reference sets: install pocketsphinx-testdata")
    if args.sets:
        sets = {name: sets[name] for name in args.sets.split(",")}
    run_sibyl = not args.skip_sibyl
    if run_sibyl and not os.access(args.sibyl, os.X_OK):
        print(f"note: {args.sibyl} is not built (make build-release); Sibyl's columns are n/a", file=sys.stderr)
        run_sibyl = False
    run_sphinx = not args.skip_pocketsphinx and shutil.which(POCKETSPHINX[0]) and (MODEL / "en-us").exists()
    if not args.skip_pocketsphinx and not run_sphinx:
        print("note: pocketsphinx / pocketsphinx-en-us are not installed; the anchor's columns are n/a",
              file=sys.stderr)

    anchor = pocketsphinx_batch if args.anchor == "batch" else pocketsphinx_continuous
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        if args.long:
            sets["long"] = long_recording(pathlib.Path(folder), args.long)
        for name, (description, entries) in sets.items():
            files = prepare(entries, pathlib.Path(folder))
            seconds = sum(audio_seconds(path) for path, _ in files)
            row = {"set": name, "description": description, "files": len(files), "seconds": seconds}
            for engine, enabled, run in (("sibyl", run_sibyl, lambda: sibyl(args.sibyl, files, args.per_file)),
                                         ("pocketsphinx", run_sphinx,
                                          lambda: (pocketsphinx_continuous if name == "long" else anchor)(files))):
                if not enabled:
                    continue
                hypotheses, wall, rss = run()
                row[engine] = {"wer": score(files, hypotheses), "rtf": wall / seconds, "rss": rss}
                if args.show:
                    for (path, reference), hypothesis in zip(files, hypotheses):
                        print(f"{name}/{path.stem} [{engine}]\n  ref: {reference}\n  hyp: {hypothesis}")
            rows.append(row)

    header = ["set", "files", "audio s", "Sibyl WER", "PocketSphinx WER", "Sibyl RTF", "PocketSphinx RTF",
              "Sibyl peak RSS MiB", "PocketSphinx peak RSS MiB"]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for row in rows:
        s, p = row.get("sibyl", {}), row.get("pocketsphinx", {})
        print(f"| {row['set']} ({row['description']}) | {row['files']} | {row['seconds']:.1f} | "
              f"{fmt(s.get('wer'), '.3f')} | {fmt(p.get('wer'), '.3f')} | {fmt(s.get('rtf'), '.3f')} | "
              f"{fmt(p.get('rtf'), '.3f')} | {fmt(s.get('rss'), '.0f')} | {fmt(p.get('rss'), '.0f')} |")


if __name__ == "__main__":
    main()
