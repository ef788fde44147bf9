"""Amazon Forecast through boto3: datasets, CSV imports from the S3 stand-in, AutoPredictor, forecasts, queries.

The data are made here: monthly series with trend and season (and seeded noise) for a few items.
"""

import math
import random
import re
import time
import uuid

import botocore.exceptions
import pytest

ROLE = "arn:aws:iam::000000000000:role/ForecastRole"
SCHEMA = {"Attributes": [{"AttributeName": "timestamp", "AttributeType": "timestamp"},
                         {"AttributeName": "item_id", "AttributeType": "string"},
                         {"AttributeName": "target_value", "AttributeType": "float"}]}


@pytest.fixture(scope="module")
def clients(server):
    s3 = server.client("s3")
    s3.create_bucket(Bucket="forecast-data")
    return server.client("forecast"), server.client("forecastquery"), s3


def unique(prefix):
    return f"{prefix}_{uuid.uuid4().hex[:8]}"


def monthly_rows(items, months=72, seed=3):
    """timestamp,item_id,target_value rows: level, trend and a yearly season per item, with noise."""
    rng = random.Random(seed)
    rows = []
    for number, item in enumerate(items):
        for month in range(months):
            year, month_of_year = 2015 + month // 12, month % 12 + 1
            value = 100 * (number + 1) + 0.8 * month + 15 * math.sin(2 * math.pi * month / 12) + rng.gauss(0, 2)
            rows.append(f"{year}-{month_of_year:02d}-01,{item},{value:.3f}")
    return rows


def wait(describe, key, timeout=120):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        resource = describe()
        if resource["Status"] in ("ACTIVE", "CREATE_FAILED"):
            return resource
        time.sleep(0.3)
    raise AssertionError(f"{key} did not finish")


def dataset_with_import(forecast, s3, rows, timestamp_format="yyyy-MM-dd", frequency="M", schema=SCHEMA,
                        dataset_type="TARGET_TIME_SERIES"):
    dataset = forecast.create_dataset(DatasetName=unique("sales"), Domain="CUSTOM", DatasetType=dataset_type,
                                      DataFrequency=frequency, Schema=schema)["DatasetArn"]
    key = f"{uuid.uuid4().hex}.csv"
    s3.put_object(Bucket="forecast-data", Key=key, Body="\n".join(rows).encode())
    job = forecast.create_dataset_import_job(
        DatasetImportJobName=unique("import"), DatasetArn=dataset, TimestampFormat=timestamp_format,
        DataSource={"S3Config": {"Path": f"s3://forecast-data/{key}", "RoleArn": ROLE}})["DatasetImportJobArn"]
    imported = wait(lambda: forecast.describe_dataset_import_job(DatasetImportJobArn=job), job)
    return dataset, imported


def group_with_import(forecast, s3, name, rows, **options):
    """A dataset imported from `rows` (as dataset_with_import, which `options` go to) and a dataset group of it."""
    dataset, imported = dataset_with_import(forecast, s3, rows, **options)
    assert imported["Status"] == "ACTIVE", imported.get("Message")
    group = forecast.create_dataset_group(DatasetGroupName=unique(name), Domain="CUSTOM",
                                          DatasetArns=[dataset])["DatasetGroupArn"]
    return dataset, group


def deep_ar_forecast(forecast, datasets, horizon, epochs, supplementary=None):
    """A dataset group of `datasets`, a DeepAR+ predictor trained on it (with `supplementary` features, if given),
    and the ARN of its forecast."""
    group = forecast.create_dataset_group(DatasetGroupName=unique("deepar"), Domain="CUSTOM",
                                          DatasetArns=datasets)["DatasetGroupArn"]
    config = {"DatasetGroupArn": group, **({"SupplementaryFeatures": supplementary} if supplementary else {})}
    arn = forecast.create_predictor(
        PredictorName=unique("deepar"), AlgorithmArn="arn:aws:forecast:::algorithm/Deep_AR_Plus", ForecastHorizon=horizon,
        TrainingParameters={"epochs": str(epochs)}, InputDataConfig=config,
        FeaturizationConfig={"ForecastFrequency": "M"})["PredictorArn"]
    described = wait(lambda: forecast.describe_predictor(PredictorArn=arn), arn, timeout=300)
    assert described["Status"] == "ACTIVE", described.get("Message")
    made = forecast.create_forecast(ForecastName=unique("deepar"), PredictorArn=arn)["ForecastArn"]
    assert wait(lambda: forecast.describe_forecast(ForecastArn=made), made)["Status"] == "ACTIVE"
    return made


def test_the_whole_workflow_gives_ordered_quantiles(clients):
    forecast, query, s3 = clients
    dataset, imported = dataset_with_import(forecast, s3, monthly_rows(["north", "south", "east"]))
    assert imported["Status"] == "ACTIVE", imported.get("Message")
    group = forecast.create_dataset_group(DatasetGroupName=unique("shop"), Domain="CUSTOM",
                                          DatasetArns=[dataset])["DatasetGroupArn"]
    assert forecast.describe_dataset_group(DatasetGroupArn=group)["DatasetArns"] == [dataset]
    predictor = forecast.create_auto_predictor(PredictorName=unique("predictor"), ForecastHorizon=6,
                                               ForecastFrequency="M",
                                               DataConfig={"DatasetGroupArn": group})["PredictorArn"]
    trained = wait(lambda: forecast.describe_auto_predictor(PredictorArn=predictor), predictor)
    assert trained["Status"] == "ACTIVE", trained.get("Message")
    assert trained["ForecastTypes"] == ["0.1", "0.5", "0.9"] and trained["ForecastHorizon"] == 6
    accuracy = forecast.get_accuracy_metrics(PredictorArn=predictor)
    assert accuracy["IsAutoPredictor"] is True
    assert accuracy["PredictorEvaluationResults"][0]["TestWindows"][0]["Metrics"]["ErrorMetrics"][0]["WAPE"] < 0.05
    made = forecast.create_forecast(ForecastName=unique("forecast"), PredictorArn=predictor,
                                    ForecastTypes=["0.1", "0.5", "0.9", "mean"])["ForecastArn"]
    assert wait(lambda: forecast.describe_forecast(ForecastArn=made), made)["Status"] == "ACTIVE"

    answer = query.query_forecast(ForecastArn=made, Filters={"item_id": "south"})["Forecast"]["Predictions"]
    assert set(answer) == {"p10", "p50", "p90", "mean"}
    assert [point["Timestamp"] for point in answer["p50"]] == [
        "2021-01-01T00:00:00", "2021-02-01T00:00:00", "2021-03-01T00:00:00", "2021-04-01T00:00:00",
        "2021-05-01T00:00:00", "2021-06-01T00:00:00"]
    for low, middle, high in zip(answer["p10"], answer["p50"], answer["p90"]):
        assert low["Value"] <= middle["Value"] <= high["Value"]
    # The series continues its level, trend and season: month 72 is a January (season near 0).
    expected = [200 + 0.8 * (72 + step) + 15 * math.sin(2 * math.pi * (72 + step) / 12) for step in range(6)]
    for point, truth in zip(answer["mean"], expected):
        assert abs(point["Value"] - truth) < 12
    window = query.query_forecast(ForecastArn=made, Filters={"item_id": "north"}, StartDate="2021-02-01T00:00:00",
                                  EndDate="2021-03-01T00:00:00")["Forecast"]["Predictions"]
    assert [point["Timestamp"] for point in window["p90"]] == ["2021-02-01T00:00:00", "2021-03-01T00:00:00"]
    with pytest.raises(botocore.exceptions.ClientError) as inverted:
        query.query_forecast(ForecastArn=made, Filters={"item_id": "north"}, StartDate="2021-03-01T00:00:00",
                             EndDate="2021-02-01T00:00:00")
    assert inverted.value.response["Error"]["Code"] == "InvalidInputException"
    assert "after EndDate" in inverted.value.response["Error"]["Message"]
    with pytest.raises(botocore.exceptions.ClientError) as missing:
        query.query_forecast(ForecastArn=made, Filters={"item_id": "west"})
    assert missing.value.response["Error"]["Code"] == "ResourceNotFoundException"

    prefix = f"exports/{uuid.uuid4().hex[:6]}"
    name = unique("export")
    export = forecast.create_forecast_export_job(
        ForecastExportJobName=name, ForecastArn=made,
        Destination={"S3Config": {"Path": f"s3://forecast-data/{prefix}", "RoleArn": ROLE}})["ForecastExportJobArn"]
    assert wait(lambda: forecast.describe_forecast_export_job(ForecastExportJobArn=export), export)["Status"] == "ACTIVE"
    keys = [o["Key"] for o in s3.list_objects_v2(Bucket="forecast-data", Prefix=prefix)["Contents"]]
    assert len(keys) == 1
    assert re.fullmatch(rf"{prefix}/{name}_\d{{4}}-\d\d-\d\dT\d\d-\d\d-\d\dZ_part0\.csv", keys[0]), keys[0]
    lines = s3.get_object(Bucket="forecast-data", Key=keys[0])["Body"].read().decode().splitlines()
    assert lines[0] == "item_id,date,p10,p50,p90,mean"
    assert len(lines) == 1 + 3 * 6
    item, date, *values = lines[1].split(",")
    assert item == "east" and date == "2021-01-01T00:00:00Z" and len(values) == 4


