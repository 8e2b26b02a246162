import Foundation
import Logging
import MoodlineEngine
import MoodlineStore
import MoodlineWire
import Synchronization

/// Commits the server's alerts and summaries and publishes everything, on a thread of its own,
/// so the pipeline thread never waits for an fsync.
///
/// The pipeline thread ``submit(_:)``s one ``StoreBatch`` per pass and carries on. The writer
/// takes every batch queued since its last commit, records them in ONE transaction (group
/// commit: one fsync for many batches), and only then publishes them, batch by batch in
/// submission order. So a ticket is committed before it is announced, and a session's
/// alerts go out in the order the engine raised them.
///
/// The writer owns the PUB socket from ``start()`` on: ZeroMQ sockets are single-threaded,
/// which is also why snapshots and control-socket ticket changes go through the writer.
/// The queue is bounded: when the writer falls behind, ``submit(_:)`` waits, so memory stays
/// bounded and ZeroMQ's high-water mark pushes back on the senders.
final class StoreWriter: @unchecked Sendable {
    private let store: TicketStore
    private let policy: EscalationPolicy
    private let retention: RetentionPolicy
    /// Event time of the last prune (writer thread only).
    private var lastPrune = -Double.infinity
    private let logger: Logger
    private let instrumentation: Server.Instrumentation?
    private let capacity: Int
    private let feed: (any LiveFeed)?
    /// Used by the writer thread only, once started.
    private var sink: PublishingSink

    /// Guards `queue` and `finishing`; signalled on every change of either.
    private let condition = NSCondition()
    private var queue: [StoreBatch] = []
    private var finishing = false
    private let done = DispatchSemaphore(value: 0)
    private let published = Mutex(StoreWriterCounters())

    /// - Parameter capacity: batches queued before ``submit(_:)`` waits.
    init(store: TicketStore, policy: EscalationPolicy, publish: ZMQSocket, logger: Logger,
         instrumentation: Server.Instrumentation?, feed: (any LiveFeed)? = nil, capacity: Int = 8,
         retention: RetentionPolicy = RetentionPolicy()) {
        self.store = store
        self.policy = policy
        self.retention = retention
        self.logger = logger
        self.instrumentation = instrumentation
        self.capacity = max(1, capacity)
        self.feed = feed
        sink = PublishingSink(socket: publish)
    }

    /// What has been committed and published so far.
    var counters: StoreWriterCounters { published.withLock { $0 } }

    /// Starts the writer thread. From here on only that thread uses the PUB socket.
    func start() {
        let thread = Thread { [self] in
            loop()
            done.signal()
        }
        thread.name = "moodline.store-writer"
        thread.start()
    }

    /// Queues a batch; waits while the queue is full.
    func submit(_ batch: StoreBatch) {
        guard !batch.isEmpty else { return }
        condition.lock()
        while queue.count >= capacity && !finishing { condition.wait() }
        queue.append(batch)
        condition.broadcast()
        condition.unlock()
    }

    /// Commits and publishes everything queued, then stops the thread and returns.
    /// The PUB socket may be closed (by its owner) once this returns.
    func finish() {
        condition.lock()
        let wasFinishing = finishing
        finishing = true
        condition.broadcast()
        condition.unlock()
        if !wasFinishing { done.wait() }
    }

    private var isFinishing: Bool {
        condition.lock()
        defer { condition.unlock() }
        return finishing
    }

    private func loop() {
        while true {
            condition.lock()
            while queue.isEmpty && !finishing { condition.wait() }
            if queue.isEmpty {
                condition.unlock()
                return
            }
            let group = queue
            queue.removeAll(keepingCapacity: true)
            condition.broadcast() // room again for a waiting submit
            condition.unlock()
            write(group)
        }
    }

