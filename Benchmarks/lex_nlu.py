#!/usr/bin/env python3
"""Lex V2 understanding, measured: intent accuracy and slot F1 of Sibyl's Dialogue engine beside a TF-IDF +
logistic-regression baseline (scikit-learn) trained on the same utterances, and RecognizeText latency and throughput.

Data:
- The sample bots in Resources/bots (trained from their sample utterances, filled with slot values as the engine
  fills them), tested on Benchmarks/lex_heldout.py: utterances written for this benchmark, never trained on,
  including some no intent covers (gold: FallbackIntent). HELD_OUT was looked at while the engine was developed;
  UNSEEN was written after, and is reported on its own rows (it has since been looked at too); FRESH was written
  after the next round of changes and run once.
- The Snips weather data shipped in the source distribution of the PyPI package `snips-nlu-metrics` 0.15.0
  (Apache-2.0; samples/train_dataset.json and samples/test_dataset.json; fetched once with `pip download` into
  .sibyl/benchmark-data/): trained on the train file, tested on the test file. Its `snips/datetime` entity has no
  single Lex built-in type (it mixes dates, times and ranges), so it becomes a custom slot type of the training
  file's datetime phrases (OriginalValue resolution), like the two custom entities.

A slot counts as found when its name and the words of its value (ignoring case and punctuation) equal the gold
ones.
The baseline classifies intents with TfidfVectorizer (words and word pairs) + LogisticRegression, answering
FallbackIntent below the locale's 0.4 threshold as Lex does, and tags slots with a per-word LogisticRegression
over BIO labels (word, neighbours, shape and suffix features).

    python3 -m venv .sibyl/lex-venv && .sibyl/lex-venv/bin/pip install scikit-learn boto3 pytest
    .sibyl/lex-venv/bin/python Benchmarks/lex_nlu.py [--sibyl .build/release/sibyl]
    .sibyl/lex-venv/bin/python Benchmarks/lex_nlu.py --cross-validate 3

`--cross-validate K` measures on the Snips train file alone, in K folds (each utterance's fold fixed by a checksum of
its JSON), and never reads the test file: the development figure that changes to the engine are judged by.
"""

import argparse
import concurrent.futures
import http.client
import json
import pathlib
import re
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
import urllib.parse
import uuid
import zlib

import boto3
from sklearn.feature_extraction import DictVectorizer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

REPO = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "Benchmarks"))
sys.path.insert(0, str(REPO / "Tests" / "Conformance"))

import conftest  # noqa: E402  (the test suite's server runner)
from lex_heldout import FRESH, HELD_OUT, UNSEEN  # noqa: E402

DATA = REPO / ".sibyl" / "benchmark-data"
ROLE = "arn:aws:iam::123456789012:role/LexBenchmark"
BUILT_IN_SAMPLES = {  # the values the engine fills built-in slots with when it trains (TrainingUtterances.swift)
    "AMAZON.Number": ["2", "three", "12", "one hundred"],
    "AMAZON.Date": ["tomorrow", "friday", "march 5th", "next monday", "2027-01-15"],
    "AMAZON.Time": ["3 pm", "noon", "10:30", "7 in the evening"],
}
PHRASE_SAMPLES = ["Paris", "Jane Smith", "New York"]


# MARK: - Data

def snips():
    DATA.mkdir(parents=True, exist_ok=True)
    archive = DATA / "snips_nlu_metrics-0.15.0.tar.gz"
    if not archive.exists():
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--no-binary", ":all:",
                        "snips-nlu-metrics==0.15.0", "-d", str(DATA)], check=True)
    with tarfile.open(archive) as tar:
        def load(name):
            return json.load(tar.extractfile(f"snips_nlu_metrics-0.15.0/samples/{name}"))
        return load("train_dataset.json"), load("test_dataset.json")


def snips_utterances(dataset):
    """(intent, text, {slot: words}, template) for every utterance."""
    result = []
    for intent, body in dataset["intents"].items():
        name = intent.split("__")[-1]
        for utterance in body["utterances"]:
            text, slots, template = "", {}, ""
            for chunk in utterance["data"]:
                text += chunk["text"]
                if "slot_name" in chunk:
                    slots[chunk["slot_name"]] = chunk["text"].strip()
                    template += "{" + chunk["slot_name"] + "}"
                else:
                    template += chunk["text"]
            result.append((name, " ".join(text.split()), slots, " ".join(template.split())))
    return result


