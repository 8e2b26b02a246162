import Foundation

/// One recording on disk: JSON Lines, plain or gzip-compressed.
public struct RecordingFile: Sendable, Hashable {
    public var path: String
    /// Whether the file is gzip-compressed (by its `.gz` suffix).
    public var isCompressed: Bool
    /// Its size on disk, for progress.
    public var bytes: Int

    public init(path: String, isCompressed: Bool, bytes: Int) {
        self.path = path
        self.isCompressed = isCompressed
        self.bytes = bytes
    }

    /// Suffixes taken from a directory; any file named on the command line is taken as is.
    static let recordingSuffixes = [".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz", ".json", ".json.gz"]

    /// The recordings named by `paths`: files as given, directories searched recursively for
    /// JSON Lines files (sorted by path, so a replay is the same on every machine).
    public static func resolve(_ paths: [String]) throws(ReplayError) -> [RecordingFile] {
        guard !paths.isEmpty else { throw ReplayError("no recordings given; name JSON Lines files or directories of them") }
        let fm = FileManager.default
        var files: [RecordingFile] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw ReplayError(path: path, "no such file or directory")
            }
            if !isDirectory.boolValue {
                files.append(file(path))
                continue
            }
            guard let walker = fm.enumerator(atPath: path) else {
                throw ReplayError(path: path, "cannot list the directory; check its permissions")
            }
            var found: [String] = []
            while let relative = walker.nextObject() as? String {
                let lower = relative.lowercased()
                if recordingSuffixes.contains(where: { lower.hasSuffix($0) }) {
                    found.append((path as NSString).appendingPathComponent(relative))
                }
            }
            guard !found.isEmpty else {
                throw ReplayError(path: path, "no recordings there (looked for \(recordingSuffixes.joined(separator: ", ")))")
            }
            files.append(contentsOf: found.sorted().map(file))
        }
        return files
    }

    private static func file(_ path: String) -> RecordingFile {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        return RecordingFile(path: path, isCompressed: path.lowercased().hasSuffix(".gz"), bytes: size)
    }
}
