"""Rekognition through boto3: OCR (Tesseract), faces (dlib), face collections, labels and image properties.

Images are rendered at test time or read from Debian packages (see rekognition_images.py).
"""

import pathlib
import uuid

import botocore.exceptions
import pytest
from PIL import Image, ImageDraw, ImageFilter

import rekognition_images as images
from rekognition_images import encode, photo, text_image

LINES = ["Invoice number 4711", "Total due 128.40 EUR", "Payable by 2026-12-31"]


@pytest.fixture(scope="module")
def rekognition(server):
    return server.client("rekognition")


@pytest.fixture(scope="module")
def page():
    """Three lines of DejaVu Sans on white, and where Pillow drew them."""
    return text_image(LINES)


def code(excinfo):
    return excinfo.value.response["Error"]["Code"]


def message(excinfo):
    return excinfo.value.response["Error"]["Message"]


def unique(prefix="faces"):
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


def lines_of(response):
    return [d["DetectedText"] for d in response["TextDetections"] if d["Type"] == "LINE"]


def contains(box, x, y, slack=0.0):
    return (
        box["Left"] - slack <= x <= box["Left"] + box["Width"] + slack
        and box["Top"] - slack <= y <= box["Top"] + box["Height"] + slack
    )


# DetectText ------------------------------------------------------------------------------------------------------


def test_detect_text_reads_lines_and_words_with_geometry(rekognition, page):
    image, boxes = page
    response = rekognition.detect_text(Image={"Bytes": encode(image)})
    assert response["TextModelVersion"]
    assert lines_of(response) == LINES
    detections = response["TextDetections"]
    lines = [d for d in detections if d["Type"] == "LINE"]
    words = [d for d in detections if d["Type"] == "WORD"]
    # Lines first (ids 0..n-1), then words, each word's parent a line whose text contains it.
    assert [d["Id"] for d in detections] == list(range(len(detections)))
    assert [w["DetectedText"] for w in words] == " ".join(LINES).split()
    for word in words:
        parent = lines[word["ParentId"]]
        assert word["DetectedText"] in parent["DetectedText"].split()
        assert 80 <= word["Confidence"] <= 100
        box = word["Geometry"]["BoundingBox"]
        assert contains(parent["Geometry"]["BoundingBox"], box["Left"] + box["Width"] / 2, box["Top"] + box["Height"] / 2)
    # Line boxes agree with where Pillow drew the text, as ratios of the image.
    for line, (left, top, right, bottom) in zip(lines, boxes):
        box = line["Geometry"]["BoundingBox"]
        assert abs(box["Left"] - left / image.width) < 0.02
        assert abs(box["Top"] - top / image.height) < 0.04
        assert abs(box["Left"] + box["Width"] - right / image.width) < 0.02
        polygon = line["Geometry"]["Polygon"]
        assert len(polygon) == 4
        assert polygon[0]["X"] == pytest.approx(box["Left"]) and polygon[0]["Y"] == pytest.approx(box["Top"])


@pytest.mark.parametrize("turn", [90, 180, 270])
def test_detect_text_reads_turned_pages_with_boxes_in_the_turned_image(rekognition, page, turn):
    image, _ = page
    turned = image.rotate(turn, expand=True)
    response = rekognition.detect_text(Image={"Bytes": encode(turned)})
    assert lines_of(response) == LINES
    first = response["TextDetections"][0]["Geometry"]
    box = first["BoundingBox"]
    if turn in (90, 270):  # the text now runs vertically: boxes are tall and narrow
        assert box["Height"] > box["Width"] * 2
    # The polygon starts at the text's own top-left corner, wherever that lies in the picture.
    start = first["Polygon"][0]
    expected = {90: (box["Left"], box["Top"] + box["Height"]), 180: (box["Left"] + box["Width"], box["Top"] + box["Height"]),
                270: (box["Left"] + box["Width"], box["Top"])}[turn]
    assert (start["X"], start["Y"]) == pytest.approx(expected, abs=1e-6)


def test_detect_text_reads_light_text_on_dark_and_other_fonts(rekognition):
    image, _ = text_image(LINES, font=images.LIBERATION_SERIF, background="#101030", ink="#f0f0f0")
    assert lines_of(rekognition.detect_text(Image={"Bytes": encode(image)})) == LINES
    image, _ = text_image(["Mono spaced 12345"], font=images.LIBERATION_MONO, size=32)
    assert lines_of(rekognition.detect_text(Image={"Bytes": encode(image, "JPEG", quality=85)})) == ["Mono spaced 12345"]