def sample_bot(name):
    """The export's intents: {intent: (utterances, {slot: values to fill it with})}."""
    root = REPO / "Resources" / "bots" / name / name / "BotLocales" / "en_US"
    types = {}
    for path in (root / "SlotTypes").glob("*/SlotType.json"):
        document = json.loads(path.read_text())
        types[document["name"]] = [v["sampleValue"]["value"] for v in document["slotTypeValues"]] + [
            s["value"] for v in document["slotTypeValues"] for s in (v.get("synonyms") or [])]
    intents = {}
    for path in (root / "Intents").glob("*/Intent.json"):
        document = json.loads(path.read_text())
        if not document.get("sampleUtterances"):
            continue
        slots = {}
        for slot_path in (path.parent / "Slots").glob("*/Slot.json"):
            slot = json.loads(slot_path.read_text())
            slots[slot["name"]] = types.get(slot["slotTypeName"]) or BUILT_IN_SAMPLES.get(slot["slotTypeName"], PHRASE_SAMPLES)
        intents[document["name"]] = ([u["utterance"] for u in document["sampleUtterances"]], slots)
    return intents


def expand(intents, per_template=6):
    """Sample utterances filled with slot values, as (intent, text, {slot: words}) — what the baseline trains on."""
    examples = []
    for intent, (utterances, slots) in intents.items():
        for utterance in utterances:
            names = re.findall(r"\{(\w+)\}", utterance)
            count = min(per_template, max([len(slots.get(n, ["x"])) for n in names] or [1]))
            for variant in range(count):
                values = {n: slots.get(n, ["x"])[(variant + i) % len(slots.get(n, ["x"]))] for i, n in enumerate(names)}
                text = re.sub(r"\{(\w+)\}", lambda m: values[m.group(1)], utterance)
                examples.append((intent, text, values))
    return examples


# MARK: - Sibyl

def install_snips_bot(models, train):
    bot_id = models.create_bot(botName=f"SnipsWeather{uuid.uuid4().hex[:6]}", roleArn=ROLE, idleSessionTTLInSeconds=300,
                               dataPrivacy={"childDirected": False})["botId"]
    where = {"botId": bot_id, "botVersion": "DRAFT", "localeId": "en_US"}
    models.create_bot_locale(nluIntentConfidenceThreshold=0.4, **where)
    utterances = snips_utterances(train)
    values = {}
    for _, _, slots, _ in utterances:
        for slot, words in slots.items():
            values.setdefault(slot, set()).add(words.lower())
    type_ids = {}
    for slot, words in sorted(values.items()):
        type_ids[slot] = models.create_slot_type(
            slotTypeName=f"{slot.capitalize()}Values", valueSelectionSetting={"resolutionStrategy": "OriginalValue"},
            slotTypeValues=[{"sampleValue": {"value": w}} for w in sorted(words)], **where)["slotTypeId"]
    for intent in sorted({u[0] for u in utterances}):
        templates = sorted({u[3] for u in utterances if u[0] == intent and len(u[3]) <= 200})
        intent_id = models.create_intent(intentName=intent, sampleUtterances=[{"utterance": t} for t in templates],
                                         **where)["intentId"]
        for slot in sorted({s for u in utterances if u[0] == intent for s in u[2]}):
            models.create_slot(slotName=slot, slotTypeId=type_ids[slot], intentId=intent_id,
                               valueElicitationSetting={"slotConstraint": "Optional"}, **where)
    models.build_bot_locale(**where)
    while models.describe_bot_locale(**where)["botLocaleStatus"] == "Building":
        time.sleep(0.05)
    assert models.describe_bot_locale(**where)["botLocaleStatus"] == "Built"
    return bot_id


def install_sample_bot(server, name):
    result = subprocess.run([conftest.SIBYL_BIN, "bots", "import", str(REPO / "Resources" / "bots" / name),
                             "--name", f"{name}{uuid.uuid4().hex[:6]}", "--endpoint", server.url],
                            capture_output=True, text=True, check=True)
    return result.stdout.strip()


def sibyl_predictions(runtime, bot_id, texts):
    predictions = []
    for text in texts:
        reply = runtime.recognize_text(botId=bot_id, botAliasId="TSTALIASID", localeId="en_US",
                                       sessionId=uuid.uuid4().hex, text=text)
        intent = reply["sessionState"]["intent"]
        slots = {name: slot["value"]["originalValue"] for name, slot in (intent.get("slots") or {}).items() if slot}
        predictions.append((intent["name"], slots))
    return predictions


# MARK: - Baseline

