import Foundation
import Logging
import MoodlineCore
import MoodlineEngine
import MoodlineStore
import MoodlineWire
import Synchronization

/// `moodline serve`: the pipeline on one thread of its own, reading the ingest PULL socket; a
/// ``StoreWriter`` thread commits its tickets and owns the PUB socket; a ``ControlService``
/// thread answers the control REP socket.
///
/// ZeroMQ calls block, so the loop runs on a dedicated thread and never inside Swift
/// concurrency's small cooperative pool.
public final class Server: @unchecked Sendable {
    public let configuration: ServerConfiguration
    private let logger: Logger
    private let context: ZMQContext
    /// The tickets, alerts and summaries. Safe from any thread; to change a ticket, use
    /// ``acknowledge(key:by:)`` and ``resolve(key:by:note:)``, which also announce the change.
    public let store: TicketStore
    private let lexicon: Lexicon
    /// Figures for metrics and health, updated by the pipeline thread.
    public let status = ServerStatus()
    /// Receives everything published, after the commit. Set before `run`.
    public var liveFeed: (any LiveFeed)?
    /// The writer while `run` is running: ticket changes made from other threads go out through it.
    private let activeWriter = Mutex<StoreWriter?>(nil)

    /// The endpoints actually bound (a `tcp://127.0.0.1:*` request resolves to a port).
    public private(set) var boundIngest = ""
    public private(set) var boundPublish = ""
    public private(set) var boundControl = ""
    /// Benchmarks only: receive and flush times per batch (see ``Instrumentation``). Nil, the default, measures nothing. Set before `run`.
    public var instrumentation: Instrumentation?

    public init(configuration: ServerConfiguration, context: ZMQContext, logger: Logger) throws {
        self.configuration = configuration
        self.context = context
        self.logger = logger
        lexicon = try LexiconDirectory.load(configuration.lexicons)
        // Checkpoints in the background, small and often: an inline one stalls the commit that
        // triggers it by 10–20 ms, and everything queued behind it. Measured at 20,000
        // fragments/s for 30 s: p99 receive→publish 15.8 ms inline, 3.0 ms with a checkpoint
        // every 0.1 s (22 ms every 10 s, 13 ms every 2 s: larger checkpoints stall longer).
        store = try TicketStore(
            path: configuration.database, durability: configuration.durability == .full ? .full : .normal,
            checkpointing: .background(interval: 0.1)
        )
    }

    /// The largest ingest or control message read at all: four times the decoder's limit, so
    /// a moderately oversized message is still read, rejected and counted with its reason.
    public static let receiveLimit = 4 * WireDecoder().maxMessageBytes

