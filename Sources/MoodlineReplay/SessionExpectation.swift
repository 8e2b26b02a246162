import Foundation

/// One session's labelled expectations (a line of the scenarios' `expectations.jsonl`): the
/// alerts a good system raises, each inside a window of fragments, and the kinds it must not raise.
public struct SessionExpectation: Sendable, Decodable, Equatable {
    /// An expected alert: its kind, fired on a fragment in `notBeforeSeq...bySeq`.
    public struct Window: Sendable, Decodable, Equatable {
        public var kind: String
        public var notBeforeSeq: Int64
        public var bySeq: Int64

        enum CodingKeys: String, CodingKey {
            case kind
            case notBeforeSeq = "not_before_seq"
            case bySeq = "by_seq"
        }

        public init(kind: String, notBeforeSeq: Int64, bySeq: Int64) {
            self.kind = kind
            self.notBeforeSeq = notBeforeSeq
            self.bySeq = bySeq
        }
    }

    public var session: String
    public var lang: String?
    public var channel: String?
    public var topic: String?
    public var expect: [Window]
    public var forbid: [String]
    public var note: String?

    public init(session: String, expect: [Window] = [], forbid: [String] = [], lang: String? = nil, note: String? = nil) {
        self.session = session
        self.expect = expect
        self.forbid = forbid
        self.lang = lang
        self.note = note
    }

    /// Reads an expectations file: one JSON object a line, blank lines skipped.
    public static func load(path: String) throws(ReplayError) -> [SessionExpectation] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ReplayError(path: path, "cannot read the expectations file; check the path")
        }
        var out: [SessionExpectation] = []
        let decoder = JSONDecoder()
        for (n, line) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            do {
                out.append(try decoder.decode(SessionExpectation.self, from: Data(line)))
            } catch {
                throw ReplayError(path: path, "line \(n + 1) is not an expectation ({\"session\",\"expect\":[{\"kind\",\"not_before_seq\",\"by_seq\"}],\"forbid\":[…]}): \(error)")
            }
        }
        guard !out.isEmpty else { throw ReplayError(path: path, "no expectations in the file") }
        return out
    }
}

/// How the labels read one alert, for the QA report: the expectation it matched, or why it
/// counts against the rules, or that no label speaks of it.
public enum AlertJudgement: Sendable, Equatable {
    /// Inside the window of an expectation of its kind.
    case matched(ClosedRange<Int64>)
    /// Its kind is expected here, but this alert lies outside every window of it.
    case outsideWindow(ClosedRange<Int64>)
    /// Its kind is forbidden in this conversation: a false alarm.
    case forbidden
    /// The labels neither expect nor forbid its kind here (judged arguable): not scored.
    case dontCare
    /// The conversation has no labels: not scored.
    case unlabelled

    /// Words for the report.
    public var text: String {
        switch self {
        case .matched(let w): "matched the expectation (fragments \(w.lowerBound)–\(w.upperBound))"
        case .outsideWindow(let w): "outside the expected window (\(w.lowerBound)–\(w.upperBound))"
        case .forbidden: "false alarm: forbidden in this conversation"
        case .dontCare: "not scored: the labels leave this kind open here"
        case .unlabelled: "not scored: no labels for this conversation"
        }
    }

    /// A short class name for styling.
    public var tag: String {
        switch self {
        case .matched: "matched"
        case .outsideWindow: "outside"
        case .forbidden: "false"
        case .dontCare, .unlabelled: "unscored"
        }
    }
}

extension SessionExpectation {
    /// How these labels read an alert of `kind` at fragment `seq`.
    public func judge(kind: String, seq: Int64) -> AlertJudgement {
        let windows = expect.filter { $0.kind == kind }.map { $0.notBeforeSeq...$0.bySeq }
        if let hit = windows.first(where: { $0.contains(seq) }) { return .matched(hit) }
        if let nearest = windows.min(by: { abs($0.lowerBound - seq) < abs($1.lowerBound - seq) }) { return .outsideWindow(nearest) }
        return forbid.contains(kind) ? .forbidden : .dontCare
    }

    /// Whether these are the project's own development scenarios (`dev-001` …), on which the
    /// shipped rules were tuned: scores on them are optimistic.
    public static func areDevelopmentSet(_ expectations: [SessionExpectation]) -> Bool {
        !expectations.isEmpty && expectations.allSatisfy { e in
            e.session.hasPrefix("dev-") && e.session.dropFirst(4).count == 3 && e.session.dropFirst(4).allSatisfy(\.isNumber)
        }
    }
}
