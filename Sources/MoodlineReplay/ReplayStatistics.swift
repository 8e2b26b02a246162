import MoodlineEngine

/// What one replay read and did: the numbers of the stdout summary and the report's header.
public struct ReplayStatistics: Sendable, Equatable {
    /// Recordings read (and how many of them were gzip-compressed).
    public var files = 0
    public var compressedFiles = 0
    /// Bytes read, decompressed.
    public var bytes = 0
    /// Lines that decoded into a wire event.
    public var events = 0
    /// Lines refused by the wire decoder, by reason.
    public var decodeRejections: [RejectionReason: Int] = [:]
    /// What the engine counted: fragments, sessions, its own rejections (sequence, duplicates).
    public var engine = EngineCounters()
    /// Alerts raised, by kind and by severity.
    public var alertsByKind: [AlertKind: Int] = [:]
    public var alertsBySeverity: [Severity: Int] = [:]
    /// Sessions that ended (including those the recording left open, ended when it ran out).
    public var sessions = 0
    /// Event time of the first and last event.
    public var firstTs: Double?
    public var lastTs: Double?
    /// Wall-clock seconds the replay took.
    public var elapsedSeconds = 0.0
    /// Recordings that could not be read to the end, with why.
    public var failures: [String] = []

    public init() {}

    /// Final and interim fragments the engine took.
    public var fragments: Int { engine.fragments + engine.interimFragments }

    /// Lines refused, by the decoder or the engine, by reason.
    public var rejectionsByReason: [RejectionReason: Int] {
        var all = decodeRejections
        for (reason, n) in engine.rejections where n > 0 { all[reason, default: 0] += n }
        return all
    }

    public var rejected: Int { rejectionsByReason.values.reduce(0, +) }

    public var alerts: Int { alertsByKind.values.reduce(0, +) }

    /// Fragments a second of wall-clock time, decoding included.
    public var fragmentsPerSecond: Double { elapsedSeconds > 0 ? Double(fragments) / elapsedSeconds : 0 }
}
