/// A problem found in a lexicon file, with where it is and what to do about it.
public struct LexiconIssue: Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case fieldCount = "field_count"
        case badWeight = "bad_weight"
        case weightOutOfRange = "weight_out_of_range"
        case unknownTag = "unknown_tag"
        case emptyTerm = "empty_term"
        case unmatchableTerm = "unmatchable_term"
        case duplicate
        case traditionalScript = "traditional_script"
        case upperCase = "upper_case"
        case badMapLine = "bad_map_line"
        case noEntries = "no_entries"
        case badPattern = "bad_pattern"
        case unknownConcept = "unknown_concept"
        case unusedConcept = "unused_concept"
        case badModel = "bad_model"
    }

    public var code: Code
    public var file: String
    public var line: Int
    public var message: String
    /// Errors stop a lexicon from loading; warnings only show in `moodline lexicon check`.
    public var isError: Bool

    public init(_ code: Code, file: String, line: Int, _ message: String, isError: Bool = true) {
        self.code = code
        self.file = file
        self.line = line
        self.message = message
        self.isError = isError
    }

    public var description: String {
        "\(file):\(line): \(isError ? "error" : "warning"): \(message) [\(code.rawValue)]"
    }
}

/// A lexicon that cannot be loaded; `issues` lists every error with its file and line.
public struct LexiconError: Error, Sendable, CustomStringConvertible {
    public var issues: [LexiconIssue]

    public init(issues: [LexiconIssue]) { self.issues = issues }

    public var description: String {
        let errors = issues.filter(\.isError)
        let shown = errors.prefix(10).map(\.description).joined(separator: "\n")
        let more = errors.count > 10 ? "\n… and \(errors.count - 10) more" : ""
        return "the lexicon has \(errors.count) error(s); fix them or run `moodline lexicon check`:\n\(shown)\(more)"
    }
}
