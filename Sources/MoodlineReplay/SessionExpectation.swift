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
