import MoodlineEngine
import MoodlineStore
import MoodlineWire

/// The server's sink: collects a pass's results into a ``StoreBatch`` for the ``StoreWriter``,
/// so the pipeline thread never waits for SQLite or touches the PUB socket.
///
/// The server's pipeline has no store, so alerts arrive here unrecorded; the writer records
/// them and publishes only what is new, after the commit.
struct BatchingSink: PipelineSink {
    var batch = StoreBatch()
    private var encoder = JSONWriter(capacity: 1024)

    mutating func alert(_ alert: Alert, newTicket ticket: Ticket?) {
        batch.alerts.append(alert)
    }

    mutating func ticketChanged(_ ticket: Ticket, action: TicketAction, at: Double) {
        batch.ticketChanges.append((ticket, action, at))
    }

    /// Encodes the snapshot here, on the pipeline thread, as ``PublishingSink`` would.
    mutating func snapshot(_ snapshot: SessionSnapshot) {
        batch.snapshots.append(snapshot)
        encoder.removeAll()
        encoder.writeSnapshotMessage(snapshot, history: false)
        batch.encodedSnapshots.append(topicPrefix: "session/", snapshot.session, body: encoder.bytes)
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