    /// Commits a group of batches in one transaction, then publishes them in order.
    private func write(_ group: [StoreBatch]) {
        var alerts: [Alert] = []
        var summaries: [SessionSummary] = []
        var now = 0.0
        var escalateAt: Double?
        for batch in group {
            alerts.append(contentsOf: batch.alerts)
            summaries.append(contentsOf: batch.summaries)
            now = max(now, batch.now)
            if let at = batch.escalateAt { escalateAt = max(escalateAt ?? at, at) }
        }
        guard let recorded = commit(alerts, summaries, now: now) else { return }

        var counts = StoreWriterCounters()
        var next = 0
        for batch in group {
            // `recorded` is in the order of `alerts`: the batches' alerts, one batch after another.
            for _ in batch.alerts {
                let r = recorded[next]
                next += 1
                guard r.isNew else {
                    counts.alertsAlreadyRecorded += 1
                    continue
                }
                sink.alert(r.alert, newTicket: r.ticketIsNew ? r.ticket : nil)
                feed?.receive(.alert(r.alert))
                if let change = r.ticketChange, let ticket = r.ticket {
                    // A joined incident is announced as changed; only `.created` and
                    // `.repaged` raise a banner on consoles.
                    if change != .created { sink.ticketChanged(ticket, action: change, at: r.alert.ts) }
                    feed?.receive(.ticket(ticket, change, at: r.alert.ts))
                    if change == .created { counts.ticketsOpened += 1 } else { counts.alertsAttached += 1 }
                }
                counts.alertsPublished += 1
            }
            for summary in batch.summaries {
                sink.sessionEnded(summary)
                feed?.receive(.sessionEnded(summary))
            }
            batch.encodedSnapshots.forEach { topic, body in sink.send(topic: topic, body: body) }
            if let feed {
                for snapshot in batch.snapshots { feed.receive(.snapshot(snapshot)) }
            }
            for change in batch.ticketChanges {
                sink.ticketChanged(change.ticket, action: change.action, at: change.at)
                feed?.receive(.ticket(change.ticket, change.action, at: change.at))
            }
            if let instrumentation, !batch.receivedAt.isEmpty {
                let flushedAt = Server.Instrumentation.now()
                batch.receivedAt.withUnsafeBufferPointer { instrumentation.batchFlushed($0, flushedAt) }
            }
        }
        // After the whole group is announced: a ticket never escalates before it was announced as created.
        if let escalateAt {
            do {
                for move in try store.escalateOverdue(now: escalateAt, policy: policy) {
                    // A re-send at the last tier is no escalation: counted and announced as what it is.
                    if move.action == .escalated { counts.ticketsEscalated += 1 }
                    sink.ticketChanged(move.ticket, action: move.action, at: escalateAt)
                    feed?.receive(.ticket(move.ticket, move.action, at: escalateAt))
                }
            } catch {
                logger.error("periodic escalation failed; it will be retried", metadata: ["error": .string(String(describing: error))])
            }
            pruneIfDue(now: escalateAt)
        }
        let add = counts
        published.withLock { c in
            c.alertsPublished += add.alertsPublished
            c.ticketsOpened += add.ticketsOpened
            c.alertsAttached += add.alertsAttached
            c.ticketsEscalated += add.ticketsEscalated
            c.alertsAlreadyRecorded += add.alertsAlreadyRecorded
        }
    }

    /// Records the group, retrying on failure: nothing of it is published unpersisted. When
    /// the server is stopping it gives up after a few seconds and returns nil (the alerts are
    /// lost uncommitted and unannounced; a re-sent stream raises them again).
    /// Prunes what the retention policy lets go, at most once per interval of event time.
    private func pruneIfDue(now: Double) {
        guard retention.isOn, now - lastPrune >= retention.intervalSeconds else { return }
        lastPrune = now
        do {
            let removed = try store.prune(before: retention.cutoff(now: now))
            if removed.total > 0 {
                logger.info("pruned what the retention policy lets go", metadata: [
                    "alerts": .stringConvertible(removed.alerts), "tickets": .stringConvertible(removed.tickets),
                    "summaries": .stringConvertible(removed.summaries), "feedback": .stringConvertible(removed.feedback),
                ])
            }
        } catch {
            logger.error("pruning failed; it will be retried", metadata: ["error": .string(String(describing: error))])
        }
    }

    private func commit(_ alerts: [Alert], _ summaries: [SessionSummary], now: Double) -> [RecordedAlert]? {
        var attempts = 0
        while true {
            do {
                return try store.record(alerts, summaries: summaries, policy: policy, now: now)
            } catch {
                attempts += 1
                logger.error("could not record alerts; retrying", metadata: ["error": .string(String(describing: error))])
                if isFinishing && attempts >= 20 {
                    logger.error("giving up on a batch at shutdown", metadata: ["alerts": .string(String(alerts.count)), "summaries": .string(String(summaries.count))])
                    return nil
                }
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
    }
}