def test_detect_text_honours_exif_orientation(rekognition, page):
    """A JPEG stored sideways with Orientation 6 (rotate 90° clockwise to view) reads as the upright page."""
    image, boxes = page
    stored = image.rotate(90, expand=True)  # counter-clockwise: a viewer turns it back clockwise
    exif = Image.Exif()
    exif[0x0112] = 6
    response = rekognition.detect_text(Image={"Bytes": encode(stored, "JPEG", quality=90, exif=exif.tobytes())})
    assert lines_of(response) == LINES
    box = response["TextDetections"][0]["Geometry"]["BoundingBox"]
    # Geometry is in the upright (viewed) frame: the first line is wide and near the top.
    assert box["Width"] > box["Height"] * 3
    assert abs(box["Top"] - boxes[0][1] / image.height) < 0.04


def test_detect_text_filters_words(rekognition, page):
    image, boxes = page
    data = encode(image)
    none = rekognition.detect_text(Image={"Bytes": data}, Filters={"WordFilter": {"MinConfidence": 100}})
    assert none["TextDetections"] == []
    # Only the second line's region: its words and nothing else.
    left, top, right, bottom = boxes[1]
    region = {"Left": left / image.width - 0.01, "Top": top / image.height - 0.02,
              "Width": (right - left) / image.width + 0.02, "Height": (bottom - top) / image.height + 0.04}
    second = rekognition.detect_text(Image={"Bytes": data}, Filters={"RegionsOfInterest": [{"BoundingBox": region}]})
    assert lines_of(second) == [LINES[1]]
    # The same region as a polygon.
    polygon = [{"X": region["Left"], "Y": region["Top"]}, {"X": region["Left"] + region["Width"], "Y": region["Top"]},
               {"X": region["Left"] + region["Width"], "Y": region["Top"] + region["Height"]},
               {"X": region["Left"], "Y": region["Top"] + region["Height"]}]
    by_polygon = rekognition.detect_text(Image={"Bytes": data}, Filters={"RegionsOfInterest": [{"Polygon": polygon}]})
    assert lines_of(by_polygon) == [LINES[1]]
    # Words narrower than a fifth of the page are dropped: only the long date survives.
    wide = rekognition.detect_text(Image={"Bytes": data}, Filters={"WordFilter": {"MinBoundingBoxWidth": 0.2}})
    assert [d["DetectedText"] for d in wide["TextDetections"] if d["Type"] == "WORD"] == ["2026-12-31"]


def test_detect_text_stops_at_100_words(rekognition):
    alphabet = ("alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa "
                "quebec romeo sierra tango uniform victor whiskey xray yankee zulu").split()
    lines = [" ".join(alphabet[(row * 10 + column) % 26] for column in range(10)) for row in range(14)]
    image, _ = text_image(lines, font=images.DEJAVU, size=22, width=1500, spacing=1.6)
    response = rekognition.detect_text(Image={"Bytes": encode(image)})
    words = [d["DetectedText"] for d in response["TextDetections"] if d["Type"] == "WORD"]
    assert words == " ".join(lines).split()[:100]
    assert lines_of(response) == lines[:10]


