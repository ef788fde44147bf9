import Foundation

/// Keeps OpenMP to one thread per engine call. Tesseract's LSTM asks OpenMP for 4–10 threads on every line it
/// reads; the gateway already runs one Tesseract per core for parallel requests, and on a small machine the extra
/// threads only spin (measured: a 3-line page takes 1.1–1.5 s with them, 0.25 s without). OpenMP reads its thread
/// limit once, when the library loads, before any Swift code runs: so the process starts itself again, once, with
/// `OMP_THREAD_LIMIT=1`, unless the caller has chosen a limit.
enum OpenMPThreadLimit {
    /// Subcommands whose engines never reach OpenMP: they skip the restart, which costs about 55 ms a process
    /// (`sibyl forecast` is run once per file, often many times in a row).
    static let subcommandsWithoutOpenMP: Set<String> = ["forecast"]

    static func applyByRestarting() {
        guard ProcessInfo.processInfo.environment["OMP_THREAD_LIMIT"] == nil else { return }
        if CommandLine.arguments.count > 1, subcommandsWithoutOpenMP.contains(CommandLine.arguments[1]) { return }
        setenv("OMP_THREAD_LIMIT", "1", 1)
        // Same process id, same arguments; only if the restart fails does this process go on as it is.
        execv("/proc/self/exe", CommandLine.unsafeArgv)
    }
}
