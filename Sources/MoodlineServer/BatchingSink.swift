import MoodlineEngine
import MoodlineStore

/// The server's sink: collects a pass's results into a ``StoreBatch`` for the ``StoreWriter``,
/// so the pipeline thread never waits for SQLite or touches the PUB socket.
///
/// The server's pipeline has no store, so alerts arrive here unrecorded; the writer records
/// them and publishes only what is new, after the commit.
struct BatchingSink: PipelineSink {
    var batch = StoreBatch()

    mutating func alert(_ alert: Alert, newTicket ticket: Ticket?) {
        batch.alerts.append(alert)
    }

    mutating func ticketChanged(_ ticket: Ticket, action: TicketAction) {
        batch.ticketChanges.append((ticket, action))
    }

    mutating func snapshot(_ snapshot: SessionSnapshot) {
        batch.snapshots.append(snapshot)
    }

    mutating func sessionEnded(_ summary: SessionSummary) {
        batch.summaries.append(summary)
    }

    /// Hands over the batch collected so far and starts an empty one.
    mutating func take() -> StoreBatch {
        defer { batch = StoreBatch() }
        return batch
    }
}