def test_detect_text_from_the_s3_stand_in(server, rekognition, page):
    s3 = server.client("s3")
    s3.create_bucket(Bucket="rekognition-images")
    s3.put_object(Bucket="rekognition-images", Key="pages/invoice.png", Body=encode(page[0]))
    response = rekognition.detect_text(Image={"S3Object": {"Bucket": "rekognition-images", "Name": "pages/invoice.png"}})
    assert lines_of(response) == LINES
    with pytest.raises(botocore.exceptions.ClientError) as missing:
        rekognition.detect_text(Image={"S3Object": {"Bucket": "rekognition-images", "Name": "pages/none.png"}})
    assert code(missing) == "InvalidS3ObjectException"
    s3.put_object(Bucket="rekognition-images", Key="big.png", Body=b"\x89PNG\r\n\x1a\n" + bytes(16 * 1024 * 1024))
    with pytest.raises(botocore.exceptions.ClientError) as big:
        rekognition.detect_text(Image={"S3Object": {"Bucket": "rekognition-images", "Name": "big.png"}})
    assert code(big) == "ImageTooLargeException"


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(encode(Image.new("RGB", (100, 100), "red"), "GIF"), id="gif"),
        pytest.param(encode(Image.new("RGB", (100, 100), "red"), "BMP"), id="bmp"),
        pytest.param(b"not an image at all", id="text"),
        pytest.param(b"\xff\xd8\xff\xe0" + bytes(200), id="jpeg-header-only"),
        pytest.param(encode(Image.new("RGB", (300, 300), "blue"))[:400], id="cut-png"),
        pytest.param(images.TRUNCATED_JPEG.read_bytes(), id="truncated-jpeg"),
    ],
)
def test_unreadable_images_are_refused_and_the_server_lives(rekognition, page, data):
    with pytest.raises(botocore.exceptions.ClientError) as refused:
        rekognition.detect_faces(Image={"Bytes": data})
    assert code(refused) == "InvalidImageFormatException"
    assert lines_of(rekognition.detect_text(Image={"Bytes": encode(page[0])})) == LINES


def test_image_limits_and_shape(rekognition, page):
    with pytest.raises(botocore.exceptions.ClientError) as large:
        rekognition.detect_labels(Image={"Bytes": b"\xff\xd8\xff" + bytes(5 * 1024 * 1024 + 10)})
    assert code(large) == "ImageTooLargeException"
    with pytest.raises(botocore.exceptions.ClientError) as both:
        rekognition.detect_text(Image={"Bytes": encode(page[0]), "S3Object": {"Bucket": "b-b-b", "Name": "x.png"}})
    assert code(both) == "InvalidParameterException"
    # A PNG that declares 100,000 x 100,000 pixels is refused before any pixel is decoded.
    huge = bytearray(encode(Image.new("RGB", (8, 8))))
    huge[16:24] = (100_000).to_bytes(4, "big") + (100_000).to_bytes(4, "big")
    with pytest.raises(botocore.exceptions.ClientError) as declared:
        rekognition.detect_text(Image={"Bytes": bytes(huge)})
    assert code(declared) in ("ImageTooLargeException", "InvalidImageFormatException")


def test_parallel_requests_share_the_pooled_engines(rekognition, page, server):
    """Eight requests at once (text and faces) on a pool of one engine per core: each gets its own answer."""
    import concurrent.futures
    text_bytes = encode(page[0])
    astronaut = photo(images.ASTRONAUT)

    def one(index):
        if index % 2:
            return lines_of(rekognition.detect_text(Image={"Bytes": text_bytes}))
        return len(rekognition.detect_faces(Image={"Bytes": astronaut})["FaceDetails"])

    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(one, range(8)))
    assert answers == [1, LINES] * 4
    # The gateway runs Tesseract with one OpenMP thread per instance (it restarts itself with the limit set).
    environment = pathlib.Path(f"/proc/{server.proc.pid}/environ").read_bytes().split(b"\0")
    assert b"OMP_THREAD_LIMIT=1" in environment


# DetectFaces -----------------------------------------------------------------------------------------------------


def test_detect_faces_measures_the_astronauts_face(rekognition):
    response = rekognition.detect_faces(Image={"Bytes": photo(images.ASTRONAUT)}, Attributes=["ALL"])
    assert len(response["FaceDetails"]) == 1
    face = response["FaceDetails"][0]
    box = face["BoundingBox"]
    # Eileen Collins' face lies about 35–52% across and 15–33% down the 512 x 512 picture.
    assert 0.30 < box["Left"] < 0.40 and 0.10 < box["Top"] < 0.20
    assert 0.12 < box["Width"] < 0.25 and 0.12 < box["Height"] < 0.25
    assert face["Confidence"] > 95
    landmarks = {point["Type"]: point for point in face["Landmarks"]}
    assert set(landmarks) == {"eyeLeft", "eyeRight", "nose", "mouthLeft", "mouthRight"}
    for point in landmarks.values():
        assert contains(box, point["X"], point["Y"], slack=0.02)
    assert landmarks["eyeLeft"]["X"] < landmarks["eyeRight"]["X"]
    assert landmarks["eyeLeft"]["Y"] < landmarks["nose"]["Y"] < landmarks["mouthLeft"]["Y"]
    assert landmarks["mouthLeft"]["X"] < landmarks["mouthRight"]["X"]
    assert abs(face["Pose"]["Roll"]) < 15 and abs(face["Pose"]["Yaw"]) < 30 and abs(face["Pose"]["Pitch"]) < 30
    assert 20 < face["Quality"]["Brightness"] < 90 and face["Quality"]["Sharpness"] > 50
    # Attributes with no model behind them are left out, not invented.
    for invented in ("AgeRange", "Gender", "Emotions", "Smile", "Eyeglasses"):
        assert invented not in face


