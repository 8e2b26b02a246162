import Foundation
import MoodlineCore
import MoodlineEngine
import MoodlineServer
import MoodlineWire

/// One pass of recorded conversations through the live pipeline.
///
/// The path is `serve`'s: the same ``WireDecoder``, the same ``Pipeline`` with its engine,
/// batches and flushes, and an ``EventClock`` whose wall clock stands still, so "now" is the
/// recording's event time. Each line is decoded by the file's reader (the merge of several
/// files needs each line's `ts`) and handed to ``Pipeline/ingest(_:)-(WireEvent)``, which is
/// what `Pipeline.ingest(bytes)` does after decoding.
public struct Replay: Sendable {
    public var files: [RecordingFile]
    public var configuration: ServerConfiguration
    /// Multiple of event time to pace at (`1` is real time); nil replays as fast as possible.
    public var speed: Double?
    /// With ``speed``: gaps between events longer than this are shortened to it while pacing.
    public var maxGapSeconds = 30.0
    /// Draw a progress bar on standard error: nil decides by whether it is a terminal.
    public var progress: Bool?
    /// Read, decode and score on a second thread while the rules run (see ``ReadAheadScorer``).
    /// The alerts are the same either way; a paced replay always uses one thread.
    public var readAhead = true

    public init(files: [RecordingFile], configuration: ServerConfiguration) {
        self.files = files
        self.configuration = configuration
    }

