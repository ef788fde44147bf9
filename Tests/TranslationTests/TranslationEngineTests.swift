import Foundation
import Testing

@testable import Translation
import Apertium

@Suite("Translation engine")
struct TranslationEngineTests {
    static func mode(_ name: String) -> ApertiumMode {
        ApertiumMode(name: name, text: "lt-proc $1 '/x/\(name).bin' | apertium-tagger -g $2 '/x/y.prob'")!
    }

    @Test func modeFilesBecomeNullFlushPipelines() throws {
        let mode = try #require(ApertiumMode(name: "eng-spa", text: "lt-proc 'a.bin' | apertium-tagger -g $2 'b.prob' | lt-proc $1 'c.bin'\n"))
        #expect(mode.source == "eng" && mode.target == "spa" && mode.variant == nil)
        #expect(mode.command(marks: true) == "lt-proc -z 'a.bin' | apertium-tagger -z -g  'b.prob' | lt-proc -z -g 'c.bin'")
        #expect(mode.command(marks: false) == "lt-proc -z 'a.bin' | apertium-tagger -z -g  'b.prob' | lt-proc -z -n 'c.bin'")
        #expect(ApertiumMode(name: "Cyrl-Latn", text: "lt-proc x") == nil)
        #expect(ApertiumMode(name: "en-eo-bytecode", text: "lt-proc x") == nil)
        #expect(ApertiumMode(name: "eng-hbs_HR", text: "lt-proc x")?.variant == "HR")
    }

    @Test func languageCodesFollowTranslate() {
        let engine = TranslationEngine(
            modes: ["eng-spa", "spa-eng", "fr-es", "es-pt", "es-pt_BR", "hbs-eng", "eng-hbs_SR", "eng-cat_valencia"].map(Self.mode))
        #expect(engine.languages == ["bs", "en", "es", "fr", "hr", "pt", "pt-PT", "sr"])
        #expect(engine.route(from: "es", to: "pt")?.map(\.mode.name) == ["es-pt_BR"])
        #expect(engine.route(from: "es", to: "pt-PT")?.map(\.mode.name) == ["es-pt"])
        #expect(engine.route(from: "hr", to: "en")?.map(\.mode.name) == ["hbs-eng"])
    }

    @Test func pivotsThroughTheShortestChain() {
        let engine = TranslationEngine(modes: ["fr-es", "spa-eng", "eng-spa", "es-pt_BR"].map(Self.mode))
        #expect(engine.route(from: "fr", to: "en")?.map(\.mode.name) == ["fr-es", "spa-eng"])
        #expect(engine.route(from: "fr", to: "pt")?.map(\.mode.name) == ["fr-es", "es-pt_BR"])
        #expect(engine.route(from: "en", to: "fr") == nil)
        #expect(engine.route(from: "en", to: "en")?.isEmpty == true)
    }

    @Test func streamsEscapeMarkupAndDropTheAddedFullStop() {
        #expect(ApertiumStream.deformat("a [b] ^c$ \\d") == "a \\[b\\] \\^c\\$ \\\\d.[][\n]")
        #expect(ApertiumStream.reformat("Hola \\[b\\] \\\\d..[][\n]") == "Hola [b] \\d.")
        #expect(ApertiumStream.reformat("Tengo un perro.[][\n]") == "Tengo un perro")
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/usr/share/apertium/modes/eng-spa.mode")))
    func translatesThroughLongLivedPipelines() async throws {
        let engine = TranslationEngine(modes: ApertiumMode.installed().filter { $0.name == "eng-spa" })
        let first = try await engine.translate("The cats are here.", from: "en", to: "es")
        #expect(first.text == "Los gatos son aquí.")
        let second = try await engine.translate("  I have a xyzzy dog  ", from: "en", to: "es")
        #expect(second.text == "  Tengo un xyzzy perro  ")
        let literal = try await engine.translate("Annotations: '*' max stack, at most xqz * yqz objects", from: "en", to: "es")
        #expect(literal.text.contains("'*'") && literal.text.contains("xqz * yqz"))
        let marked = try await engine.translate("I have a xyzzy dog", from: "en", to: "es", keepMarks: true)
        #expect(marked.text == "Tengo un *xyzzy perro")
        await engine.shutDown()
    }
}

@Suite("Terminologies")
struct TerminologyTests {
    @Test func csvTsvAndTmxReadAndWriteTheSameTerms() throws {
        let csv = try Terminology(data: Data("\u{FEFF}en,es\r\n\"a, \"\"b\"\"\",c\r\n,\r\ncat,\r\n".utf8), format: .csv)
        #expect(csv.languages == ["en", "es"] && csv.entries == [["en": "a, \"b\"", "es": "c"]] && csv.skipped == 1)
        let tsv = try Terminology(data: csv.data(as: .tsv), format: .tsv)
        #expect(tsv.entries == csv.entries)
        let tmx = try Terminology(data: csv.data(as: .tmx), format: .tmx)
        #expect(tmx.languages == ["en", "es"] && tmx.entries == csv.entries)
        #expect(try Terminology(data: csv.data(as: .csv), format: .csv).entries == csv.entries)
        #expect(throws: Terminology.FormatError.self) { try Terminology(data: Data("en\nx\n".utf8), format: .csv) }
        #expect(throws: Terminology.FormatError.self) { try Terminology(data: Data("<tmx><tu>".utf8), format: .tmx) }
    }

    @Test func termsArePlaceheldWholeWordsAndRestoredWithCase() {
        let protection = TermProtection(terms: [("cat", "minino"), ("big cat", "gatazo")])
        let protected = protection.protect("A big cat and a Cat, not a category or cats.")
        #expect(!protected.text.contains("cat") || protected.text.contains("category"))
        #expect(protected.text.contains("category") && protected.text.contains("cats"))
        let restored = protection.restore(protected.text, from: protected)
        #expect(restored.text == "A gatazo and a Minino, not a category or cats.")
        #expect(restored.applied == [AppliedTerm(source: "big cat", target: "gatazo"), AppliedTerm(source: "cat", target: "minino")])
    }

    @Test func unidirectionalTerminologiesOnlyTranslateFromTheirSource() throws {
        let terms = try Terminology(data: Data("en,es\ncat,minino\n".utf8), format: .csv)
        #expect(TermProtection(terminology: terms, from: "es", to: "en", multidirectional: false).terms.isEmpty)
        #expect(TermProtection(terminology: terms, from: "es", to: "en", multidirectional: true).terms.count == 1)
    }
}
