import Foundation
import SibylCore

extension ForecastPlugin {
    /// CreateForecastExportJob: the forecast as CSV in the S3 stand-in, named as AWS names it.
    func createForecastExportJob(_ input: CreateForecastExportJobRequest, context: OperationContext) async throws
        -> ExportJobArnResponse
    {
        let forecast = try existing(StoredForecast.self, .forecast, arn: input.ForecastArn, context: context)
        guard forecast.status == ForecastStatus.active else {
            throw ServiceError(code: "ResourceInUseException", message: "The forecast \(forecast.arn) is \(forecast.status), not ACTIVE.")
        }
        guard (input.Format ?? "CSV") == "CSV" else {
            throw ForecastLimits.invalid("Format \(input.Format!) is not supported here: forecasts are exported as CSV.")
        }
        let path = input.Destination.S3Config.Path
        guard let address = try? S3URI(parsing: path), try context.blobs.bucketExists(address.bucket) else {
            throw ForecastLimits.invalid("The destination \(path) is not an s3:// path to an existing bucket.")
        }
        let arn = "arn:aws:forecast:\(context.gateway.configuration.region):000000000000:forecast-export-job/\(forecast.name)/\(input.ForecastExportJobName)"
        let now = Date()
        let job = StoredExportJob(
            name: input.ForecastExportJobName, arn: arn, forecastArn: forecast.arn, path: path,
            roleArn: input.Destination.S3Config.RoleArn, status: ForecastStatus.pending, message: nil, created: now, modified: now)
        guard try context.resources.putForecastResource(job, .exportJob, arn: arn, createOnly: true) else {
            throw Self.alreadyExists(arn)
        }
        try await enqueue(.exportJob, arn: arn, context: context)
        return ExportJobArnResponse(ForecastExportJobArn: arn)
    }

    func describeForecastExportJob(_ input: ExportJobArnRequest, context: OperationContext) throws
        -> DescribeForecastExportJobResponse
    {
        let job = try existing(StoredExportJob.self, .exportJob, arn: input.ForecastExportJobArn, context: context)
        return DescribeForecastExportJobResponse(
            ForecastExportJobArn: job.arn, ForecastExportJobName: job.name, ForecastArn: job.forecastArn,
            Destination: DataDestination(S3Config: S3Config(Path: job.path, RoleArn: job.roleArn)), Message: job.message,
            Status: job.status, CreationTime: job.created, LastModificationTime: job.modified, Format: "CSV")
    }

    func listForecastExportJobs(_ input: ListRequest, context: OperationContext) throws -> ListForecastExportJobsResponse {
        let page = try Self.page(
            try all(StoredExportJob.self, .exportJob, context: context), input, keys: ["ForecastArn", "Status"],
            id: \.arn
        ) {
            ["ForecastArn": $0.forecastArn, "Status": $0.status]
        }
        return ListForecastExportJobsResponse(
            ForecastExportJobs: page.items.map {
                ForecastExportJobSummary(
                    ForecastExportJobArn: $0.arn, ForecastExportJobName: $0.name,
                    Destination: DataDestination(S3Config: S3Config(Path: $0.path, RoleArn: $0.roleArn)), Status: $0.status,
                    Message: $0.message, CreationTime: $0.created, LastModificationTime: $0.modified)
            }, NextToken: page.nextToken)
    }
}

/// The CSV an export writes: `item_id,<dimensions…>,date,<type>…` with one row per series and time, dates as AWS
/// writes them.
enum ForecastExportFile {
    static func csv(_ predictions: StoredPredictions, types: [String]) -> String {
        let keys = types.map(ForecastLimits.predictionKey)
        let dimensions = predictions.dimensions ?? []
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        var lines = [(["item_id"] + dimensions + ["date"] + keys).joined(separator: ",")]
        for encoded in predictions.start.keys.sorted() {
            guard let times = predictions.start[encoded], let values = predictions.values[encoded] else { continue }
            let series = SeriesKey(encoded: encoded)
            let identity = ([series.item] + dimensions.map { series.dimensions[$0] ?? "" }).map(Self.quoted)
            for (step, time) in times.enumerated() {
                let cells = keys.map { values[$0].map { String($0[step]) } ?? "" }
                lines.append((identity + [formatter.string(from: time)] + cells).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The object key: `<prefix>/<job>_<yyyy-MM-ddTHH-mm-ssZ>_part0.csv`.
    static func key(prefix: String, job: String, at date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd'T'HH-mm-ss'Z'"
        let folder = prefix.isEmpty || prefix.hasSuffix("/") ? prefix : prefix + "/"
        return "\(folder)\(job)_\(formatter.string(from: date))_part0.csv"
    }

    static func quoted(_ cell: String) -> String {
        cell.contains(",") || cell.contains("\"") ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
    }
}
