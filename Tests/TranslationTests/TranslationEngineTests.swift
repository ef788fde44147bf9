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
