import Foundation
import SibylCore

extension ForecastPlugin {
    func listDatasetGroups(_ input: ListRequest, context: OperationContext) throws -> ListDatasetGroupsResponse {
        let groups = try all(StoredDatasetGroup.self, .datasetGroup, context: context)
        let page = try Self.page(groups, input, keys: [], id: \.arn) { _ in [:] }
        return ListDatasetGroupsResponse(
            DatasetGroups: page.items.map {
                DatasetGroupSummary(
                    DatasetGroupArn: $0.arn, DatasetGroupName: $0.name, CreationTime: $0.created, LastModificationTime: $0.modified)
            }, NextToken: page.nextToken)
    }

    func listDatasets(_ input: ListRequest, context: OperationContext) throws -> ListDatasetsResponse {
        let datasets = try all(StoredDataset.self, .dataset, context: context)
        let page = try Self.page(datasets, input, keys: [], id: \.arn) { _ in [:] }
        return ListDatasetsResponse(
            Datasets: page.items.map {
                DatasetSummary(
                    DatasetArn: $0.arn, DatasetName: $0.name, DatasetType: $0.datasetType, Domain: $0.domain,
                    CreationTime: $0.created, LastModificationTime: $0.modified)
            }, NextToken: page.nextToken)
    }

    func listDatasetImportJobs(_ input: ListRequest, context: OperationContext) throws -> ListDatasetImportJobsResponse {
        let page = try Self.page(
            try all(StoredImportJob.self, .importJob, context: context), input, keys: ["DatasetArn", "Status"],
            id: \.arn
        ) {
            ["DatasetArn": $0.datasetArn, "Status": $0.status]
        }
        return ListDatasetImportJobsResponse(
            DatasetImportJobs: page.items.map {
                DatasetImportJobSummary(
                    DatasetImportJobArn: $0.arn, DatasetImportJobName: $0.name,
                    DataSource: DataSource(S3Config: S3Config(Path: $0.path, RoleArn: $0.roleArn)), Status: $0.status,
                    Message: $0.message, CreationTime: $0.created, LastModificationTime: $0.modified, ImportMode: "FULL")
            }, NextToken: page.nextToken)
    }

    func listPredictors(_ input: ListRequest, context: OperationContext) throws -> ListPredictorsResponse {
        let page = try Self.page(
            try all(StoredPredictor.self, .predictor, context: context), input, keys: ["DatasetGroupArn", "Status"],
            id: \.arn
        ) {
            ["DatasetGroupArn": $0.datasetGroupArn, "Status": $0.status]
        }
        return ListPredictorsResponse(
            Predictors: page.items.map {
                PredictorSummary(
                    PredictorArn: $0.arn, PredictorName: $0.name, DatasetGroupArn: $0.datasetGroupArn, IsAutoPredictor: $0.isAutoPredictor,
                    Status: $0.status, Message: $0.message, CreationTime: $0.created, LastModificationTime: $0.modified)
            }, NextToken: page.nextToken)
    }

    func listForecasts(_ input: ListRequest, context: OperationContext) throws -> ListForecastsResponse {
        let forecasts = try all(StoredForecast.self, .forecast, context: context)
        let page = try Self.page(forecasts, input, keys: ["DatasetGroupArn", "PredictorArn", "Status"], id: \.arn) {
            ["DatasetGroupArn": $0.datasetGroupArn, "PredictorArn": $0.predictorArn, "Status": $0.status]
        }
        let predictors = try all(StoredPredictor.self, .predictor, context: context)
        let autoPredictors = Set(predictors.filter(\.isAutoPredictor).map(\.arn))
        return ListForecastsResponse(
            Forecasts: page.items.map {
                ForecastSummary(
                    ForecastArn: $0.arn, ForecastName: $0.name, PredictorArn: $0.predictorArn,
                    CreatedUsingAutoPredictor: autoPredictors.contains($0.predictorArn),
                    DatasetGroupArn: $0.datasetGroupArn, Status: $0.status, Message: $0.message, CreationTime: $0.created,
                    LastModificationTime: $0.modified)
            }, NextToken: page.nextToken)
    }

    // MARK: - Deleting

    /// Deletes one resource; a resource others were built from (a dataset group with predictors, a predictor with
    /// forecasts, a dataset with import jobs) is in use, as AWS answers, and so is one a job is still building (only
    /// ACTIVE or CREATE_FAILED resources can be deleted).
    func delete(_ kind: ForecastKind, arn: String, context: OperationContext) throws -> NoOutput {
        try checkDeletable(kind, arn: arn, context: context)
        switch kind {
        case .datasetGroup:
            try refuseIfUsed(try all(StoredPredictor.self, .predictor, context: context).map(\.datasetGroupArn), arn: arn)
        case .dataset:
            try refuseIfUsed(try all(StoredImportJob.self, .importJob, context: context).map(\.datasetArn), arn: arn)
            try context.resources.delete(service: "forecast", kind: ForecastKind.observations.rawValue, id: arn)
            try context.resources.delete(service: "forecast", kind: ForecastKind.relatedRows.rawValue, id: arn)
            try context.resources.delete(service: "forecast", kind: ForecastKind.itemMetadata.rawValue, id: arn)
        case .predictor:
            try refuseIfUsed(try all(StoredForecast.self, .forecast, context: context).map(\.predictorArn), arn: arn)
        case .forecast:
            try refuseIfUsed(try all(StoredExportJob.self, .exportJob, context: context).map(\.forecastArn), arn: arn)
            try context.resources.delete(service: "forecast", kind: ForecastKind.predictions.rawValue, id: arn)
        case .importJob, .exportJob, .observations, .predictions, .relatedRows, .itemMetadata:
            break
        }
        try context.resources.delete(service: "forecast", kind: kind.rawValue, id: arn)
        return NoOutput()
    }

