/// How long the database keeps what happened: alerts, summaries, resolved tickets with their
/// history, feedback and speakers' baselines older than the age are pruned, by `serve` on a
/// schedule and by `moodline db prune`. Open tickets are never pruned.
public struct RetentionPolicy: Sendable, Equatable, Codable {
    /// Days of event time to keep; 0 keeps everything.
    public var maxAgeDays: Double = 0
    /// Seconds between `serve`'s prunes.
    public var intervalSeconds: Double = 3_600

    public init() {}

    public init(maxAgeDays: Double, intervalSeconds: Double = 3_600) {
        self.maxAgeDays = maxAgeDays
        self.intervalSeconds = intervalSeconds
    }

    enum CodingKeys: String, CodingKey {
        case maxAgeDays = "max_age_days"
        case intervalSeconds = "interval_seconds"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = RetentionPolicy()
        maxAgeDays = try c.decodeIfPresent(Double.self, forKey: .maxAgeDays) ?? d.maxAgeDays
        intervalSeconds = try c.decodeIfPresent(Double.self, forKey: .intervalSeconds) ?? d.intervalSeconds
    }

    /// Checks what decoding cannot.
    public func validate() throws(ConfigurationError) {
        guard maxAgeDays.isFinite, maxAgeDays >= 0 else {
            throw ConfigurationError(path: "retention.max_age_days", message: "\(maxAgeDays) is not a number of days — use 0 (keep everything) or more")
        }
        guard intervalSeconds.isFinite, intervalSeconds >= 1 else {
            throw ConfigurationError(path: "retention.interval_seconds", message: "\(intervalSeconds) is too short — use at least 1 second")
        }
    }

    /// Whether anything is ever pruned.
    public var isOn: Bool { maxAgeDays > 0 }

    /// What a prune at event time `now` removes: everything older than this.
    public func cutoff(now: Double) -> Double { now - maxAgeDays * 86_400 }
}
