import MoodlineCore
import MoodlineEngine

/// A seeded, reproducible stream of simulated conversations in wire schema v1.
///
/// It keeps `sessions` conversations going at once. Each runs in a slot: a slot plays a
/// library script from `session_start` through its fragments (seq 1, 2, …) to
/// `session_end`, then pauses briefly and starts a new one. Every conversation gets a fresh
/// session id (`sim-<seed>-<n>`, n counting from 1 in the order conversations are cast),
/// the slot's agent (`a-<k>`: an agent handles one conversation at a time), the agent's team
/// (`t-<k>`), a made-up customer id, slightly jittered prosody and its own pace. Event times
/// start at `startTime` and follow the scripts' gaps; all slots are merged in `ts` order.
///
/// Pure and deterministic: the same arguments give the same events, on any machine. It
/// never ends by itself (slots recast forever); stop taking events, then call `finish()`
/// for the `session_end`s of the conversations still running.
public struct SimulatedStream: WireEventSource {
    public let seed: UInt64
    /// Conversations running at once.
    public let sessions: Int
    /// Teams the agents are spread over.
    public let teams: Int
    public let startTime: Double
    /// The scripts it draws from (already filtered by language).
    public let library: ConversationLibrary
    /// How often each tone is cast.
    public let mix: ConversationMix
    /// Script indices by tone, for the mix.
    private let byTone: [ConversationTone: [Int]]

    private var random: SplitMix64
    /// Each tone's credit for the mix: every cast adds its share, the tone with the most is
    /// cast and pays the total back. Any run of conversations then holds the mix's shares
    /// (an urgent call about every fortieth), where independent draws left a 30-minute demo
    /// with one urgent call or six.
    private var credit: [ConversationTone: Double] = [:]
    private var slots: [Slot]
    private var queue: EventQueue
    private var cast = 0
    private var lastTs: Double
    private var finished = false

    /// One conversation in progress.
    private struct Slot: Sendable {
        var script: Int
        var session: String
        var customer: String
        /// Multiplies the script's gaps: below 1 a brisker conversation, above 1 a slower one.
        var pace: Double
        /// Per-speaker voice: pitch factor, energy offset (dB), rate factor; index by `Speaker`.
        var voice: [Voice]
        /// -1: the start is next; 0..<turns.count: that turn; turns.count: the end.
        var step: Int
        var ts: Double
        var started: Bool
    }

    private struct Voice: Sendable {
        var pitch: Double
        var energy: Double
        var rate: Double
    }

    /// - Parameters:
    ///   - seed: the same seed gives the same events.
    ///   - sessions: conversations running at once (at least 1).
    ///   - languages: language groups to draw from (`zh`, `en`, `mixed`); nil for all. A set
    ///     that matches no script leaves the stream empty (see `isEmpty`).
    ///   - startTime: event time of the first conversation starts, seconds since the epoch.
    ///   - teams: teams to spread agents over; nil picks a few (about one per three agents, at most 5).
    ///   - library: the scripts; the embedded scenario conversations by default.
    ///   - mix: how often each tone is cast; every script alike by default.
    public init(
        seed: UInt64, sessions: Int, languages: Set<String>? = nil, startTime: Double,
        teams: Int? = nil, library: ConversationLibrary = .embedded, mix: ConversationMix = .uniform
    ) {
        self.seed = seed
        self.sessions = max(1, sessions)
        self.teams = max(1, teams ?? min(5, max(1, self.sessions / 3)))
        self.startTime = startTime
        self.library = library.filtered(languages: languages)
        self.mix = mix
        var byTone: [ConversationTone: [Int]] = [:]
        for (index, conversation) in self.library.conversations.enumerated() {
            byTone[conversation.tone, default: []].append(index)
        }
        self.byTone = byTone
        random = SplitMix64(seed: seed)
        slots = []
        queue = EventQueue(capacity: self.sessions)
        lastTs = startTime
        guard !self.library.conversations.isEmpty else {
            finished = true
            return
        }
        slots.reserveCapacity(self.sessions)
        // Stagger the first starts over up to half a minute so the opening is not one burst.
        let stagger = min(30.0, Double(self.sessions) * 2.5)
        for index in 0..<self.sessions {
            let begin = Self.millis(startTime + random.uniform(0, stagger))
            slots.append(castConversation(at: begin))
            queue.push(.init(ts: begin, order: index))
        }
    }

    /// True when the language filter left no script to play.
    public var isEmpty: Bool { library.conversations.isEmpty }

    /// Conversations cast so far (started or about to start).
    public var conversationsCast: Int { cast }

    /// Conversations cast so far, by tone.
    public private(set) var castByTone: [ConversationTone: Int] = [:]

    /// The agent id of slot `index`.
    public func agent(slot index: Int) -> String { "a-\(index + 1)" }

    /// The team id of slot `index`: agents are dealt round-robin over the teams.
    public func team(slot index: Int) -> String { "t-\(index % teams + 1)" }

