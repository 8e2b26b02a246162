import MoodlineEngine

/// What the pipeline has seen, for logs and metrics.
public struct PipelineCounters: Sendable, Equatable {
    /// Messages taken from the ingest socket or the recording.
    public var received = 0
    /// Rejected while decoding, by reason (the engine counts sequence rejections itself).
    public var decodeRejections: [RejectionReason: Int] = [:]
    public var alertsPublished = 0
    public var ticketsOpened = 0
    /// Urgent alerts that joined their conversation's open incident instead of opening a ticket.
    public var alertsAttached = 0
    public var ticketsEscalated = 0
    /// Alerts the store already had (a re-sent or replayed stream), not published again.
    public var alertsAlreadyRecorded = 0
    /// Messages' `ts` against the wall clock (live serving only).
    public var skew = ClockSkew()

    public init() {}
}
