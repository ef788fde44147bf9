#!/usr/bin/env python3
"""Writes the plain English training text for Sibyl's tagger and entity recogniser, one paragraph per line.

Sources (both installed from Debian by Scripts/train-text-models; licences in Models/english-syntax.md):
- Jane Austen's six novels from r-cran-janeaustenr (public domain texts), read from the R package's lazy-load
  database with PyPI `rdata` (no R needed).
- The prose of the Python 3.11 documentation from python3.11-doc (PSF licence): reStructuredText sources with
  markup, code blocks and tables removed.
"""
import gzip
import pathlib
import re
import sys
import zlib

import rdata
from rdata.conversion import convert
from rdata.parser import parse_data

AUSTEN = "/usr/lib/R/site-library/janeaustenr/data/Rdata"
PYTHON_DOCS = pathlib.Path("/usr/share/doc/python3.11/html/_sources")


def austen_paragraphs():
    index = convert(parse_data(gzip.open(AUSTEN + ".rdx", "rb").read(), expand_altrep=True))
    database = open(AUSTEN + ".rdb", "rb").read()
    for name, (offset, length) in sorted(index["variables"].items()):
        if name == "austen_books" or name.startswith("."):
            continue
        lines = convert(parse_data(zlib.decompress(database[int(offset) + 4:int(offset) + int(length)]), expand_altrep=True))
        paragraph = []
        for line in lines:
            line = str(line).strip()
            if not line:
                if paragraph:
                    yield " ".join(paragraph)
                paragraph = []
            elif not re.fullmatch(r"(CHAPTER|Chapter|VOLUME) .*", line):
                paragraph.append(line.replace("_", ""))
        if paragraph:
            yield " ".join(paragraph)


ROLE = re.compile(r":[a-z:]+:`~?([^`<]*?)(?:\s*<[^>]*>)?`")
INLINE = re.compile(r"``([^`]*)``|\*\*([^*]*)\*\*|\*([^*]*)\*|`([^`<]*?)(?:\s*<[^>]*>)?`_*")


def python_doc_paragraphs():
    for path in sorted(PYTHON_DOCS.rglob("*.rst.txt")):
        paragraph, in_block = [], False
        for raw in path.read_text(encoding="utf-8").splitlines() + [""]:
            line = raw.rstrip()
            if in_block:
                if line and not line[0].isspace():
                    in_block = False
                else:
                    continue
            stripped = line.strip()
            if not stripped:
                if paragraph:
                    text = " ".join(paragraph)
                    if len(text) > 40 and text[-1] in ".?!:" and not text.startswith((">>>", "$")):
                        yield text
                paragraph = []
                continue
            if line.endswith("::") or stripped.startswith(".. "):
                if line.endswith("::") and not stripped.startswith(".. "):
                    paragraph.append(stripped[:-1])
                in_block = True
                continue
            if line[0].isspace() and not paragraph:
                continue  # indented blocks (definitions, quoted code) other than paragraph continuations
            if re.fullmatch(r"[=\-~^*#+\"'`]{3,}", stripped) or stripped.startswith(("|", "+-", "* ", "- ", "#. ")):
                paragraph = [] if re.fullmatch(r"[=\-~^*#+\"'`]{3,}", stripped) else paragraph
                continue
            text = ROLE.sub(lambda m: m.group(1), stripped)
            text = INLINE.sub(lambda m: next(g for g in m.groups() if g is not None), text)
            paragraph.append(text)


def main():
    out = sys.stdout
    for source in (austen_paragraphs(), python_doc_paragraphs()):
        for paragraph in source:
            out.write(paragraph + "\n")


if __name__ == "__main__":
    main()