@pytest.mark.parametrize("rows,reason", [
    (["2020-01-01,a,1.5", "2020-02-01,a"], "row 2: 2 columns"),
    (["2020-01-01,a,1.5", "01/02/2020,a,2"], "row 2: timestamp"),
    (["2020-01-01,a,1.5", "2020-02-01,a,lots"], "row 2: target_value 'lots'"),
    (["2020-01-01,a,1.5", "2020-02-01,a,0x10"], "row 2: target_value '0x10' is not a number"),
    (["2020-01-01,a,2", "2020-02-01,a,2.5"], "row 2: target_value '2.5' is not an integer"),
])
def test_bad_csv_rows_fail_the_import_with_their_row_numbers(clients, rows, reason):
    forecast, _, s3 = clients
    counts = {"Attributes": [dict(a, AttributeType="integer") if a["AttributeName"] == "target_value" else a
                             for a in SCHEMA["Attributes"]]}
    _, imported = dataset_with_import(forecast, s3, rows, schema=counts if "integer" in reason else SCHEMA)
    assert imported["Status"] == "CREATE_FAILED"
    assert reason in imported["Message"]


def test_a_folder_imports_every_file_in_it_and_a_bad_file_is_named(clients):
    forecast, query, s3 = clients
    folder = f"parts/{uuid.uuid4().hex[:6]}"
    parts = {"part1.csv": "\n".join(monthly_rows(["north"], months=30)) + "\n",
             "part2.csv": "\ufeff" + "\n".join(monthly_rows(["south"], months=30))}
    s3.put_object(Bucket="forecast-data", Key=f"{folder}/", Body=b"")  # a folder marker, as consoles make them
    for name, body in parts.items():
        s3.put_object(Bucket="forecast-data", Key=f"{folder}/{name}", Body=body.encode())
    dataset = forecast.create_dataset(DatasetName=unique("parts"), Domain="CUSTOM", DatasetType="TARGET_TIME_SERIES",
                                      DataFrequency="M", Schema=SCHEMA)["DatasetArn"]

    def imported(path):
        job = forecast.create_dataset_import_job(
            DatasetImportJobName=unique("parts"), DatasetArn=dataset, TimestampFormat="yyyy-MM-dd",
            DataSource={"S3Config": {"Path": path, "RoleArn": ROLE}})["DatasetImportJobArn"]
        return wait(lambda: forecast.describe_dataset_import_job(DatasetImportJobArn=job), job)

    size = sum(len(body.encode()) for body in parts.values())
    for path in (f"s3://forecast-data/{folder}/", f"s3://forecast-data/{folder}"):
        job = imported(path)
        assert job["Status"] == "ACTIVE", job.get("Message")
        assert abs(job["DataSize"] * 2 ** 30 - size) < 1, path  # both files read
    s3.put_object(Bucket="forecast-data", Key=f"{folder}/part3.csv", Body=b"2020-01-01,west,1\n2020-02-01,west,lots\n")
    failed = imported(f"s3://forecast-data/{folder}/")
    assert failed["Status"] == "CREATE_FAILED"
    assert f"s3://forecast-data/{folder}/part3.csv: " in failed["Message"]
    assert "row 2: target_value 'lots'" in failed["Message"]
    missing = imported(f"s3://forecast-data/{folder}/nothing-here/")
    assert missing["Status"] == "CREATE_FAILED" and "does not exist" in missing["Message"]


def test_an_import_reports_each_fields_statistics(clients):
    forecast, _, s3 = clients
    rows = ["2020-01-01,a,1.5", "2020-02-01,a,2.5", "2020-03-01,a,", "2020-01-01,b,4", "2020-02-01,b,NaN"]
    _, imported = dataset_with_import(forecast, s3, rows)
    assert imported["Status"] == "ACTIVE", imported.get("Message")
    statistics = imported["FieldStatistics"]
    assert statistics["item_id"] == {"Count": 5, "CountDistinct": 2, "CountNull": 0}
    assert statistics["timestamp"] == {"Count": 5, "CountDistinct": 3, "CountNull": 0,
                                       "Min": "2020-01-01T00:00:00Z", "Max": "2020-03-01T00:00:00Z"}
    target = statistics["target_value"]
    assert {key: target[key] for key in ("Count", "CountDistinct", "CountNull", "CountNan", "Min", "Max")} == {
        "Count": 4, "CountDistinct": 4, "CountNull": 1, "CountNan": 1, "Min": "1.5", "Max": "4.0"}
    assert target["Avg"] == pytest.approx(8 / 3)
    assert target["Stddev"] == pytest.approx(math.sqrt(((1.5 - 8 / 3) ** 2 + (2.5 - 8 / 3) ** 2 + (4 - 8 / 3) ** 2) / 2))
    _, failed = dataset_with_import(forecast, s3, ["2020-01-01,a,1.5", "2020-02-01,a,lots"])
    assert failed["Status"] == "CREATE_FAILED" and "FieldStatistics" not in failed


