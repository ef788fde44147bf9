import Forecasting

/// DeepAR+'s `TrainingParameters` (the hyperparameters Amazon documents for it) read into the engine's training
/// configuration; a name or value this engine does not take is an InvalidInputException naming it.
enum DeepARSettings {
    /// The hyperparameters taken, with what they set.
    static let names = ["context_length", "epochs", "learning_rate", "likelihood", "mini_batch_size", "num_cells", "num_layers"]

    static func configuration(_ parameters: [String: String]?, horizon: Int, period: Int) throws -> DeepARNetwork.Configuration {
        var configuration = DeepARNetwork.Configuration(horizon: horizon, period: period)
        for (name, text) in (parameters ?? [:]).sorted(by: { $0.key < $1.key }) {
            switch name {
            case "context_length":
                configuration.contextLength = try integer(name, text, 1...500)
            case "epochs":
                // One optimiser step on a mini-batch of windows drawn across the items per epoch.
                configuration.iterations = try integer(name, text, 1...1000)
            case "learning_rate":
                guard let rate = Double(text), (1e-5...1e-1).contains(rate) else {
                    throw ForecastLimits.invalid("TrainingParameters learning_rate must be a number from 0.00001 to 0.1.")
                }
                configuration.learningRate = rate
            case "likelihood":
                guard let likelihood = DeepARLikelihood(rawValue: text) else {
                    throw ForecastLimits.invalid(
                        "TrainingParameters likelihood \(text) is not available; use one of \(DeepARLikelihood.allCases.map(\.rawValue).joined(separator: ", ")).")
                }
                configuration.likelihood = likelihood
            case "mini_batch_size":
                configuration.batchSize = try integer(name, text, 1...512)
            case "num_cells":
                configuration.hiddenUnits = try integer(name, text, 1...200)
            case "num_layers":
                guard text == "1" else {
                    throw ForecastLimits.invalid("TrainingParameters num_layers: this engine trains one LSTM layer (1).")
                }
            default:
                throw ForecastLimits.invalid(
                    "TrainingParameters \(name) is not a DeepAR+ hyperparameter taken here; these are: \(names.joined(separator: ", ")).")
            }
        }
        return configuration
    }

    private static func integer(_ name: String, _ text: String, _ range: ClosedRange<Int>) throws -> Int {
        guard let value = Int(text), range.contains(value) else {
            throw ForecastLimits.invalid("TrainingParameters \(name) must be an integer from \(range.lowerBound) to \(range.upperBound).")
        }
        return value
    }
}
