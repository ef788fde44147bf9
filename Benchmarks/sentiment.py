#!/usr/bin/env python3
"""Sentence sentiment on held-out English movie-review sentences: Sibyl's DetectSentiment beside the anchors,
VADER (PyPI vadersentiment) and TextBlob (PyPI textblob, its default PatternAnalyzer), on the same sentences in
one run.

Sentences: the 4,000 Pang & Lee sentence-polarity sentences (2,000 positive, 2,000 negative) of Debian's
python3-pattern test corpora (polarity-en-pang&lee2.csv; evaluation only, for personal use: fetched with
`apt-get download` into .sibyl/bench-data, never committed). Sibyl's model never saw them: its training set
(Scripts/training/build_sentiment_data.py) leaves out every sentence that appears here.

Each system is scored on the binary decision the data supports: positive when its positive evidence outweighs
its negative (Sibyl: Positive > Negative score; VADER: compound >= 0; TextBlob: polarity >= 0).

    .sibyl/train-venv/bin/python Benchmarks/sentiment.py --endpoint http://127.0.0.1:4566
"""
import argparse
import csv
import pathlib
import subprocess
import time

import boto3

DATA = pathlib.Path(".sibyl/bench-data")
CORPUS = "usr/share/doc/python3-pattern/test/corpora/polarity-en-pang&lee2.csv"


def fetch_corpus():
    path = DATA / CORPUS
    if not path.exists():
        DATA.mkdir(parents=True, exist_ok=True)
        subprocess.run(["apt-get", "download", "python3-pattern"], cwd=DATA, check=True, capture_output=True)
        deb = next(DATA.glob("python3-pattern_*.deb"))
        subprocess.run(["dpkg-deb", "-x", deb.name, "."], cwd=DATA, check=True)
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return [(row[1].strip(), row[0] == "1") for row in csv.reader(handle) if len(row) == 2]


def sibyl(endpoint, sentences):
    client = boto3.client("comprehend", endpoint_url=endpoint, region_name="us-east-1",
                          aws_access_key_id="bench", aws_secret_access_key="bench")
    predictions = []
    for start in range(0, len(sentences), 25):
        result = client.batch_detect_sentiment(TextList=sentences[start:start + 25], LanguageCode="en")
        assert not result["ErrorList"], result["ErrorList"]
        for item in sorted(result["ResultList"], key=lambda r: r["Index"]):
            scores = item["SentimentScore"]
            predictions.append(scores["Positive"] > scores["Negative"])
    return predictions


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--endpoint", required=True)
    args = parser.parse_args()
    data = fetch_corpus()
    sentences = [text for text, _ in data]
    truth = [label for _, label in data]

    from textblob import TextBlob
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    vader = SentimentIntensityAnalyzer()
    systems = {
        "Sibyl DetectSentiment": lambda: sibyl(args.endpoint, sentences),
        "VADER 3.3.2": lambda: [vader.polarity_scores(s)["compound"] >= 0 for s in sentences],
        "TextBlob (PatternAnalyzer)": lambda: [TextBlob(s).sentiment.polarity >= 0 for s in sentences],
    }
    print(f"Pang & Lee sentence polarity (python3-pattern polarity-en-pang&lee2.csv): {len(data)} sentences")
    print(f"{'system':<30}{'accuracy':>10}{'seconds':>10}")
    for name, run in systems.items():
        start = time.perf_counter()
        predictions = run()
        seconds = time.perf_counter() - start
        accuracy = sum(p == t for p, t in zip(predictions, truth)) / len(truth)
        print(f"{name:<30}{accuracy:>10.4f}{seconds:>10.2f}")


if __name__ == "__main__":
    main()