def test_a_dataset_group_takes_datasets_of_its_domain_one_of_each_type(clients):
    forecast, _, _ = clients
    retail_schema = {"Attributes": [{"AttributeName": "timestamp", "AttributeType": "timestamp"},
                                    {"AttributeName": "item_id", "AttributeType": "string"},
                                    {"AttributeName": "demand", "AttributeType": "float"}]}

    def dataset(domain, schema):
        return forecast.create_dataset(DatasetName=unique("member"), Domain=domain, DatasetType="TARGET_TIME_SERIES",
                                       DataFrequency="M", Schema=schema)["DatasetArn"]

    custom, other, retail = dataset("CUSTOM", SCHEMA), dataset("CUSTOM", SCHEMA), dataset("RETAIL", retail_schema)
    for arns, reason in (([retail], "must match"), ([custom, custom], "given twice"), ([custom, other], "both one")):
        with pytest.raises(botocore.exceptions.ClientError) as refused:
            forecast.create_dataset_group(DatasetGroupName=unique("members"), Domain="CUSTOM", DatasetArns=arns)
        assert refused.value.response["Error"]["Code"] == "InvalidInputException"
        assert reason in refused.value.response["Error"]["Message"]
    group = forecast.create_dataset_group(DatasetGroupName=unique("members"), Domain="CUSTOM",
                                          DatasetArns=[custom])["DatasetGroupArn"]
    with pytest.raises(botocore.exceptions.ClientError) as update:
        forecast.update_dataset_group(DatasetGroupArn=group, DatasetArns=[custom, other])
    assert update.value.response["Error"]["Code"] == "InvalidInputException"
    assert forecast.describe_dataset_group(DatasetGroupArn=group)["DatasetArns"] == [custom]


def test_horizons_and_backtest_offsets_are_limited_by_the_datasets_length(clients):
    forecast, _, s3 = clients
    dataset, group = group_with_import(forecast, s3, "short", monthly_rows(["short"], months=24))
    legacy = dict(AlgorithmArn="arn:aws:forecast:::algorithm/ETS", InputDataConfig={"DatasetGroupArn": group},
                  FeaturizationConfig={"ForecastFrequency": "M"})
    cases = [  # 24 months: a legacy predictor forecasts 8 at most, an AutoPredictor 6; the offset stays under 12
        (lambda: forecast.create_predictor(PredictorName=unique("long"), ForecastHorizon=9, **legacy),
         forecast.describe_predictor, "ForecastHorizon 9 is more than 1/3"),
        (lambda: forecast.create_auto_predictor(PredictorName=unique("long"), ForecastHorizon=7, ForecastFrequency="M",
                                                DataConfig={"DatasetGroupArn": group}),
         forecast.describe_auto_predictor, "ForecastHorizon 7 is more than 1/4"),
        (lambda: forecast.create_predictor(PredictorName=unique("offset"), ForecastHorizon=3,
                                           EvaluationParameters={"BackTestWindowOffset": 12}, **legacy),
         forecast.describe_predictor, "BackTestWindowOffset 12 must be less than half"),
    ]
    for create, describe, reason in cases:
        arn = create()["PredictorArn"]
        failed = wait(lambda: describe(PredictorArn=arn), arn)
        assert failed["Status"] == "CREATE_FAILED" and reason in failed["Message"], failed.get("Message")
    fits = forecast.create_predictor(PredictorName=unique("fits"), ForecastHorizon=8, **legacy)["PredictorArn"]
    assert wait(lambda: forecast.describe_predictor(PredictorArn=fits), fits)["Status"] == "ACTIVE"


def test_requests_are_checked(clients):
    forecast, _, _ = clients
    with pytest.raises(botocore.exceptions.ClientError) as schema:
        forecast.create_dataset(DatasetName=unique("bad"), Domain="CUSTOM", DatasetType="TARGET_TIME_SERIES",
                                DataFrequency="M", Schema={"Attributes": [{"AttributeName": "item_id",
                                                                           "AttributeType": "string"}]})
    assert schema.value.response["Error"]["Code"] == "InvalidInputException"
    with pytest.raises(botocore.exceptions.ClientError) as frequency:
        forecast.create_dataset(DatasetName=unique("bad"), Domain="CUSTOM", DatasetType="TARGET_TIME_SERIES",
                                DataFrequency="fortnightly", Schema=SCHEMA)
    assert frequency.value.response["Error"]["Code"] == "InvalidInputException"
    dataset = forecast.create_dataset(DatasetName=unique("dates"), Domain="CUSTOM", DatasetType="TARGET_TIME_SERIES",
                                      DataFrequency="M", Schema=SCHEMA)["DatasetArn"]
    for format in ("dd/MM/yyyy", "banana"):  # Forecast reads two formats only
        with pytest.raises(botocore.exceptions.ClientError) as timestamps:
            forecast.create_dataset_import_job(
                DatasetImportJobName=unique("dates"), DatasetArn=dataset, TimestampFormat=format,
                DataSource={"S3Config": {"Path": "s3://forecast-data/x.csv", "RoleArn": ROLE}})
        assert timestamps.value.response["Error"]["Code"] == "InvalidInputException"
        assert "yyyy-MM-dd HH:mm:ss" in timestamps.value.response["Error"]["Message"]
    # Up to five quantiles per forecast, in steps of 0.01 (checked before the predictor is looked up).
    for types in (["0.1", "0.2", "0.3", "0.4", "0.5", "0.6"], ["0.015"], ["0.001"], ["1.0"]):
        with pytest.raises(botocore.exceptions.ClientError) as quantiles:
            forecast.create_forecast(ForecastName=unique("types"), ForecastTypes=types,
                                     PredictorArn="arn:aws:forecast:us-east-1:000000000000:predictor/x")
        assert quantiles.value.response["Error"]["Code"] == "InvalidInputException", types
    with pytest.raises(botocore.exceptions.ClientError) as repeated:
        forecast.create_auto_predictor(PredictorName=unique("repeated"), ForecastHorizon=3, ForecastTypes=["0.1", "0.10"],
                                       ForecastFrequency="M",
                                       DataConfig={"DatasetGroupArn": "arn:aws:forecast:us-east-1:000000000000:dataset-group/x"})
    assert repeated.value.response["Error"]["Code"] == "InvalidInputException"
    name = unique("twice")
    forecast.create_dataset_group(DatasetGroupName=name, Domain="CUSTOM")
    with pytest.raises(botocore.exceptions.ClientError) as twice:
        forecast.create_dataset_group(DatasetGroupName=name, Domain="CUSTOM")
    assert twice.value.response["Error"]["Code"] == "ResourceAlreadyExistsException"
    with pytest.raises(botocore.exceptions.ClientError) as missing:
        forecast.describe_dataset(DatasetArn="arn:aws:forecast:us-east-1:000000000000:dataset/none")
    assert missing.value.response["Error"]["Code"] == "ResourceNotFoundException"


