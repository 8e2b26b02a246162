import MoodlineCore

/// Speakers' prosody baselines between calls. When a call ends, the agent's warm baseline (and
/// the customer's, when the gateway names the customer) is kept here; the speaker's next call
/// starts from it, so their first agitated words are judged against how they sounded before
/// rather than waiting out a warm-up. Bounded: past the capacity the oldest go; past the
/// maximum age an entry is not used.
public struct BaselineBook: Sendable {
    /// One speaker's baseline as it was at the end of a call.
    public struct Entry: Sendable, Equatable, Codable {
        /// `agent/<id>` or `customer/<id>`.
        public var key: String
        public var baseline: ProsodyBaseline.Carried
        /// Event time of the call's end.
        public var ts: Double

        public init(key: String, baseline: ProsodyBaseline.Carried, ts: Double) {
            self.key = key
            self.baseline = baseline
            self.ts = ts
        }
    }

    public let capacity: Int
    public let maxAgeSeconds: Double
    private var entries: [String: Entry] = [:]

    public init(capacity: Int, maxAgeSeconds: Double) {
        self.capacity = max(0, capacity)
        self.maxAgeSeconds = maxAgeSeconds
    }

    public static func agentKey(_ id: String) -> String { "agent/" + id }
    public static func customerKey(_ id: String) -> String { "customer/" + id }

    public var count: Int { entries.count }

    /// The speaker's baseline for a call starting at `now`, unless it is too old.
    public func baseline(for key: String, now: Double) -> ProsodyBaseline.Carried? {
        guard let entry = entries[key], now - entry.ts <= maxAgeSeconds else { return nil }
        return entry.baseline
    }

    /// Keeps `entry`, replacing an older one of the same speaker. Over capacity, the oldest tenth
    /// goes at once, so the trimming cost is spread over many calls.
    public mutating func put(_ entry: Entry) {
        guard capacity > 0 else { return }
        if let existing = entries[entry.key], existing.ts > entry.ts { return }
        entries[entry.key] = entry
        guard entries.count > capacity else { return }
        let drop = max(1, capacity / 10)
        for old in entries.values.sorted(by: { ($0.ts, $0.key) < ($1.ts, $1.key) }).prefix(drop) {
            entries[old.key] = nil
        }
    }
}
