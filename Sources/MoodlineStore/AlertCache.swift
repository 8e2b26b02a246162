import MoodlineEngine
import Synchronization

/// The alerts of open tickets, by ticket key, kept so that escalating a ticket does not decode
/// its alert's JSON again: in an escalation storm (a restart after an outage, a backlog sent
/// again) that decoding was most of the writer's work.
///
/// A ticket's alert never changes once the ticket exists, so an entry cannot go stale. Entries
/// are added when this store opens a ticket or decodes one to escalate it, and dropped when the
/// ticket is acknowledged or resolved here; past `capacity` nothing is added and the JSON is
/// decoded as before.
final class AlertCache: Sendable {
    private let entries = Mutex<[String: Alert]>([:])
    let capacity: Int

    init(capacity: Int = 16_384) {
        self.capacity = capacity
    }

    var count: Int { entries.withLock { $0.count } }

    func alert(forTicket key: String) -> Alert? {
        entries.withLock { $0[key] }
    }

    func insert(_ alert: Alert, forTicket key: String) {
        entries.withLock { table in
            if table.count < capacity || table[key] != nil { table[key] = alert }
        }
    }

    func remove(ticket key: String) {
        _ = entries.withLock { $0.removeValue(forKey: key) }
    }
}