def test_members_sibyl_does_not_implement_are_refused_by_name_and_create_nothing(clients):
    forecast, _, _ = clients
    group = "arn:aws:forecast:us-east-1:000000000000:dataset-group/none"
    name = unique("encrypted")
    refused = [
        ("EncryptionConfig", lambda: forecast.create_dataset(
            DatasetName=name, Domain="CUSTOM", DatasetType="TARGET_TIME_SERIES", DataFrequency="M", Schema=SCHEMA,
            EncryptionConfig={"RoleArn": ROLE, "KMSKeyArn": "arn:aws:kms:us-east-1:000000000000:key/k"})),
        ("TimeAlignmentBoundary", lambda: forecast.create_auto_predictor(
            PredictorName=unique("aligned"), ForecastHorizon=3, ForecastFrequency="M",
            DataConfig={"DatasetGroupArn": group}, TimeAlignmentBoundary={"DayOfMonth": 15})),
        ("ExplainPredictor", lambda: forecast.create_auto_predictor(
            PredictorName=unique("explained"), ForecastHorizon=3, ForecastFrequency="M",
            DataConfig={"DatasetGroupArn": group}, ExplainPredictor=True)),
        ("PerformHPO", lambda: forecast.create_predictor(
            PredictorName=unique("tuned"), ForecastHorizon=3, PerformHPO=True,
            AlgorithmArn="arn:aws:forecast:::algorithm/Deep_AR_Plus", InputDataConfig={"DatasetGroupArn": group},
            FeaturizationConfig={"ForecastFrequency": "M"})),
        ("TimeSeriesSelector", lambda: forecast.create_forecast(
            ForecastName=unique("some"), PredictorArn="arn:aws:forecast:us-east-1:000000000000:predictor/none",
            TimeSeriesSelector={"TimeSeriesIdentifiers": {"Format": "CSV", "DataSource": {
                "S3Config": {"Path": "s3://forecast-data/ids.csv", "RoleArn": ROLE}}}})),
        ("TimeZone", lambda: forecast.create_dataset_import_job(
            DatasetImportJobName=unique("zoned"), DatasetArn="arn:aws:forecast:us-east-1:000000000000:dataset/none",
            DataSource={"S3Config": {"Path": "s3://forecast-data/x.csv", "RoleArn": ROLE}}, TimeZone="Europe/Paris")),
        ("DataSource.S3Config.KMSKeyArn", lambda: forecast.create_dataset_import_job(
            DatasetImportJobName=unique("keyed"), DatasetArn="arn:aws:forecast:us-east-1:000000000000:dataset/none",
            DataSource={"S3Config": {"Path": "s3://forecast-data/x.csv", "RoleArn": ROLE,
                                     "KMSKeyArn": "arn:aws:kms:us-east-1:000000000000:key/k"}})),
    ]
    for member, call in refused:
        with pytest.raises(botocore.exceptions.ClientError) as error:
            call()
        assert error.value.response["Error"]["Code"] == "InvalidInputException", member
        assert error.value.response["Error"]["Message"].startswith(member), error.value.response["Error"]["Message"]
        assert "not supported here" in error.value.response["Error"]["Message"]
    assert name not in [d["DatasetName"] for d in forecast.list_datasets()["Datasets"]]
    # A flag left at its default passes the check and reaches the handler (which finds no such dataset group).
    with pytest.raises(botocore.exceptions.ClientError) as default:
        forecast.create_auto_predictor(PredictorName=unique("plain"), ForecastHorizon=3, ForecastFrequency="M",
                                       DataConfig={"DatasetGroupArn": group}, ExplainPredictor=False)
    assert default.value.response["Error"]["Code"] == "ResourceNotFoundException"


def test_listing_filters_pages_and_deleting_trees(clients):
    forecast, query, s3 = clients
    dataset, group = group_with_import(forecast, s3, "tree", monthly_rows(["solo"], months=40))
    predictor = forecast.create_auto_predictor(PredictorName=unique("tree"), ForecastHorizon=3, ForecastFrequency="M",
                                               DataConfig={"DatasetGroupArn": group})["PredictorArn"]
    assert wait(lambda: forecast.describe_auto_predictor(PredictorArn=predictor), predictor)["Status"] == "ACTIVE"
    made = forecast.create_forecast(ForecastName=unique("tree"), PredictorArn=predictor)["ForecastArn"]
    assert wait(lambda: forecast.describe_forecast(ForecastArn=made), made)["Status"] == "ACTIVE"

    mine = forecast.list_predictors(Filters=[{"Key": "DatasetGroupArn", "Value": group, "Condition": "IS"}])
    assert [p["PredictorArn"] for p in mine["Predictors"]] == [predictor]
    others = forecast.list_predictors(Filters=[{"Key": "DatasetGroupArn", "Value": group, "Condition": "IS_NOT"}])
    assert predictor not in [p["PredictorArn"] for p in others["Predictors"]]
    assert [f["ForecastArn"] for f in forecast.list_forecasts(
        Filters=[{"Key": "PredictorArn", "Value": predictor, "Condition": "IS"}])["Forecasts"]] == [made]
    spares = {forecast.create_dataset(DatasetName=unique("spare"), Domain="CUSTOM", DatasetType="TARGET_TIME_SERIES",
                                      DataFrequency="M", Schema=SCHEMA)["DatasetArn"] for _ in range(2)}
    listed = [d["DatasetArn"] for page in forecast.get_paginator("list_datasets").paginate() for d in page["Datasets"]]
    # One dataset a page up to the first spare; that spare deleted before the next page is asked for: the next page
    # still holds the dataset listed after it.
    page = forecast.list_datasets(MaxResults=1)
    while page["Datasets"][0]["DatasetArn"] not in spares:
        page = forecast.list_datasets(MaxResults=1, NextToken=page["NextToken"])
    spare = page["Datasets"][0]["DatasetArn"]
    forecast.delete_dataset(DatasetArn=spare)
    after = forecast.list_datasets(MaxResults=1, NextToken=page["NextToken"])
    assert [d["DatasetArn"] for d in after["Datasets"]] == listed[listed.index(spare) + 1:][:1]
    with pytest.raises(botocore.exceptions.ClientError) as token:
        forecast.list_datasets(NextToken="not-a-token")
    assert token.value.response["Error"]["Code"] == "InvalidNextTokenException"

    with pytest.raises(botocore.exceptions.ClientError) as in_use:
        forecast.delete_predictor(PredictorArn=predictor)
    assert in_use.value.response["Error"]["Code"] == "ResourceInUseException"
    forecast.delete_resource_tree(ResourceArn=group)
    for describe in (lambda: forecast.describe_dataset_group(DatasetGroupArn=group),
                     lambda: forecast.describe_auto_predictor(PredictorArn=predictor),
                     lambda: forecast.describe_forecast(ForecastArn=made)):
        with pytest.raises(botocore.exceptions.ClientError) as gone:
            describe()
        assert gone.value.response["Error"]["Code"] == "ResourceNotFoundException"
    with pytest.raises(botocore.exceptions.ClientError) as no_forecast:
        query.query_forecast(ForecastArn=made, Filters={"item_id": "solo"})
    assert no_forecast.value.response["Error"]["Code"] == "ResourceNotFoundException"