def test_detect_faces_pose_follows_a_tilted_head_and_quality_a_blur(rekognition):
    upright = rekognition.detect_faces(Image={"Bytes": photo(images.ASTRONAUT)})["FaceDetails"][0]
    tilted_image = images.rgb(images.ASTRONAUT).rotate(-12, resample=Image.BICUBIC, fillcolor="black")
    tilted = rekognition.detect_faces(Image={"Bytes": encode(tilted_image)})["FaceDetails"][0]
    # Turned 12° clockwise: the eye line tilts down to the right, by about 12° more than before.
    assert tilted["Pose"]["Roll"] - upright["Pose"]["Roll"] == pytest.approx(12, abs=4)
    blurred_image = images.rgb(images.ASTRONAUT).filter(ImageFilter.GaussianBlur(2))
    blurred = rekognition.detect_faces(Image={"Bytes": encode(blurred_image)})["FaceDetails"]
    if blurred:  # the detector may still find it; its sharpness must then drop well below the original's
        assert blurred[0]["Quality"]["Sharpness"] < upright["Quality"]["Sharpness"] - 30


@pytest.mark.parametrize("path", images.NO_FACES, ids=lambda path: path.name)
def test_detect_faces_finds_no_face_where_there_is_none(rekognition, path):
    assert rekognition.detect_faces(Image={"Bytes": photo(path)})["FaceDetails"] == []


def test_detect_faces_finds_several_faces(rekognition):
    astronaut = images.rgb(images.ASTRONAUT)
    footballer = images.rgb(images.FOOTBALLER)
    canvas = Image.new("RGB", (astronaut.width + footballer.width, max(astronaut.height, footballer.height)), "white")
    canvas.paste(astronaut, (0, 0))
    canvas.paste(footballer, (astronaut.width, 0))
    faces = rekognition.detect_faces(Image={"Bytes": encode(canvas)})["FaceDetails"]
    assert len(faces) == 2
    lefts = sorted(face["BoundingBox"]["Left"] for face in faces)
    assert lefts[0] < astronaut.width / canvas.width < lefts[1]


# CompareFaces ----------------------------------------------------------------------------------------------------


def test_compare_faces_matches_one_person_and_not_another(rekognition):
    first, second = photo(images.BASKETBALL_1), photo(images.BASKETBALL_2)
    same = rekognition.compare_faces(SourceImage={"Bytes": first}, TargetImage={"Bytes": second})
    assert len(same["FaceMatches"]) == 1 and same["UnmatchedFaces"] == []
    assert same["FaceMatches"][0]["Similarity"] > 90
    assert same["SourceImageFace"]["Confidence"] > 90
    other = rekognition.compare_faces(SourceImage={"Bytes": first}, TargetImage={"Bytes": photo(images.ASTRONAUT)})
    assert other["FaceMatches"] == [] and len(other["UnmatchedFaces"]) == 1
    scored = rekognition.compare_faces(
        SourceImage={"Bytes": photo(images.ASTRONAUT)}, TargetImage={"Bytes": photo(images.FOOTBALLER)},
        SimilarityThreshold=0)
    assert scored["FaceMatches"][0]["Similarity"] < 30
    mirrored = rekognition.compare_faces(
        SourceImage={"Bytes": photo(images.ASTRONAUT)}, TargetImage={"Bytes": encode(images.mirrored(images.ASTRONAUT))})
    assert mirrored["FaceMatches"][0]["Similarity"] > 95


def test_compare_faces_needs_a_face_in_the_source(rekognition):
    with pytest.raises(botocore.exceptions.ClientError) as none:
        rekognition.compare_faces(SourceImage={"Bytes": photo(images.NO_FACES[0])},
                                  TargetImage={"Bytes": photo(images.ASTRONAUT)})
    assert code(none) == "InvalidParameterException"


