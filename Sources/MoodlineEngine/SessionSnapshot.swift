/// A conversation as a console shows it: current emotion of both speakers, a short history,
/// the alerts open now and a risk score to sort by.
public struct SessionSnapshot: Sendable, Codable, Equatable {
    /// One point of history: both speakers' smoothed levels after a fragment.
    public struct Point: Sendable, Codable, Equatable {
        public var ts: Double
        public var customerValence: Float
        public var customerArousal: Float
        public var agentValence: Float
        public var agentArousal: Float

        public init(ts: Double, customerValence: Float, customerArousal: Float, agentValence: Float, agentArousal: Float) {
            self.ts = ts
            self.customerValence = customerValence
            self.customerArousal = customerArousal
            self.agentValence = agentValence
            self.agentArousal = agentArousal
        }
    }

    public var session: String
    public var agent: String?
    public var team: String?
    public var channel: Channel?
    public var customer: String?
    public var startTs: Double
    /// Event time of the last message.
    public var lastTs: Double
    /// Final fragments so far.
    public var fragments: Int
    /// Smoothed levels now.
    public var customerValence: Float
    public var customerArousal: Float
    public var agentValence: Float
    public var agentArousal: Float
    /// Customer arousal minus its slow average: above 0 while rising.
    public var customerArousalTrend: Float
    /// Oldest first, at most `sessions.history_points`.
    public var history: [Point]
    /// Kinds whose episode is open now.
    public var openAlerts: [AlertKind]
    /// 0 (calm) to 1 (needs a person now), for sorting a console.
    public var risk: Double

    public init(
        session: String, agent: String? = nil, team: String? = nil, channel: Channel? = nil, customer: String? = nil,
        startTs: Double, lastTs: Double, fragments: Int = 0,
        customerValence: Float = 0, customerArousal: Float = 0, agentValence: Float = 0, agentArousal: Float = 0,
        customerArousalTrend: Float = 0, history: [Point] = [], openAlerts: [AlertKind] = [], risk: Double = 0
    ) {
        self.session = session
        self.agent = agent
        self.team = team
        self.channel = channel
        self.customer = customer
        self.startTs = startTs
        self.lastTs = lastTs
        self.fragments = fragments
        self.customerValence = customerValence
        self.customerArousal = customerArousal
        self.agentValence = agentValence
        self.agentArousal = agentArousal
        self.customerArousalTrend = customerArousalTrend
        self.history = history
        self.openAlerts = openAlerts
        self.risk = risk
    }
}
