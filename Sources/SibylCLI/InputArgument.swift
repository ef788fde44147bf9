import ArgumentParser
import Foundation

/// An `--input` option's value: JSON text, or `@FILE` to read it from a file (`sibyl call`, `sibyl batch`).
enum InputArgument {
    /// The text's bytes, or the named file's.
    static func read(_ text: String) throws -> Data {
        guard text.hasPrefix("@") else { return Data(text.utf8) }
        let path = String(text.dropFirst())
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ValidationError("cannot read the input file \(path): \(error.localizedDescription)")
        }
    }
}