# Face collections ------------------------------------------------------------------------------------------------


def test_collection_lifecycle_index_search_and_delete(rekognition):
    collection = unique()
    created = rekognition.create_collection(CollectionId=collection)
    assert created["StatusCode"] == 200 and created["CollectionArn"].endswith(f":collection/{collection}")
    assert created["FaceModelVersion"]
    with pytest.raises(botocore.exceptions.ClientError) as again:
        rekognition.create_collection(CollectionId=collection)
    assert code(again) == "ResourceAlreadyExistsException"

    indexed = {}
    for name, path in [("player-1", images.BASKETBALL_1), ("astronaut", images.ASTRONAUT), ("footballer", images.FOOTBALLER)]:
        response = rekognition.index_faces(CollectionId=collection, Image={"Bytes": photo(path)}, ExternalImageId=name,
                                           QualityFilter="NONE")
        assert len(response["FaceRecords"]) == 1, name
        record = response["FaceRecords"][0]
        assert record["Face"]["ExternalImageId"] == name
        assert record["FaceDetail"]["BoundingBox"] == record["Face"]["BoundingBox"]
        indexed[name] = record["Face"]["FaceId"]
    described = rekognition.describe_collection(CollectionId=collection)
    assert described["FaceCount"] == 3 and described["CollectionARN"] == created["CollectionArn"]

    # The second frame of the player finds the first, and only it.
    found = rekognition.search_faces_by_image(CollectionId=collection, Image={"Bytes": photo(images.BASKETBALL_2)})
    assert [match["Face"]["ExternalImageId"] for match in found["FaceMatches"]] == ["player-1"]
    assert found["FaceMatches"][0]["Similarity"] > 90 and found["SearchedFaceConfidence"] > 90
    # Searching by a stored face leaves that face out; nobody else is that astronaut.
    alone = rekognition.search_faces(CollectionId=collection, FaceId=indexed["astronaut"])
    assert alone["SearchedFaceId"] == indexed["astronaut"] and alone["FaceMatches"] == []
    everyone = rekognition.search_faces(CollectionId=collection, FaceId=indexed["astronaut"], FaceMatchThreshold=0,
                                        MaxFaces=1)
    assert len(everyone["FaceMatches"]) == 1 and everyone["FaceMatches"][0]["Similarity"] < 50

    listed = rekognition.list_faces(CollectionId=collection, MaxResults=2)
    assert len(listed["Faces"]) == 2 and listed["NextToken"]
    rest = rekognition.list_faces(CollectionId=collection, MaxResults=2, NextToken=listed["NextToken"])
    assert {face["FaceId"] for face in listed["Faces"] + rest["Faces"]} == set(indexed.values())

    missing = str(uuid.uuid4())
    deleted = rekognition.delete_faces(CollectionId=collection, FaceIds=[indexed["footballer"], missing])
    assert deleted["DeletedFaces"] == [indexed["footballer"]]
    assert deleted["UnsuccessfulFaceDeletions"] == [{"FaceId": missing, "Reasons": ["FACE_NOT_FOUND"]}]
    assert rekognition.describe_collection(CollectionId=collection)["FaceCount"] == 2

    assert collection in rekognition.list_collections()["CollectionIds"]
    assert rekognition.delete_collection(CollectionId=collection)["StatusCode"] == 200
    with pytest.raises(botocore.exceptions.ClientError) as gone:
        rekognition.describe_collection(CollectionId=collection)
    assert code(gone) == "ResourceNotFoundException"
    with pytest.raises(botocore.exceptions.ClientError) as no_index:
        rekognition.index_faces(CollectionId=collection, Image={"Bytes": photo(images.ASTRONAUT)})
    assert code(no_index) == "ResourceNotFoundException"


