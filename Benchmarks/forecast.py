#!/usr/bin/env python3
"""Forecasting accuracy and speed: Sibyl's AutoETS and AutoARIMA beside R's forecast::ets and forecast::auto.arima
(Debian's r-cran-forecast), and M4's Naive2, on the same real series in the same run.

    Benchmarks/forecast.py [--sibyl .build/release/sibyl] [--show]

Series: every univariate monthly, quarterly and yearly series of length 24 or more in R's `datasets` and
`forecast` packages (as Rscript lists them), the last h values held out: h = 18 monthly, 8 quarterly, 6 yearly
(the M4 horizons). Measures, as the M4 competition defines them: mean sMAPE, mean MASE (scaled by the in-sample
seasonal naive error), and OWA = (sMAPE / sMAPE of Naive2 + MASE / MASE of Naive2) / 2 over the whole set (below 1
beats Naive2). Time: wall-clock seconds to fit and forecast every series; for Sibyl that is one `sibyl forecast`
process per series (start-up included), for R the loop inside one Rscript process (its start-up not counted).
Also the share of held-out values inside the 80% interval of "Sibyl auto" (p10–p90 of 1,000 simulated paths). "Sibyl
auto" is `--algorithm auto`, the AutoPredictor's per-item choice (AutoARIMA, or NPTS for intermittent series).
"""

import argparse
import json
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time

REPO = pathlib.Path(__file__).resolve().parents[1]



LIST_AND_FIT_R = r"""
suppressMessages(library(forecast))
found <- list()
for (pkg in c("datasets", "forecast")) {
  names <- data(package = pkg)$results[, "Item"]
  for (name in names) {
    name <- sub(" .*", "", name)
    env <- new.env()
    ok <- tryCatch({ data(list = name, package = pkg, envir = env); TRUE }, error = function(e) FALSE, warning = function(w) FALSE)
    if (!ok || !exists(name, envir = env)) next
    x <- get(name, envir = env)
    if (!is.ts(x) || !is.null(dim(x)) || !(frequency(x) %in% c(1, 4, 12)) || length(x) < 24 || any(is.na(x))) next
    found[[paste(pkg, name, sep = "::")]] <- x
  }
}
horizon <- function(x) switch(as.character(frequency(x)), "12" = 18, "4" = 8, "1" = 6)
out <- list()
timing <- c(ets = 0, arima = 0)
for (key in names(found)) {
  x <- found[[key]]; h <- horizon(x)
  train <- ts(head(as.numeric(x), -h), frequency = frequency(x))
  t0 <- proc.time()[["elapsed"]]
  fe <- tryCatch(as.numeric(forecast(ets(train), h = h)$mean), error = function(e) rep(tail(train, 1), h))
  t1 <- proc.time()[["elapsed"]]
  fa <- tryCatch(as.numeric(forecast(auto.arima(train), h = h)$mean), error = function(e) rep(tail(train, 1), h))
  t2 <- proc.time()[["elapsed"]]
  timing[["ets"]] <- timing[["ets"]] + (t1 - t0); timing[["arima"]] <- timing[["arima"]] + (t2 - t1)
  out[[length(out) + 1]] <- sprintf('{"name":"%s","period":%d,"values":[%s],"horizon":%d,"ets":[%s],"arima":[%s]}',
    key, frequency(x), paste(format(as.numeric(x), digits = 15), collapse = ","), h,
    paste(format(fe, digits = 15), collapse = ","), paste(format(fa, digits = 15), collapse = ","))
}
cat(sprintf('{"ets_seconds":%f,"arima_seconds":%f,"series":[%s]}', timing[["ets"]], timing[["arima"]], paste(out, collapse = ",")))
"""


def smape(actual, forecast):
    return statistics.mean(0 if abs(a) + abs(f) == 0 else 200 * abs(a - f) / (abs(a) + abs(f)) for a, f in zip(actual, forecast))


def mase(history, actual, forecast, period):
    lag = period if len(history) > period else 1
    scale = statistics.mean(abs(history[i] - history[i - lag]) for i in range(lag, len(history)))
    return statistics.mean(abs(a - f) for a, f in zip(actual, forecast)) / max(scale, 1e-12)