    /// Runs until ``ShutdownSignal`` is requested or the context shuts down; then flushes and closes.
    /// `ready` is called once the sockets are bound.
    public func run(ready: (Server) -> Void = { _ in }) throws {
        // With CURVE on, the ZAP handler must be bound before any CURVE socket: libzmq admits
        // every key when no handler answers.
        let zap = configuration.curve.isOn ? ZAPHandler(curve: configuration.curve, logger: logger) : nil
        try zap?.start(in: context)
        defer { zap?.stop() }
        let ingest = try context.socket(.pull)
        let publish = try context.socket(.pub)
        let control = try context.socket(.rep)
        defer {
            ingest.close()
            publish.close()
        }
        try ingest.set(.receiveHighWaterMark(configuration.highWaterMark))
        // A message over the decoder's limit is rejected and counted as oversized; one far over
        // it (a 1 GiB frame) never enters memory: libzmq drops its sender first.
        try ingest.set(.maxMessageSize(Int64(Self.receiveLimit)))
        try control.set(.maxMessageSize(Int64(Self.receiveLimit)))
        try publish.set(.sendHighWaterMark(configuration.highWaterMark))
        if let keys = configuration.curve.serverKeys {
            try ingest.serveCurve(keys, as: .ingest)
            try publish.serveCurve(keys, as: .publish)
            try control.serveCurve(keys, as: .control)
        }
        // The control socket goes to its service's thread below; on an early throw, its release closes it.
        try ingest.bind(configuration.ingest)
        try publish.bind(configuration.publish)
        try control.bind(configuration.control)
        boundIngest = try ingest.lastEndpoint
        boundPublish = try publish.lastEndpoint
        boundControl = try control.lastEndpoint
        var started: Logger.Metadata = [
            "ingest": .string(boundIngest), "publish": .string(boundPublish), "control": .string(boundControl),
            "database": .string(configuration.database), "lexicon_entries": .string(String(lexicon.count)),
        ]
        if let keys = configuration.curve.serverKeys {
            started["curve_server_key"] = .string(keys.publicKey)
            started["curve_clients"] = .string(String(configuration.curve.clients.count))
        }
        logger.info("moodline is serving", metadata: started)
        ready(self)

        // The pipeline has no store: the writer records its alerts and summaries off this
        // thread (group commit) and publishes everything after the commit, in order.
        var engine = Engine(configuration: configuration.engine, lexicon: lexicon)
        if configuration.engine.prosody.carryBaselines {
            // Agents' (and named customers') baselines from earlier calls: their next call starts warm.
            let prosody = configuration.engine.prosody
            try store.trimBaselines(keep: prosody.carriedMaxKept)
            engine.carry(try store.carriedBaselines(limit: prosody.carriedMaxKept, since: Date().timeIntervalSince1970 - prosody.carriedMaxAgeSeconds))
            logger.info("carried prosody baselines", metadata: ["speakers": .string(String(engine.carriedBaselineCount))])
        }
        var pipeline = Pipeline(
            engine: engine, store: nil,
            policy: configuration.escalation, clock: EventClock(wall: { Date().timeIntervalSince1970 })
        )
        pipeline.eventTimeWindow = configuration.eventTime
        let timing = instrumentation
        let board = SessionBoard.Inbox()
        let writer = StoreWriter(
            store: store, policy: configuration.escalation, publish: publish, logger: logger,
            instrumentation: timing, feed: FeedFanOut([board, liveFeed]), retention: configuration.retention
        )
        writer.start()
        activeWriter.withLock { $0 = writer }
        let controlService = ControlService(socket: control, inbox: board, logger: logger) { [self] in
            ControlHandler(store: store, status: status, actions: ControlHandler.Actions(
                acknowledge: { key, actor throws(StoreError) in try self.acknowledge(key: key, by: actor) },
                resolve: { key, actor, note throws(StoreError) in try self.resolve(key: key, by: actor, note: note) },
                feedback: { verdict, target, key, actor, note throws(StoreError) in
                    try self.recordFeedback(verdict, on: target, key: key, by: actor, note: note)
                }
            ))
        }
        controlService.start()
        // Runs before the sockets close (defers run last first): control stops taking changes,
        // everything queued is committed and published, and the writer has let go of the PUB
        // socket, even when the loop throws.
        defer {
            controlService.stop()
            activeWriter.withLock { $0 = nil }
            writer.finish()
            status.update { $0.running = false }
        }
        var sink = BatchingSink()
        var rejections = RejectionLog(logger: logger, perMinute: configuration.rejectionLogsPerMinute)
        var poller = ZMQPoller()
        let ingestIndex = try poller.register(ingest)
        // The periodic work runs on the monotonic clock: were it scheduled on the wall clock, a
        // step back by time synchronisation would stop ticks (escalations, idle expiry) until
        // the wall caught up again.
        var lastTick = Self.monotonicSeconds()
        var lastReport = lastTick
        var lastStatus = -Double.infinity
        var processing = LatencyHistogram()

        while !ShutdownSignal.isRequested {
            do {
                _ = try poller.poll(timeoutMilliseconds: 100)
            } catch {
                if error.isContextTerminated { break }
                throw error
            }
            if poller.isReadable(ingestIndex) {
                var taken = 0
                while taken < configuration.batchSize {
                    let before: UInt64 = timing == nil ? 0 : Instrumentation.now()
                    let outcome = try ingest.receive(flags: .dontWait) { bytes -> Intake in
                        // A message of several frames is refused whole, never taken frame by frame.
                        if ingest.hasMoreFrames {
                            let rejection = Rejection(.multipart, "send one JSON object in one frame")
                            pipeline.refuse(rejection)
                            return .rejected(rejection, excerpt: nil)
                        }
                        let start = Instrumentation.now()
                        let rejection = pipeline.ingest(bytes)
                        processing.record(nanoseconds: Instrumentation.now() &- start)
                        guard let rejection else { return .accepted }
                        let excerpt = configuration.logExcerpts ? String(decoding: bytes.prefix(160), as: UTF8.self) : nil
                        return .rejected(rejection, excerpt: excerpt)
                    }
                    guard let outcome else { break } // nothing more right now
                    // The rest of a multipart message arrived with its first frame: drop it.
                    while ingest.hasMoreFrames { _ = try ingest.receive(flags: .dontWait) { _ in () } }
                    taken += 1
                    if timing != nil { sink.batch.receivedAt.append(before) }
                    if case .rejected(let rejection, let excerpt) = outcome {
                        rejections.record(rejection, now: Date().timeIntervalSince1970, excerpt: excerpt)
                    }
                }
            }
            flush(&pipeline, &sink)
            let wall = Date().timeIntervalSince1970
            let monotonic = Self.monotonicSeconds()
            if monotonic - lastTick >= configuration.tickSeconds {
                lastTick = monotonic
                // Sessions idle past the timeout end here; the writer escalates overdue tickets
                // after committing and announcing what is queued before.
                flush(&pipeline, &sink, tick: true)
            }
            writer.submit(sink.take())
            if monotonic - lastStatus >= 0.25 {
                lastStatus = monotonic
                publishStatus(pipeline, writer, processing, wall: wall)
            }
            if monotonic - lastReport >= 30 {
                lastReport = monotonic
                report(pipeline, writer)
            }
        }
        flush(&pipeline, &sink)
        writer.submit(sink.take())
        writer.finish()
        report(pipeline, writer)
        try? store.close()
        logger.info("moodline stopped")
    }

