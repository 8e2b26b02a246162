import MoodlineEngine

/// What the report draws of one conversation: its transcript, both speakers' smoothed
/// emotion after each fragment, and its alerts.
///
/// Kept only for the sessions the report draws (the first ones seen, up to a cap), so a
/// replay of millions of fragments does not keep millions of lines.
public struct SessionTimeline: Sendable {
    /// One transcript line and the levels right after it.
    public struct Line: Sendable {
        public var seq: Int64
        public var ts: Double
        public var speaker: Speaker
        public var text: String
        public var isFinal: Bool
        /// Smoothed levels of both speakers after this fragment; nil for interim fragments,
        /// which do not move them.
        public var point: SessionSnapshot.Point?
    }

    public var session: String
    public var agent: String?
    public var team: String?
    public var channel: Channel?
    public var customer: String?
    public var lang: String?
    /// Event time of the first message (session_start, or the first fragment).
    public var startTs: Double
    public var lines: [Line] = []
    /// Fragments left out because the session was longer than the report keeps.
    public var omittedLines = 0
    public var alerts: [Alert] = []
    public var summary: SessionSummary?

    public init(session: String, startTs: Double) {
        self.session = session
        self.startTs = startTs
    }

    /// Seconds of event time the timeline spans.
    public var duration: Double {
        let last = max(lines.last?.ts ?? startTs, alerts.last?.ts ?? startTs, summary?.endTs ?? startTs)
        return max(0, last - startTs)
    }
}
