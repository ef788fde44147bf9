#!/usr/bin/env python3
"""Rekognition faces: detection, embedding separation and throughput of Sibyl (dlib HOG detector, 5-point landmarks,
ResNet embeddings) beside an anchor detector, scikit-image's LBP frontal-face cascade (the OpenCV-trained cascade
scikit-image ships, run by Debian's python3-skimage), on the same pictures in the same run.

    Benchmarks/rekognition_faces.py [--sibyl .build/release/sibyl] [--requests 20]

Pictures: every JPEG and PNG photo in scikit-image's sample data (python3-skimage) and OpenCV's sample data
(opencv-doc). Four hold a frontal face (the astronaut, the footballer, two frames of one basketball player); the
other photos (cat, coffee, rocket, coins, fruit, buildings, text, ...) hold none. Plus scikit-image's `lfw_subset`:
100 face crops from Labeled Faces in the Wild and 100 non-face crops, 25x25 pixels, enlarged 4x and set on a grey
margin (a detector needs some context around a face).

Measures:
  detection   faces found on the four face photos; false faces on the photos without one; on the LFW crops, the
              share of face crops with a face found and of non-face crops with none.
  separation  similarity (0-100, Sibyl's CompareFaces scale) for pairs of one person (the two basketball frames,
              and each face photo against itself mirrored, darkened, shrunk, JPEG-compressed and turned 5 degrees)
              and for pairs of different people; accuracy at Rekognition's default threshold 80. There is no anchor
              embedding here (no other face-embedding model is packaged in Debian or PyPI for this machine).
  throughput  DetectFaces requests a second on the astronaut (512x512), one client and two; CompareFaces and
              SearchFacesByImage latency.
"""

import argparse
import concurrent.futures
import io
import json
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time

import boto3
import botocore.config
from PIL import Image, ImageEnhance, ImageOps

REPO = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "Tests" / "Conformance"))
import conftest  # noqa: E402  (the server launcher the conformance suite uses)
from conftest import Server  # noqa: E402

SKIMAGE = pathlib.Path("/usr/lib/python3/dist-packages/skimage/data")
OPENCV = pathlib.Path("/usr/share/doc/opencv-doc/examples/data")
FACES = {SKIMAGE / "astronaut.png": 1, OPENCV / "messi5.jpg": 1, OPENCV / "basketball1.png": 1, OPENCV / "basketball2.png": 1}

ANCHOR = r"""
import json, sys
import numpy as np
from skimage import data, io, color, transform
from skimage.feature import Cascade
detector = Cascade(data.lbp_frontal_face_cascade_filename())
results = {}
for path in sys.argv[1:]:
    image = io.imread(path)
    if image.ndim == 3:
        image = color.rgb2gray(image[..., :3])
    found = detector.detect_multi_scale(img=image, scale_factor=1.2, step_ratio=1, min_size=(24, 24),
                                        max_size=(min(image.shape), min(image.shape)))
    results[path] = len(found)
print(json.dumps(results))
"""


def photos():
    files = sorted(p for folder in (SKIMAGE, OPENCV) for p in folder.glob("*") if p.suffix.lower() in (".png", ".jpg"))
    usable = []
    for path in files:
        try:
            with Image.open(path) as image:
                image.load()
                if min(image.size) >= 64 and path.stat().st_size <= 5 * 1024 * 1024:
                    usable.append(path)
        except Exception:
            pass  # the truncated JPEG and friends: not photos for this benchmark
    return usable


def png(image):
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, "PNG")
    return buffer.getvalue()


def lfw_crops(work):
    import numpy
    crops = numpy.load(SKIMAGE / "lfw_subset.npy")
    paths = []
    for index, crop in enumerate(crops):
        face = Image.fromarray((crop * 255).astype("uint8")).resize((100, 100), Image.BICUBIC)
        canvas = Image.new("L", (160, 160), 128)
        canvas.paste(face, (30, 30))
        path = work / f"lfw{index:03d}.png"
        canvas.save(path)
        paths.append(path)
    return paths[:100], paths[100:]