def test_index_faces_quality_filter_and_max_faces(rekognition):
    collection = unique()
    rekognition.create_collection(CollectionId=collection)
    none = rekognition.index_faces(CollectionId=collection, Image={"Bytes": photo(images.NO_FACES[0])})
    assert none["FaceRecords"] == [] and none["UnindexedFaces"] == []
    # The footballer's face is 40-odd pixels wide: too small for HIGH, kept by NONE.
    small = rekognition.index_faces(CollectionId=collection, Image={"Bytes": photo(images.FOOTBALLER)}, QualityFilter="HIGH")
    assert small["FaceRecords"] == []
    assert "SMALL_BOUNDING_BOX" in small["UnindexedFaces"][0]["Reasons"]
    astronaut, footballer = images.rgb(images.ASTRONAUT), images.rgb(images.FOOTBALLER)
    canvas = Image.new("RGB", (astronaut.width + footballer.width, astronaut.height), "white")
    canvas.paste(astronaut, (0, 0))
    canvas.paste(footballer, (astronaut.width, 0))
    one = rekognition.index_faces(CollectionId=collection, Image={"Bytes": encode(canvas)}, MaxFaces=1, QualityFilter="NONE")
    assert len(one["FaceRecords"]) == 1
    assert [face["Reasons"] for face in one["UnindexedFaces"]] == [["EXCEEDS_MAX_FACES"]]
    # The largest face is the one indexed.
    assert one["FaceRecords"][0]["Face"]["BoundingBox"]["Left"] < astronaut.width / canvas.width


def test_collections_survive_a_restart(fresh_server, tmp_path):
    first = fresh_server(data_dir=tmp_path / "data")
    client = first.client("rekognition")
    client.create_collection(CollectionId="kept")
    face = client.index_faces(CollectionId="kept", Image={"Bytes": photo(images.BASKETBALL_1)}, QualityFilter="NONE")
    face_id = face["FaceRecords"][0]["Face"]["FaceId"]
    first.stop()
    second = fresh_server(data_dir=tmp_path / "data")
    client = second.client("rekognition")
    assert client.describe_collection(CollectionId="kept")["FaceCount"] == 1
    found = client.search_faces_by_image(CollectionId="kept", Image={"Bytes": photo(images.BASKETBALL_2)})
    assert [match["Face"]["FaceId"] for match in found["FaceMatches"]] == [face_id]


def test_collection_tags(rekognition):
    collection = unique()
    arn = rekognition.create_collection(CollectionId=collection, Tags={"team": "vision"})["CollectionArn"]
    assert rekognition.list_tags_for_resource(ResourceArn=arn)["Tags"] == {"team": "vision"}
    rekognition.tag_resource(ResourceArn=arn, Tags={"stage": "test", "team": "faces"})
    assert rekognition.list_tags_for_resource(ResourceArn=arn)["Tags"] == {"team": "faces", "stage": "test"}
    rekognition.untag_resource(ResourceArn=arn, TagKeys=["team"])
    assert rekognition.list_tags_for_resource(ResourceArn=arn)["Tags"] == {"stage": "test"}
    with pytest.raises(botocore.exceptions.ClientError) as reserved:
        rekognition.tag_resource(ResourceArn=arn, Tags={"aws:owner": "me"})
    assert code(reserved) == "ValidationException"
    rekognition.delete_collection(CollectionId=collection)
    with pytest.raises(botocore.exceptions.ClientError) as gone:
        rekognition.list_tags_for_resource(ResourceArn=arn)
    assert code(gone) == "ResourceNotFoundException"


def test_collection_requests_are_validated(rekognition):
    with pytest.raises(botocore.exceptions.ClientError) as bad_id:
        rekognition.create_collection(CollectionId="has spaces/and slashes")
    assert code(bad_id) == "ValidationException" and "collectionId" in message(bad_id)
    with pytest.raises(botocore.exceptions.ClientError) as bad_face:
        rekognition.search_faces(CollectionId="anything", FaceId="not-a-uuid")
    assert code(bad_face) == "ValidationException"
    with pytest.raises(botocore.exceptions.ClientError) as unknown:
        rekognition.list_faces(CollectionId=unique("missing"))
    assert code(unknown) == "ResourceNotFoundException"
    with pytest.raises(botocore.exceptions.ClientError) as token:
        rekognition.list_collections(NextToken="garbage")
    assert code(token) == "InvalidPaginationTokenException"


# DetectLabels ----------------------------------------------------------------------------------------------------


