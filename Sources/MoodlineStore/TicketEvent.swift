/// One entry of a ticket's history. Encodes with snake_case keys.
public struct TicketEvent: Sendable, Codable, Equatable {
    /// What happened.
    public enum Action: String, Sendable, Codable, CaseIterable {
        case created
        /// Another urgent alert of the conversation joined the open incident.
        case attached
        /// A self-harm disclosure joined the incident: it is open again and pages at once.
        case repaged
        case escalated
        case republished
        case acknowledged
        case resolved
    }

    /// Orders events of the same ticket; assigned by the store.
    public var id: Int64
    public var key: String
    public var at: Double
    public var action: Action
    /// Who did it; `nil` for what the escalation policy did on its own.
    public var actor: String?
    /// The tier after the event.
    public var tier: Int
    public var tierName: String
    public var note: String?

    public init(id: Int64, key: String, at: Double, action: Action, actor: String?, tier: Int, tierName: String, note: String?) {
        self.id = id
        self.key = key
        self.at = at
        self.action = action
        self.actor = actor
        self.tier = tier
        self.tierName = tierName
        self.note = note
    }

    enum CodingKeys: String, CodingKey {
        case id, key, at, action, actor, tier
        case tierName = "tier_name"
        case note
    }
}
