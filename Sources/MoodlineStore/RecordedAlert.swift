import MoodlineEngine

/// What `TicketStore.record` did with one alert.
public struct RecordedAlert: Sendable, Equatable {
    public var alert: Alert
    /// False when the store had this (session, kind, episode) already: a re-sent or replayed stream.
    public var isNew: Bool
    /// The alert's ticket, when its severity raises one: just created or already there.
    public var ticket: Ticket?
    /// True when `ticket` was created by this call.
    public var ticketIsNew: Bool

    public init(alert: Alert, isNew: Bool, ticket: Ticket?, ticketIsNew: Bool) {
        self.alert = alert
        self.isNew = isNew
        self.ticket = ticket
        self.ticketIsNew = ticketIsNew
    }
}