def test_resources_being_built_are_not_deleted_and_a_dataset_takes_one_import_at_a_time(clients):
    forecast, query, s3 = clients
    code = lambda error: error.value.response["Error"]["Code"]  # noqa: E731
    # A big file keeps its import busy for a while: a second import of the dataset must wait its turn.
    dataset = forecast.create_dataset(DatasetName=unique("busy"), Domain="CUSTOM", DatasetType="TARGET_TIME_SERIES",
                                      DataFrequency="M", Schema=SCHEMA)["DatasetArn"]
    big, small = f"{uuid.uuid4().hex}.csv", f"{uuid.uuid4().hex}.csv"
    s3.put_object(Bucket="forecast-data", Key=big,
                  Body="\n".join(monthly_rows([f"item{n}" for n in range(100)], months=400)).encode())
    s3.put_object(Bucket="forecast-data", Key=small, Body="\n".join(monthly_rows(["solo", "pair"], months=48)).encode())
    source = lambda key: {"S3Config": {"Path": f"s3://forecast-data/{key}", "RoleArn": ROLE}}  # noqa: E731
    first = forecast.create_dataset_import_job(DatasetImportJobName=unique("big"), DatasetArn=dataset,
                                               TimestampFormat="yyyy-MM-dd", DataSource=source(big))["DatasetImportJobArn"]
    assert forecast.describe_dataset(DatasetArn=dataset)["Status"] in ("UPDATE_PENDING", "UPDATE_IN_PROGRESS")
    with pytest.raises(botocore.exceptions.ClientError) as second:
        forecast.create_dataset_import_job(DatasetImportJobName=unique("small"), DatasetArn=dataset,
                                           TimestampFormat="yyyy-MM-dd", DataSource=source(small))
    assert code(second) == "ResourceInUseException" and first in second.value.response["Error"]["Message"]
    with pytest.raises(botocore.exceptions.ClientError) as running:
        forecast.delete_dataset_import_job(DatasetImportJobArn=first)
    assert code(running) == "ResourceInUseException"
    assert wait(lambda: forecast.describe_dataset_import_job(DatasetImportJobArn=first), first)["Status"] == "ACTIVE"
    assert forecast.describe_dataset(DatasetArn=dataset)["Status"] == "ACTIVE"
    latest = forecast.create_dataset_import_job(DatasetImportJobName=unique("small"), DatasetArn=dataset,
                                                TimestampFormat="yyyy-MM-dd", DataSource=source(small))["DatasetImportJobArn"]
    assert wait(lambda: forecast.describe_dataset_import_job(DatasetImportJobArn=latest), latest)["Status"] == "ACTIVE"

    # A predictor in training is neither deleted nor taken by DeleteResourceTree, which deletes nothing then.
    group = forecast.create_dataset_group(DatasetGroupName=unique("busy"), Domain="CUSTOM",
                                          DatasetArns=[dataset])["DatasetGroupArn"]
    predictor = forecast.create_predictor(
        PredictorName=unique("busy"), AlgorithmArn="arn:aws:forecast:::algorithm/Deep_AR_Plus", ForecastHorizon=3,
        TrainingParameters={"epochs": "300"}, InputDataConfig={"DatasetGroupArn": group},
        FeaturizationConfig={"ForecastFrequency": "M"})["PredictorArn"]
    with pytest.raises(botocore.exceptions.ClientError) as training:
        forecast.delete_predictor(PredictorArn=predictor)
    assert code(training) == "ResourceInUseException" and "CREATE_" in training.value.response["Error"]["Message"]
    with pytest.raises(botocore.exceptions.ClientError) as tree:
        forecast.delete_resource_tree(ResourceArn=group)
    assert code(tree) == "ResourceInUseException"
    assert forecast.describe_dataset_group(DatasetGroupArn=group)["DatasetGroupArn"] == group
    assert wait(lambda: forecast.describe_predictor(PredictorArn=predictor), predictor, timeout=300)["Status"] == "ACTIVE"

    # A forecast from a legacy predictor was not made by an AutoPredictor; a forecast's tree takes its exports.
    made = forecast.create_forecast(ForecastName=unique("busy"), PredictorArn=predictor)["ForecastArn"]
    assert wait(lambda: forecast.describe_forecast(ForecastArn=made), made)["Status"] == "ACTIVE"
    listed = forecast.list_forecasts(Filters=[{"Key": "PredictorArn", "Value": predictor, "Condition": "IS"}])
    assert [f["CreatedUsingAutoPredictor"] for f in listed["Forecasts"]] == [False]
    export = forecast.create_forecast_export_job(
        ForecastExportJobName=unique("busy"), ForecastArn=made,
        Destination={"S3Config": {"Path": "s3://forecast-data/busy/", "RoleArn": ROLE}})["ForecastExportJobArn"]
    assert wait(lambda: forecast.describe_forecast_export_job(ForecastExportJobArn=export), export)["Status"] == "ACTIVE"
    forecast.delete_resource_tree(ResourceArn=made)
    for describe in (lambda: forecast.describe_forecast(ForecastArn=made),
                     lambda: forecast.describe_forecast_export_job(ForecastExportJobArn=export)):
        with pytest.raises(botocore.exceptions.ClientError) as gone:
            describe()
        assert code(gone) == "ResourceNotFoundException"
    assert forecast.describe_predictor(PredictorArn=predictor)["Status"] == "ACTIVE"

    # Filter keys are checked whether or not the list has items.
    with pytest.raises(botocore.exceptions.ClientError) as bogus:
        forecast.list_forecast_export_jobs(Filters=[{"Key": "Bogus", "Value": "x", "Condition": "IS"}])
    assert code(bogus) == "InvalidInputException" and "ForecastArn" in bogus.value.response["Error"]["Message"]
    forecast.delete_resource_tree(ResourceArn=group)


def test_legacy_predictors_with_algorithms_and_accuracy_metrics(clients):
    forecast, query, s3 = clients
    dataset, group = group_with_import(forecast, s3, "legacy", monthly_rows(["left", "right"], months=60))
    common = dict(ForecastHorizon=6, InputDataConfig={"DatasetGroupArn": group},
                  FeaturizationConfig={"ForecastFrequency": "M"})
    with pytest.raises(botocore.exceptions.ClientError) as cnn:
        forecast.create_predictor(PredictorName=unique("cnn"), AlgorithmArn="arn:aws:forecast:::algorithm/CNN-QR", **common)
    assert cnn.value.response["Error"]["Code"] == "InvalidInputException"
    assert "CNN-QR" in cnn.value.response["Error"]["Message"]

    results = {}
    for algorithm in ("ETS", "ARIMA", "Prophet", "NPTS"):
        arn = forecast.create_predictor(PredictorName=unique(algorithm.lower()),
                                        AlgorithmArn=f"arn:aws:forecast:::algorithm/{algorithm}",
                                        EvaluationParameters={"NumberOfBacktestWindows": 2}, **common)["PredictorArn"]
        described = wait(lambda: forecast.describe_predictor(PredictorArn=arn), arn)
        assert described["Status"] == "ACTIVE", described.get("Message")
        assert described["AlgorithmArn"].endswith(algorithm) and described["IsAutoPredictor"] is False
        metrics = forecast.get_accuracy_metrics(PredictorArn=arn)["PredictorEvaluationResults"][0]
        windows = metrics["TestWindows"]
        assert [w["EvaluationType"] for w in windows] == ["SUMMARY", "COMPUTED", "COMPUTED"]
        assert all(w["ItemCount"] == 2 for w in windows)
        summary = windows[0]["Metrics"]
        assert {loss["Quantile"] for loss in summary["WeightedQuantileLosses"]} == {0.1, 0.5, 0.9}
        results[algorithm] = summary["ErrorMetrics"][0]["WAPE"]
        # Two windows of six months: the later one ends where the data end (December 2019).
        assert max(w["TestWindowEnd"] for w in windows[1:]).strftime("%Y-%m") == "2019-12"
    # A smooth trend with a season is what smoothing and ARIMA models; NPTS only resamples the past.
    assert results["ETS"] < results["NPTS"] and results["ARIMA"] < results["NPTS"] and results["Prophet"] < results["NPTS"]
    assert results["ETS"] < 0.05 and results["ARIMA"] < 0.05 and results["Prophet"] < 0.05


