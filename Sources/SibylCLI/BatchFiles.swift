import ArgumentParser
import Foundation

/// The files a batch reads, each with the name its answer is written under.
struct BatchFiles {
    struct File: Sendable {
        /// Where the file is.
        var source: URL
        /// Its path below the output folder, without the answer's extension: the file's name, or its path below the
        /// folder it was found in.
        var name: String
    }

    let all: [File]

    init(_ paths: [String]) throws {
        var files: [File] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                throw ValidationError("no such file or folder: \(path)")
            }
            let url = URL(fileURLWithPath: path)
            guard isFolder.boolValue else {
                files.append(File(source: url, name: url.lastPathComponent))
                continue
            }
            let root = url.standardizedFileURL.pathComponents
            let found = FileManager.default.enumerator(
                at: url, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
            while let item = found?.nextObject() as? URL {
                guard (try? item.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
                let below = item.standardizedFileURL.pathComponents.dropFirst(root.count)
                files.append(File(source: item, name: below.joined(separator: "/")))
            }
        }
        files.sort { $0.name < $1.name }
        for (first, second) in zip(files, files.dropFirst()) where first.name == second.name {
            throw ValidationError(
                "\(first.source.path) and \(second.source.path) would both be answered as \(first.name): "
                    + "batch them apart")
        }
        all = files
    }
}
