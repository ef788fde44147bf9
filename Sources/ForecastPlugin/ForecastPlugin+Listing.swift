import Foundation
import SibylCore

extension ForecastPlugin {
    func listDatasetGroups(_ input: ListRequest, context: OperationContext) throws -> ListDatasetGroupsResponse {
        let page = try Self.page(try all(StoredDatasetGroup.self, .datasetGroup, context: context), input) { _ in [:] }
        return ListDatasetGroupsResponse(
            DatasetGroups: page.items.map {
                DatasetGroupSummary(
                    DatasetGroupArn: $0.arn, DatasetGroupName: $0.name, CreationTime: $0.created, LastModificationTime: $0.modified)
            }, NextToken: page.nextToken)
    }

    func listDatasets(_ input: ListRequest, context: OperationContext) throws -> ListDatasetsResponse {
        let page = try Self.page(try all(StoredDataset.self, .dataset, context: context), input) { _ in [:] }
        return ListDatasetsResponse(
            Datasets: page.items.map {
                DatasetSummary(
                    DatasetArn: $0.arn, DatasetName: $0.name, DatasetType: $0.datasetType, Domain: $0.domain,
                    CreationTime: $0.created, LastModificationTime: $0.modified)
            }, NextToken: page.nextToken)
    }

    func listDatasetImportJobs(_ input: ListRequest, context: OperationContext) throws -> ListDatasetImportJobsResponse {
        let page = try Self.page(try all(StoredImportJob.self, .importJob, context: context), input) {
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
        let page = try Self.page(try all(StoredPredictor.self, .predictor, context: context), input) {
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
        let page = try Self.page(try all(StoredForecast.self, .forecast, context: context), input) {
            ["DatasetGroupArn": $0.datasetGroupArn, "PredictorArn": $0.predictorArn, "Status": $0.status]
        }
        return ListForecastsResponse(
            Forecasts: page.items.map {
                ForecastSummary(
                    ForecastArn: $0.arn, ForecastName: $0.name, PredictorArn: $0.predictorArn, CreatedUsingAutoPredictor: true,
                    DatasetGroupArn: $0.datasetGroupArn, Status: $0.status, Message: $0.message, CreationTime: $0.created,
                    LastModificationTime: $0.modified)
            }, NextToken: page.nextToken)
    }

    // MARK: - Deleting

    /// Deletes one resource; a resource others were built from (a dataset group with predictors, a predictor with
    /// forecasts, a dataset with import jobs) is in use, as AWS answers.
    func delete(_ kind: ForecastKind, arn: String, context: OperationContext) throws -> NoOutput {
        switch kind {
        case .datasetGroup:
            _ = try existing(StoredDatasetGroup.self, .datasetGroup, arn: arn, context: context)
            try refuseIfUsed(try all(StoredPredictor.self, .predictor, context: context).map(\.datasetGroupArn), arn: arn)
        case .dataset:
            _ = try existing(StoredDataset.self, .dataset, arn: arn, context: context)
            try refuseIfUsed(try all(StoredImportJob.self, .importJob, context: context).map(\.datasetArn), arn: arn)
            try context.resources.delete(service: "forecast", kind: ForecastKind.observations.rawValue, id: arn)
            try context.resources.delete(service: "forecast", kind: ForecastKind.relatedRows.rawValue, id: arn)
            try context.resources.delete(service: "forecast", kind: ForecastKind.itemMetadata.rawValue, id: arn)
        case .importJob:
            _ = try existing(StoredImportJob.self, .importJob, arn: arn, context: context)
        case .predictor:
            _ = try existing(StoredPredictor.self, .predictor, arn: arn, context: context)
            try refuseIfUsed(try all(StoredForecast.self, .forecast, context: context).map(\.predictorArn), arn: arn)
        case .forecast:
            _ = try existing(StoredForecast.self, .forecast, arn: arn, context: context)
            try refuseIfUsed(try all(StoredExportJob.self, .exportJob, context: context).map(\.forecastArn), arn: arn)
            try context.resources.delete(service: "forecast", kind: ForecastKind.predictions.rawValue, id: arn)
        case .exportJob:
            _ = try existing(StoredExportJob.self, .exportJob, arn: arn, context: context)
        case .observations, .predictions, .relatedRows, .itemMetadata:
            break
        }
        try context.resources.delete(service: "forecast", kind: kind.rawValue, id: arn)
        return NoOutput()
    }

    /// DeleteResourceTree: a dataset group, predictor or dataset and everything built from it.
    func deleteResourceTree(_ input: ResourceArnRequest, context: OperationContext) throws -> NoOutput {
        let arn = input.ResourceArn
        if arn.contains(":dataset-group/") {
            for predictor in try all(StoredPredictor.self, .predictor, context: context) where predictor.datasetGroupArn == arn {
                _ = try deleteResourceTree(ResourceArnRequest(ResourceArn: predictor.arn), context: context)
            }
            return try delete(.datasetGroup, arn: arn, context: context)
        }
        if arn.contains(":predictor/") {
            for forecast in try all(StoredForecast.self, .forecast, context: context) where forecast.predictorArn == arn {
                for export in try all(StoredExportJob.self, .exportJob, context: context) where export.forecastArn == forecast.arn {
                    _ = try delete(.exportJob, arn: export.arn, context: context)
                }
                _ = try delete(.forecast, arn: forecast.arn, context: context)
            }
            return try delete(.predictor, arn: arn, context: context)
        }
        if arn.contains(":dataset/") {
            for job in try all(StoredImportJob.self, .importJob, context: context) where job.datasetArn == arn {
                _ = try delete(.importJob, arn: job.arn, context: context)
            }
            return try delete(.dataset, arn: arn, context: context)
        }
        throw ForecastLimits.invalid("DeleteResourceTree takes a dataset group, dataset or predictor ARN; got \(arn).")
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

    /// Filters (IS / IS_NOT on the keys `fields` gives), newest first, one page.
    static func page<Item>(_ items: [Item], _ input: ListRequest, fields: (Item) -> [String: String]) throws -> OffsetPage<Item> {
        var kept = items
        for filter in input.Filters ?? [] {
            kept = try kept.filter { item in
                guard let value = fields(item)[filter.Key] else {
                    throw ForecastLimits.invalid("\(filter.Key) is not a filter key of this list.")
                }
                return (value == filter.Value) == (filter.Condition == "IS")
            }
        }
        return try OffsetPage(kept.reversed(), token: input.NextToken, limit: input.MaxResults ?? 100, errorCode: "InvalidNextTokenException")
    }
}
