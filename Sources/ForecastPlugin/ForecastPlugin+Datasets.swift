import Foundation
import Forecasting
import SibylCore

extension ForecastPlugin {
    func createDatasetGroup(_ input: CreateDatasetGroupRequest, context: OperationContext) throws -> DatasetGroupArnResponse {
        let arn = context.forecastARN(.datasetGroup, input.DatasetGroupName)
        try checkMembers(input.DatasetArns ?? [], domain: input.Domain, context: context)
        let now = Date()
        let group = StoredDatasetGroup(
            name: input.DatasetGroupName, arn: arn, domain: input.Domain, datasetArns: input.DatasetArns ?? [], created: now,
            modified: now)
        guard try context.resources.putForecastResource(group, .datasetGroup, arn: arn, createOnly: true) else {
            throw Self.alreadyExists(arn)
        }
        return DatasetGroupArnResponse(DatasetGroupArn: arn)
    }

    func describeDatasetGroup(_ input: DatasetGroupArnRequest, context: OperationContext) throws -> DescribeDatasetGroupResponse {
        let group = try existing(StoredDatasetGroup.self, .datasetGroup, arn: input.DatasetGroupArn, context: context)
        return DescribeDatasetGroupResponse(
            DatasetGroupName: group.name, DatasetGroupArn: group.arn, DatasetArns: group.datasetArns, Domain: group.domain,
            Status: ForecastStatus.active, CreationTime: group.created, LastModificationTime: group.modified)
    }

    func updateDatasetGroup(_ input: UpdateDatasetGroupRequest, context: OperationContext) throws -> NoOutput {
        var group = try existing(StoredDatasetGroup.self, .datasetGroup, arn: input.DatasetGroupArn, context: context)
        try checkMembers(input.DatasetArns, domain: group.domain, context: context)
        group.datasetArns = input.DatasetArns
        group.modified = Date()
        _ = try context.resources.putForecastResource(group, .datasetGroup, arn: group.arn)
        return NoOutput()
    }

    /// A group's datasets must exist, share the group's domain, and be one of each type at most (a group holds one
    /// target time series, and at most one related time series and one item metadata dataset).
    private func checkMembers(_ arns: [String], domain: String, context: OperationContext) throws {
        var types: [String: String] = [:]
        for arn in arns {
            let dataset = try existing(StoredDataset.self, .dataset, arn: arn, context: context)
            guard dataset.domain == domain else {
                throw ForecastLimits.invalid(
                    "The dataset \(arn) is in the \(dataset.domain) domain, the group in \(domain): they must match.")
            }
            if let other = types.updateValue(arn, forKey: dataset.datasetType) {
                let problem = other == arn ? "\(arn) is given twice" : "\(other) and \(arn) are both one"
                throw ForecastLimits.invalid(
                    "A dataset group holds one \(dataset.datasetType) dataset at most: \(problem).")
            }
        }
    }

    func createDataset(_ input: CreateDatasetRequest, context: OperationContext) throws -> DatasetArnResponse {
        guard ["TARGET_TIME_SERIES", "RELATED_TIME_SERIES", "ITEM_METADATA"].contains(input.DatasetType) else {
            throw ForecastLimits.invalid("DatasetType must be TARGET_TIME_SERIES, RELATED_TIME_SERIES or ITEM_METADATA.")
        }
        let attributes = input.Schema.Attributes ?? []
        try DatasetSchema.check(attributes, type: input.DatasetType, domain: input.Domain)
        if input.DatasetType != "ITEM_METADATA" {
            guard let frequency = input.DataFrequency, TimeFrequency(frequency) != nil else {
                throw ForecastLimits.invalid(
                    "DataFrequency \(input.DataFrequency ?? "(missing)") is not valid: use Y, M, W, D, H, 30min, 15min, 10min, 5min or 1min, optionally with a count (e.g. 3M).")
            }
        }
        let arn = context.forecastARN(.dataset, input.DatasetName)
        let now = Date()
        let dataset = StoredDataset(
            name: input.DatasetName, arn: arn, domain: input.Domain, datasetType: input.DatasetType,
            frequency: input.DataFrequency, attributes: attributes, created: now, modified: now)
        guard try context.resources.putForecastResource(dataset, .dataset, arn: arn, createOnly: true) else {
            throw Self.alreadyExists(arn)
        }
        return DatasetArnResponse(DatasetArn: arn)
    }

