import MoodlineEngine

/// What `TicketStore.record` did with one alert.
public struct RecordedAlert: Sendable, Equatable {
    public var alert: Alert
    /// False when the store had this (session, kind, episode) already: a re-sent or replayed stream.
    public var isNew: Bool
    /// The conversation's incident, when the alert's severity raises one: just opened,
    /// just joined, or already holding this alert.
    public var ticket: Ticket?
    /// What this call did to `ticket`: `.created`, `.attached` or `.repaged`; `nil` when
    /// the ticket held this alert already or the alert raises no ticket.
    public var ticketChange: TicketEvent.Action?

    /// True when this call opened `ticket`.
    public var ticketIsNew: Bool { ticketChange == .created }

    public init(alert: Alert, isNew: Bool, ticket: Ticket?, ticketChange: TicketEvent.Action?) {
        self.alert = alert
        self.isNew = isNew
        self.ticket = ticket
        self.ticketChange = ticketChange
    }
}