def test_deep_ar_plus_trains_one_network_across_items(clients):
    forecast, query, s3 = clients
    items = [f"store{n}" for n in range(6)]
    dataset, group = group_with_import(forecast, s3, "deepar", monthly_rows(items, months=60, seed=8))
    common = dict(AlgorithmArn="arn:aws:forecast:::algorithm/Deep_AR_Plus", ForecastHorizon=6,
                  InputDataConfig={"DatasetGroupArn": group}, FeaturizationConfig={"ForecastFrequency": "M"})
    for parameters, complaint in (({"likelihood": "beta"}, "likelihood"), ({"num_layers": "3"}, "num_layers"),
                                  ({"epochs": "0"}, "epochs"), ({"dropout_rate": "0.1"}, "dropout_rate")):
        with pytest.raises(botocore.exceptions.ClientError) as refused:
            forecast.create_predictor(PredictorName=unique("deepar"), TrainingParameters=parameters, **common)
        assert refused.value.response["Error"]["Code"] == "InvalidInputException"
        assert complaint in refused.value.response["Error"]["Message"]
    parameters = {"likelihood": "gaussian", "epochs": "300", "num_cells": "16"}
    arn = forecast.create_predictor(PredictorName=unique("deepar"), TrainingParameters=parameters, **common)["PredictorArn"]
    described = wait(lambda: forecast.describe_predictor(PredictorArn=arn), arn, timeout=300)
    assert described["Status"] == "ACTIVE", described.get("Message")
    assert described["AlgorithmArn"].endswith("Deep_AR_Plus") and described["TrainingParameters"] == parameters
    wape = forecast.get_accuracy_metrics(PredictorArn=arn)["PredictorEvaluationResults"][0]["TestWindows"][0][
        "Metrics"]["ErrorMetrics"][0]["WAPE"]
    assert wape < 0.1, wape
    made = forecast.create_forecast(ForecastName=unique("deepar"), PredictorArn=arn,
                                    ForecastTypes=["0.1", "0.5", "0.9", "mean"])["ForecastArn"]
    assert wait(lambda: forecast.describe_forecast(ForecastArn=made), made)["Status"] == "ACTIVE"
    # Item 4's level is 500: the network, shared by items from 100 to 600, must keep each item on its own scale.
    answer = query.query_forecast(ForecastArn=made, Filters={"item_id": "store4"})["Forecast"]["Predictions"]
    expected = [500 + 0.8 * (60 + step) + 15 * math.sin(2 * math.pi * (60 + step) / 12) for step in range(6)]
    for low, middle, high, truth in zip(answer["p10"], answer["p50"], answer["p90"], expected):
        assert low["Value"] <= middle["Value"] <= high["Value"]
        assert abs(middle["Value"] - truth) < 0.1 * truth


def test_the_command_line_forecasts_a_csv_and_draws_it(tmp_path):
    import os
    import subprocess
    import xml.etree.ElementTree as ElementTree

    from conftest import SIBYL_BIN

    series = tmp_path / "series.csv"
    series.write_text("month,value\n" + "\n".join(
        f"{i},{200 + 2 * i + 30 * math.sin(2 * math.pi * i / 12):.2f}" for i in range(72)) + "\n")
    chart = tmp_path / "chart.svg"
    result = subprocess.run([SIBYL_BIN, "forecast", str(series), "--horizon", "12", "--period", "12",
                             "--quantiles", "0.05,0.5,0.95", "--plot", str(chart)],
                            capture_output=True, text=True, timeout=60, env=dict(os.environ), check=True)
    lines = result.stdout.strip().splitlines()
    assert lines[0] == "step,mean,p5,p50,p95" and len(lines) == 13
    for line in lines[1:]:
        step, mean, low, middle, high = map(float, line.split(","))
        assert low <= middle <= high
        truth = 200 + 2 * (71 + step) + 30 * math.sin(2 * math.pi * (71 + step) / 12)
        assert abs(mean - truth) < 10
    assert "model: median of ARIMA(" in result.stderr
    svg = ElementTree.parse(chart).getroot()
    assert svg.tag.endswith("svg")
    assert len(svg.findall("{http://www.w3.org/2000/svg}polyline")) == 3
    refused = subprocess.run([SIBYL_BIN, "forecast", str(series), "--horizon", "3", "--algorithm", "cnn-qr"],
                             capture_output=True, text=True, timeout=60)
    assert refused.returncode != 0 and "--algorithm must be" in refused.stderr

    # Logistic growth: a market saturating at 500 is forecast to approach its capacity, not run past it.
    market = tmp_path / "market.csv"
    market.write_text("value\n" + "\n".join(f"{500 / (1 + math.exp(-0.15 * (i - 25))):.3f}" for i in range(45)) + "\n")
    arguments = [SIBYL_BIN, "forecast", str(market), "--horizon", "40", "--algorithm", "prophet"]
    linear = subprocess.run(arguments, capture_output=True, text=True, timeout=60, check=True)
    assert float(linear.stdout.strip().splitlines()[-1].split(",")[1]) > 520
    logistic = subprocess.run(arguments + ["--growth", "logistic", "--cap", "500"], capture_output=True, text=True,
                              timeout=60, check=True)
    means = [float(line.split(",")[1]) for line in logistic.stdout.strip().splitlines()[1:]]
    assert all(mean < 500 for mean in means) and means[-1] > 490
    assert "logistic growth between 0.0 and 500.0" in logistic.stderr
    missing = subprocess.run(arguments + ["--growth", "logistic"], capture_output=True, text=True, timeout=60)
    assert missing.returncode != 0 and "needs --cap" in missing.stderr


def test_the_command_line_forecasts_every_item_of_a_file_and_deepar_learns_across_them(tmp_path):
    import subprocess

    from conftest import SIBYL_BIN

    items = tmp_path / "items.csv"
    items.write_text("timestamp,item_id,target_value\n" + "\n".join(monthly_rows(["a", "b", "c", "d"], months=48)) + "\n")
    for algorithm in ("deepar", "auto"):
        result = subprocess.run([SIBYL_BIN, "forecast", str(items), "--horizon", "4", "--period", "12",
                                 "--algorithm", algorithm], capture_output=True, text=True, timeout=120, check=True)
        lines = result.stdout.strip().splitlines()
        assert lines[0] == "item_id,step,mean,p10,p50,p90" and len(lines) == 1 + 4 * 4
        assert [line.split(",")[0] for line in lines[1::4]] == ["a", "b", "c", "d"]
        for line in lines[1:]:
            item, step, mean, low, middle, high = line.split(",")
            truth = 100 * ("abcd".index(item) + 1) + 0.8 * (47 + int(step)) + 15 * math.sin(2 * math.pi * (47 + int(step)) / 12)
            assert float(low) <= float(middle) <= float(high)
            assert abs(float(middle) - truth) < 0.1 * truth, (algorithm, line, truth)
    assert "item d model: median of ARIMA(" in result.stderr and "DeepAR" in result.stderr


def test_daily_data_are_aggregated_to_months_and_gaps_filled_as_asked(clients):
    forecast, query, s3 = clients
    import datetime

    # Two items of daily sales for three years; "steady" sells 10 a day, "gappy" 4 a day but skips every fifth day
    # and stops reporting two months before the end.
    start = datetime.date(2018, 1, 1)
    rows = []
    for day in range(3 * 365):
        date = start + datetime.timedelta(days=day)
        rows.append(f"{date.isoformat()},steady,10")
        if day % 5 != 4 and date < datetime.date(2020, 11, 1):
            rows.append(f"{date.isoformat()},gappy,4")
    dataset, group = group_with_import(forecast, s3, "daily", rows, frequency="D")

    def refused(**arguments):
        with pytest.raises(botocore.exceptions.ClientError) as error:
            forecast.create_auto_predictor(PredictorName=unique("bad"), ForecastHorizon=3,
                                           DataConfig={"DatasetGroupArn": group, **arguments.pop("data", {})}, **arguments)
        assert error.value.response["Error"]["Code"] == "InvalidInputException"
        return error.value.response["Error"]["Message"]

    assert "finer" in refused(ForecastFrequency="H")
    assert "ForecastFrequency is required" in refused()
    assert "middlefill nan" in refused(ForecastFrequency="M", data={"AttributeConfigs": [
        {"AttributeName": "target_value", "Transformations": {"middlefill": "nan"}}]})
    assert "price" in refused(ForecastFrequency="M", data={"AttributeConfigs": [
        {"AttributeName": "price", "Transformations": {"middlefill": "zero"}}]})
    assert "aggregation" in refused(ForecastFrequency="M", data={"AttributeConfigs": [
        {"AttributeName": "target_value", "Transformations": {"aggregation": "median"}}]})

    # Monthly sums, the missing days filled with the item's mean (4) and its missing last two months left out.
    transformations = {"aggregation": "sum", "middlefill": "mean", "backfill": "nan"}
    predictor = forecast.create_auto_predictor(
        PredictorName=unique("monthly"), ForecastHorizon=3, ForecastFrequency="M",
        DataConfig={"DatasetGroupArn": group, "AttributeConfigs": [
            {"AttributeName": "target_value", "Transformations": transformations}]})["PredictorArn"]
    described = wait(lambda: forecast.describe_auto_predictor(PredictorArn=predictor), predictor, timeout=300)
    assert described["Status"] == "ACTIVE", described.get("Message")
    assert described["DataConfig"]["AttributeConfigs"] == [
        {"AttributeName": "target_value", "Transformations": transformations}]
    made = forecast.create_forecast(ForecastName=unique("monthly"), PredictorArn=predictor)["ForecastArn"]
    assert wait(lambda: forecast.describe_forecast(ForecastArn=made), made)["Status"] == "ACTIVE"
    for item, daily in (("steady", 10), ("gappy", 4)):
        answer = query.query_forecast(ForecastArn=made, Filters={"item_id": item})["Forecast"]["Predictions"]["p50"]
        # Both items' forecasts start after the dataset's end (December 2020), in whole months.
        assert [point["Timestamp"] for point in answer] == [
            "2021-01-01T00:00:00", "2021-02-01T00:00:00", "2021-03-01T00:00:00"]
        for point, days in zip(answer, (31, 28, 31)):
            assert abs(point["Value"] - daily * days) < 0.1 * daily * days, (item, answer)


