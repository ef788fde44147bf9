import CEditLine
import Foundation

/// Reads the user's lines: with line editing and history (editline) on a terminal, plainly from a pipe.
struct LineReader {
    /// Whether standard input is a terminal.
    let interactive = isatty(STDIN_FILENO) != 0

    /// The next line without its newline, or `nil` at the end of input.
    func next(prompt: String) -> String? {
        guard interactive else { return readLine() }
        guard let line = readline(prompt) else { return nil }
        defer { free(line) }
        let text = String(cString: line)
        if !text.trimmingCharacters(in: .whitespaces).isEmpty { add_history(line) }
        return text
    }
}
