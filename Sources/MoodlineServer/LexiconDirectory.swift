import Foundation
import MoodlineCore

/// Reads lexicon files from a directory: the I/O half of loading a ``Lexicon``.
public enum LexiconDirectory {
    /// The text of every `*.tsv` and `*.map` file in `path`, sorted by name.
    public static func sources(at path: String) throws(LexiconDirectoryError) -> [LexiconSource] {
        let url = URL(fileURLWithPath: path, isDirectory: true)
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: url.path)
        } catch {
            throw LexiconDirectoryError(path: path, message: "cannot list the directory (\(error.localizedDescription)); pass an existing directory of *.tsv and *.map files")
        }
        let files = names.filter { $0.hasSuffix(".tsv") || $0.hasSuffix(".map") || $0.hasSuffix(".patterns") || $0.hasSuffix(".model") }.sorted()
        guard !files.isEmpty else {
            throw LexiconDirectoryError(path: path, message: "no *.tsv or *.map files there; pass the folder that holds the lexicons")
        }
        var sources: [LexiconSource] = []
        for name in files {
            let file = url.appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: file.path) else {
                throw LexiconDirectoryError(path: file.path, message: "cannot read the file; check its permissions")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw LexiconDirectoryError(path: file.path, message: "the file is not valid UTF-8; save it as UTF-8")
            }
            sources.append(LexiconSource(name: name, text: text))
        }
        return sources
    }

    /// The lexicon in `path`, or the embedded one when `path` is nil.
    public static func load(_ path: String?) throws -> Lexicon {
        guard let path else { return Lexicon.embedded }
        return try Lexicon(sources: sources(at: path))
    }
}

/// A lexicon directory that could not be read.
public struct LexiconDirectoryError: Error, CustomStringConvertible {
    public var path: String
    public var message: String

    public var description: String { "\(path): \(message)" }
}