    func describeDataset(_ input: DatasetArnRequest, context: OperationContext) throws -> DescribeDatasetResponse {
        let dataset = try existing(StoredDataset.self, .dataset, arn: input.DatasetArn, context: context)
        return DescribeDatasetResponse(
            DatasetArn: dataset.arn, DatasetName: dataset.name, Domain: dataset.domain, DatasetType: dataset.datasetType,
            DataFrequency: dataset.frequency, Schema: Schema(Attributes: dataset.attributes),
            Status: try importStatus(of: dataset.arn, context: context), CreationTime: dataset.created,
            LastModificationTime: dataset.modified)
    }

    /// A dataset's status: UPDATE_PENDING or UPDATE_IN_PROGRESS while an import job loads it (as AWS reflects the
    /// import's status on the dataset), ACTIVE otherwise.
    private func importStatus(of datasetArn: String, context: OperationContext) throws -> String {
        guard let running = try runningImport(of: datasetArn, context: context) else { return ForecastStatus.active }
        return running.status == ForecastStatus.inProgress ? "UPDATE_IN_PROGRESS" : "UPDATE_PENDING"
    }

    /// The import job loading the dataset now (a dataset takes one at a time), if any.
    private func runningImport(of datasetArn: String, context: OperationContext) throws -> StoredImportJob? {
        try all(StoredImportJob.self, .importJob, context: context)
            .first { $0.datasetArn == datasetArn && ForecastStatus.isBuilding($0.status) }
    }

    func createDatasetImportJob(_ input: CreateDatasetImportJobRequest, context: OperationContext) async throws
        -> ImportJobArnResponse
    {
        let dataset = try existing(StoredDataset.self, .dataset, arn: input.DatasetArn, context: context)
        guard (input.Format ?? "CSV") == "CSV" else {
            throw ForecastLimits.invalid("Format \(input.Format!) is not supported here: import CSV files.")
        }
        guard (input.ImportMode ?? "FULL") == "FULL" else {
            throw ForecastLimits.invalid("ImportMode INCREMENTAL is not supported here: imports replace the dataset's data.")
        }
        guard input.DataSource.S3Config.Path.hasPrefix("s3://") else {
            throw ForecastLimits.invalid("S3Config.Path must be an s3:// URI.")
        }
        let formats = ["yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss"]
        if let format = input.TimestampFormat, !formats.contains(format) {
            throw ForecastLimits.invalid(
                "TimestampFormat \(format) is not supported: use yyyy-MM-dd or yyyy-MM-dd HH:mm:ss.")
        }
        if let running = try runningImport(of: dataset.arn, context: context) {
            throw ServiceError(
                code: "ResourceInUseException",
                message: "The dataset \(dataset.arn) is being imported by \(running.arn): wait for it to finish.")
        }
        let arn = "arn:aws:forecast:\(context.gateway.configuration.region):000000000000:dataset-import-job/\(dataset.name)/\(input.DatasetImportJobName)"
        let now = Date()
        let job = StoredImportJob(
            name: input.DatasetImportJobName, arn: arn, datasetArn: dataset.arn, path: input.DataSource.S3Config.Path,
            roleArn: input.DataSource.S3Config.RoleArn, timestampFormat: input.TimestampFormat ?? "yyyy-MM-dd HH:mm:ss",
            status: ForecastStatus.pending, message: nil, dataSize: nil, created: now, modified: now)
        guard try context.resources.putForecastResource(job, .importJob, arn: arn, createOnly: true) else {
            throw Self.alreadyExists(arn)
        }
        try await enqueue(.importJob, arn: arn, context: context)
        return ImportJobArnResponse(DatasetImportJobArn: arn)
    }

    func describeDatasetImportJob(_ input: ImportJobArnRequest, context: OperationContext) throws
        -> DescribeDatasetImportJobResponse
    {
        let job = try existing(StoredImportJob.self, .importJob, arn: input.DatasetImportJobArn, context: context)
        return DescribeDatasetImportJobResponse(
            DatasetImportJobName: job.name, DatasetImportJobArn: job.arn, DatasetArn: job.datasetArn,
            TimestampFormat: job.timestampFormat,
            DataSource: DataSource(S3Config: S3Config(Path: job.path, RoleArn: job.roleArn)),
            FieldStatistics: job.fieldStatistics, DataSize: job.dataSize,
            Status: job.status, Message: job.message, CreationTime: job.created, LastModificationTime: job.modified,
            Format: "CSV", ImportMode: "FULL")
    }

