/// What handling one event produced. Keep one and clear it between events with
/// `removeAll(keepingCapacity: true)`, so the steady state allocates nothing.
public struct EngineOutput: Sendable {
    /// Alerts fired, in a fixed order per fragment (urgent kinds first).
    public var alerts: [Alert] = []
    /// Sessions that ended (session_end, eviction, idle expiry), with their summaries.
    public var endedSessions: [SessionSummary] = []
    /// Sessions whose snapshot is due; fetch them with ``Engine/snapshot(session:)``.
    public var snapshotsDue: [String] = []
    /// Why the event was rejected, if it was.
    public var rejection: Rejection?

    public init() {}

    public var isEmpty: Bool { alerts.isEmpty && endedSessions.isEmpty && snapshotsDue.isEmpty && rejection == nil }

    public mutating func removeAll(keepingCapacity: Bool = true) {
        alerts.removeAll(keepingCapacity: keepingCapacity)
        endedSessions.removeAll(keepingCapacity: keepingCapacity)
        snapshotsDue.removeAll(keepingCapacity: keepingCapacity)
        rejection = nil
    }
}
