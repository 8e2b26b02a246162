import MoodlineEngine
import MoodlineStore

/// Where the pipeline's results go: ZeroMQ topics when serving, files and reports when replaying.
public protocol PipelineSink {
    /// An alert, after its ticket (if any) is committed. `ticket` is set when this alert opened it.
    mutating func alert(_ alert: Alert, newTicket ticket: Ticket?)
    /// A ticket that changed: joined by another alert, paged again, escalated, acknowledged or
    /// resolved, at event time `at` (the change's own time, not the ticket's first alert's).
    mutating func ticketChanged(_ ticket: Ticket, action: TicketAction, at: Double)
    /// A session's state, at most about once a second of event time. Its `history` is empty:
    /// the pipeline takes ``Engine/currentSnapshot(session:)``, the levels now.
    mutating func snapshot(_ snapshot: SessionSnapshot)
    /// A session ended (on `session_end`, idle timeout or eviction).
    mutating func sessionEnded(_ summary: SessionSummary)
}

/// What happened to a ticket: the store's history actions, published as they are.
public typealias TicketAction = TicketEvent.Action
