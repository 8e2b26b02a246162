/// What is left of a conversation when it ends (on `session_end`, idle timeout or eviction).
public struct SessionSummary: Sendable, Codable, Equatable {
    /// Why the session ended.
    public enum EndReason: String, Sendable, Codable {
        case ended
        case idle
        case evicted
    }

    public var session: String
    public var agent: String?
    public var team: String?
    public var channel: Channel?
    public var startTs: Double
    public var endTs: Double
    public var endReason: EndReason
    public var fragments: Int
    public var customerFragments: Int
    public var agentFragments: Int
    /// Customer valence over the first and the last few customer fragments (recovery).
    public var customerValenceStart: Double?
    public var customerValenceEnd: Double?
    public var customerValenceMin: Double?
    public var agentValenceMean: Double?
    public var agentArousalMax: Double?
    /// Times the agent talked over the customer.
    public var agentInterruptions: Int
    /// Alerts by kind (raw value → count).
    public var alerts: [String: Int]
    /// The speakers' warm prosody baselines at the end, kept for their next calls
    /// (``BaselineBook``); not part of the published summary.
    public var baselines: [BaselineBook.Entry] = []

    enum CodingKeys: String, CodingKey {
        case session, agent, team, channel, startTs, endTs, endReason, fragments, customerFragments, agentFragments
        case customerValenceStart, customerValenceEnd, customerValenceMin, agentValenceMean, agentArousalMax
        case agentInterruptions, alerts
    }

    public init(
        session: String, agent: String? = nil, team: String? = nil, channel: Channel? = nil,
        startTs: Double, endTs: Double, endReason: EndReason, fragments: Int = 0,
        customerFragments: Int = 0, agentFragments: Int = 0,
        customerValenceStart: Double? = nil, customerValenceEnd: Double? = nil, customerValenceMin: Double? = nil,
        agentValenceMean: Double? = nil, agentArousalMax: Double? = nil, agentInterruptions: Int = 0,
        alerts: [String: Int] = [:], baselines: [BaselineBook.Entry] = []
    ) {
        self.session = session
        self.agent = agent
        self.team = team
        self.channel = channel
        self.startTs = startTs
        self.endTs = endTs
        self.endReason = endReason
        self.fragments = fragments
        self.customerFragments = customerFragments
        self.agentFragments = agentFragments
        self.customerValenceStart = customerValenceStart
        self.customerValenceEnd = customerValenceEnd
        self.customerValenceMin = customerValenceMin
        self.agentValenceMean = agentValenceMean
        self.agentArousalMax = agentArousalMax
        self.agentInterruptions = agentInterruptions
        self.alerts = alerts
        self.baselines = baselines
    }
}