def test_forecast_dimensions_split_items_by_store(clients):
    forecast, query, s3 = clients
    schema = {"Attributes": [{"AttributeName": "timestamp", "AttributeType": "timestamp"},
                             {"AttributeName": "item_id", "AttributeType": "string"},
                             {"AttributeName": "store", "AttributeType": "string"},
                             {"AttributeName": "target_value", "AttributeType": "float"}]}
    levels = {("soap", "north"): 100, ("soap", "south"): 300, ("rope", "north"): 50}
    rows = [f"{2016 + m // 12}-{m % 12 + 1:02d}-01,{item},{store},{level + m % 3}"
            for (item, store), level in levels.items() for m in range(48)]
    dataset, group = group_with_import(forecast, s3, "stores", rows, schema=schema)
    common = dict(AlgorithmArn="arn:aws:forecast:::algorithm/ETS", ForecastHorizon=2,
                  InputDataConfig={"DatasetGroupArn": group})
    with pytest.raises(botocore.exceptions.ClientError) as unknown:
        forecast.create_predictor(PredictorName=unique("bad"), FeaturizationConfig={
            "ForecastFrequency": "M", "ForecastDimensions": ["region"]}, **common)
    assert unknown.value.response["Error"]["Code"] == "InvalidInputException" and "region" in unknown.value.response["Error"]["Message"]

    def forecast_of(dimensions):
        config = {"ForecastFrequency": "M", **({"ForecastDimensions": dimensions} if dimensions else {})}
        arn = forecast.create_predictor(PredictorName=unique("stores"), FeaturizationConfig=config, **common)["PredictorArn"]
        described = wait(lambda: forecast.describe_predictor(PredictorArn=arn), arn)
        assert described["Status"] == "ACTIVE", described.get("Message")
        assert described["FeaturizationConfig"].get("ForecastDimensions") == dimensions
        made = forecast.create_forecast(ForecastName=unique("stores"), PredictorArn=arn)["ForecastArn"]
        assert wait(lambda: forecast.describe_forecast(ForecastArn=made), made)["Status"] == "ACTIVE"
        return made

    def level(made, **filters):
        return query.query_forecast(ForecastArn=made, Filters=filters)["Forecast"]["Predictions"]["p50"][0]["Value"]

    by_store = forecast_of(["store"])
    assert abs(level(by_store, item_id="soap", store="north") - 101) < 3
    assert abs(level(by_store, item_id="soap", store="south") - 301) < 3
    for filters, code in (({"item_id": "soap"}, "InvalidInputException"),
                          ({"item_id": "soap", "store": "east"}, "ResourceNotFoundException"),
                          ({"item_id": "soap", "store": "north", "colour": "red"}, "InvalidInputException")):
        with pytest.raises(botocore.exceptions.ClientError) as refused:
            query.query_forecast(ForecastArn=by_store, Filters=filters)
        assert refused.value.response["Error"]["Code"] == code
    prefix = f"exports/{uuid.uuid4().hex[:6]}"
    export = forecast.create_forecast_export_job(
        ForecastExportJobName=unique("stores"), ForecastArn=by_store,
        Destination={"S3Config": {"Path": f"s3://forecast-data/{prefix}", "RoleArn": ROLE}})["ForecastExportJobArn"]
    assert wait(lambda: forecast.describe_forecast_export_job(ForecastExportJobArn=export), export)["Status"] == "ACTIVE"
    exported = s3.list_objects_v2(Bucket="forecast-data", Prefix=prefix)["Contents"][0]["Key"]
    lines = s3.get_object(Bucket="forecast-data", Key=exported)["Body"].read().decode().splitlines()
    assert lines[0] == "item_id,store,date,p10,p50,p90" and len(lines) == 1 + 3 * 2
    assert sorted({tuple(line.split(",")[:2]) for line in lines[1:]}) == [("rope", "north"), ("soap", "north"), ("soap", "south")]

    # Without the dimension, an item's stores are summed into one series.
    by_item = forecast_of(None)
    assert abs(level(by_item, item_id="soap") - 402) < 6


def test_deep_ar_plus_reads_related_time_series_through_the_horizon(clients):
    forecast, query, s3 = clients
    rng = random.Random(5)
    items = [f"shop{n}" for n in range(5)]
    future = [1, 0, 0, 1, 0, 1]  # promotions planned in the six forecast months
    promotion = {item: [rng.random() < 0.3 for _ in range(60)] + future for item in items}
    target_rows, related_rows = [], []
    for number, item in enumerate(items):
        for month in range(66):
            stamp = f"{2015 + month // 12}-{month % 12 + 1:02d}-01"
            related_rows.append(f"{stamp},{item},{int(promotion[item][month])}")
            if month < 60:
                value = 100 * (number + 1) * (1 + 0.6 * promotion[item][month]) + rng.gauss(0, 2)
                target_rows.append(f"{stamp},{item},{value:.2f}")
    dataset, imported = dataset_with_import(forecast, s3, target_rows)
    assert imported["Status"] == "ACTIVE"
    related_schema = {"Attributes": [{"AttributeName": "timestamp", "AttributeType": "timestamp"},
                                     {"AttributeName": "item_id", "AttributeType": "string"},
                                     {"AttributeName": "promotion", "AttributeType": "integer"}]}
    with pytest.raises(botocore.exceptions.ClientError) as no_field:
        forecast.create_dataset(DatasetName=unique("related"), Domain="CUSTOM", DatasetType="RELATED_TIME_SERIES",
                                DataFrequency="M", Schema={"Attributes": related_schema["Attributes"][:2]})
    assert no_field.value.response["Error"]["Code"] == "InvalidInputException"
    related, imported = dataset_with_import(forecast, s3, related_rows, schema=related_schema,
                                            dataset_type="RELATED_TIME_SERIES")
    assert imported["Status"] == "ACTIVE"
    # With the US holiday calendar as well, the network reads the promotion and the month's holiday days together.
    for supplementary in (None, [{"Name": "holiday", "Value": "US"}]):
        made = deep_ar_forecast(forecast, [dataset, related], horizon=6, epochs=400, supplementary=supplementary)
        for number in (1, 3):
            median = [point["Value"] for point in query.query_forecast(
                ForecastArn=made, Filters={"item_id": f"shop{number}"})["Forecast"]["Predictions"]["p50"]]
            promoted = [value for value, planned in zip(median, future) if planned]
            plain = [value for value, planned in zip(median, future) if not planned]
            # The planned promotions lift the forecast as they lifted the history (by 60%).
            assert min(promoted) > 1.3 * max(plain), (supplementary, median)


