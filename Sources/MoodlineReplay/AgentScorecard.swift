import MoodlineEngine

/// One agent's conversations in a replay, for coaching: how many, which alerts, whether the
/// customers left happier than they came, and how composed the agent stayed.
public struct AgentScorecard: Sendable, Equatable {
    public var agent: String
    /// The team of the agent's first conversation.
    public var team: String?
    /// Conversations that ended (including those a recording left open).
    public var conversations = 0
    public var alertsByKind: [AlertKind: Int] = [:]
    /// Conversations without an agent_stress or agent_misconduct alert.
    public var composedConversations = 0
    /// Times the agent talked over the customer.
    public var interruptions = 0
    private var customerStart = Mean()
    private var customerEnd = Mean()
    private var recovery = Mean()
    private var agentValence = Mean()
    private var agentArousalPeak = Mean()

    public init(agent: String, team: String?) {
        self.agent = agent
        self.team = team
    }

    /// Counts one ended conversation.
    public mutating func add(_ summary: SessionSummary) {
        conversations += 1
        if team == nil { team = summary.team }
        interruptions += summary.agentInterruptions
        let strained = (summary.alerts[AlertKind.agentStress.rawValue] ?? 0) + (summary.alerts[AlertKind.agentMisconduct.rawValue] ?? 0)
        if strained == 0 { composedConversations += 1 }
        if let start = summary.customerValenceStart { customerStart.add(start) }
        if let end = summary.customerValenceEnd { customerEnd.add(end) }
        if let start = summary.customerValenceStart, let end = summary.customerValenceEnd { recovery.add(end - start) }
        if let v = summary.agentValenceMean { agentValence.add(v) }
        if let a = summary.agentArousalMax { agentArousalPeak.add(a) }
    }

    /// Counts one alert.
    public mutating func add(_ alert: Alert) {
        alertsByKind[alert.kind, default: 0] += 1
    }

    public var alerts: Int { alertsByKind.values.reduce(0, +) }

    /// Mean customer valence over the first few customer fragments of each conversation.
    public var customerValenceStart: Double? { customerStart.value }
    /// Mean customer valence over the last few customer fragments of each conversation.
    public var customerValenceEnd: Double? { customerEnd.value }
    /// Mean of end minus start per conversation: above 0 when customers leave happier than they came.
    public var customerRecovery: Double? { recovery.value }
    /// Mean of the agent's own mean valence per conversation.
    public var agentValenceMean: Double? { agentValence.value }
    /// Mean of the agent's peak arousal per conversation.
    public var agentArousalPeakMean: Double? { agentArousalPeak.value }
    /// Share of conversations without agent_stress or agent_misconduct.
    /// Fewer conversations than ``lowSampleLimit``: one hard call is not a pattern.
    public var isLowSample: Bool { conversations < Self.lowSampleLimit }
    public static let lowSampleLimit = 5

    public var composure: Double? { conversations > 0 ? Double(composedConversations) / Double(conversations) : nil }

    /// A running mean.
    private struct Mean: Sendable, Equatable {
        var sum = 0.0
        var count = 0
        mutating func add(_ x: Double) {
            sum += x
            count += 1
        }
        var value: Double? { count > 0 ? sum / Double(count) : nil }
    }
}
