import SibylCore

extension PollyPlugin {
    func describeVoices(_ input: DescribeVoicesInput) throws -> DescribeVoicesOutput {
        if let engine = input.Engine, engine != "standard" {
            guard SynthesizeSpeechInput.engines.contains(engine) else {
                throw ServiceError.constraint(
                    member: "Engine", value: "'\(engine)'",
                    "Member must satisfy enum value set: [\(SynthesizeSpeechInput.engines.joined(separator: ", "))]")
            }
            return DescribeVoicesOutput(Voices: [])  // Sibyl has only the standard engine: no voice supports others
        }
        if input.NextToken != nil {
            throw ServiceError(code: "InvalidNextTokenException", message: "The NextToken is invalid")
        }
        let selected = voices.filter { voice in
            guard let language = input.LanguageCode else { return true }
            return voice.languageCode == language
                || (input.IncludeAdditionalLanguageCodes == true && voice.additionalLanguageCodes.contains(language))
        }
        return DescribeVoicesOutput(
            Voices: selected.map { voice in
                DescribeVoicesOutput.Voice(
                    Gender: voice.gender, Id: voice.id, LanguageCode: voice.languageCode,
                    LanguageName: VoiceCatalog.languageNames[voice.languageCode] ?? voice.languageCode, Name: voice.name,
                    AdditionalLanguageCodes: voice.additionalLanguageCodes.isEmpty ? nil : voice.additionalLanguageCodes,
                    SupportedEngines: ["standard"])
            })
    }
}
