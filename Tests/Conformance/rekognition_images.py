"""Test images for Rekognition, made at test time or read from Debian packages; nothing here is checked in.

Text is rendered with Pillow in fonts from Debian (fonts-dejavu-core, fonts-liberation2). Photos come from
scikit-image's sample data (python3-skimage: the astronaut Eileen Collins, a cat, a coffee cup, a rocket) and
OpenCV's sample data (opencv-doc: two frames of one basketball player, a footballer).
"""

import io
import pathlib

from PIL import Image, ImageDraw, ImageFont, ImageOps

SKIMAGE = pathlib.Path("/usr/lib/python3/dist-packages/skimage/data")
OPENCV = pathlib.Path("/usr/share/doc/opencv-doc/examples/data")
DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
DEJAVU_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
LIBERATION_SERIF = "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf"
LIBERATION_MONO = "/usr/share/fonts/truetype/liberation2/LiberationMono-Regular.ttf"

ASTRONAUT = SKIMAGE / "astronaut.png"
NO_FACES = [SKIMAGE / "coffee.png", SKIMAGE / "chelsea.png", SKIMAGE / "rocket.jpg"]
TRUNCATED_JPEG = SKIMAGE / "truncated.jpg"
BASKETBALL_1 = OPENCV / "basketball1.png"
BASKETBALL_2 = OPENCV / "basketball2.png"
FOOTBALLER = OPENCV / "messi5.jpg"


def encode(image, fmt="PNG", **options):
    """The bytes of an image in a format Pillow writes."""
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def text_image(lines, font=DEJAVU, size=40, width=900, margin=40, spacing=1.9, background="white", ink="black"):
    """Lines of text on a plain page; answers the image and each line's box in pixels (left, top, right, bottom)."""
    face = ImageFont.truetype(font, size)
    height = int(margin * 2 + size * spacing * len(lines))
    image = Image.new("RGB", (width, height), background)
    draw = ImageDraw.Draw(image)
    boxes = []
    for index, line in enumerate(lines):
        top = margin + int(index * size * spacing)
        draw.text((margin, top), line, fill=ink, font=face)
        boxes.append(draw.textbbox((margin, top), line, font=face))
    return image, boxes


def photo(path):
    """A photo file's bytes as they are."""
    return pathlib.Path(path).read_bytes()


def rgb(path):
    """A photo as a Pillow RGB image."""
    return Image.open(path).convert("RGB")


def mirrored(path):
    return ImageOps.mirror(rgb(path))
