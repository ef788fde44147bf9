import Foundation

/// Keeps OpenMP to one thread per engine call. Tesseract's LSTM asks OpenMP for 4–10 threads on every line it
/// reads; the gateway already runs one Tesseract per core for parallel requests, and on a small machine the extra
/// threads only spin (measured: a 3-line page takes 1.1–1.5 s with them, 0.25 s without). OpenMP reads its thread
/// limit once, when the library loads, before any Swift code runs: so the process starts itself again, once, with
/// `OMP_THREAD_LIMIT=1`, unless the caller has chosen a limit.
enum OpenMPThreadLimit {
    static func applyByRestarting() {
        guard ProcessInfo.processInfo.environment["OMP_THREAD_LIMIT"] == nil else { return }
        setenv("OMP_THREAD_LIMIT", "1", 1)
        // Same process id, same arguments; only if the restart fails does this process go on as it is.
        execv("/proc/self/exe", CommandLine.unsafeArgv)
    }
}
