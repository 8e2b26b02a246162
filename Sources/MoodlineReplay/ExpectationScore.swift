/// Alerts scored against expectations by the rules of the scenarios' README ("How to judge a
/// system") and its `tools/score.py`, so the two always agree:
///
/// - an alert matches an expectation with the same session and kind whose window
///   `[not_before_seq, by_seq]` holds its seq; each expectation is matched at most once, by
///   the first alert in its window;
/// - every alert of a kind the session forbids is a false alarm;
/// - precision = matched / (matched + false alarms), recall = matched / expected;
/// - other alerts (don't-care kinds, further episodes) are not scored;
/// - fragments-to-alert = matching seq − `not_before_seq`, over matched expectations.
public struct ExpectationScore: Sendable, Equatable {
    /// Expected, matched and false alarms of one group (a kind, a language, a channel).
    public struct Tally: Sendable, Hashable {
        public var expected = 0
        public var matched = 0
        public var falseAlarms = 0

        public init() {}

        public var recall: Double? { expected > 0 ? Double(matched) / Double(expected) : nil }
    }

    /// How one expectation or forbidden kind came out.
    public struct Outcome: Sendable, Equatable {
        public enum Verdict: String, Sendable {
            case hit, miss, falseAlarm = "false"
        }

        public var session: String
        public var kind: String
        public var verdict: Verdict
        /// The window, for expectations.
        public var window: ClosedRange<Int64>?
        /// The matching alert's seq (hit), or the first alert of the kind (miss, false alarm).
        public var seq: Int64?
    }

    public var expected = 0
    public var matched = 0
    public var falseAlarms = 0
    /// Missed expectations with an alert of the kind before the window, or only after it.
    public var earlyMisses = 0
    public var lateMisses = 0
    /// Alerts of sessions the expectations do not name.
    public var unknownSessionAlerts = 0
    /// Matching seq − not_before_seq, per matched expectation.
    public var delays: [Int64] = []
    public var byKind: [String: Tally] = [:]
    public var byLang: [String: Tally] = [:]
    public var byChannel: [String: Tally] = [:]
    public var outcomes: [Outcome] = []

    public var recall: Double { expected > 0 ? Double(matched) / Double(expected) : 0 }
    public var precision: Double { matched + falseAlarms > 0 ? Double(matched) / Double(matched + falseAlarms) : 0 }

    /// The median of ``delays`` (the mean of the middle two for an even count), nil when nothing matched.
    public var medianFragmentsToAlert: Double? {
        guard !delays.isEmpty else { return nil }
        let sorted = delays.sorted()
        let mid = sorted.count / 2
        if sorted.count % 2 == 1 { return Double(sorted[mid]) }
        return Double(sorted[mid - 1] + sorted[mid]) / 2
    }

    /// False alarms by kind.
    public var falseAlarmsByKind: [String: Int] {
        byKind.filter { $0.value.falseAlarms > 0 }.mapValues(\.falseAlarms)
    }

    /// Scores `alerts` against `expectations`.
    public init(alerts: [AlertKey], expectations: [SessionExpectation]) {
        var known: [String: SessionExpectation] = [:]
        for e in expectations { known[e.session] = e }
        var bySessionKind: [String: [String: [Int64]]] = [:]
        for a in alerts {
            guard known[a.session] != nil else {
                unknownSessionAlerts += 1
                continue
            }
            bySessionKind[a.session, default: [:]][a.kind, default: []].append(a.seq)
        }
        for e in expectations {
            let lang = e.lang ?? "?"
            let channel = e.channel ?? "?"
            for x in e.expect {
                let seqs = (bySessionKind[e.session]?[x.kind] ?? []).sorted()
                expected += 1
                byKind[x.kind, default: Tally()].expected += 1
                byLang[lang, default: Tally()].expected += 1
                byChannel[channel, default: Tally()].expected += 1
                let window = x.notBeforeSeq...x.bySeq
                if let hit = seqs.first(where: { window.contains($0) }) {
                    matched += 1
                    byKind[x.kind]!.matched += 1
                    byLang[lang]!.matched += 1
                    byChannel[channel]!.matched += 1
                    delays.append(hit - x.notBeforeSeq)
                    outcomes.append(Outcome(session: e.session, kind: x.kind, verdict: .hit, window: window, seq: hit))
                } else {
                    if seqs.contains(where: { $0 < x.notBeforeSeq }) { earlyMisses += 1 }
                    if seqs.contains(where: { $0 > x.bySeq }) { lateMisses += 1 }
                    outcomes.append(Outcome(session: e.session, kind: x.kind, verdict: .miss, window: window, seq: seqs.first))
                }
            }
            for kind in e.forbid {
                let seqs = (bySessionKind[e.session]?[kind] ?? []).sorted()
                guard !seqs.isEmpty else { continue }
                falseAlarms += seqs.count
                byKind[kind, default: Tally()].falseAlarms += seqs.count
                byLang[lang, default: Tally()].falseAlarms += seqs.count
                byChannel[channel, default: Tally()].falseAlarms += seqs.count
                outcomes.append(Outcome(session: e.session, kind: kind, verdict: .falseAlarm, window: nil, seq: seqs.first))
            }
        }
    }

    /// The sessions the expectations name (the alerts worth keeping for scoring).
    public static func sessions(of expectations: [SessionExpectation]) -> Set<String> {
        Set(expectations.map(\.session))
    }
}
