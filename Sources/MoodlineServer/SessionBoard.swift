import MoodlineEngine
import Synchronization

/// The live conversations as the control socket shows them, kept apart from the pipeline:
/// the writer thread drops each published snapshot and ending into an ``Inbox`` (a lock and an
/// append); the control thread moves them onto its board and answers queries from there, so a
/// query never waits for, or holds up, the pipeline.
struct SessionBoard {
    /// Where the writer leaves what it published, for the control thread to take.
    final class Inbox: LiveFeed {
        private let pending = Mutex<[LiveEvent]>([])

        func receive(_ event: LiveEvent) {
            switch event {
            case .snapshot, .sessionEnded: pending.withLock { $0.append(event) }
            case .alert, .ticket: break
            }
        }

        fileprivate func take() -> [LiveEvent] {
            pending.withLock { events in
                defer { events.removeAll(keepingCapacity: true) }
                return events
            }
        }
    }

    /// One page of a listing: the sessions, and the id to pass as `after` for the next page.
    struct Page {
        var sessions: [SessionSnapshot]
        var next: String?
        var total: Int
    }

    /// Points of history kept per conversation (snapshots come about once a second).
    static let historyPoints = 60
    /// The most sessions one page holds.
    static let maxPageSize = 1_000

    private var sessions: [String: SessionSnapshot] = [:]
    /// Session ids in order, for stable pages; rebuilt at most every `sortEvery` seconds, so a
    /// page may miss a conversation that started within the last second.
    private var sortedIDs: [String] = []
    private var membershipChanged = false
    private var sortedAt = -Double.infinity
    private let sortEvery: Double

    init(sortEvery: Double = 1) {
        self.sortEvery = sortEvery
    }

    var count: Int { sessions.count }

    /// Moves what the writer published since the last call onto the board.
    mutating func update(from inbox: Inbox) {
        for event in inbox.take() {
            switch event {
            case .snapshot(let snapshot):
                // In place: the kept history is moved out, extended and moved back, never copied.
                var history: [SessionSnapshot.Point] = []
                if let index = sessions.index(forKey: snapshot.session) {
                    swap(&history, &sessions.values[index].history)
                } else {
                    membershipChanged = true
                    history.reserveCapacity(Self.historyPoints)
                }
                if history.count >= Self.historyPoints { history.removeFirst(history.count - Self.historyPoints + 1) }
                history.append(SessionSnapshot.Point(
                    ts: snapshot.lastTs, customerValence: snapshot.customerValence, customerArousal: snapshot.customerArousal,
                    agentValence: snapshot.agentValence, agentArousal: snapshot.agentArousal))
                var next = snapshot
                next.history = history
                sessions[snapshot.session] = next
            case .sessionEnded(let summary):
                if sessions.removeValue(forKey: summary.session) != nil { membershipChanged = true }
            case .alert, .ticket:
                break
            }
        }
    }

    /// A live conversation with its recent history, or nil.
    func session(_ id: String) -> SessionSnapshot? { sessions[id] }

    /// Up to `limit` sessions in id order after `after` (nil: from the start), of `team` if given.
    /// `now` is a monotonic time in seconds, for the re-sorting schedule.
    mutating func page(team: String?, after: String?, limit: Int, now: Double) -> Page {
        if membershipChanged && now - sortedAt >= sortEvery {
            sortedIDs = sessions.keys.sorted()
            membershipChanged = false
            sortedAt = now
        }
        var start = 0
        if let after {
            // The first id greater than the cursor.
            var low = 0, high = sortedIDs.count
            while low < high {
                let mid = (low + high) / 2
                if sortedIDs[mid] <= after { low = mid + 1 } else { high = mid }
            }
            start = low
        }
        let limit = min(max(1, limit), Self.maxPageSize)
        var found: [SessionSnapshot] = []
        var i = start
        while i < sortedIDs.count && found.count < limit {
            if let s = sessions[sortedIDs[i]], team == nil || s.team == team { found.append(s) }
            i += 1
        }
        // Another page exists when a later id would still qualify.
        var next: String?
        if found.count == limit, let last = found.last {
            var j = i
            while j < sortedIDs.count {
                if let s = sessions[sortedIDs[j]], team == nil || s.team == team { next = last.session; break }
                j += 1
            }
        }
        let total = team == nil ? sessions.count : sessions.values.reduce(0) { $0 + ($1.team == team ? 1 : 0) }
        return Page(sessions: found, next: next, total: total)
    }
}
