import MoodlineEngine

/// An urgent ticket raised by an alert: who owns it now, by when they must acknowledge
/// it, and what has happened to it. Encodes with snake_case keys.
public struct Ticket: Sendable, Codable, Equatable {
    /// The raising alert's `ticketKey` (session/kind/episode).
    public var key: String
    public var session: String
    /// The kind of the alert that opened the incident.
    public var kind: AlertKind
    /// Every kind the incident has gathered, the opening one first: later urgent alerts of
    /// the same conversation attach to its open ticket rather than opening their own.
    public var kinds: [AlertKind]
    /// The highest severity among its alerts.
    public var severity: Severity
    public var agent: String?
    public var team: String?
    public var speaker: Speaker
    /// The fragment that tripped the alert.
    public var seq: Int64
    /// The alert's event time.
    public var ts: Double
    /// When the store created the ticket.
    public var createdAt: Double
    /// When the current tier must have acknowledged it.
    public var deadline: Double
    /// The current tier's position in the escalation chain, from 0.
    public var tier: Int
    public var tierName: String
    public var status: TicketStatus
    public var acknowledgedBy: String?
    public var acknowledgedAt: Double?
    public var resolvedBy: String?
    public var resolvedAt: Double?
    public var resolutionNote: String?
    /// Times it moved up to a higher tier.
    public var escalations: Int
    /// Times it was re-published at the last tier after missing that tier's deadline.
    public var republications: Int
    /// The alert that raised it, with its scores and evidence.
    public var alert: Alert

    public init(
        key: String, session: String, kind: AlertKind, severity: Severity, agent: String?, team: String?,
        speaker: Speaker, seq: Int64, ts: Double, createdAt: Double, deadline: Double, tier: Int, tierName: String,
        status: TicketStatus, acknowledgedBy: String? = nil, acknowledgedAt: Double? = nil,
        resolvedBy: String? = nil, resolvedAt: Double? = nil, resolutionNote: String? = nil,
        escalations: Int = 0, republications: Int = 0, kinds: [AlertKind]? = nil, alert: Alert
    ) {
        self.key = key
        self.session = session
        self.kind = kind
        self.kinds = kinds ?? [kind]
        self.severity = severity
        self.agent = agent
        self.team = team
        self.speaker = speaker
        self.seq = seq
        self.ts = ts
        self.createdAt = createdAt
        self.deadline = deadline
        self.tier = tier
        self.tierName = tierName
        self.status = status
        self.acknowledgedBy = acknowledgedBy
        self.acknowledgedAt = acknowledgedAt
        self.resolvedBy = resolvedBy
        self.resolvedAt = resolvedAt
        self.resolutionNote = resolutionNote
        self.escalations = escalations
        self.republications = republications
        self.alert = alert
    }

    enum CodingKeys: String, CodingKey {
        case key, session, kind, kinds, severity, agent, team, speaker, seq, ts
        case createdAt = "created_at"
        case deadline, tier
        case tierName = "tier_name"
        case status
        case acknowledgedBy = "acknowledged_by"
        case acknowledgedAt = "acknowledged_at"
        case resolvedBy = "resolved_by"
        case resolvedAt = "resolved_at"
        case resolutionNote = "resolution_note"
        case escalations, republications, alert
    }
}
