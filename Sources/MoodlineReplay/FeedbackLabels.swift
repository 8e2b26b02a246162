import MoodlineStore

/// People's verdicts turned into labels: a `helpful` alert is an expectation at its fragment, a
/// `false_alarm` forbids its kind in that conversation. Labels written by hand win over
/// verdicts that contradict them; the conflicts are counted.
public struct FeedbackLabels: Sendable, Equatable {
    /// One judged alert: a verdict on an alert, or each alert of a judged ticket.
    public struct Judged: Sendable, Equatable {
        public var session: String
        public var kind: String
        public var seq: Int64
        public var verdict: Feedback.Verdict

        public init(session: String, kind: String, seq: Int64, verdict: Feedback.Verdict) {
            self.session = session
            self.kind = kind
            self.seq = seq
            self.verdict = verdict
        }
    }

    public private(set) var expectations: [SessionExpectation]
    /// Verdicts used, and those a hand-written label contradicted (left out).
    public private(set) var used = 0
    public private(set) var conflicts = 0

    /// `base` with the verdicts added; sessions only the verdicts name get lines of their own,
    /// where kinds nobody judged stay don't-care.
    public init(base: [SessionExpectation], judged: [Judged]) {
        var lines = base
        var index: [String: Int] = [:]
        for (k, e) in lines.enumerated() { index[e.session] = k }
        let handWritten = Set(base.map(\.session))
        for j in judged {
            let k: Int
            if let found = index[j.session] {
                k = found
            } else {
                k = lines.count
                index[j.session] = k
                lines.append(SessionExpectation(session: j.session, note: "labels from feedback"))
            }
            var line = lines[k]
            let expected = line.expect.contains { $0.kind == j.kind }
            let forbidden = line.forbid.contains(j.kind)
            switch j.verdict {
            case .helpful:
                if forbidden {
                    if handWritten.contains(j.session) { conflicts += 1; continue }
                    // Two people disagree: a kind someone found helpful is not forbidden.
                    line.forbid.removeAll { $0 == j.kind }
                }
                if !expected { line.expect.append(.init(kind: j.kind, notBeforeSeq: j.seq, bySeq: j.seq)) }
            case .falseAlarm:
                // An expected kind stays expected: a hand label wins (a conflict), and so does
                // another person's `helpful`.
                if expected {
                    if handWritten.contains(j.session) { conflicts += 1 }
                    continue
                }
                if !forbidden { line.forbid.append(j.kind) }
            }
            used += 1
            lines[k] = line
        }
        expectations = lines
    }
}
