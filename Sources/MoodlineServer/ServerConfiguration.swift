import MoodlineEngine

/// Everything `moodline serve` can be told, with defaults that run on one machine as is.
public struct ServerConfiguration: Sendable, Codable, Equatable {
    /// Where gateways PUSH fragments (this side PULLs).
    public var ingest = "tcp://127.0.0.1:7601"
    /// Where warnings, tickets and session snapshots are PUBlished.
    public var publish = "tcp://127.0.0.1:7602"
    /// Where consoles send JSON commands (REQ/REP).
    public var control = "tcp://127.0.0.1:7603"
    /// The SQLite file for tickets, alerts and session summaries.
    public var database = "moodline.db"
    /// A lexicon directory; nil uses the lexicons built into the binary.
    public var lexicons: String?
    /// Messages queued per socket before ZeroMQ pushes back on the sender.
    public var highWaterMark: Int32 = 200_000
    /// Most messages taken from the ingest socket per batch (one database transaction per batch).
    public var batchSize = 512
    /// Seconds between escalation checks and idle-session sweeps.
    public var tickSeconds = 1.0
    /// Rejections logged per reason per minute; the rest are only counted.
    public var rejectionLogsPerMinute = 10
    /// Whether a rejected message's first bytes go into its log line (redacted and escaped):
    /// off by default, since a malformed fragment still holds what a customer said.
    public var logExcerpts = false
    /// How far a message's `ts` may stray from the server's clock.
    public var eventTime = EventTimeWindow()
    /// How long the database keeps alerts, summaries and resolved tickets.
    public var retention = RetentionPolicy()
    /// How hard each commit works to survive a crash (see ``Durability``).
    public var durability = Durability.full
    public var engine = EngineConfig()
    public var escalation = EscalationPolicy.standard
    /// The web console, REST API and metrics.
    public var console = ConsoleConfiguration()
    /// ZeroMQ CURVE on the ingest, publish and control sockets; off by default.
    public var curve = CurveConfiguration()

    /// How the database commits: `full` syncs every commit to disk (survives a power loss);
    /// `normal` survives the process dying but a power loss may drop the last commits, and
    /// takes the fsync off every batch.
    public enum Durability: String, Sendable, Codable, Equatable {
        case full
        case normal
    }

    public init() {}

    enum CodingKeys: String, CodingKey {
        case ingest, publish, control, database, lexicons, durability, engine, escalation, console, curve
        case highWaterMark = "high_water_mark"
        case batchSize = "batch_size"
        case tickSeconds = "tick_seconds"
        case rejectionLogsPerMinute = "rejection_logs_per_minute"
        case logExcerpts = "log_excerpts"
        case eventTime = "event_time"
        case retention
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = ServerConfiguration()
        ingest = try c.decodeIfPresent(String.self, forKey: .ingest) ?? d.ingest
        publish = try c.decodeIfPresent(String.self, forKey: .publish) ?? d.publish
        control = try c.decodeIfPresent(String.self, forKey: .control) ?? d.control
        database = try c.decodeIfPresent(String.self, forKey: .database) ?? d.database
        lexicons = try c.decodeIfPresent(String.self, forKey: .lexicons)
        highWaterMark = try c.decodeIfPresent(Int32.self, forKey: .highWaterMark) ?? d.highWaterMark
        batchSize = try c.decodeIfPresent(Int.self, forKey: .batchSize) ?? d.batchSize
        tickSeconds = try c.decodeIfPresent(Double.self, forKey: .tickSeconds) ?? d.tickSeconds
        rejectionLogsPerMinute = try c.decodeIfPresent(Int.self, forKey: .rejectionLogsPerMinute) ?? d.rejectionLogsPerMinute
        logExcerpts = try c.decodeIfPresent(Bool.self, forKey: .logExcerpts) ?? d.logExcerpts
        eventTime = try c.decodeIfPresent(EventTimeWindow.self, forKey: .eventTime) ?? d.eventTime
        retention = try c.decodeIfPresent(RetentionPolicy.self, forKey: .retention) ?? d.retention
        durability = try c.decodeIfPresent(Durability.self, forKey: .durability) ?? d.durability
        engine = try c.decodeIfPresent(EngineConfig.self, forKey: .engine) ?? d.engine
        console = try c.decodeIfPresent(ConsoleConfiguration.self, forKey: .console) ?? d.console
        curve = try c.decodeIfPresent(CurveConfiguration.self, forKey: .curve) ?? d.curve
        escalation = try c.decodeIfPresent(EscalationPolicy.self, forKey: .escalation) ?? d.escalation
    }
}