    /// Acknowledges a ticket at the current event time, records it, and announces the change
    /// like the control socket's `ack` does. Safe from any thread.
    public func acknowledge(key: String, by actor: String) throws(StoreError) -> Ticket {
        let at = eventNow()
        let ticket = try store.acknowledge(key: key, by: actor, at: at)
        announce(ticket, .acknowledged, at: at)
        return ticket
    }

    /// Records a person's verdict on an alert or a ticket at the current event time.
    public func recordFeedback(
        _ verdict: Feedback.Verdict, on target: Feedback.Target, key: String, by actor: String, note: String?
    ) throws(StoreError) -> Feedback {
        try store.recordFeedback(verdict, on: target, key: key, by: actor, note: note, at: eventNow())
    }

    /// Resolves a ticket at the current event time, records it, and announces the change.
    public func resolve(key: String, by actor: String, note: String?) throws(StoreError) -> Ticket {
        let at = eventNow()
        let ticket = try store.resolve(key: key, by: actor, note: note, at: at)
        announce(ticket, .resolved, at: at)
        return ticket
    }

    /// Seconds on a clock that never steps (CLOCK_MONOTONIC), for intervals.
    private static func monotonicSeconds() -> Double {
        Double(DispatchTime.now().uptimeNanoseconds) / 1e9
    }

    /// Event time as the pipeline last reported it; the wall clock before the first report.
    private func eventNow() -> Double {
        let now = status.current.eventNow
        return now > 0 ? now : Date().timeIntervalSince1970
    }

    private func announce(_ ticket: Ticket, _ action: TicketAction, at: Double) {
        var batch = StoreBatch()
        batch.ticketChanges.append((ticket, action, at))
        // Without a running writer there is no PUB socket to announce on; the change is recorded.
        activeWriter.withLock { $0 }?.submit(batch)
    }

    private func publishStatus(_ pipeline: Pipeline, _ writer: StoreWriter, _ processing: LatencyHistogram, wall: Double) {
        let c = writer.counters.merged(into: pipeline.counters), e = pipeline.engine.counters
        var rejections = c.decodeRejections
        for (reason, n) in e.rejections { rejections[reason, default: 0] += n }
        let live = pipeline.engine.liveSessionCount, now = pipeline.clock.now
        status.update { f in
            f.received = c.received
            f.fragments = e.fragments
            f.rejections = rejections
            f.alertsRaised = e.alerts
            f.alertsPublished = c.alertsPublished
            f.ticketsOpened = c.ticketsOpened
            f.alertsAttached = c.alertsAttached
            f.ticketsEscalated = c.ticketsEscalated
            f.liveSessions = live
            f.evictions = e.evictions
            f.processing = processing
            f.eventNow = now
            f.skew = c.skew
            f.updatedAt = wall
            f.running = true
        }
    }

    private enum Intake {
        case accepted
        case rejected(Rejection, excerpt: String?)
    }

    /// Moves the pipeline's pending results into the sink's batch, with the event time they
    /// are recorded at. Cannot fail: the pipeline has no store, the writer commits.
    private func flush(_ pipeline: inout Pipeline, _ sink: inout BatchingSink, tick: Bool = false) {
        do {
            if tick {
                try pipeline.tick(to: &sink)
                sink.batch.escalateAt = pipeline.clock.now
            } else if pipeline.hasPending {
                try pipeline.flush(to: &sink)
            }
        } catch {
            logger.error("could not flush the pipeline; retrying", metadata: ["error": .string(String(describing: error))])
        }
        sink.batch.now = pipeline.clock.now
    }

    private func report(_ pipeline: Pipeline, _ writer: StoreWriter) {
        let c = writer.counters.merged(into: pipeline.counters), e = pipeline.engine.counters
        let rejected = c.decodeRejections.values.reduce(0, +) + e.totalRejections
        logger.info("pipeline", metadata: [
            "received": .string(String(describing: c.received)), "rejected": .string(String(describing: rejected)), "live_sessions": .string(String(describing: pipeline.engine.liveSessionCount)),
            "alerts": .string(String(describing: c.alertsPublished)), "tickets": .string(String(describing: c.ticketsOpened)), "escalations": .string(String(describing: c.ticketsEscalated)),
            "evictions": .string(String(describing: e.evictions)),
        ])
    }
}