    /// DeleteResourceTree: a dataset group, predictor, forecast or dataset and everything built from it. Nothing is
    /// deleted unless all of it can be (a resource still being built answers ResourceInUseException first).
    func deleteResourceTree(_ input: ResourceArnRequest, context: OperationContext) throws -> NoOutput {
        let tree = try resourceTree(input.ResourceArn, context: context)
        for (kind, arn) in tree { try checkDeletable(kind, arn: arn, context: context) }
        for (kind, arn) in tree { _ = try delete(kind, arn: arn, context: context) }
        return NoOutput()
    }

    /// The resource and those built from it, children before their parent.
    private func resourceTree(_ arn: String, context: OperationContext) throws -> [(ForecastKind, String)] {
        if arn.contains(":dataset-group/") {
            let predictors = try all(StoredPredictor.self, .predictor, context: context)
                .filter { $0.datasetGroupArn == arn }
            return try predictors.flatMap { try resourceTree($0.arn, context: context) } + [(.datasetGroup, arn)]
        }
        if arn.contains(":predictor/") {
            let forecasts = try all(StoredForecast.self, .forecast, context: context).filter { $0.predictorArn == arn }
            return try forecasts.flatMap { try resourceTree($0.arn, context: context) } + [(.predictor, arn)]
        }
        if arn.contains(":forecast/") {
            let exports = try all(StoredExportJob.self, .exportJob, context: context).filter { $0.forecastArn == arn }
            return exports.map { (.exportJob, $0.arn) } + [(.forecast, arn)]
        }
        if arn.contains(":dataset/") {
            let imports = try all(StoredImportJob.self, .importJob, context: context).filter { $0.datasetArn == arn }
            return imports.map { (.importJob, $0.arn) } + [(.dataset, arn)]
        }
        throw ForecastLimits.invalid(
            "DeleteResourceTree takes a dataset group, dataset, predictor or forecast ARN; got \(arn).")
    }

    /// ResourceNotFoundException when the resource does not exist, ResourceInUseException while a job builds it.
    private func checkDeletable(_ kind: ForecastKind, arn: String, context: OperationContext) throws {
        let status: String?
        switch kind {
        case .datasetGroup: _ = try existing(StoredDatasetGroup.self, kind, arn: arn, context: context); status = nil
        case .dataset: _ = try existing(StoredDataset.self, kind, arn: arn, context: context); status = nil
        case .importJob: status = try existing(StoredImportJob.self, kind, arn: arn, context: context).status
        case .predictor: status = try existing(StoredPredictor.self, kind, arn: arn, context: context).status
        case .forecast: status = try existing(StoredForecast.self, kind, arn: arn, context: context).status
        case .exportJob: status = try existing(StoredExportJob.self, kind, arn: arn, context: context).status
        case .observations, .predictions, .relatedRows, .itemMetadata: status = nil
        }
        if let status, ForecastStatus.isBuilding(status) {
            throw ServiceError(
                code: "ResourceInUseException",
                message: "\(arn) is \(status): only ACTIVE or CREATE_FAILED resources can be deleted; wait for it.")
        }
    }

    private func refuseIfUsed(_ parents: [String], arn: String) throws {
        guard !parents.contains(arn) else {
            throw ServiceError(
                code: "ResourceInUseException",
                message: "\(arn) is used by other resources: delete them first, or use DeleteResourceTree.")
        }
    }

    func all<Value: Decodable>(_ type: Value.Type, _ kind: ForecastKind, context: OperationContext) throws -> [Value] {
        try context.resources.list(type, service: "forecast", kind: kind.rawValue)
    }

    /// Filters (IS / IS_NOT on the list's filter `keys`, whose values `fields` gives), in reverse storage order, one
    /// page. A key the list does not have is refused whether or not there are items.
    static func page<Item>(
        _ items: [Item], _ input: ListRequest, keys: Set<String>, id: (Item) -> String,
        fields: (Item) -> [String: String]
    ) throws -> ListPage<Item> {
        if let unknown = input.Filters?.first(where: { !keys.contains($0.Key) }) {
            let known =
                keys.isEmpty ? "this list takes no filters" : "its keys are " + keys.sorted().joined(separator: ", ")
            throw ForecastLimits.invalid("\(unknown.Key) is not a filter key of this list: \(known).")
        }
        var kept = items
        for filter in input.Filters ?? [] {
            kept = kept.filter { item in (fields(item)[filter.Key] == filter.Value) == (filter.Condition == "IS") }
        }
        return try ListPage(
            kept.reversed(), token: input.NextToken, limit: input.MaxResults ?? 100,
            errorCode: "InvalidNextTokenException", id: id)
    }
}