def word_features(words, i):
    word = words[i]
    return {"w": word.lower(), "suffix": word[-3:].lower(), "digit": word.isdigit(), "title": word.istitle(),
            "prev": words[i - 1].lower() if i else "<s>", "next": words[i + 1].lower() if i + 1 < len(words) else "</s>",
            "prev2": words[i - 2].lower() if i > 1 else "<s>"}


def tokens_with_labels(text, slots):
    words = text.split()
    labels = ["O"] * len(words)
    lowered = [w.lower().strip("?.,!") for w in words]
    for slot, value in slots.items():
        target = value.lower().split()
        for start in range(len(words) - len(target) + 1):
            if lowered[start:start + len(target)] == target and all(l == "O" for l in labels[start:start + len(target)]):
                labels[start] = "B-" + slot
                for k in range(start + 1, start + len(target)):
                    labels[k] = "I-" + slot
                break
    return words, labels


class Baseline:
    def __init__(self, examples):
        self.vectorizer = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)
        features = self.vectorizer.fit_transform([text for _, text, _ in examples])
        self.intents = LogisticRegression(max_iter=2000, C=10).fit(features, [intent for intent, _, _ in examples])
        rows, labels = [], []
        for _, text, slots in examples:
            words, tags = tokens_with_labels(text, slots)
            rows += [word_features(words, i) for i in range(len(words))]
            labels += tags
        self.dict = DictVectorizer()
        self.tagger = LogisticRegression(max_iter=2000, C=10).fit(self.dict.fit_transform(rows), labels)

    def predict(self, text):
        probabilities = self.intents.predict_proba(self.vectorizer.transform([text]))[0]
        best = probabilities.argmax()
        intent = self.intents.classes_[best] if probabilities[best] >= 0.4 else "FallbackIntent"
        words = text.split()
        tags = self.tagger.predict(self.dict.transform([word_features(words, i) for i in range(len(words))])) if words else []
        slots, current = {}, None
        for word, tag in zip(words, tags):
            if tag.startswith("B-") or (tag.startswith("I-") and current != tag[2:]):
                current = tag[2:]
                slots[current] = word.strip("?.,!")
            elif tag.startswith("I-"):
                slots[current] += " " + word.strip("?.,!")
            else:
                current = None
        return intent, slots


# MARK: - Scores

def normalise(words):
    """Slot words compared without case or punctuation ("Feb. 1," and "feb 1" are the same words)."""
    return " ".join(re.sub(r"[?.,!]", "", words.lower()).split())


def score(gold, predicted):
    correct = sum(g[0] == p[0] for g, p in zip(gold, predicted))
    true_positive = predicted_count = gold_count = 0
    for (_, gold_slots), (_, predicted_slots) in zip(gold, predicted):
        wanted = {(k, normalise(v)) for k, v in gold_slots.items()}
        found = {(k, normalise(v)) for k, v in predicted_slots.items()}
        true_positive += len(wanted & found)
        predicted_count += len(found)
        gold_count += len(wanted)
    precision = true_positive / predicted_count if predicted_count else 0.0
    recall = true_positive / gold_count if gold_count else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return correct / len(gold), f1