def run_sibyl(sibyl, values, period, horizon, algorithm, work, *extra):
    path = work / "series.csv"
    path.write_text("value\n" + "\n".join(repr(v) for v in values) + "\n")
    result = subprocess.run([sibyl, "forecast", str(path), "--horizon", str(horizon), "--period", str(period),
                             "--algorithm", algorithm, *extra], capture_output=True, text=True)
    if result.returncode != 0:
        return None, None
    rows = [line.split(",") for line in result.stdout.strip().splitlines()[1:]]
    return [float(r[1]) for r in rows], [(float(r[2]), float(r[4])) for r in rows]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sibyl", default=str(REPO / ".build" / "release" / "sibyl"))
    parser.add_argument("--show", action="store_true")
    options = parser.parse_args()

    r = json.loads(subprocess.run(["Rscript", "-e", LIST_AND_FIT_R], capture_output=True, text=True, check=True).stdout)
    series = r["series"]
    scores = {name: {"smape": [], "mase": []}
              for name in ("sibyl", "sibyl_arima", "sibyl_arima_ml", "prophet", "auto", "ets", "arima", "naive2")}
    inside = total = 0
    sibyl_seconds = auto_seconds = arima_seconds = arima_ml_seconds = prophet_seconds = 0.0
    with tempfile.TemporaryDirectory() as work:
        work = pathlib.Path(work)
        for entry in series:
            values, h, period = entry["values"], entry["horizon"], entry["period"]
            history, actual = values[:-h], values[-h:]
            started = time.perf_counter()
            ours, bands = run_sibyl(options.sibyl, history, period, h, "ets", work)
            sibyl_seconds += time.perf_counter() - started
            naive2, _ = run_sibyl(options.sibyl, history, period, h, "naive2", work)
            started = time.perf_counter()
            auto, auto_bands = run_sibyl(options.sibyl, history, period, h, "auto", work)
            auto_seconds += time.perf_counter() - started
            started = time.perf_counter()
            our_arima, _ = run_sibyl(options.sibyl, history, period, h, "arima", work)
            arima_seconds += time.perf_counter() - started
            started = time.perf_counter()
            arima_ml, _ = run_sibyl(options.sibyl, history, period, h, "arima", work, "--arima-estimation", "ml")
            arima_ml_seconds += time.perf_counter() - started
            started = time.perf_counter()
            prophet, _ = run_sibyl(options.sibyl, history, period, h, "prophet", work)
            prophet_seconds += time.perf_counter() - started
            if ours is None:  # too short for any ETS model: Sibyl answers an error; score it as Naive2
                ours, bands = naive2, None
            auto = auto or naive2
            our_arima = our_arima or naive2
            arima_ml = arima_ml or naive2
            prophet = prophet or naive2
            forecasts = {"sibyl": ours, "sibyl_arima": our_arima, "sibyl_arima_ml": arima_ml, "prophet": prophet, "auto": auto, "ets": entry["ets"], "arima": entry["arima"], "naive2": naive2}
            for name, forecast in forecasts.items():
                scores[name]["smape"].append(smape(actual, forecast))
                scores[name]["mase"].append(mase(history, actual, forecast, period))
            if auto_bands:
                inside += sum(low <= a <= high for a, (low, high) in zip(actual, auto_bands))
                total += len(actual)
            if options.show:
                print(f"{entry['name']:<32} m={period:<2} n={len(history):<4} sMAPE sibyl {smape(actual, ours):6.2f} "
                      f"sibyl-arima {smape(actual, our_arima):6.2f} "
                      f"ets {smape(actual, entry['ets']):6.2f} arima {smape(actual, entry['arima']):6.2f} "
                      f"naive2 {smape(actual, naive2):6.2f}")

    def owa(name):
        return (statistics.mean(scores[name]["smape"]) / statistics.mean(scores["naive2"]["smape"])
                + statistics.mean(scores[name]["mase"]) / statistics.mean(scores["naive2"]["mase"])) / 2

    print(f"{len(series)} series (R datasets and forecast packages; monthly, quarterly, yearly; length >= 24)")
    print(f"{'method':<28} {'sMAPE':>7} {'MASE':>7} {'OWA':>7} {'seconds':>8}")
    seconds = {"sibyl": sibyl_seconds, "sibyl_arima": arima_seconds, "sibyl_arima_ml": arima_ml_seconds,
               "prophet": prophet_seconds,
               "auto": auto_seconds, "ets": r["ets_seconds"], "arima": r["arima_seconds"],
               "naive2": float("nan")}
    labels = {"sibyl": "Sibyl AutoETS", "sibyl_arima": "Sibyl AutoARIMA (CSS)", "sibyl_arima_ml": "Sibyl AutoARIMA (ML)",
              "prophet": "Sibyl Prophet-like",
              "auto": "Sibyl auto (AutoPredictor)", "ets": "R forecast::ets",
              "arima": "R forecast::auto.arima", "naive2": "Naive2"}
    for name, label in labels.items():
        print(f"{label:<28} {statistics.mean(scores[name]['smape']):>7.3f} {statistics.mean(scores[name]['mase']):>7.3f} "
              f"{owa(name):>7.3f} {seconds[name]:>8.2f}")
    if total:
        print(f"Sibyl auto 80% interval coverage: {inside / total:.3f} of {total} held-out values")


if __name__ == "__main__":
    main()