    // MARK: - Shared

    func existing<Value: Decodable>(_ type: Value.Type, _ kind: ForecastKind, arn: String, context: OperationContext) throws
        -> Value
    {
        guard let value = try context.resources.forecastResource(type, kind, arn: arn) else {
            throw ServiceError(code: "ResourceNotFoundException", message: "No resource found with ARN \(arn)")
        }
        return value
    }

    func enqueue(_ kind: ForecastKind, arn: String, context: OperationContext) async throws {
        let input = try ShapeCoding.encode(ForecastWork(kind: kind.rawValue, arn: arn))
        _ = try await context.jobs.enqueue(id: "forecast:\(arn)", kind: ForecastWorkHandler.kind, input: input)
    }

    static func alreadyExists(_ arn: String) -> ServiceError {
        ServiceError(code: "ResourceAlreadyExistsException", message: "A resource with ARN \(arn) already exists.")
    }
}

/// What a dataset's schema must hold for its type and domain (Forecast's required fields).
enum DatasetSchema {
    static let types = ["string", "integer", "float", "timestamp", "geolocation"]

    static func check(_ attributes: [SchemaAttribute], type: String, domain: String) throws {
        guard !attributes.isEmpty else { throw ForecastLimits.invalid("Schema.Attributes must not be empty.") }
        var seen = Set<String>()
        for attribute in attributes {
            guard let name = attribute.AttributeName, let kind = attribute.AttributeType, types.contains(kind) else {
                throw ForecastLimits.invalid("Every schema attribute needs an AttributeName and an AttributeType (\(types.joined(separator: ", "))).")
            }
            guard seen.insert(name).inserted else { throw ForecastLimits.invalid("Schema attribute \(name) appears twice.") }
        }
        if type == "RELATED_TIME_SERIES" {
            guard attributes.contains(where: { $0.AttributeName == "item_id" && $0.AttributeType == "string" }),
                attributes.contains(where: { $0.AttributeName == "timestamp" && $0.AttributeType == "timestamp" }),
                !relatedFields(attributes).isEmpty
            else {
                throw ForecastLimits.invalid(
                    "The schema of a RELATED_TIME_SERIES dataset must have item_id (string), timestamp and at least one float or integer attribute.")
            }
        }
        if type == "ITEM_METADATA" {
            guard attributes.contains(where: { $0.AttributeName == "item_id" && $0.AttributeType == "string" }), attributes.count >= 2,
                attributes.allSatisfy({ ["string", "integer", "float"].contains($0.AttributeType ?? "") })
            else {
                throw ForecastLimits.invalid(
                    "The schema of an ITEM_METADATA dataset must have item_id (string) and at least one string, integer or float attribute.")
            }
        }
        guard type == "TARGET_TIME_SERIES" else { return }
        let target = targetField(domain: domain)
        let required = [("item_id", ["string"]), ("timestamp", ["timestamp"]), (target, ["float", "integer"])]
        for (name, allowed) in required {
            guard let attribute = attributes.first(where: { $0.AttributeName == name }), allowed.contains(attribute.AttributeType ?? "")
            else {
                throw ForecastLimits.invalid(
                    "The schema of a \(domain) TARGET_TIME_SERIES dataset must have the attribute \(name) of type \(allowed.joined(separator: " or ")).")
            }
        }
    }

    /// A related time series dataset's numeric fields, in schema order.
    static func relatedFields(_ attributes: [SchemaAttribute]) -> [String] {
        attributes.filter { ["float", "integer"].contains($0.AttributeType ?? "") }.compactMap(\.AttributeName)
    }

    /// The name of the value field of a domain's target time series, as Forecast's domains define it.
    static func targetField(domain: String) -> String {
        switch domain {
        case "RETAIL", "INVENTORY_PLANNING": "demand"
        case "EC2_CAPACITY": "number_of_instances"
        case "WORK_FORCE": "workforce_demand"
        case "WEB_TRAFFIC": "value"
        case "METRICS": "metric_value"
        default: "target_value"
        }
    }
}