def latency(server, bot_id, texts, requests=300, threads=8):
    """Sequential p50/p99 and concurrent requests/s of raw RecognizeText calls."""
    host = urllib.parse.urlparse(server.url)

    def one(text):
        connection = http.client.HTTPConnection(host.hostname, host.port, timeout=30)
        path = f"/bots/{bot_id}/botAliases/TSTALIASID/botLocales/en_US/sessions/{uuid.uuid4().hex}/text"
        started = time.perf_counter()
        connection.request("POST", path, body=json.dumps({"text": text}), headers={"Content-Type": "application/json"})
        response = connection.getresponse()
        response.read()
        assert response.status == 200, response.status
        connection.close()
        return time.perf_counter() - started

    timings = sorted(one(texts[i % len(texts)]) for i in range(requests))
    started = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(threads) as pool:
        list(pool.map(one, [texts[i % len(texts)] for i in range(requests)]))
    rate = requests / (time.perf_counter() - started)
    return timings[len(timings) // 2] * 1000, timings[int(len(timings) * 0.99)] * 1000, rate


def snips_folds(dataset, folds):
    """The dataset split into `folds` (train, development) pairs; an utterance's fold is a checksum of its JSON."""
    def keeping(keep):
        subset = {"intents": {}}
        for intent, body in dataset["intents"].items():
            subset["intents"][intent] = dict(body, utterances=[
                u for u in body["utterances"] if keep(zlib.crc32(json.dumps(u, sort_keys=True).encode()) % folds)])
        return subset
    return [(keeping(lambda f, k=k: f != k), keeping(lambda f, k=k: f == k)) for k in range(folds)]


def cross_validate(server, train, folds):
    models, runtime = server.client("lexv2-models"), server.client("lexv2-runtime")
    ours_total, theirs_total = [], []
    for fold, (part, development) in enumerate(snips_folds(train, folds)):
        bot_id = install_snips_bot(models, part)
        cases = snips_utterances(development)
        gold = [(intent, slots) for intent, _, slots, _ in cases]
        ours = score(gold, sibyl_predictions(runtime, bot_id, [c[1] for c in cases]))
        baseline = Baseline([(intent, text, slots) for intent, text, slots, _ in snips_utterances(part)])
        theirs = score(gold, [baseline.predict(c[1]) for c in cases])
        ours_total.append(ours)
        theirs_total.append(theirs)
        print(f"Snips train, fold {fold} ({len(cases)})  Sibyl {ours[0]:.3f} {ours[1]:.3f}   "
              f"baseline {theirs[0]:.3f} {theirs[1]:.3f}")
    print(f"mean over {folds} folds: Sibyl intent {statistics.mean(o[0] for o in ours_total):.3f} slot F1 "
          f"{statistics.mean(o[1] for o in ours_total):.3f}; baseline {statistics.mean(t[0] for t in theirs_total):.3f} "
          f"{statistics.mean(t[1] for t in theirs_total):.3f}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sibyl", default=str(REPO / ".build" / "release" / "sibyl"))
    parser.add_argument("--cross-validate", type=int, metavar="K",
                        help="measure on K folds of the Snips train file only (the test file is not read)")
    options = parser.parse_args()
    conftest.SIBYL_BIN = options.sibyl
    train, test = snips()
    if options.cross_validate:
        with tempfile.TemporaryDirectory() as work:
            server = conftest.Server(pathlib.Path(work) / "data").start()
            try:
                cross_validate(server, train, options.cross_validate)
            finally:
                server.stop()
        return
    with tempfile.TemporaryDirectory() as work:
        server = conftest.Server(pathlib.Path(work) / "data").start()
        try:
            models = server.client("lexv2-models")
            runtime = server.client("lexv2-runtime")
            print(f"{'data':<32}{'system':<10}{'intent accuracy':>16}{'slot F1':>9}")
            for name in ["OrderFlowers", "BookTrip"]:
                started = time.perf_counter()
                bot_id = install_sample_bot(server, name)
                build = time.perf_counter() - started
                baseline = Baseline(expand(sample_bot(name)))
                for label, data in [("", HELD_OUT), (" unseen", UNSEEN), (" fresh", FRESH),
                                    (" all held-out", HELD_OUT + UNSEEN + FRESH)]:
                    cases = [(text, intent, slots) for bot, text, intent, slots in data if bot == name]
                    gold = [(intent, slots) for _, intent, slots in cases]
                    ours = score(gold, sibyl_predictions(runtime, bot_id, [c[0] for c in cases]))
                    theirs = score(gold, [baseline.predict(c[0]) for c in cases])
                    title = f"{name}{label} ({len(cases)})"
                    print(f"{title:<32}{'Sibyl':<10}{ours[0]:>16.3f}{ours[1]:>9.3f}"
                          + (f"   import+build {build:.1f} s" if not label else ""))
                    print(f"{'':<32}{'baseline':<10}{theirs[0]:>16.3f}{theirs[1]:>9.3f}")
            started = time.perf_counter()
            bot_id = install_snips_bot(models, train)
            build = time.perf_counter() - started
            cases = snips_utterances(test)
            gold = [(intent, slots) for intent, _, slots, _ in cases]
            ours = score(gold, sibyl_predictions(runtime, bot_id, [c[1] for c in cases]))
            baseline = Baseline([(intent, text, slots) for intent, text, slots, _ in snips_utterances(train)])
            theirs = score(gold, [baseline.predict(c[1]) for c in cases])
            print(f"{f'Snips weather ({len(cases)})':<32}{'Sibyl':<10}{ours[0]:>16.3f}{ours[1]:>9.3f}   create+build {build:.1f} s")
            print(f"{'':<32}{'baseline':<10}{theirs[0]:>16.3f}{theirs[1]:>9.3f}")
            p50, p99, rate = latency(server, bot_id, [c[1] for c in cases])
            print(f"RecognizeText (Snips bot, new session each): p50 {p50:.1f} ms, p99 {p99:.1f} ms sequential; "
                  f"{rate:.0f} requests/s with 8 concurrent clients")
        finally:
            server.stop()


if __name__ == "__main__":
    main()
