import Foundation

/// The scenario development set in `<repo>/../shared/scenarios`: the 30 sessions merged by `ts`
/// into one live stream, their expectations, and the scoring rules of its README
/// ("How to judge a system"), as `tools/score.py` implements them.
struct ScenarioSet {
    static let root: URL = E2E.repoRoot.deletingLastPathComponent().appendingPathComponent("shared/scenarios")

    /// Whether the set is there to test against (it lives outside the repository).
    static var isAvailable: Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent("expectations.jsonl").path)
            && FileManager.default.fileExists(atPath: root.appendingPathComponent("sessions").path)
    }

    struct Line {
        var session: String
        var type: String
        var seq: Int?
        var ts: Double
        /// The line exactly as in the file, as a gateway would push it.
        var bytes: [UInt8]
    }

    struct Window {
        var kind: String
        var notBefore: Int
        var by: Int
    }

    struct Expectation {
        var session: String
        var lang: String
        var channel: String
        var expect: [Window]
        var forbid: Set<String>
    }

    /// Every line of every session, merged by `ts` (ties: the file named first, then file order).
    let stream: [Line]
    /// In file order.
    let expectations: [Expectation]

    var fragmentCount: Int { stream.filter { $0.type == "fragment" }.count }

    init() throws {
        let sessions = Self.root.appendingPathComponent("sessions")
        let names = try FileManager.default.contentsOfDirectory(atPath: sessions.path).filter { $0.hasSuffix(".jsonl") }.sorted()
        var keyed: [(ts: Double, file: Int, line: Int, value: Line)] = []
        for (fileIndex, name) in names.enumerated() {
            let text = try String(contentsOf: sessions.appendingPathComponent(name), encoding: .utf8)
            var lineIndex = 0
            for raw in text.split(separator: "\n", omittingEmptySubsequences: true) {
                let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
                if trimmed.isEmpty { continue }
                guard let object = E2E.object(trimmed), let session = object["session"] as? String, let ts = (object["ts"] as? NSNumber)?.doubleValue else {
                    throw E2EError("\(name): line \(lineIndex + 1) is not a wire message with session and ts")
                }
                let line = Line(session: session, type: object["type"] as? String ?? "fragment", seq: object["seq"] as? Int, ts: ts, bytes: Array(trimmed.utf8))
                keyed.append((ts, fileIndex, lineIndex, line))
                lineIndex += 1
            }
        }
        keyed.sort { a, b in
            if a.ts != b.ts { return a.ts < b.ts }
            if a.file != b.file { return a.file < b.file }
            return a.line < b.line
        }
        stream = keyed.map(\.value)

        let expectationText = try String(contentsOf: Self.root.appendingPathComponent("expectations.jsonl"), encoding: .utf8)
        var expectations: [Expectation] = []
        for raw in expectationText.split(separator: "\n") where !raw.allSatisfy(\.isWhitespace) {
            guard let object = E2E.object(String(raw)), let session = object["session"] as? String,
                  let expect = object["expect"] as? [[String: Any]], let forbid = object["forbid"] as? [String]
            else { throw E2EError("expectations.jsonl: bad line \(raw.prefix(80))") }
            let windows = try expect.map { item -> Window in
                guard let kind = item["kind"] as? String, let lo = item["not_before_seq"] as? Int, let hi = item["by_seq"] as? Int else {
                    throw E2EError("expectations.jsonl: bad window in \(session)")
                }
                return Window(kind: kind, notBefore: lo, by: hi)
            }
            expectations.append(Expectation(
                session: session, lang: object["lang"] as? String ?? "?", channel: object["channel"] as? String ?? "?",
                expect: windows, forbid: Set(forbid)
            ))
        }
        self.expectations = expectations
    }

    // MARK: Scoring

    struct Tally {
        var expected = 0
        var matched = 0
        var falseAlarms = 0
        var recall: Double { expected == 0 ? 1 : Double(matched) / Double(expected) }
    }

    struct Score {
        var expected = 0
        var matched = 0
        var falseAlarms = 0
        var earlyMisses = 0
        var lateMisses = 0
        var unknownSessions = 0
        var delays: [Int] = []
        var byKind: [String: Tally] = [:]
        var byLang: [String: Tally] = [:]
        var byChannel: [String: Tally] = [:]
        var misses: [String] = []
        var falseAlarmList: [String] = []

        var recall: Double { expected == 0 ? 0 : Double(matched) / Double(expected) }
        var precision: Double { matched + falseAlarms == 0 ? 0 : Double(matched) / Double(matched + falseAlarms) }

        /// The median as `statistics.median` takes it (the mean of the middle two for an even count).
        var medianDelay: Double? {
            guard !delays.isEmpty else { return nil }
            let sorted = delays.sorted()
            let mid = sorted.count / 2
            return sorted.count % 2 == 1 ? Double(sorted[mid]) : Double(sorted[mid - 1] + sorted[mid]) / 2
        }

        var report: String {
            func f(_ x: Double) -> String { String(format: "%.3f", x) }
            var lines: [String] = []
            lines.append("expectations \(expected)  matched \(matched)  recall \(f(recall))")
            lines.append("false alarms \(falseAlarms)  precision \(f(precision))")
            lines.append("median fragments-to-alert \(medianDelay.map { String($0) } ?? "n/a")")
            lines.append("missed with an early alert \(earlyMisses), with only a late alert \(lateMisses); alerts for unknown sessions \(unknownSessions)")
            func table(_ title: String, _ tallies: [String: Tally]) {
                lines.append(title.padding(toLength: 19, withPad: " ", startingAt: 0) + "expected  matched   recall    false")
                for name in tallies.keys.sorted() {
                    let t = tallies[name]!
                    lines.append(
                        name.padding(toLength: 19, withPad: " ", startingAt: 0)
                            + String(format: "%8d %8d %8.3f %8d", t.expected, t.matched, t.recall, t.falseAlarms)
                    )
                }
            }
            table("kind", byKind)
            table("lang", byLang)
            table("channel", byChannel)
            for miss in misses { lines.append("  MISS  \(miss)") }
            for alarm in falseAlarmList { lines.append("  FALSE \(alarm)") }
            return lines.joined(separator: "\n")
        }
    }

    /// Scores alerts given as (session, kind, triggering seq) by the README's rules: an
    /// expectation is matched by the first alert of its session and kind within
    /// `[not_before_seq, by_seq]`; every alert of a forbidden kind is a false alarm; other
    /// alerts are not scored.
    func score(_ alerts: [(session: String, kind: String, seq: Int)]) -> Score {
        var seqs: [String: [Int]] = [:]
        var score = Score()
        let known = Set(expectations.map(\.session))
        for alert in alerts {
            guard known.contains(alert.session) else {
                score.unknownSessions += 1
                continue
            }
            seqs["\(alert.session)|\(alert.kind)", default: []].append(alert.seq)
        }
        for e in expectations {
            for window in e.expect {
                let fired = (seqs["\(e.session)|\(window.kind)"] ?? []).sorted()
                let hit = fired.first { window.notBefore <= $0 && $0 <= window.by }
                score.expected += 1
                score.byKind[window.kind, default: Tally()].expected += 1
                score.byLang[e.lang, default: Tally()].expected += 1
                score.byChannel[e.channel, default: Tally()].expected += 1
                if let hit {
                    score.matched += 1
                    score.byKind[window.kind]!.matched += 1
                    score.byLang[e.lang]!.matched += 1
                    score.byChannel[e.channel]!.matched += 1
                    score.delays.append(hit - window.notBefore)
                } else {
                    if fired.contains(where: { $0 < window.notBefore }) { score.earlyMisses += 1 }
                    if fired.contains(where: { $0 > window.by }) { score.lateMisses += 1 }
                    score.misses.append("\(e.session) \(window.kind) \(window.notBefore)..\(window.by), fired at \(fired)")
                }
            }
            for kind in e.forbid.sorted() {
                let fired = seqs["\(e.session)|\(kind)"] ?? []
                guard !fired.isEmpty else { continue }
                score.falseAlarms += fired.count
                score.byKind[kind, default: Tally()].falseAlarms += fired.count
                score.byLang[e.lang, default: Tally()].falseAlarms += fired.count
                score.byChannel[e.channel, default: Tally()].falseAlarms += fired.count
                score.falseAlarmList.append("\(e.session) \(kind) (forbidden) at \(fired.sorted())")
            }
        }
        return score
    }

    /// The critical kinds, which raise urgent tickets under the default configuration.
    static let criticalKinds: Set<String> = ["self_harm", "abuse", "escalation_threat"]
}

/// Pushes the whole merged stream (or a slice of it) through a server, in order.
extension Pusher {
    func push(_ lines: ArraySlice<ScenarioSet.Line>) throws {
        for line in lines { try send(line.bytes) }
    }
}
