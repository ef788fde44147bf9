import Testing

@testable import TranscribePlugin

@Suite struct OutputLocationTests {
    @Test func outputKeysFollowTranscribesRules() {
        #expect(TranscriptionOutputLocation(jobName: "job", bucket: "b", outputKey: nil).key == "job.json")
        #expect(TranscriptionOutputLocation(jobName: "job", bucket: "b", outputKey: "a/my.json").key == "a/my.json")
        #expect(TranscriptionOutputLocation(jobName: "job", bucket: "b", outputKey: "folder").key == "folder/job.json")
        #expect(TranscriptionOutputLocation(jobName: "job", bucket: "b", outputKey: "folder/").key == "folder/job.json")
        let location = TranscriptionOutputLocation(jobName: "job", bucket: nil, outputKey: "x/y.json")
        #expect(location.bucket == TranscriptionOutputLocation.serviceBucket)
        #expect(location.key(extension: "srt") == "x/y.srt")
        #expect(location.redactedKey == "x/redacted-y.json")
        #expect(location.uri(endpoint: "http://h:1", key: "a b/c.json") == "http://h:1/\(location.bucket)/a%20b/c.json")
    }

    @Test func languageCodesMapBothWays() {
        #expect(TranscribeLanguages.recognizerCode("en-GB") == "en")
        #expect(TranscribeLanguages.transcribeCode("en", options: ["es-US", "en-GB"]) == "en-GB")
        #expect(TranscribeLanguages.transcribeCode("es", options: []) == "es-US")
        #expect(TranscribeLanguages.transcribeCode("nl", options: []) == "nl-NL")
    }
}
