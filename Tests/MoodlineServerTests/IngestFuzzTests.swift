import Foundation
import MoodlineEngine
import MoodlineStore
import MoodlineWire
import Testing
@testable import MoodlineServer

/// Hostile frames through the ingest path (`FrameFuzzer`, a fixed seed, a fixed count): every
/// frame is taken or refused with a reason, the counters account for each one, the engine
/// stays within its bounds, and valid traffic goes on being scored between and after the garbage.
@Suite struct IngestFuzzTests {
    static let wall = 1_770_000_000.0
    static let seed: UInt64 = 20_261_203
    /// About 12 s in a debug build on two cores; bounded by count, so every run sends the same frames.
    static let frameCount = 40_000
    /// Low, so fresh sessions push against it and evictions happen.
    static let liveCap = 48
    static let canaryEvery = 500
    /// For the checks of the decoder alone, which need fewer frames to say something.
    static let decoderFrameCount = 12_000

    /// What the pipeline hands out.
    struct CollectingSink: PipelineSink {
        var alerts: [Alert] = []
        var snapshots = 0
        var summaries = 0

        mutating func alert(_ alert: Alert, newTicket ticket: Ticket?) { alerts.append(alert) }
        mutating func ticketChanged(_ ticket: Ticket, action: TicketAction, at: Double) {}
        mutating func snapshot(_ snapshot: SessionSnapshot) { snapshots += 1 }
        mutating func sessionEnded(_ summary: SessionSummary) { summaries += 1 }
    }

    /// What the test itself saw come back from `ingest`, to hold the pipeline's counters against.
    struct Tally {
        var refused: [RejectionReason: Int] = [:]
        var fragments = 0
        var starts = 0
        var ends = 0
        var total: Int { refused.values.reduce(0, +) + fragments + starts + ends }

        mutating func count(_ rejection: Rejection?, of event: WireEvent?) {
            if let rejection {
                refused[rejection.reason, default: 0] += 1
                return
            }
            switch event {
            case .fragment: fragments += 1
            case .sessionStart: starts += 1
            case .sessionEnd: ends += 1
            case nil: break
            }
        }
    }

    /// Problems found, each with the frame number and mutation that makes it again; the first
    /// few are reported.
    struct Findings {
        private(set) var all: [String] = []
        mutating func note(_ n: Int, _ frame: FrameFuzzer.Frame, _ problem: String) {
            guard all.count < 20 else { return }
            let shown = String(decoding: frame.bytes.prefix(200), as: UTF8.self).debugDescription
            all.append("frame \(n) (\(frame.mutation.rawValue)): \(problem); bytes: \(shown)")
        }
    }

    func pipeline() -> Pipeline {
        var configuration = EngineConfig()
        configuration.sessions.maxLive = Self.liveCap
        var pipeline = Pipeline(
            engine: Engine(configuration: configuration), store: nil, policy: .standard, clock: EventClock(wall: { Self.wall }))
        pipeline.eventTimeWindow = EventTimeWindow()
        return pipeline
    }

    /// The valid stream starts a month behind the server's wall clock, inside the window, and
    /// stays behind it however far the run goes: only the time shifts leave the window.
    func fuzzer() -> FrameFuzzer {
        FrameFuzzer(seed: Self.seed, sessions: 32, startTime: Self.wall - 30 * 86_400)
    }

