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

    /// Risk for sorting a console, graded so that conversations can be told apart: the most
    /// severe open alert sets the band (critical from 0.55, a self-harm one 0.05 higher, warning
    /// from 0.3, info from 0.1), more open kinds add up to 0.1, and how negative and agitated
    /// the customer (and how negative the agent) is adds up to 0.3 within it. In 0...1; two
    /// open criticals no longer both read 1.00.
    func risk(_ s: borrowing SessionState, open: [AlertKind]) -> Double {
        var band = 0.0
        for kind in open {
            switch configuration.severity(of: kind) {
            case .critical: band = max(band, kind == .selfHarm ? 0.6 : 0.55)
            case .warning: band = max(band, 0.3)
            case .info: band = max(band, 0.1)
            }
        }
        let more = min(0.1, 0.04 * Double(max(0, open.count - 1)))
        let mood = 0.2 * Double(min(1, max(0, -s.customer.valence)))
            + 0.05 * Double(min(1, max(0, s.customer.arousal)))
            + 0.05 * Double(min(1, max(0, -s.agentState.valence)))
        return min(1, max(0, band + more + mood))
    }
}
