/// Where a ticket stands: `open` until someone acknowledges it, then `acknowledged`,
/// and finally `resolved`. Only open tickets escalate.
public enum TicketStatus: String, Sendable, Codable, CaseIterable {
    case open
    case acknowledged
    case resolved
}
