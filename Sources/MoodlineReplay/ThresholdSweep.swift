import MoodlineEngine
import MoodlineServer

/// `moodline tune`'s search: for each sustained kind, the recordings replayed under a range of
/// `enter` levels (the rest of the configuration as given), each scored for that kind against
/// the labels. The chosen level has the best F1 for the kind; among equals the fewest false
/// alarms, then the one nearest the current setting, so a sweep that finds nothing better
/// changes nothing.
public struct ThresholdSweep: Sendable {
    /// One candidate level and how the kind fared under it.
    public struct Row: Sendable, Equatable {
        public var enter: Double
        public var exit: Double
        public var tally: ExpectationScore.Tally

        public var precision: Double? { tally.matched + tally.falseAlarms > 0 ? Double(tally.matched) / Double(tally.matched + tally.falseAlarms) : nil }
        public var recall: Double? { tally.recall }
        /// 0 when nothing was expected and nothing fired wrongly is no evidence either way.
        public var f1: Double {
            let p = precision ?? (tally.expected == 0 ? 1 : 0), r = recall ?? 1
            return p + r > 0 ? 2 * p * r / (p + r) : 0
        }
    }

    /// The sweep of one kind.
    public struct KindResult: Sendable, Equatable {
        public var kind: AlertKind
        public var current: EngineConfig.SustainedRule
        public var rows: [Row]
        public var chosen: Row

        /// Whether the labels say anything about the kind (an expectation or a forbidding).
        public var isLabelled: Bool { rows.contains { $0.tally.expected > 0 || $0.tally.falseAlarms > 0 } }
    }

    /// The kinds with a level to tune.
    public static let kinds: [AlertKind] = [.customerNegative, .customerAnger, .agentStress, .interruptions]

    public var files: [RecordingFile]
    public var configuration: ServerConfiguration
    public var expectations: [SessionExpectation]

    public init(files: [RecordingFile], configuration: ServerConfiguration, expectations: [SessionExpectation]) {
        self.files = files
        self.configuration = configuration
        self.expectations = expectations
    }

    /// The levels tried for a rule: the current one and multiples of it up to four times (whole
    /// overlaps for interruptions), each with the rule's exit kept in the same proportion. Four
    /// times reaches the lines that open an episode at once, which verdicts of false alarm on
    /// clearly unhappy customers need.
    public static func candidates(_ kind: AlertKind, _ rule: EngineConfig.SustainedRule) -> [Double] {
        if kind == .interruptions {
            return Array(Set([1.0, 2, 3, 4, 5, 6, rule.enter])).sorted()
        }
        let scaled = [0.5, 0.75, 1, 1.25, 1.5, 2, 3, 4].map { ($0 * rule.enter * 100).rounded() / 100 }
        return Array(Set(scaled + [rule.enter])).filter { $0 > 0 }.sorted()
    }

    /// Replays once per candidate of each kind; `progress` hears each finished replay.
    public func run(kinds: [AlertKind] = kinds, progress: (AlertKind, Double) -> Void = { _, _ in }) throws(ReplayError) -> [KindResult] {
        var results: [KindResult] = []
        for kind in kinds {
            guard let current = configuration.engine.sustainedRule(kind) else { continue }
            var rows: [Row] = []
            for enter in Self.candidates(kind, current) {
                var rule = current
                rule.enter = enter
                rule.exit = current.enter > 0 ? enter * current.exit / current.enter : current.exit
                var candidate = configuration
                candidate.engine.setSustainedRule(kind, rule)
                rows.append(Row(enter: enter, exit: rule.exit, tally: try score(candidate).byKind[kind.rawValue] ?? .init()))
                progress(kind, enter)
            }
            // Best F1; among equals, fewer false alarms (all a set of verdicts may hold), then
            // the level nearest the current one.
            let best = rows.max { a, b in
                if a.f1 != b.f1 { return a.f1 < b.f1 }
                if a.tally.falseAlarms != b.tally.falseAlarms { return a.tally.falseAlarms > b.tally.falseAlarms }
                return abs(a.enter - current.enter) > abs(b.enter - current.enter)
            }
            guard let best else { continue }
            results.append(KindResult(kind: kind, current: current, rows: rows, chosen: best))
        }
        return results
    }

    /// The labels' score of one configuration.
    public func score(_ configuration: ServerConfiguration) throws(ReplayError) -> ExpectationScore {
        var options = ReplayRecorder.Options()
        options.keys = .sessions(ExpectationScore.sessions(of: expectations))
        var replay = Replay(files: files, configuration: configuration)
        replay.progress = false
        var recorder = try ReplayRecorder(options: options)
        _ = try replay.run(into: &recorder)
        try recorder.finish()
        return ExpectationScore(alerts: recorder.alertKeys, expectations: expectations)
    }

    /// The chosen levels as a configuration file's `engine.rules` section.
    public static func yaml(_ results: [KindResult], header: String) -> String {
        var text = header.split(separator: "\n", omittingEmptySubsequences: false).map { "# " + $0 }.joined(separator: "\n")
        text += "\nengine:\n  rules:\n"
        for r in results {
            text += "    \(r.kind.rawValue):\n"
            text += "      enter: \(format(r.chosen.enter))\n"
            text += "      exit: \(format(r.chosen.exit))\n"
        }
        return text
    }

    /// A level as written in the configuration: at most three decimals, whole numbers bare.
    public static func format(_ x: Double) -> String {
        let rounded = (x * 1000).rounded() / 1000
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