def test_detect_labels_from_the_detectors(rekognition, page):
    portrait = rekognition.detect_labels(Image={"Bytes": photo(images.ASTRONAUT)})
    labels = {label["Name"]: label for label in portrait["Labels"]}
    assert {"Face", "Person"} <= set(labels)
    assert len(labels["Face"]["Instances"]) == 1 and labels["Face"]["Parents"] == [{"Name": "Person"}]
    assert labels["Person"]["Aliases"] == [{"Name": "Human"}]
    assert portrait["LabelModelVersion"]
    document = rekognition.detect_labels(Image={"Bytes": encode(page[0])})
    names = [label["Name"] for label in document["Labels"]]
    assert "Text" in names and "Face" not in names
    cat = rekognition.detect_labels(Image={"Bytes": photo(images.NO_FACES[1])})
    assert "Face" not in [label["Name"] for label in cat["Labels"]]
    only_faces = rekognition.detect_labels(
        Image={"Bytes": photo(images.ASTRONAUT)}, Settings={"GeneralLabels": {"LabelInclusionFilters": ["Face"]}})
    assert [label["Name"] for label in only_faces["Labels"]] == ["Face"]
    assert rekognition.detect_labels(Image={"Bytes": photo(images.ASTRONAUT)}, MinConfidence=100)["Labels"] == []


def test_image_properties_measure_colours_and_split_foreground(rekognition):
    halves = Image.new("RGB", (200, 100), (220, 20, 30))
    ImageDraw.Draw(halves).rectangle((100, 0, 199, 99), fill=(20, 40, 200))
    response = rekognition.detect_labels(Image={"Bytes": encode(halves)}, Features=["IMAGE_PROPERTIES"],
                                         Settings={"ImageProperties": {"MaxDominantColors": 2}})
    assert "Labels" not in response or response["Labels"] == []
    colours = response["ImageProperties"]["DominantColors"]
    assert len(colours) == 2
    assert {colour["SimplifiedColor"] for colour in colours} == {"red", "blue"}
    assert sum(colour["PixelPercent"] for colour in colours) == pytest.approx(100, abs=0.5)
    for colour in colours:
        assert colour["PixelPercent"] == pytest.approx(50, abs=3)
        assert colour["HexCode"] == "#%02X%02X%02X" % (colour["Red"], colour["Green"], colour["Blue"])
    assert {colour["CSSColor"] for colour in colours} == {"crimson", "mediumblue"}

    square = Image.new("RGB", (300, 300), "white")
    ImageDraw.Draw(square).rectangle((100, 100, 199, 199), fill=(250, 200, 0))
    props = rekognition.detect_labels(Image={"Bytes": encode(square)}, Features=["IMAGE_PROPERTIES"])["ImageProperties"]
    assert props["Foreground"]["DominantColors"][0]["SimplifiedColor"] == "yellow"
    assert props["Background"]["DominantColors"][0]["SimplifiedColor"] == "white"
    assert props["Background"]["Quality"]["Brightness"] > props["Foreground"]["Quality"]["Brightness"]
    flat = rekognition.detect_labels(Image={"Bytes": encode(Image.new("RGB", (100, 100), (128, 128, 128)))},
                                     Features=["IMAGE_PROPERTIES"])["ImageProperties"]
    assert flat["Quality"]["Contrast"] < 1 and flat["Quality"]["Sharpness"] < 1
    assert flat["DominantColors"][0]["SimplifiedColor"] == "gray"
    busy = rekognition.detect_labels(Image={"Bytes": photo(images.ASTRONAUT)}, Features=["IMAGE_PROPERTIES"])
    assert busy["ImageProperties"]["Quality"]["Sharpness"] > 80 and busy["ImageProperties"]["Quality"]["Contrast"] > 20


# Operations with no engine ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("operation,arguments", [
    ("detect_moderation_labels", {"Image": {"Bytes": b"\xff\xd8\xff"}}),
    ("recognize_celebrities", {"Image": {"Bytes": b"\xff\xd8\xff"}}),
    ("start_label_detection", {"Video": {"S3Object": {"Bucket": "bucket", "Name": "video.mp4"}}}),
    ("create_project", {"ProjectName": "custom"}),
])
def test_operations_without_an_engine_say_so(rekognition, operation, arguments):
    with pytest.raises(botocore.exceptions.ClientError) as refused:
        getattr(rekognition, operation)(**arguments)
    assert code(refused) == "UnsupportedOperationException"
    assert "not supported in this deployment" in message(refused)
