import MoodlineCore

/// The session tracker and rule engine: turns wire events into alerts, session summaries and
/// snapshot notices. A value type and a pure function of its input stream: it runs on event
/// time (the fragments' `ts`) and never reads a clock, so a replay raises exactly the alerts
/// the live service raised.
///
/// Not thread-safe by itself (it is a value); give each engine one owner.
public struct Engine: Sendable {
    public let configuration: EngineConfig
    var scorer: Scorer
    /// Live sessions, in slots so the least-recently-active list can link them by index. A free
    /// slot holds ``SessionState/vacant``. Not optional: `&slots[i]!` copies the state out and
    /// back, where `&slots[i]` changes it in place.
    var slots: [SessionState] = []
    var freeSlots: [Int32] = []
    /// Each slot's recent points, for sparklines.
    var history: HistoryPool
    /// The last turns of each session, for the context urgent alerts carry.
    var transcripts: TranscriptPool
    /// Speakers' baselines between calls.
    var baselines: BaselineBook
    var index = SessionIndex()
    /// The least-recently-active list, as slot indices (-1: none), kept beside `slots` rather
    /// than in `SessionState` so that touching a session moves two `Int32`s instead of reading
    /// and writing back whole states.
    var older: [Int32] = []
    var newer: [Int32] = []
    /// Least and most recently active slots (-1 when empty).
    var oldest: Int32 = -1
    var newest: Int32 = -1
    /// Live sessions by their own last event time, for ``expireIdle(now:into:)``. Apart from the
    /// recency list, which is in order of arrival: one session whose messages carry a later `ts`
    /// must not hold back the expiry of the sessions that arrived before it.
    var idle = IdleQueue()
    public internal(set) var counters = EngineCounters()

    /// - Parameters:
    ///   - configuration: rules and limits; invalid values are clamped where they would trap.
    ///   - lexicon: the lexicon the engine's scorer uses.
    public init(configuration: EngineConfig = EngineConfig(), lexicon: Lexicon = .embedded) {
        self.configuration = configuration
        self.scorer = Scorer(lexicon: lexicon)
        history = HistoryPool(capacity: configuration.sessions.historyPoints)
        transcripts = TranscriptPool(capacity: configuration.sessions.transcriptTurns, redacting: configuration.sessions.redact)
        baselines = BaselineBook(capacity: configuration.prosody.carriedMaxKept, maxAgeSeconds: configuration.prosody.carriedMaxAgeSeconds)
    }

    /// Baselines kept from earlier calls (a database's, at start-up), for speakers' next calls.
    public mutating func carry(_ entries: [BaselineBook.Entry]) {
        guard configuration.prosody.carryBaselines else { return }
        for entry in entries { baselines.put(entry) }
    }

    /// Speakers whose baselines are kept for their next call.
    public var carriedBaselineCount: Int { baselines.count }

    /// Sessions live now.
    public var liveSessionCount: Int { index.count }

    /// Handles one wire event: validates it against the session's state, scores a fragment's
    /// text and runs the rules. Results are appended to `output`; a rejected event sets
    /// `output.rejection` and leaves the session untouched.
    public mutating func handle(_ event: WireEvent, into output: inout EngineOutput) {
        switch event {
        case .fragment(let fragment):
            handle(fragment, into: &output)
        case .sessionStart(let start):
            startSession(start, into: &output)
        case .sessionEnd(let end):
            endSession(end, into: &output)
        }
    }

    /// Handles a fragment, scoring its text in its own language or else its session's.
    public mutating func handle(_ fragment: Fragment, into output: inout EngineOutput) {
        guard let slot = admit(fragment, into: &output) else { return }
        let language = Self.language(ofTag: fragment.lang) ?? slots[Int(slot)].language
        let score = scorer.score(fragment.text, language: language, learned: fragment.speaker == .customer ? .customer : .agent)
        process(fragment, score: score, slot: slot, into: &output)
    }

    /// Handles a fragment whose text was scored elsewhere (for example on another thread, or a
    /// synthetic score in a test). Validation and rules are exactly those of ``handle(_:into:)``.
    public mutating func handle(_ fragment: Fragment, score: Score, into output: inout EngineOutput) {
        guard let slot = admit(fragment, into: &output) else { return }
        process(fragment, score: score, slot: slot, into: &output)
    }

    /// Ends every session with no message for `sessions.idle_timeout_seconds` before `now`
    /// (event time, or the injected clock), appending their summaries in order of their last
    /// event time (equal times in the order the sessions opened).
    public mutating func expireIdle(now: Double, into output: inout EngineOutput) {
        let timeout = configuration.sessions.idleTimeoutSeconds
        while let next = idle.first(), now - next.lastTs >= timeout {
            let lastTs = slots[Int(next.slot)].lastTs
            // Messages since the session was queued moved its last event time on: it goes back
            // in at that time, and is expired there if that is idle too, in its turn.
            guard lastTs <= next.lastTs else {
                idle.rekeyFirst(lastTs: lastTs)
                continue
            }
            let summary = slots[Int(next.slot)].summary(endTs: lastTs, reason: .idle)
            remove(slot: next.slot)
            counters.sessionsExpired += 1
            output.endedSessions.append(summary)
        }
    }

    /// The session as a console shows it, or nil when it is not live.
    public func snapshot(session: String) -> SessionSnapshot? {
        guard let slot = slot(of: session) else { return nil }
        return makeSnapshot(slot: slot, history: true)
    }

    /// The session's current levels, open alerts and risk, without the history: what the
    /// per-fragment `session/<id>` messages carry (consoles build sparklines from successive
    /// snapshots), and much cheaper than ``snapshot(session:)``. Nil when it is not live.
    public func currentSnapshot(session: String) -> SessionSnapshot? {
        guard let slot = slot(of: session) else { return nil }
        return makeSnapshot(slot: slot, history: false)
    }

    /// Ids of the live sessions, least recently active first.
    public var liveSessions: [String] {
        var ids: [String] = []
        ids.reserveCapacity(index.count)
        var s = oldest
        while s >= 0 {
            ids.append(slots[Int(s)].id)
            s = newer[Int(s)]
        }
        return ids
    }
}