    /// Replays every file into `recorder` and returns what happened. Bad lines are counted,
    /// never fatal; the lexicon directory of the configuration must load.
    public func run(into recorder: inout ReplayRecorder) throws(ReplayError) -> ReplayStatistics {
        let lexicon: Lexicon
        do {
            lexicon = try LexiconDirectory.load(configuration.lexicons)
        } catch {
            throw ReplayError(path: configuration.lexicons, "cannot load the lexicons: \(error)")
        }
        let wall = ReplayWallClock()
        var pipeline = Pipeline(
            engine: Engine(configuration: configuration.engine, lexicon: lexicon), store: nil,
            policy: configuration.escalation, clock: EventClock(wall: { wall.now }))
        pipeline.snapshotsWanted = recorder.hasDownstream
        let decoder = WireDecoder()
        var merge = RecordingMerge(files: files, decoder: decoder)
        var statistics = ReplayStatistics()
        statistics.files = files.count
        statistics.compressedFiles = files.filter(\.isCompressed).count
        let anyCompressed = statistics.compressedFiles > 0
        var bar = ProgressBar(totalBytes: anyCompressed ? 0 : files.reduce(0) { $0 + $1.bytes }, enabled: progress)
        var pacer = speed.map { Pacer(speed: $0, maxGapSeconds: maxGapSeconds) }
        let batchSize = max(1, configuration.batchSize)
        let tickSeconds = max(0.001, configuration.tickSeconds)
        let drawing = recorder.options.timelineSessions > 0
        var inBatch = 0
        var lastTick: Double?
        let started = Date().timeIntervalSince1970

        /// Bytes read, as the reading thread last reported them; nil reads them off the merge.
        var readerBytes: Int?

        /// One event through the pipeline.
        func consume(_ event: WireEvent) throws(ReplayError) {
            if pacer != nil {
                pacer!.wait(forEventAt: event.ts)
            }
            try taken(pipeline.ingest(event), ts: event.ts) { event }
        }

        /// One fragment the reading thread left unscored, taken without wrapping it in an event.
        func consume(_ fragment: Fragment) throws(ReplayError) {
            try taken(pipeline.ingest(fragment), ts: fragment.ts) { .fragment(fragment) }
        }

        /// One fragment the reading thread has scored. Kept apart from `consume(_:)` so that
        /// the fragment is not wrapped into an event and unwrapped again on the way.
        func consume(_ fragment: Fragment, score: Score) throws(ReplayError) {
            try taken(pipeline.ingest(fragment, score: score), ts: fragment.ts) { .fragment(fragment) }
        }

        /// What follows each message: statistics, and a flush and tick at the end of a batch.
        func taken(_ rejection: Rejection?, ts: Double, event: () -> WireEvent) throws(ReplayError) {
            statistics.events += 1
            if rejection == nil {
                if statistics.firstTs == nil { statistics.firstTs = ts }
                statistics.lastTs = max(statistics.lastTs ?? ts, ts)
                if drawing { recorder.note(event(), engine: pipeline.engine) }
            }
            inBatch += 1
            // Paced replays publish as they go, like `serve`; fast ones flush per batch.
            guard inBatch >= batchSize || pacer != nil else { return }
            inBatch = 0
            try flush(&pipeline, &recorder)
            bar.update(bytes: readerBytes ?? merge.bytesRead, fragments: pipeline.engine.counters.fragments, alerts: pipeline.counters.alertsPublished)
            // Like `serve`, the idle sweep runs between batches once a tick has passed, but on
            // the clock's event time rather than the wall's.
            let now = statistics.lastTs ?? ts
            guard let last = lastTick else {
                lastTick = now
                return
            }
            if now - last >= tickSeconds {
                try tick(&pipeline, &recorder)
                lastTick = now
            }
        }

        var failures: [(path: String, message: String)]
        if readAhead && pacer == nil {
            let reader = ReadAheadScorer(merge: merge, lexicon: lexicon, batchSize: batchSize)
            reader.start()
            defer { reader.cancel() }
            while let batch = reader.next() {
                readerBytes = batch.bytesRead
                var fragment = 0, score = 0, event = 0, rejection = 0
                for entry in batch.entries {
                    // Before each fragment, the sessions of fragments a few ahead start loading
                    // (hints): the index entry of one further on, the state of a nearer one.
                    if entry.isFragment {
                        let lookup = fragment &+ 2 &* Self.prefetchDistance, state = fragment &+ Self.prefetchDistance
                        if lookup < batch.fragments.count { pipeline.engine.prefetchLookup(session: batch.fragments[lookup].session) }
                        if state < batch.fragments.count { pipeline.engine.prefetch(session: batch.fragments[state].session) }
                    }
                    switch entry {
                    case .fragment:
                        try consume(batch.fragments[fragment])
                        fragment &+= 1
                    case .scoredFragment:
                        try consume(batch.fragments[fragment], score: batch.scores[score])
                        fragment &+= 1
                        score &+= 1
                    case .event:
                        try consume(batch.events[event])
                        event &+= 1
                    case .rejection:
                        statistics.decodeRejections[batch.rejections[rejection].reason, default: 0] += 1
                        rejection &+= 1
                    }
                }
                reader.recycle(consume batch)
            }
            failures = reader.failures
        } else {
            while let item = merge.next() {
                switch item {
                case .rejected(let rejection): statistics.decodeRejections[rejection.reason, default: 0] += 1
                case .event(let event): try consume(event)
                }
            }
            failures = merge.failures
        }
        try flush(&pipeline, &recorder)
        // The recording ran out: time moves past the idle timeout, as it would have live, so
        // the sessions left open end through the engine's own expiry with their summaries.
        wall.advance(by: configuration.engine.sessions.idleTimeoutSeconds + tickSeconds)
        try tick(&pipeline, &recorder)
        bar.finish()

        statistics.elapsedSeconds = Date().timeIntervalSince1970 - started
        statistics.bytes = readerBytes ?? merge.bytesRead
        statistics.engine = pipeline.engine.counters
        statistics.alertsByKind = recorder.alertsByKind
        statistics.alertsBySeverity = recorder.alertsBySeverity
        statistics.sessions = recorder.sessionsEnded
        statistics.failures = failures.map { "\($0.path): \($0.message)" }
        return statistics
    }

    /// How many fragments ahead the reading loop asks for a session's state to be loaded:
    /// far enough for the loads to finish, near enough that they are still in cache.
    static let prefetchDistance = 4

    private func flush(_ pipeline: inout Pipeline, _ recorder: inout ReplayRecorder) throws(ReplayError) {
        do {
            try pipeline.flush(to: &recorder)
        } catch {
            // Without a store nothing can fail here; kept for the day a replay records tickets.
            throw ReplayError("could not record the alerts: \(error)")
        }
    }

    private func tick(_ pipeline: inout Pipeline, _ recorder: inout ReplayRecorder) throws(ReplayError) {
        do {
            try pipeline.tick(to: &recorder)
        } catch {
            throw ReplayError("could not end idle sessions: \(error)")
        }
    }
}
