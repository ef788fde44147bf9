#!/usr/bin/env python3
"""The whole Amazon Forecast workflow through boto3, timed, on the series of Benchmarks/forecast.py.

    Benchmarks/forecast_workflow.py [--sibyl .build/release/sibyl]

Per season length (monthly, quarterly, yearly), one dataset: the series' histories (the last h values held out, as
in Benchmarks/forecast.py; all ending at the same time, from January 1800 on) uploaded as one CSV to the S3 stand-in, imported, an AutoPredictor trained (with its
backtest), a forecast created, and every item queried with QueryForecast. Prints the wall-clock seconds of the
whole workflow (server start not counted) and the accuracy of the queried means (sMAPE, MASE, OWA against Naive2
as `sibyl forecast --algorithm naive2` computes it).
"""

import argparse
import datetime
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time
import uuid

import botocore.config
import boto3

REPO = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "Benchmarks"))
sys.path.insert(0, str(REPO / "Tests" / "Conformance"))

import forecast as benchmark  # noqa: E402  (the series and measures of Benchmarks/forecast.py)
import conftest  # noqa: E402  (the test suite's server runner)

FREQUENCIES = {12: "M", 4: "3M", 1: "Y"}
ROLE = "arn:aws:iam::000000000000:role/ForecastRole"
SCHEMA = {"Attributes": [{"AttributeName": "timestamp", "AttributeType": "timestamp"},
                         {"AttributeName": "item_id", "AttributeType": "string"},
                         {"AttributeName": "target_value", "AttributeType": "float"}]}


def stamps(period, first, count):
    """`count` timestamps, one a month, quarter or year, the first `first` periods after January 1800."""
    months = 12 // period
    return [f"{1800 + (i * months) // 12:04d}-{(i * months) % 12 + 1:02d}-01" for i in range(first, first + count)]


def wait(describe):
    while True:
        resource = describe()
        if resource["Status"] in ("ACTIVE", "CREATE_FAILED"):
            if resource["Status"] == "CREATE_FAILED":
                raise RuntimeError(resource.get("Message"))
            return resource
        time.sleep(0.2)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sibyl", default=str(REPO / ".build" / "release" / "sibyl"))
    options = parser.parse_args()

    with tempfile.TemporaryDirectory() as work:
        work = pathlib.Path(work)
        m1 = work / "m1.csv"
        m1.write_text("".join(name + "," + ",".join(repr(v) for v in values) + "\n"
                              for name, values in benchmark.m1_yearly_series()))
        series = __import__("json").loads(subprocess.run(
            ["Rscript", "-e", benchmark.FIT_R, str(m1)], capture_output=True, text=True, check=True).stdout)["series"]
        naive2, _ = benchmark.run_sibyl(options.sibyl, series, ["--algorithm", "naive2"], work)

        conftest.SIBYL_BIN = options.sibyl
        server = conftest.Server(work / "data").start()
        try:
            config = botocore.config.Config(retries={"max_attempts": 1}, s3={"addressing_style": "path"})
            clients = {name: boto3.client(name, endpoint_url=server.url, config=config, **conftest.DUMMY)
                       for name in ("s3", "forecast", "forecastquery")}
            s3, forecast, query = clients["s3"], clients["forecast"], clients["forecastquery"]
            s3.create_bucket(Bucket="bench")
            started = time.perf_counter()
            ours = {}
            for period, frequency in FREQUENCIES.items():
                group_series = [entry for entry in series if entry["period"] == period]
                h = benchmark.HORIZONS[period]
                # Every item ends at the dataset's end, as real data do (an item ending earlier would be back-filled
                # with zeros up to it, Forecast's default).
                longest = max(len(entry["values"]) - h for entry in group_series)
                rows = [f"{stamp},{entry['name']},{value!r}" for entry in group_series
                        for stamp, value in zip(stamps(period, longest - (len(entry["values"]) - h),
                                                       len(entry["values"]) - h), entry["values"][:-h])]
                key = f"{uuid.uuid4().hex}.csv"
                s3.put_object(Bucket="bench", Key=key, Body="\n".join(rows).encode())
                name = f"bench_{period}_{uuid.uuid4().hex[:6]}"
                dataset = forecast.create_dataset(DatasetName=name, Domain="CUSTOM", DatasetType="TARGET_TIME_SERIES",
                                                  DataFrequency=frequency, Schema=SCHEMA)["DatasetArn"]
                job = forecast.create_dataset_import_job(
                    DatasetImportJobName=name, DatasetArn=dataset, TimestampFormat="yyyy-MM-dd",
                    DataSource={"S3Config": {"Path": f"s3://bench/{key}", "RoleArn": ROLE}})["DatasetImportJobArn"]
                wait(lambda: forecast.describe_dataset_import_job(DatasetImportJobArn=job))
                group = forecast.create_dataset_group(DatasetGroupName=name, Domain="CUSTOM",
                                                      DatasetArns=[dataset])["DatasetGroupArn"]
                predictor = forecast.create_auto_predictor(
                    PredictorName=name, ForecastHorizon=h, ForecastFrequency=frequency,
                    ForecastTypes=["0.1", "0.5", "0.9", "mean"], DataConfig={"DatasetGroupArn": group})["PredictorArn"]
                wait(lambda: forecast.describe_auto_predictor(PredictorArn=predictor))
                made = forecast.create_forecast(ForecastName=name, PredictorArn=predictor)["ForecastArn"]
                wait(lambda: forecast.describe_forecast(ForecastArn=made))
                for entry in group_series:
                    answer = query.query_forecast(ForecastArn=made, Filters={"item_id": entry["name"]})
                    ours[entry["name"]] = [point["Value"] for point in answer["Forecast"]["Predictions"]["mean"]]
            seconds = time.perf_counter() - started
        finally:
            server.stop()

    scores = {"sibyl": {"smape": [], "mase": []}, "naive2": {"smape": [], "mase": []}}
    for entry in series:
        h, period = entry["horizon"], entry["period"]
        history, actual = entry["values"][:-h], entry["values"][-h:]
        for method, forecast_values in (("sibyl", ours[entry["name"]]), ("naive2", naive2[entry["name"]][0])):
            scores[method]["smape"].append(benchmark.smape(actual, forecast_values))
            scores[method]["mase"].append(benchmark.mase(history, actual, forecast_values, period))
    owa = (statistics.mean(scores["sibyl"]["smape"]) / statistics.mean(scores["naive2"]["smape"])
           + statistics.mean(scores["sibyl"]["mase"]) / statistics.mean(scores["naive2"]["mase"])) / 2
    print(f"{len(series)} series in 3 datasets: import, AutoPredictor (with backtest), forecast and "
          f"{len(series)} queries in {seconds:.1f} s")
    print(f"AutoPredictor through the API: sMAPE {statistics.mean(scores['sibyl']['smape']):.3f} "
          f"MASE {statistics.mean(scores['sibyl']['mase']):.3f} OWA {owa:.3f}")


if __name__ == "__main__":
    main()
