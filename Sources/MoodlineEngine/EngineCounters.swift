/// Running totals of what the engine did, for metrics. A value: read it, diff two readings.
public struct EngineCounters: Sendable, Equatable {
    /// Final fragments accepted and scored.
    public var fragments = 0
    /// Interim fragments accepted.
    public var interimFragments = 0
    /// Interim revisions beyond `interim.max_per_utterance`, dropped unscored.
    public var interimDropped = 0
    public var sessionsStarted = 0
    /// Sessions ended by `session_end`.
    public var sessionsEnded = 0
    /// Sessions ended by `expireIdle`.
    public var sessionsExpired = 0
    /// Sessions evicted because the live cap was reached.
    public var evictions = 0
    /// `session_end` for a session that is not live.
    public var unknownSessionEnds = 0
    /// Rejections by reason.
    public var rejections: [RejectionReason: Int] = Dictionary(uniqueKeysWithValues: RejectionReason.allCases.map { ($0, 0) })
    /// Alerts emitted, by kind.
    public var alerts: [AlertKind: Int] = Dictionary(uniqueKeysWithValues: AlertKind.allCases.map { ($0, 0) })
    /// Non-critical alerts dropped by the per-session cap.
    public var alertsSuppressed = 0

    public init() {}

    /// All rejections together.
    public var totalRejections: Int { rejections.values.reduce(0, +) }
}
