import MoodlineEngine
import MoodlineStore

/// Something in the same process that wants what the server publishes, as values rather
/// than ZeroMQ frames: the web console.
///
/// Called on the ``StoreWriter`` thread, after the commit and in publishing order, so it
/// must return quickly and never block.
public protocol LiveFeed: Sendable {
    func receive(_ event: LiveEvent)
}

/// One published item.
public enum LiveEvent: Sendable {
    /// Every alert, of every severity; a new critical one also comes as ``ticket(_:_:)`` `created`.
    case alert(Alert)
    /// A ticket that changed, with the event time of the change.
    case ticket(Ticket, TicketAction, at: Double)
    /// A session's state, with its recent history.
    case snapshot(SessionSnapshot)
    case sessionEnded(SessionSummary)
}