    @Test func everyFrameIsTakenOrRefusedForAReasonAndTheCountersAddUp() throws {
        var pipeline = pipeline()
        var fuzzer = fuzzer()
        let decoder = WireDecoder()
        var sink = CollectingSink()
        var tally = Tally()
        var findings = Findings()
        var canarySeq: Int64 = 0
        var mutations: Set<FrameFuzzer.Mutation> = []

        for n in 1...Self.frameCount {
            let frame = fuzzer.next()
            mutations.insert(frame.mutation)
            // The decoder alone is the oracle for what the pipeline must refuse before the engine.
            let decoded = Result { () throws(Rejection) in try decoder.decode(frame.bytes) }
            let rejection = frame.bytes.withUnsafeBytes { pipeline.ingest($0) }
            switch decoded {
            case .failure(let expected):
                if rejection != expected { findings.note(n, frame, "decoder says \(expected), pipeline says \(String(describing: rejection))") }
                tally.count(rejection, of: nil)
            case .success(let event):
                if let rejection, ![.seqNotIncreasing, .duplicate, .tsOutOfRange].contains(rejection.reason) {
                    findings.note(n, frame, "a decodable message refused as \(rejection)")
                }
                tally.count(rejection, of: event)
            }
            if let rejection, rejection.detail.isEmpty { findings.note(n, frame, "\(rejection.reason) without a detail") }
            if n % 512 == 0 { try pipeline.flush(to: &sink) }
            if n % 4096 == 0 {
                try pipeline.tick(to: &sink)
                if let problem = Self.inconsistency(in: pipeline.engine) { findings.note(n, frame, problem) }
            }
            if pipeline.engine.liveSessionCount > Self.liveCap { findings.note(n, frame, "\(pipeline.engine.liveSessionCount) live sessions") }
            // Valid traffic between the garbage is still taken and scored.
            if n % Self.canaryEvery == 0 {
                canarySeq += 1
                let fragmentsBefore = pipeline.engine.counters.fragments
                let canary = Fragment(
                    session: "canary", seq: canarySeq, ts: fuzzer.eventTime, speaker: .customer,
                    text: "This is the third time I call about the same bill", agent: "a-canary", team: "t-canary", channel: .chat, lang: "en")
                let refused = WireEncoder.encode(.fragment(canary)).withUnsafeBytes { pipeline.ingest($0) }
                if let refused { findings.note(n, frame, "the canary after it was refused: \(refused)") }
                if pipeline.engine.counters.fragments != fragmentsBefore + 1 { findings.note(n, frame, "the canary after it was not scored") }
                tally.count(refused, of: .fragment(canary))
            }
        }

        // After the garbage, a new conversation is taken, scored and raises its alert.
        let after = Self.wall - 29 * 86_400
        let start = SessionStart(session: "after-fuzz", seq: 0, ts: after, agent: "a-after", team: "t-after", channel: .chat, lang: "en")
        let disclosure = Fragment(
            session: "after-fuzz", seq: 1, ts: after + 5, speaker: .customer,
            text: "It doesn't really matter anymore. Honestly I don't see the point of any of it. Some nights I think about just ending it.",
            agent: "a-after", team: "t-after", channel: .chat, lang: "en")
        for event in [WireEvent.sessionStart(start), .fragment(disclosure)] {
            let refused = WireEncoder.encode(event).withUnsafeBytes { pipeline.ingest($0) }
            #expect(refused == nil, "\(event)")
            tally.count(refused, of: event)
        }
        try pipeline.flush(to: &sink)
        #expect(sink.alerts.contains { $0.session == "after-fuzz" && $0.kind == .selfHarm }, "the disclosure after the garbage raises its alert")
        #expect(pipeline.engine.snapshot(session: "after-fuzz") != nil)

        #expect(findings.all.isEmpty, "\(findings.all.joined(separator: "\n"))")
        #expect(mutations == Set(FrameFuzzer.Mutation.allCases), "every mutation was tried")

        // Every frame is accounted for exactly once: taken, or refused for one reason.
        let canaries = Self.frameCount / Self.canaryEvery
        let counters = pipeline.counters, engine = pipeline.engine.counters
        #expect(counters.received == Self.frameCount + canaries + 2)
        #expect(tally.total == counters.received)
        for reason in RejectionReason.allCases {
            let counted = (counters.decodeRejections[reason] ?? 0) + (engine.rejections[reason] ?? 0)
            #expect(counted == tally.refused[reason] ?? 0, "\(reason)")
        }
        #expect(tally.fragments == engine.fragments + engine.interimFragments + engine.interimDropped)
        #expect(tally.ends == engine.sessionsEnded + engine.unknownSessionEnds)
        // The fuzz reached every reason a single frame can be refused for, and the live cap.
        for reason in RejectionReason.allCases where reason != .multipart {
            #expect((tally.refused[reason] ?? 0) > 0, "no frame was refused as \(reason)")
        }
        #expect(engine.evictions > 0 && engine.sessionsExpired > 0)
        #expect(Self.inconsistency(in: pipeline.engine) == nil)
        #expect(sink.alerts.count == counters.alertsPublished && counters.alertsPublished > 100)
        #expect(sink.summaries > 0 && sink.snapshots > 0)
    }

    /// What is wrong with the engine's session bookkeeping, or nil.
    static func inconsistency(in engine: Engine) -> String? {
        let c = engine.counters
        let live = engine.liveSessions
        if live.count != engine.liveSessionCount { return "the live list has \(live.count) sessions, the index \(engine.liveSessionCount)" }
        if Set(live).count != live.count { return "a session is live twice" }
        if live.count > liveCap { return "\(live.count) live sessions, over the cap of \(liveCap)" }
        let open = c.sessionsStarted - c.sessionsEnded - c.sessionsExpired - c.evictions
        if open != live.count { return "started minus ended is \(open), but \(live.count) are live" }
        if let missing = live.first(where: { engine.snapshot(session: $0) == nil }) { return "live session \(missing) has no snapshot" }
        return nil
    }

