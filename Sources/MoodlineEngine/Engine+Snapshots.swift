import MoodlineCore

extension Engine {
    /// Marks the session's snapshot due if the interval has passed in event time.
    mutating func noteSnapshot(slot: Int32, ts: Double, into output: inout EngineOutput) {
        let interval = configuration.sessions.snapshotIntervalSeconds
        let due: String? = modify(slot) { s in
            guard ts - s.lastSnapshotTs >= interval else { return nil }
            s.lastSnapshotTs = ts
            return s.id
        }
        if let due { output.snapshotsDue.append(due) }
    }

    func isOpen(_ kind: AlertKind, in s: borrowing SessionState) -> Bool {
        Self.isOpen(kind, in: s, configuration)
    }

    static func isOpen(_ kind: AlertKind, in s: borrowing SessionState, _ configuration: EngineConfig) -> Bool {
        let e = s.episodes[kind]
        guard e.isOpen else { return false }
        if let rule = configuration.oneShotRule(kind) {
            return s.lastTs - e.lastStatement <= rule.cooldownSeconds
        }
        return true
    }

    /// Reads the session in its slot (no copy of the state) into a snapshot; `history: false`
    /// leaves the history empty, which spares the arrays `HistoryPool.ordered` builds.
    func makeSnapshot(slot: Int32, history withHistory: Bool) -> SessionSnapshot {
        slots.withUnsafeBufferPointer { table in
            makeSnapshot(table[Int(slot)], history: withHistory ? history.ordered(slot) : [])
        }
    }

    func makeSnapshot(_ s: borrowing SessionState, history: [SessionSnapshot.Point]) -> SessionSnapshot {
        var open: [AlertKind] = []
        for kind in AlertKind.allCases where isOpen(kind, in: s) { open.append(kind) }
        return SessionSnapshot(
            session: s.id, agent: s.agent, team: s.team, channel: s.channel, customer: s.customerID,
            startTs: s.startTs, lastTs: s.lastTs, fragments: s.fragments,
            customerValence: s.customer.valence, customerArousal: s.customer.arousal,
            agentValence: s.agentState.valence, agentArousal: s.agentState.arousal,
            customerArousalTrend: s.customer.arousalTrend,
            history: history, openAlerts: open, risk: risk(s, open: open))
    }

    /// Risk for sorting a console: an open critical alert dominates, then warnings, then how
    /// negative and agitated the customer is. Clamped to 0...1.
    func risk(_ s: borrowing SessionState, open: [AlertKind]) -> Double {
        var r = 0.0
        for kind in open {
            switch configuration.severity(of: kind) {
            case .critical: r += 0.6
            case .warning: r += 0.2
            case .info: r += 0.05
            }
        }
        r += 0.25 * Double(max(0, -s.customer.valence)) + 0.1 * Double(s.customer.arousal)
        r += 0.1 * Double(max(0, -s.agentState.valence))
        return min(1, max(0, r))
    }
}
