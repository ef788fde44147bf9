#!/usr/bin/env python3
"""Rekognition DetectText: character error rate and per-image latency of Sibyl beside the `tesseract` command line
(the anchor: the same Tesseract 5 engine and English model, started per image as a script would run it), on the
same rendered pages in the same run.

    Benchmarks/rekognition_ocr.py [--sibyl .build/release/sibyl] [--pages N] [--show]

Pages: short paragraphs of the GNU GPL v3 text (/usr/share/common-licenses/GPL-3), 5 lines of at most 56
characters each (under DetectText's 100-word limit), rendered with Pillow in five fonts from Debian
(DejaVu Sans, DejaVu Serif, Liberation Sans, Liberation Serif, Liberation Mono) at 18, 24 and 32 pixels, each
twice: clean (PNG), and degraded (turned by ±1.5°, Gaussian noise σ 12, saved as JPEG quality 70). 30 pages.

Measures:
  CER      character error rate: Levenshtein distance between the text read and the text drawn / characters drawn,
           summed over all pages; whitespace runs (line breaks included) count as one space on both sides.
  latency  wall-clock seconds per image, median and mean: for Sibyl the whole DetectText call over HTTP (base64
           upload, decoding, OCR, JSON answer) to a server already running; for the anchor the whole
           `tesseract PAGE stdout --psm 3` process (start, model load, OCR), once as installed (Debian's build uses
           OpenMP, which asks for several threads per text line) and once with OMP_THREAD_LIMIT=1 (one thread, as
           Sibyl runs each pooled instance). All read the same file.
Sibyl's text is its LINE detections joined in order. Needs fonts-dejavu-core, fonts-liberation2, tesseract-ocr
(Scripts/setup installs them) and Pillow and boto3 for this Python.
"""

import argparse
import io
import os
import pathlib
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time

import boto3
import botocore.config
from PIL import Image, ImageChops, ImageDraw, ImageFont

REPO = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "Tests" / "Conformance"))
import conftest  # noqa: E402  (the same server launcher the conformance suite uses)
from conftest import Server  # noqa: E402

FONTS = {
    "DejaVu Sans": "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "DejaVu Serif": "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
    "Liberation Sans": "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
    "Liberation Serif": "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
    "Liberation Mono": "/usr/share/fonts/truetype/liberation2/LiberationMono-Regular.ttf",
}
SIZES = [18, 24, 32]


def paragraphs():
    """Lines of at most 56 characters cut from the GPL's text, five to a page."""
    words = pathlib.Path("/usr/share/common-licenses/GPL-3").read_text().split()
    lines, current = [], ""
    for word in words:
        if len(current) + 1 + len(word) > 56:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    return [lines[index:index + 5] for index in range(40, len(lines) - 5, 5)]


def render(lines, font_path, size, degraded, seed):
    font = ImageFont.truetype(font_path, size)
    width = int(size * 0.62 * 58) + 80
    height = int(size * 1.8 * len(lines)) + 80
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    for index, line in enumerate(lines):
        draw.text((40, 40 + int(index * size * 1.8)), line, fill=0, font=font)
    if not degraded:
        buffer = io.BytesIO()
        image.save(buffer, "PNG")
        return buffer.getvalue(), "png"
    rng = random.Random(seed)
    image = image.rotate(rng.choice([-1.5, 1.5]), resample=Image.BICUBIC, expand=True, fillcolor=255)
    image = ImageChops.add(image, Image.effect_noise(image.size, 12), scale=1, offset=-128)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=70)
    return buffer.getvalue(), "jpg"


def normalise(text):
    return re.sub(r"\s+", " ", text).strip()


def levenshtein(first, second):
    previous = list(range(len(second) + 1))
    for i, a in enumerate(first, 1):
        current = [i]
        for j, b in enumerate(second, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a != b)))
        previous = current
    return previous[-1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sibyl", default=str(REPO / ".build" / "release" / "sibyl"))
    parser.add_argument("--pages", type=int, default=30)
    parser.add_argument("--show", action="store_true", help="print each page's readings")
    options = parser.parse_args()

    texts = paragraphs()
    pages = []
    for index, (name, path) in enumerate((name, path) for name, path in FONTS.items() for _ in SIZES for _ in (0, 1)):
        size = SIZES[(index // 2) % len(SIZES)]
        degraded = index % 2 == 1
        lines = texts[index % len(texts)]
        data, suffix = render(lines, path, size, degraded, seed=index)
        pages.append({"font": name, "size": size, "degraded": degraded, "lines": lines, "data": data, "suffix": suffix})
    pages = pages[:options.pages]

    with tempfile.TemporaryDirectory() as work:
        work = pathlib.Path(work)
        conftest.SIBYL_BIN = options.sibyl
        server = Server(work / "data").start()
        try:
            client = boto3.client(
                "rekognition", endpoint_url=server.url, region_name="us-east-1", aws_access_key_id="bench",
                aws_secret_access_key="bench", config=botocore.config.Config(retries={"max_attempts": 1}))
            client.detect_text(Image={"Bytes": pages[0]["data"]})  # first use loads Tesseract once
            totals = {"sibyl": [0, 0, []], "cli": [0, 0, []], "cli1": [0, 0, []]}
            for number, page in enumerate(pages):
                truth = normalise(" ".join(page["lines"]))
                path = work / f"page{number}.{page['suffix']}"
                path.write_bytes(page["data"])
                started = time.perf_counter()
                response = client.detect_text(Image={"Bytes": path.read_bytes()})
                ours_seconds = time.perf_counter() - started
                ours = normalise(" ".join(d["DetectedText"] for d in response["TextDetections"] if d["Type"] == "LINE"))
                readings = [("sibyl", ours, ours_seconds)]
                for side, environment in (("cli", None), ("cli1", dict(os.environ, OMP_THREAD_LIMIT="1"))):
                    started = time.perf_counter()
                    cli = subprocess.run(["tesseract", str(path), "stdout", "--psm", "3"], capture_output=True, text=True,
                                         env=environment)
                    readings.append((side, normalise(cli.stdout), time.perf_counter() - started))
                theirs = readings[1][1]
                for side, text, seconds in readings:
                    totals[side][0] += levenshtein(text, truth)
                    totals[side][1] += len(truth)
                    totals[side][2].append(seconds)
                if options.show:
                    print(f"{page['font']} {page['size']}px {'degraded' if page['degraded'] else 'clean'}")
                    print(f"  truth: {truth}\n  sibyl: {ours}\n  cli:   {theirs}")
        finally:
            server.stop()

    print(f"Rekognition DetectText on {len(pages)} rendered pages (5 fonts x 3 sizes, clean and degraded)")
    print(f"{'engine':<36} {'CER':>7} {'median s':>9} {'mean s':>8}")
    labels = (("sibyl", "Sibyl DetectText (pooled Tesseract)"), ("cli", "tesseract CLI (as installed)"),
              ("cli1", "tesseract CLI, OMP_THREAD_LIMIT=1"))
    for side, label in labels:
        errors, characters, seconds = totals[side]
        print(f"{label:<36} {errors / characters:>7.4f} {statistics.median(seconds):>9.3f} {statistics.mean(seconds):>8.3f}")
    for side, label in labels[1:]:
        speedup = statistics.median(totals[side][2]) / statistics.median(totals["sibyl"][2])
        print(f"median latency: Sibyl {speedup:.1f}x faster than the {label}")


if __name__ == "__main__":
    main()