def variants(path):
    image = Image.open(path).convert("RGB")
    jpeg = io.BytesIO()
    image.save(jpeg, "JPEG", quality=40)
    return {
        "mirrored": ImageOps.mirror(image),
        "darkened": ImageEnhance.Brightness(image).enhance(0.6),
        "shrunk": image.resize((image.width * 3 // 4, image.height * 3 // 4), Image.LANCZOS),
        "jpeg40": Image.open(io.BytesIO(jpeg.getvalue())),
        "turned": image.rotate(5, resample=Image.BICUBIC),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sibyl", default=str(REPO / ".build" / "release" / "sibyl"))
    parser.add_argument("--requests", type=int, default=20)
    options = parser.parse_args()

    with tempfile.TemporaryDirectory() as work:
        work = pathlib.Path(work)
        conftest.SIBYL_BIN = options.sibyl
        server = Server(work / "data").start()
        try:
            client = boto3.client(
                "rekognition", endpoint_url=server.url, region_name="us-east-1", aws_access_key_id="bench",
                aws_secret_access_key="bench", config=botocore.config.Config(retries={"max_attempts": 1}))
            astronaut = (SKIMAGE / "astronaut.png").read_bytes()
            client.detect_faces(Image={"Bytes": astronaut})  # loads the models once

            # Detection on the photos.
            pictures = photos()
            faces_lfw, others_lfw = lfw_crops(work)
            ours = {}
            for path in pictures + faces_lfw + others_lfw:
                ours[str(path)] = len(client.detect_faces(Image={"Bytes": png(Image.open(path))})["FaceDetails"])
            anchor = json.loads(subprocess.run(
                ["/usr/bin/python3", "-c", ANCHOR, *map(str, pictures + faces_lfw + others_lfw)],
                capture_output=True, text=True, check=True).stdout)

            def detection(counts):
                found = sum(min(counts[str(p)], n) for p, n in FACES.items())
                false = sum(counts[str(p)] for p in pictures if p not in FACES)
                lfw_hits = sum(counts[str(p)] > 0 for p in faces_lfw)
                lfw_clean = sum(counts[str(p)] == 0 for p in others_lfw)
                return found, false, lfw_hits, lfw_clean

            # Separation.
            people = {"astronaut": SKIMAGE / "astronaut.png", "footballer": OPENCV / "messi5.jpg",
                      "player": OPENCV / "basketball1.png"}
            pictures_of = {name: [("original", Image.open(path))] + list(variants(path).items())
                           for name, path in people.items()}
            pictures_of["player"].append(("second frame", Image.open(OPENCV / "basketball2.png")))

            def similarity(first, second):
                response = client.compare_faces(SourceImage={"Bytes": png(first)}, TargetImage={"Bytes": png(second)},
                                                SimilarityThreshold=0, QualityFilter="NONE")
                matches = response["FaceMatches"]
                return matches[0]["Similarity"] if matches else None

            same, different, missed = [], [], 0
            for name, shots in pictures_of.items():
                for label, shot in shots[1:]:
                    value = similarity(shots[0][1], shot)
                    if value is None:
                        missed += 1
                    else:
                        same.append((value, f"{name}: original vs {label}"))
            names = list(pictures_of)
            for i, first in enumerate(names):
                for second in names[i + 1:]:
                    for _, a in pictures_of[first][:3]:
                        for _, b in pictures_of[second][:3]:
                            value = similarity(a, b)
                            if value is not None:
                                different.append((value, f"{first} vs {second}"))

            # Throughput.
            def timed(call, count):
                started = time.perf_counter()
                for _ in range(count):
                    call()
                return (time.perf_counter() - started) / count

            detect = lambda: client.detect_faces(Image={"Bytes": astronaut})  # noqa: E731
            one_client = 1 / timed(detect, options.requests)
            started = time.perf_counter()
            with concurrent.futures.ThreadPoolExecutor(2) as pool:
                list(pool.map(lambda _: detect(), range(options.requests * 2)))
            two_clients = options.requests * 2 / (time.perf_counter() - started)
            compare_seconds = timed(lambda: client.compare_faces(
                SourceImage={"Bytes": astronaut}, TargetImage={"Bytes": astronaut}), 5)
            client.create_collection(CollectionId="bench")
            client.index_faces(CollectionId="bench", Image={"Bytes": astronaut}, QualityFilter="NONE")
            search_seconds = timed(lambda: client.search_faces_by_image(
                CollectionId="bench", Image={"Bytes": astronaut}), 5)
        finally:
            server.stop()

    face_photos = sum(FACES.values())
    print(f"Face detection: {face_photos} faces on {len(FACES)} photos, {len(pictures) - len(FACES)} photos without a face, "
          f"{len(faces_lfw)} + {len(others_lfw)} LFW crops")
    print(f"{'detector':<38} {'faces found':>11} {'false faces':>11} {'LFW faces':>10} {'LFW non-faces':>14}")
    for label, counts in (("Sibyl DetectFaces (dlib HOG)", ours), ("scikit-image LBP cascade (anchor)", anchor)):
        found, false, hits, clean = detection(counts)
        print(f"{label:<38} {found:>5}/{face_photos:<5} {false:>11} {hits:>6}/{len(faces_lfw):<3} {clean:>10}/{len(others_lfw):<3}")
    print()
    print(f"Embedding separation ({len(same)} same-person pairs, {len(different)} different-person pairs; "
          f"{missed} variants with no face found)")
    same_values = [value for value, _ in same]
    different_values = [value for value, _ in different]
    print(f"  same person:      min {min(same_values):6.2f}  median {statistics.median(same_values):6.2f}  "
          f"({min(same)[1]} lowest)")
    print(f"  different people: max {max(different_values):6.2f}  median {statistics.median(different_values):6.2f}  "
          f"({max(different)[1]} highest)")
    correct = sum(v >= 80 for v in same_values) + sum(v < 80 for v in different_values)
    print(f"  accuracy at threshold 80: {correct}/{len(same_values) + len(different_values)}")
    print()
    print(f"Throughput: DetectFaces on 512x512: {one_client:.1f}/s one client, {two_clients:.1f}/s two clients; "
          f"CompareFaces {compare_seconds * 1000:.0f} ms; SearchFacesByImage {search_seconds * 1000:.0f} ms")


if __name__ == "__main__":
    main()
