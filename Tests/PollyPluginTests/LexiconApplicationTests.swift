import Synthesis
import Testing

@testable import PollyPlugin

@Suite("Lexicons, phonemes and speech marks")
struct LexiconApplicationTests {
    static let lexicon = PronunciationLexicon(
        alphabet: "ipa", languageCode: "en-US",
        lexemes: [
            .init(graphemes: ["W3C"], alias: "World Wide Web Consortium", phoneme: nil),
            .init(graphemes: ["tomato"], alias: nil, phoneme: "təˈmɑːtoʊ"),
        ])

    @Test func aliasesReplaceWholeWordsAndMapBack() {
        let (applied, phonemes) = LexiconApplication.apply(
            [Self.lexicon], to: MappedText(original: "A W3C spec, not W3Cx."), isSSML: false)
        #expect(applied.text == "A World Wide Web Consortium spec, not W3Cx.")
        #expect(!phonemes)
        #expect(applied.originalOffset(2) == 2)  // "World" stands for "W3C"
        #expect(applied.originalOffset(20) == 2)  // inside the alias
        #expect(applied.originalOffset(28) == 6)  // "spec"
        #expect(applied.originalOffset(1000) == 21)
    }

    @Test func phonemesBecomeESpeakInputAndTagsAreLeftAlone() {
        let ssml = "<speak><mark name='tomato'/>tomato</speak>"
        let (applied, phonemes) = LexiconApplication.apply([Self.lexicon], to: MappedText(original: ssml), isSSML: true)
        #expect(applied.text == "<speak><mark name='tomato'/>[[t@'mA:toU]]</speak>")
        #expect(phonemes)
    }

    @Test func ssmlIsRewrittenForESpeakWithOffsetsIntoTheRequest() throws {
        let ssml = #"<speak><say-as interpret-as="ordinal">3</say-as> <phoneme alphabet="ipa" ph="pɪk">x</phoneme></speak>"#
        let (rewritten, phonemes) = try SSMLRewriter(english: true).rewrite(MappedText(original: ssml))
        #expect(rewritten.text == "<speak>3rd [[pIk]]</speak>")
        #expect(phonemes)
        #expect(rewritten.originalOffset(7) == 38)  // "3rd" stands for the "3" inside <say-as>
        #expect(SSMLRewriter.englishDate("12/25/2026", format: "mdy") == "December 25th, 2026")
        #expect(SSMLRewriter.telephone("555-12") == "5 5 5 , 1 2")
    }

    @Test(arguments: ["<speak><blink>x</blink></speak>", "<speak><break time='11s'/></speak>",
                      "<speak><say-as>1</say-as></speak>", "<speak><phoneme ph='x'>a</phoneme></speak>"])
    func unsupportedSSMLIsRefused(ssml: String) {
        #expect(throws: (any Error).self) { try SSMLRewriter(english: true).rewrite(MappedText(original: ssml)) }
    }

    @Test(arguments: [("ipa", "ˈpɪkəˌbuː", "'pIk@,bu:"), ("x-sampa", "\"pIk@%bu:", "'pIk@,bu:"), ("ipa", "θɪŋk", "TINk")])
    func transcriptions(alphabet: String, input: String, expected: String) {
        #expect(PhonemeTranscription.espeak(from: input, alphabet: alphabet) == expected)
    }

    @Test func wordMarksUseByteOffsetsAndCoverWrittenWords() {
        let text = "Café s'il"
        let writer = SpeechMarkWriter(text: text, types: ["word"])
        let events = [
            SpeechEvent(kind: .word, characterOffset: 0, characterLength: 4, milliseconds: 0),
            SpeechEvent(kind: .word, characterOffset: 5, characterLength: 1, milliseconds: 300),
            SpeechEvent(kind: .word, characterOffset: 7, characterLength: 2, milliseconds: 400),
        ]
        let lines = String(decoding: writer.write(events), as: UTF8.self).split(separator: "\n")
        #expect(lines == [
            #"{"time":0,"type":"word","start":0,"end":5,"value":"Café"}"#,
            #"{"time":300,"type":"word","start":6,"end":10,"value":"s'il"}"#,
        ])
    }

    @Test func invalidLexiconsAreRefused() {
        #expect(throws: (any Error).self) {
            try PronunciationLexicon(parsing: "<lexicon><unclosed></lexicon>", supportedLanguages: ["en-US"])
        }
    }
}

@Suite("Chunking long text")
struct TextChunksTests {
    @Test func chunksCoverTheTextAndEndAtSentences() {
        let text = String(repeating: "One short sentence here. ", count: 200)
        let scalars = Array(text.unicodeScalars)
        let chunks = TextChunks.split(scalars, around: 300)
        #expect(chunks.count > 5)
        #expect(chunks.first?.lowerBound == 0)
        #expect(chunks.last?.upperBound == scalars.count)
        for (a, b) in zip(chunks, chunks.dropFirst()) { #expect(a.upperBound == b.lowerBound) }
        for chunk in chunks.dropLast() {
            #expect(scalars[chunk.upperBound - 1] == ".")
            #expect((300...600).contains(chunk.count))
        }
    }

    @Test func shortTextIsOneChunkAndUnbrokenTextIsCutAnyway() {
        #expect(TextChunks.split(Array("Hello.".unicodeScalars), around: 300) == [0..<6])
        let unbroken = Array(String(repeating: "x", count: 1000).unicodeScalars)
        #expect(TextChunks.split(unbroken, around: 300).map(\.count) == [600, 400])
    }
}
