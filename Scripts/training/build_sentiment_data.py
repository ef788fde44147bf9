#!/usr/bin/env python3
"""Writes the sentiment training set as `LABEL<TAB>sentence` lines (POSITIVE, NEGATIVE, NEUTRAL).

Source: the sentence ratings that ship with VADER (PyPI vadersentiment 3.3.2 source distribution, MIT licence,
additional_resources/hutto_ICWSM_2014.tar.gz): movie-review snippets, New York Times editorial sentences, Amazon
review sentences and tweets, each rated by about 20 people from -4 to +4. A mean of at least +0.5 is POSITIVE,
at most -0.5 NEGATIVE, anything between NEUTRAL.

Held out: every movie-review sentence that also appears in the evaluation set (the Pang & Lee sentences of
Debian's python3-pattern test corpora, compared on lower-case letters and digits) is left out, so the benchmark
measures sentences the model never saw.

    build_sentiment_data.py VADER_DATA_DIR PATTERN_CSV > sentiment.tsv
"""
import csv
import pathlib
import re
import sys

SOURCES = ["movieReviewSnippets", "nytEditorialSnippets", "amazonReviewSnippets", "tweets"]


def key(text):
    return re.sub(r"[^a-z0-9]", "", text.lower())


def main():
    data, pattern_csv = pathlib.Path(sys.argv[1]), sys.argv[2]
    with open(pattern_csv, encoding="utf-8-sig", newline="") as handle:
        held_out = {key(row[1]) for row in csv.reader(handle) if len(row) == 2}
    kept = skipped = 0
    for source in SOURCES:
        for line in (data / f"{source}_GroundTruth.txt").read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) < 3:
                continue
            rating, text = float(parts[1]), " ".join(parts[2:]).strip()
            if key(text) in held_out:
                skipped += 1
                continue
            label = "POSITIVE" if rating >= 0.5 else "NEGATIVE" if rating <= -0.5 else "NEUTRAL"
            sys.stdout.write(f"{label}\t{text}\n")
            kept += 1
    print(f"sentiment: {kept} training sentences, {skipped} held out (in the evaluation set)", file=sys.stderr)


if __name__ == "__main__":
    main()