    public mutating func next() -> WireEvent? {
        guard !finished, let entry = queue.pop() else { return nil }
        let index = entry.order
        var slot = slots[index]
        let script = library.conversations[slot.script]
        let event: WireEvent
        switch slot.step {
        case -1:
            slot.started = true
            event = .sessionStart(SessionStart(
                session: slot.session, seq: 0, ts: slot.ts, agent: agent(slot: index), team: team(slot: index),
                channel: script.channel, customer: slot.customer, lang: script.lang))
        case script.turns.count:
            event = .sessionEnd(SessionEnd(session: slot.session, seq: Int64(slot.step + 1), ts: slot.ts))
        default:
            let turn = script.turns[slot.step]
            event = .fragment(Fragment(
                session: slot.session, seq: Int64(slot.step + 1), ts: slot.ts, speaker: turn.speaker, text: turn.text,
                agent: agent(slot: index), team: team(slot: index), channel: script.channel, lang: script.lang,
                isFinal: turn.isFinal, prosody: turn.prosody.map { jitter($0, voice: slot.voice[turn.speaker == .customer ? 0 : 1], pace: slot.pace) }))
        }
        lastTs = slot.ts
        // Schedule the slot's next event: the next turn, the end, or (after an end) a new conversation.
        if slot.step == script.turns.count {
            let pause = random.uniform(1, 8)
            slot = castConversation(at: Self.millis(slot.ts + pause))
        } else {
            slot.step += 1
            let gap = slot.step < script.turns.count ? script.turns[slot.step].gap : script.endGap
            slot.ts = Self.millis(slot.ts + gap * slot.pace)
        }
        slots[index] = slot
        queue.push(.init(ts: slot.ts, order: index))
        return event
    }

    /// `session_end` for every conversation that has started and not yet ended, at the time
    /// of the last event given out (so `ts` stays non-decreasing), in slot order. The stream
    /// is exhausted afterwards.
    public mutating func finish() -> [WireEvent] {
        guard !finished else { return [] }
        finished = true
        var ends: [WireEvent] = []
        for slot in slots where slot.started {
            let script = library.conversations[slot.script]
            // step is the index of the next event; the end's seq is turns.count + 1.
            let seq = Int64(min(slot.step, script.turns.count) + 1)
            ends.append(.sessionEnd(SessionEnd(session: slot.session, seq: seq, ts: lastTs)))
        }
        return ends
    }

    /// Picks a script and the conversation's identity, voice and pace.
    private mutating func castConversation(at ts: Double) -> Slot {
        cast += 1
        let script = pickScript()
        castByTone[library.conversations[script].tone, default: 0] += 1
        let customer = "c-\(100_000 + random.below(900_000))"
        let pace = random.uniform(0.8, 1.25)
        var voice: [Voice] = []
        for _ in 0..<2 {
            voice.append(Voice(pitch: random.uniform(0.92, 1.08), energy: random.uniform(-1.5, 1.5), rate: random.uniform(0.95, 1.05)))
        }
        return Slot(
            script: script, session: "sim-\(seed)-\(cast)", customer: customer, pace: pace, voice: voice,
            step: -1, ts: ts, started: false)
    }

    /// A script index: uniform over the library, or a tone by the mix's shares (among the
    /// tones the library has, spread evenly over the run), then a random script of that tone.
    private mutating func pickScript() -> Int {
        guard let shares = mix.shares else { return random.below(library.conversations.count) }
        let tones = ConversationTone.allCases.filter { byTone[$0] != nil && (shares[$0] ?? 0) > 0 }
        let total = tones.reduce(0) { $0 + (shares[$1] ?? 0) }
        guard total > 0 else { return random.below(library.conversations.count) }
        if credit.isEmpty {
            // A random start per seed, so runs differ in where the rare tones fall.
            for t in tones { credit[t] = random.uniform(0, total) * (shares[t] ?? 0) / total }
        }
        for t in tones { credit[t, default: 0] += shares[t] ?? 0 }
        var tone = tones[0]
        for t in tones where credit[t, default: 0] > credit[tone, default: 0] { tone = t }
        credit[tone, default: 0] -= total
        let scripts = byTone[tone] ?? []
        return scripts[random.below(scripts.count)]
    }

    /// The script's readings in this conversation's voice, with a little per-fragment noise.
    /// Overlaps are kept as written (they are what the interruptions rule counts); pauses follow the pace.
    private mutating func jitter(_ p: ProsodyReading, voice: Voice, pace: Double) -> ProsodyReading {
        var out = p
        let wobble = random.uniform(0.985, 1.015)
        if let v = p.pitchHz { out.pitchHz = Self.round(v * voice.pitch * wobble, 1) }
        if let v = p.pitchSDHz { out.pitchSDHz = Self.round(v * voice.pitch * random.uniform(0.97, 1.03), 1) }
        if let v = p.energyDB { out.energyDB = Self.round(min(-1, v + voice.energy + random.uniform(-0.3, 0.3)), 1) }
        if let v = p.rateSPS { out.rateSPS = Self.round(v * voice.rate * random.uniform(0.98, 1.02), 2) }
        if let v = p.pauseBeforeS { out.pauseBeforeS = Self.round(v * pace, 2) }
        return out
    }

    private static func round(_ value: Double, _ places: Int) -> Double {
        let scale = places == 1 ? 10.0 : 100.0
        return (value * scale).rounded() / scale
    }

    /// Event times to the millisecond: readable JSON, and no drift from repeated float sums.
    private static func millis(_ ts: Double) -> Double {
        (ts * 1000).rounded() / 1000
    }
}
