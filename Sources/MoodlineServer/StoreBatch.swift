import MoodlineEngine
import MoodlineStore

/// One pass of the server loop, handed from the pipeline thread to the ``StoreWriter``:
/// what must be committed (alerts, summaries), then published in this order.
struct StoreBatch {
    var alerts: [Alert] = []
    var summaries: [SessionSummary] = []
    /// Taken from the engine on the pipeline thread (the engine is not thread-safe);
    /// they need no commit, but are published after the batch's alerts as before. The live
    /// feed gets these; the PUB socket gets `encodedSnapshots`, the same in the same order.
    var snapshots: [SessionSnapshot] = []
    /// The snapshots' `session/<id>` messages, encoded on the pipeline thread.
    var encodedSnapshots = EncodedMessages()
    /// Already committed by the control handler (`ack`, `resolve`); only published here.
    var ticketChanges: [(ticket: Ticket, action: TicketAction, at: Double)] = []
    /// Set when the periodic tick asks for the overdue tickets to escalate at this time.
    var escalateAt: Double?
    /// Benchmarks only: receive times of the batch's messages (see ``Server/Instrumentation``).
    var receivedAt: [UInt64] = []
    /// Event time when the batch was flushed: the tickets' `created_at`.
    var now: Double = 0

    var isEmpty: Bool {
        alerts.isEmpty && summaries.isEmpty && snapshots.isEmpty && ticketChanges.isEmpty
            && escalateAt == nil && receivedAt.isEmpty
    }
}
