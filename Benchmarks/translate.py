#!/usr/bin/env python3
"""Translate: quality and speed of Sibyl's TranslateText beside the anchor, one `apertium` command-line call per
request, on the same English sentences in one run.

Sentences: English→Spanish pairs from the Spanish GNU gettext catalogs Debian installs (msgid → msgstr of the
`es` locale's .mo files: coreutils, glib, GTK, Linux-PAM, …; evaluation only), 5–30 words, format directives
removed. Quality: BLEU and chrF (PyPI sacrebleu) against the catalogs' translations, and how many outputs are
identical to the command line's. Speed: sentences/s and p50/p99 latency for single sentences and for
2 KB paragraphs, 4 requests at a time.

    Benchmarks/translate.py --endpoint http://127.0.0.1:4566 [--sentences 500] [--speed-requests 200]
"""
import argparse
import concurrent.futures
import gettext
import glob
import random
import re
import statistics
import subprocess
import sys
import time

import boto3

DIRECTIVE = re.compile(r"%(\d+\$)?[-+ #0]*\d*(\.\d+)?[hlLqjzt]*[diouxXeEfgGcsp%]|\{[^}]*\}|<[^>]+>|_(?=\w)|&\w+;|\\n")


def load_pairs(count, seed=20261125):
    pairs = {}
    for path in sorted(glob.glob("/usr/share/locale/es/LC_MESSAGES/*.mo")):
        try:
            catalog = gettext.GNUTranslations(open(path, "rb"))._catalog
        except Exception:
            continue
        for source, target in catalog.items():
            if not isinstance(source, str) or not isinstance(target, str) or not source or source == target:
                continue
            source, target = DIRECTIVE.sub("", source).strip(), DIRECTIVE.sub("", target).strip()
            if 5 <= len(source.split()) <= 30 and "\n" not in source and source[0].isupper():
                pairs[source] = target
    items = sorted(pairs.items())
    random.Random(seed).shuffle(items)
    return items[:count]


def cli(text, pair="eng-spa"):
    return subprocess.run(["apertium", "-u", pair], input=text, capture_output=True, text=True, check=True).stdout.strip()


def timed(function, texts, workers=4):
    latencies = []

    def one(text):
        start = time.perf_counter()
        result = function(text)
        latencies.append(time.perf_counter() - start)
        return result

    start = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(workers) as pool:
        results = list(pool.map(one, texts))
    elapsed = time.perf_counter() - start
    latencies.sort()
    return results, len(texts) / elapsed, statistics.median(latencies), latencies[int(0.99 * (len(latencies) - 1))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--endpoint", required=True)
    parser.add_argument("--sentences", type=int, default=500)
    parser.add_argument("--speed-requests", type=int, default=200)
    args = parser.parse_args()
    import sacrebleu

    pairs = load_pairs(args.sentences)
    sources = [source for source, _ in pairs]
    references = [target for _, target in pairs]
    client = boto3.client("translate", endpoint_url=args.endpoint, region_name="us-east-1",
                          aws_access_key_id="bench", aws_secret_access_key="bench")

    def sibyl(text):
        return client.translate_text(Text=text, SourceLanguageCode="en", TargetLanguageCode="es")["TranslatedText"]

    sibyl("Warm up the pipelines.")
    ours, our_rate, our_p50, our_p99 = timed(sibyl, sources)
    theirs, their_rate, their_p50, their_p99 = timed(cli, sources)
    identical = sum(a == b for a, b in zip(ours, theirs))
    print(f"Spanish gettext catalogs: {len(pairs)} English→Spanish sentence pairs (5–30 words)")
    print(f"{'system':<34}{'BLEU':>8}{'chrF':>8}{'sent/s':>9}{'p50 ms':>9}{'p99 ms':>9}")
    for name, outputs, rate, p50, p99 in [("Sibyl TranslateText", ours, our_rate, our_p50, our_p99),
                                          ("apertium eng-spa (one call each)", theirs, their_rate, their_p50,
                                           their_p99)]:
        bleu = sacrebleu.corpus_bleu(outputs, [references]).score
        chrf = sacrebleu.corpus_chrf(outputs, [references]).score
        print(f"{name:<34}{bleu:>8.2f}{chrf:>8.2f}{rate:>9.1f}{p50 * 1000:>9.1f}{p99 * 1000:>9.1f}")
    print(f"identical outputs: {identical} of {len(pairs)}; median latency ratio {their_p50 / our_p50:.0f}x")

    paragraphs, current = [], ""
    for source in sources * 4:
        current += source + " "
        if len(current.encode()) >= 2000:
            paragraphs.append(current.strip())
            current = ""
    paragraphs = paragraphs[:max(8, args.speed_requests // 10)]
    _, our_rate, our_p50, our_p99 = timed(sibyl, paragraphs)
    _, their_rate, their_p50, their_p99 = timed(cli, paragraphs)
    print(f"\n2 KB paragraphs ({len(paragraphs)}), 4 at a time")
    print(f"{'system':<34}{'para/s':>9}{'p50 ms':>9}{'p99 ms':>9}")
    print(f"{'Sibyl TranslateText':<34}{our_rate:>9.1f}{our_p50 * 1000:>9.1f}{our_p99 * 1000:>9.1f}")
    print(f"{'apertium eng-spa (one call each)':<34}{their_rate:>9.1f}{their_p50 * 1000:>9.1f}{their_p99 * 1000:>9.1f}")


if __name__ == "__main__":
    sys.exit(main())
