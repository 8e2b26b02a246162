import MoodlineCore
import MoodlineEngine
import MoodlineStore
import MoodlineWire

/// Decode, score, track, rules, persist, publish: the one path every message takes, live or replayed.
///
/// Not thread-safe: one pipeline belongs to one thread. Batches amortise the database:
/// ``ingest(_:)`` messages, then ``flush(to:)`` once, which commits the batch's tickets in
/// one transaction before anything is published.
public struct Pipeline {
    public private(set) var engine: Engine
    public let store: TicketStore?
    public let policy: EscalationPolicy
    public private(set) var counters = PipelineCounters()
    private let decoder: WireDecoder
    private var output = EngineOutput()
    private var pendingAlerts: [Alert] = []
    private var pendingSummaries: [SessionSummary] = []
    private var pendingSnapshots: [String] = []
    /// Event time, carried on by the wall clock (see ``EventClock``).
    public private(set) var clock: EventClock
    /// How far a message's `ts` may stray from the wall clock before it is refused
    /// (`ts_out_of_range`); nil accepts any, as replay must.
    public var eventTimeWindow: EventTimeWindow?
    /// Whether session snapshots are built and handed to the sink. A replay that publishes
    /// nothing turns them off: nobody reads them, and they cost a tenth of its time.
    public var snapshotsWanted = true

    public init(engine: Engine, store: TicketStore?, policy: EscalationPolicy, decoder: WireDecoder = WireDecoder(), clock: EventClock) {
        self.engine = engine
        self.store = store
        self.policy = policy
        self.decoder = decoder
        self.clock = clock
        pendingAlerts.reserveCapacity(64)
    }

    /// Takes one wire message. Returns the rejection when it was refused; nothing else is lost.
    @discardableResult
    public mutating func ingest(_ message: UnsafeRawBufferPointer) -> Rejection? {
        counters.received += 1
        let event: WireEvent
        do {
            event = try decoder.decode(message)
        } catch {
            counters.decodeRejections[error.reason, default: 0] += 1
            return error
        }
        return ingest(event)
    }

    /// Counts a message refused before decoding (one of several frames, say): received and
    /// rejected for `rejection`'s reason, like any other.
    public mutating func refuse(_ rejection: Rejection) {
        counters.received += 1
        counters.decodeRejections[rejection.reason, default: 0] += 1
    }

    /// Takes one decoded event.
    @discardableResult
    public mutating func ingest(_ event: WireEvent) -> Rejection? {
        if let rejection = outsideWindow(event.ts) { return rejection }
        output.removeAll(keepingCapacity: true)
        engine.handle(event, into: &output)
        return taken(at: event.ts)
    }

    /// Takes one decoded fragment: ``ingest(_:)-(WireEvent)`` without wrapping it in an event.
    @discardableResult
    public mutating func ingest(_ fragment: Fragment) -> Rejection? {
        if let rejection = outsideWindow(fragment.ts) { return rejection }
        output.removeAll(keepingCapacity: true)
        engine.handle(fragment, into: &output)
        return taken(at: fragment.ts)
    }

    /// Takes a fragment whose text was scored elsewhere (a replay's reading thread), exactly as
    /// ``ingest(_:)-(WireEvent)`` would take it with that score.
    @discardableResult
    public mutating func ingest(_ fragment: Fragment, score: Score) -> Rejection? {
        output.removeAll(keepingCapacity: true)
        engine.handle(fragment, score: score, into: &output)
        return taken(at: fragment.ts)
    }

    /// The rejection of a `ts` outside the window, counted; nil when it may pass.
    private mutating func outsideWindow(_ ts: Double) -> Rejection? {
        guard let window = eventTimeWindow else { return nil }
        let now = clock.wallNow
        counters.skew.observe(ts: ts, now: now)
        guard let rejection = window.rejection(ts: ts, now: now) else { return nil }
        counters.decodeRejections[rejection.reason, default: 0] += 1
        return rejection
    }

    /// After the engine took an event at `ts`: the clock moves and the results wait for the flush.
    private mutating func taken(at ts: Double) -> Rejection? {
        if output.rejection == nil { clock.observe(eventTime: ts) }
        collect()
        return output.rejection
    }

    private mutating func collect() {
        pendingAlerts.append(contentsOf: output.alerts)
        pendingSummaries.append(contentsOf: output.endedSessions)
        if snapshotsWanted { pendingSnapshots.append(contentsOf: output.snapshotsDue) }
    }

    /// Whether anything waits for ``flush(to:)``.
    public var hasPending: Bool { !pendingAlerts.isEmpty || !pendingSummaries.isEmpty || !pendingSnapshots.isEmpty }

    /// Commits the batch's alerts and tickets, then publishes them, then the summaries and snapshots.
    /// On a store error nothing of the batch is published and the error is thrown; the alerts stay
    /// pending, so the next flush tries again.
    public mutating func flush<Sink: PipelineSink>(to sink: inout Sink) throws(StoreError) {
        if !pendingAlerts.isEmpty {
            if let store {
                let recorded = try store.record(pendingAlerts, policy: policy, now: clock.now)
                for r in recorded {
                    guard r.isNew else {
                        counters.alertsAlreadyRecorded += 1
                        continue
                    }
                    sink.alert(r.alert, newTicket: r.ticketIsNew ? r.ticket : nil)
                    counters.alertsPublished += 1
                    if r.ticketIsNew { counters.ticketsOpened += 1 }
                    if let change = r.ticketChange, change != .created, let ticket = r.ticket {
                        sink.ticketChanged(ticket, action: change, at: r.alert.ts)
                        counters.alertsAttached += 1
                    }
                }
            } else {
                for alert in pendingAlerts {
                    sink.alert(alert, newTicket: nil)
                    counters.alertsPublished += 1
                }
            }
            pendingAlerts.removeAll(keepingCapacity: true)
        }
        if !pendingSummaries.isEmpty {
            // One transaction (and one fsync) for the batch's summaries, committed before any
            // of them is published.
            try store?.saveSummaries(pendingSummaries, now: clock.now)
            for summary in pendingSummaries { sink.sessionEnded(summary) }
            pendingSummaries.removeAll(keepingCapacity: true)
        }
        if !pendingSnapshots.isEmpty {
            for session in pendingSnapshots {
                // Current levels only: the history is for the control socket's `session` reply.
                if let snapshot = engine.currentSnapshot(session: session) { sink.snapshot(snapshot) }
            }
            pendingSnapshots.removeAll(keepingCapacity: true)
        }
    }

    /// The periodic work: sessions idle past the timeout end, and overdue tickets escalate.
    public mutating func tick<Sink: PipelineSink>(to sink: inout Sink) throws(StoreError) {
        let now = clock.now
        output.removeAll(keepingCapacity: true)
        engine.expireIdle(now: now, into: &output)
        collect()
        try flush(to: &sink)
        guard let store else { return }
        for move in try store.escalateOverdue(now: now, policy: policy) {
            // A re-send at the last tier is no escalation: counted and announced as what it is.
            if move.action == .escalated { counters.ticketsEscalated += 1 }
            sink.ticketChanged(move.ticket, action: move.action == .escalated ? .escalated : .republished, at: now)
        }
    }
}