    @Test func everyDecodedMessageEncodesBackToItself() {
        var fuzzer = fuzzer()
        let decoder = WireDecoder()
        var findings = Findings()
        var decoded = 0
        for n in 1...Self.decoderFrameCount {
            let frame = fuzzer.next()
            guard let event = try? decoder.decode(frame.bytes) else { continue }
            decoded += 1
            // Whatever odd but valid text was taken (escapes, control characters, surrogate
            // pairs, extreme numbers), the encoder writes it so that it reads back the same.
            let again = Result { () throws(Rejection) in try decoder.decode(WireEncoder.encode(event)) }
            if case .success(let back) = again, back == event { continue }
            findings.note(n, frame, "encoded and decoded again: \(again)")
        }
        #expect(findings.all.isEmpty, "\(findings.all.joined(separator: "\n"))")
        #expect(decoded > Self.decoderFrameCount / 4, "enough of the frames are valid to say something")
    }

    /// Foundation's JSON parser as a second opinion: the decoder takes nothing it finds
    /// malformed, and finds malformed (`bad_json`) only what it accepts where the schema is
    /// stricter on purpose: a field given twice, nesting past the limit, a byte-order mark.
    @Test func theDecoderIsNoLaxerThanFoundationAndStricterOnlyOnPurpose() {
        var fuzzer = fuzzer()
        let decoder = WireDecoder()
        var findings = Findings()
        var stricter = 0
        for n in 1...Self.decoderFrameCount {
            let frame = fuzzer.next()
            let decoded = Result { () throws(Rejection) in try decoder.decode(frame.bytes) }
            let parsed = (try? JSONSerialization.jsonObject(with: Data(frame.bytes), options: [.fragmentsAllowed])) as? [String: Any]
            switch decoded {
            case .success where parsed == nil:
                findings.note(n, frame, "decoded, though Foundation finds no JSON object in it")
            case .failure(let rejection) where rejection.reason == .badJSON && parsed != nil:
                stricter += 1
                let onPurpose = rejection.detail.hasPrefix("duplicate field") || rejection.detail.hasPrefix("nested deeper")
                    || frame.bytes.starts(with: [0xEF, 0xBB, 0xBF])
                if !onPurpose { findings.note(n, frame, "refused as \(rejection), though Foundation reads an object") }
            default:
                break
            }
        }
        #expect(findings.all.isEmpty, "\(findings.all.joined(separator: "\n"))")
        #expect(stricter > 100, "the fuzz made messages only the schema refuses")
    }

    @Test func theSameSeedMakesTheSameFrames() {
        var one = fuzzer(), two = fuzzer()
        var other = FrameFuzzer(seed: Self.seed + 1, sessions: 32, startTime: Self.wall - 30 * 86_400)
        var differ = 0
        for _ in 0..<2_000 {
            let frame = one.next()
            #expect(frame == two.next())
            if frame != other.next() { differ += 1 }
        }
        #expect(differ > 1_000, "another seed makes other frames")
    }

    @Test func unmutatedFramesAreValidAndMutatedOnesMostlyAreNot() {
        var fuzzer = fuzzer()
        let decoder = WireDecoder()
        var valid: [FrameFuzzer.Mutation: Int] = [:], made: [FrameFuzzer.Mutation: Int] = [:]
        for _ in 0..<10_000 {
            let frame = fuzzer.next()
            made[frame.mutation, default: 0] += 1
            if (try? decoder.decode(frame.bytes)) != nil { valid[frame.mutation, default: 0] += 1 }
        }
        #expect(valid[.none] == made[.none] && made[.none, default: 0] > 2_000, "a quarter of the frames are the valid messages")
        // These never leave a decodable object; the field-level ones sometimes do (a missing
        // optional field, an unknown field, an escaped key), which is the point of sending them.
        for mutation in [FrameFuzzer.Mutation.truncated, .notAnObject, .empty, .concatenated, .invalidUTF8] {
            #expect((valid[mutation] ?? 0) * 10 <= made[mutation] ?? 0, "\(mutation): \(valid[mutation] ?? 0) of \(made[mutation] ?? 0) decodable")
        }
        for mutation in [FrameFuzzer.Mutation.escapedKeys, .unknownFields, .freshSession, .whitespace] {
            #expect((valid[mutation] ?? 0) * 2 >= made[mutation] ?? 0, "\(mutation) keeps most messages valid")
        }
    }
}