def test_item_metadata_is_imported_and_read_by_deep_ar_plus(clients):
    forecast, query, s3 = clients
    items = ["north", "south", "east"]
    dataset, imported = dataset_with_import(forecast, s3, monthly_rows(items, months=48))
    assert imported["Status"] == "ACTIVE"
    schema = {"Attributes": [{"AttributeName": "item_id", "AttributeType": "string"},
                             {"AttributeName": "region", "AttributeType": "string"},
                             {"AttributeName": "floor_area", "AttributeType": "float"}]}
    metadata = forecast.create_dataset(DatasetName=unique("stores"), Domain="CUSTOM", DatasetType="ITEM_METADATA",
                                       Schema=schema)["DatasetArn"]

    def import_metadata(body):
        key = f"{uuid.uuid4().hex}.csv"
        s3.put_object(Bucket="forecast-data", Key=key, Body=body.encode())
        job = forecast.create_dataset_import_job(
            DatasetImportJobName=unique("import"), DatasetArn=metadata,
            DataSource={"S3Config": {"Path": f"s3://forecast-data/{key}", "RoleArn": ROLE}})["DatasetImportJobArn"]
        return wait(lambda: forecast.describe_dataset_import_job(DatasetImportJobArn=job), job)

    failed = import_metadata("north,coast,120\nsouth,inland,large\n")
    assert failed["Status"] == "CREATE_FAILED" and "row 2: 'large' is not a number" in failed["Message"]
    assert import_metadata("north,coast,120\nsouth,inland,80\neast,coast,95\n")["Status"] == "ACTIVE"
    made = deep_ar_forecast(forecast, [dataset, metadata], horizon=3, epochs=200)
    median = query.query_forecast(ForecastArn=made, Filters={"item_id": "south"})["Forecast"]["Predictions"]["p50"]
    expected = [200 + 0.8 * (48 + step) + 15 * math.sin(2 * math.pi * (48 + step) / 12) for step in range(3)]
    for point, truth in zip(median, expected):
        assert abs(point["Value"] - truth) < 0.1 * truth


def us_holidays():
    """The US holiday days of the calendar the server reads (Scripts/setup writes Models/holidays)."""
    import pathlib
    calendar = pathlib.Path(__file__).resolve().parents[2] / "Models" / "holidays" / "US.tsv"
    return {line.split("\t")[0] for line in calendar.read_text().splitlines()}


def test_the_holiday_featurization_lifts_forecasts_on_the_countrys_holidays(clients):
    forecast, query, s3 = clients
    import datetime

    # Two years of daily sales: 100 a day, 20 more on Saturdays, 60 more on every US public holiday, a little noise.
    holidays = us_holidays()
    rng = random.Random(5)
    start = datetime.date(2022, 1, 1)
    rows = []
    for day in range(2 * 365):
        date = start + datetime.timedelta(days=day)
        value = 100 + (20 if date.weekday() == 5 else 0) + (60 if date.isoformat() in holidays else 0) + rng.gauss(0, 2)
        rows.append(f"{date.isoformat()},shop,{value:.2f}")
    dataset, group = group_with_import(forecast, s3, "holidays", rows, frequency="D")
    common = dict(AlgorithmArn="arn:aws:forecast:::algorithm/Prophet", ForecastHorizon=16,
                  FeaturizationConfig={"ForecastFrequency": "D"})

    def refused(features):
        with pytest.raises(botocore.exceptions.ClientError) as error:
            forecast.create_predictor(PredictorName=unique("bad"), **common, InputDataConfig={
                "DatasetGroupArn": group, "SupplementaryFeatures": features})
        assert error.value.response["Error"]["Code"] == "InvalidInputException"
        return error.value.response["Error"]["Message"]

    assert "Weather" in refused([{"Name": "weather", "Value": "true"}])
    assert "XX" in refused([{"Name": "holiday", "Value": "XX"}])
    assert "holiday twice" in refused([{"Name": "holiday", "Value": "US"}, {"Name": "holiday", "Value": "DE"}])

    def january_forecast(features):
        config = {"DatasetGroupArn": group, **({"SupplementaryFeatures": features} if features else {})}
        arn = forecast.create_predictor(PredictorName=unique("prophet"), InputDataConfig=config, **common)["PredictorArn"]
        described = wait(lambda: forecast.describe_predictor(PredictorArn=arn), arn, timeout=300)
        assert described["Status"] == "ACTIVE", described.get("Message")
        assert described["InputDataConfig"].get("SupplementaryFeatures") == features
        made = forecast.create_forecast(ForecastName=unique("prophet"), PredictorArn=arn)["ForecastArn"]
        assert wait(lambda: forecast.describe_forecast(ForecastArn=made), made)["Status"] == "ACTIVE"
        points = query.query_forecast(ForecastArn=made, Filters={"item_id": "shop"})["Forecast"]["Predictions"]["p50"]
        return {point["Timestamp"][:10]: point["Value"] for point in points}

    # 2024 opens with New Year's Day (a Monday); Martin Luther King Jr. Day is Monday 15 January.
    with_holidays = january_forecast([{"Name": "holiday", "Value": "US"}])
    without = january_forecast(None)
    ordinary_monday = with_holidays["2024-01-08"]
    for holiday in ("2024-01-01", "2024-01-15"):
        assert with_holidays[holiday] - ordinary_monday > 40, with_holidays
        assert abs(without[holiday] - without["2024-01-08"]) < 15, without
    assert abs(with_holidays["2024-01-13"] - ordinary_monday - 20) < 8, with_holidays  # the Saturday lift stays

    # The AutoPredictor takes the calendar as an additional dataset, checks it, and echoes it.
    def auto_refused(datasets, frequency="D"):
        with pytest.raises(botocore.exceptions.ClientError) as error:
            forecast.create_auto_predictor(PredictorName=unique("bad"), ForecastHorizon=7, ForecastFrequency=frequency,
                                           DataConfig={"DatasetGroupArn": group, "AdditionalDatasets": datasets})
        assert error.value.response["Error"]["Code"] == "InvalidInputException"
        return error.value.response["Error"]["Message"]

    assert "CountryCode" in auto_refused([{"Name": "holiday", "Configuration": {"CountryCode": ["US", "DE"]}}])
    assert "5min to 1M" in auto_refused([{"Name": "holiday", "Configuration": {"CountryCode": ["US"]}}], frequency="Y")
    datasets = [{"Name": "holiday", "Configuration": {"CountryCode": ["US"]}}]
    arn = forecast.create_auto_predictor(PredictorName=unique("auto"), ForecastHorizon=7, ForecastFrequency="D",
                                         DataConfig={"DatasetGroupArn": group, "AdditionalDatasets": datasets})["PredictorArn"]
    described = wait(lambda: forecast.describe_auto_predictor(PredictorArn=arn), arn, timeout=300)
    assert described["Status"] == "ACTIVE", described.get("Message")
    assert described["DataConfig"]["AdditionalDatasets"] == datasets
