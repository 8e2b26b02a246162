import Foundation
import MoodlineEngine
import MoodlineServer
import MoodlineWire
import Testing

@Suite("Simulation")
struct SimulationTests {
    static let start = 1_763_700_000.0

    private func take(_ stream: inout SimulatedStream, _ n: Int) -> [WireEvent] {
        var events: [WireEvent] = []
        events.reserveCapacity(n)
        for _ in 0..<n {
            guard let e = stream.next() else { break }
            events.append(e)
        }
        return events
    }

    @Test func embeddedLibraryHasAllThirtyConversations() {
        let library = ConversationLibrary.embedded
        #expect(library.conversations.count == 30)
        #expect(library.conversations.map(\.name) == (1...30).map { String(format: "dev-%03d", $0) })
        // 400 fragments in all, 3 of them interim, per the scenario README.
        #expect(library.conversations.reduce(0) { $0 + $1.turns.count } == 400)
        #expect(library.conversations.flatMap(\.turns).filter { !$0.isFinal }.count == 3)
        #expect(library.filtered(languages: ["mixed"]).conversations.map(\.name) == ["dev-006", "dev-017"])
        #expect(library.filtered(languages: ["zh"]).conversations.count == 16)
        #expect(library.filtered(languages: ["en"]).conversations.count == 12)
        let voice = library.conversations.filter { $0.channel == .voice }
        #expect(voice.count == 15)
        #expect(voice.allSatisfy { $0.turns.allSatisfy { $0.prosody != nil } })
    }

    @Test func sameSeedGivesSameEvents() {
        var a = SimulatedStream(seed: 42, sessions: 20, startTime: Self.start)
        var b = SimulatedStream(seed: 42, sessions: 20, startTime: Self.start)
        var c = SimulatedStream(seed: 43, sessions: 20, startTime: Self.start)
        let ea = take(&a, 2000), eb = take(&b, 2000), ec = take(&c, 2000)
        #expect(ea.count == 2000)
        #expect(ea == eb)
        #expect(ea != ec)
        #expect(ea.map { WireEncoder.encode($0) } == eb.map { WireEncoder.encode($0) })
    }

    @Test func theRealisticMixIsMostlyCalmWithAFewUrgentCalls() throws {
        var realistic = SimulatedStream(seed: 11, sessions: 40, startTime: Self.start, mix: .realistic)
        _ = take(&realistic, 60_000)
        let cast = Double(realistic.conversationsCast)
        let calm = Double(realistic.castByTone[.calm] ?? 0) / cast
        let urgent = Double(realistic.castByTone[.urgent] ?? 0) / cast
        #expect(cast > 2_000)
        #expect(calm > 0.81 && calm < 0.90, "calm share \(calm)")
        #expect(urgent > 0.01 && urgent < 0.045, "urgent share \(urgent)")

        // The load source keeps every script alike: about a third of the library is urgent.
        var uniform = SimulatedStream(seed: 11, sessions: 40, startTime: Self.start)
        _ = take(&uniform, 60_000)
        let library = ConversationLibrary.embedded.conversations
        let expected = Double(library.filter { $0.tone == .urgent }.count) / Double(library.count)
        let share = Double(uniform.castByTone[.urgent] ?? 0) / Double(uniform.conversationsCast)
        #expect(abs(share - expected) < 0.05, "urgent share \(share), library share \(expected)")
    }

    /// Tones are spread evenly: a half-hour demo (about 115 conversations) holds its share of
    /// urgent calls whatever the seed, not one or six.
    @Test func theMixHoldsInEveryShortRun() throws {
        for seed in UInt64(1)...6 {
            var stream = SimulatedStream(seed: seed, sessions: 16, startTime: Self.start, mix: .realistic)
            while stream.conversationsCast < 115, stream.next() != nil {}
            let urgent = stream.castByTone[.urgent] ?? 0
            let frustrated = stream.castByTone[.frustrated] ?? 0
            #expect((2...4).contains(urgent), "seed \(seed): \(urgent) urgent of \(stream.conversationsCast)")
            #expect((12...16).contains(frustrated), "seed \(seed): \(frustrated) frustrated")
        }
    }

    @Test func everySessionStartsRunsInOrderAndEnds() throws {
        var stream = SimulatedStream(seed: 7, sessions: 15, startTime: Self.start)
        var events = take(&stream, 3000)
        events += stream.finish()
        #expect(stream.next() == nil)

        var lastTs = -Double.infinity
        var lastSeq: [String: Int64] = [:]
        var ended: Set<String> = []
        var agentOf: [String: String] = [:]
        var maxLive = 0
        for event in events {
            #expect(event.ts >= lastTs, "ts must not go back")
            lastTs = event.ts
            switch event {
            case .sessionStart(let s):
                #expect(lastSeq[s.session] == nil, "a session starts once")
                #expect(s.session.hasPrefix("sim-7-"))
                lastSeq[s.session] = 0
                agentOf[s.session] = s.agent
                #expect(s.team?.hasPrefix("t-") == true)
                maxLive = max(maxLive, lastSeq.count - ended.count)
            case .fragment(let f):
                let previous = try #require(lastSeq[f.session], "fragment before its session_start")
                #expect(!ended.contains(f.session))
                #expect(f.seq == previous + 1)
                #expect(f.agent == agentOf[f.session])
                lastSeq[f.session] = f.seq
            case .sessionEnd(let e):
                let previous = try #require(lastSeq[e.session])
                #expect(e.seq == previous + 1)
                #expect(ended.insert(e.session).inserted, "a session ends once")
            }
        }
        #expect(Set(lastSeq.keys) == ended, "every started session ends")
        #expect(maxLive == 15)
        #expect(ended.count > 15, "slots recast new conversations after one ends")
        // One conversation per agent at a time: no two live sessions share an agent.
        #expect(Set(agentOf.values).count == 15)
    }

    @Test func languageFilterSelectsScripts() {
        var zh = SimulatedStream(seed: 3, sessions: 10, languages: ["zh"], startTime: Self.start)
        let zhEvents = take(&zh, 1500)
        let zhLangs = Set(zhEvents.compactMap { e -> String? in if case .fragment(let f) = e { f.lang ?? "none" } else { nil } })
        #expect(zhLangs == ["zh"])

        var mixed = SimulatedStream(seed: 3, sessions: 4, languages: ["mixed"], startTime: Self.start)
        let mixedLangs = Set(take(&mixed, 500).compactMap { e -> String? in if case .fragment(let f) = e { f.lang ?? "none" } else { nil } })
        #expect(mixedLangs == ["none"])

        var all = SimulatedStream(seed: 3, sessions: 30, startTime: Self.start)
        let allLangs = Set(take(&all, 3000).compactMap { e -> String? in if case .fragment(let f) = e { f.lang ?? "none" } else { nil } })
        #expect(allLangs == ["zh", "en", "none"])

        var none = SimulatedStream(seed: 3, sessions: 4, languages: ["fr"], startTime: Self.start)
        #expect(none.isEmpty)
        #expect(none.next() == nil)
    }

    @Test func prosodyIsJitteredNotCopied() throws {
        var stream = SimulatedStream(seed: 5, sessions: 30, languages: ["en"], startTime: Self.start)
        let library = ConversationLibrary.embedded
        let scripted = Set(library.conversations.flatMap(\.turns).compactMap { $0.prosody?.pitchHz })
        let pitches = take(&stream, 2000).compactMap { e -> Double? in if case .fragment(let f) = e { f.prosody?.pitchHz } else { nil } }
        #expect(pitches.count > 100)
        let copied = pitches.filter { scripted.contains($0) }.count
        #expect(Double(copied) < Double(pitches.count) * 0.2)
        #expect(pitches.allSatisfy { $0 > 80 && $0 < 400 })
    }

    @Test func tenThousandConcurrentSessionsGenerateQuickly() {
        let clock = ContinuousClock()
        var stream = SimulatedStream(seed: 9, sessions: 10_000, startTime: Self.start)
        var count = 0
        var starts = 0
        var lastTs = -Double.infinity
        var ordered = true
        let elapsed = clock.measure {
            while count < 200_000, let e = stream.next() {
                count += 1
                if case .sessionStart = e { starts += 1 }
                if e.ts < lastTs { ordered = false }
                lastTs = e.ts
            }
        }
        #expect(count == 200_000)
        #expect(starts >= 10_000)
        #expect(ordered)
        // Generous for debug builds on a loaded two-core machine; a linear scan per event would take minutes.
        #expect(elapsed < .seconds(20), "200k events over 10k sessions took \(elapsed)")
    }

    @Test func recordedStreamMergesFilesByTs() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("moodline-sim-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = """
        {"type":"session_start","session":"A","ts":10}
        {"session":"A","seq":1,"ts":12,"speaker":"customer","text":"hi"}
        {"type":"session_end","session":"A","ts":20}
        """
        let b = """
        {"type":"session_start","session":"B","ts":11}\r
        {"session":"B","seq":1,"ts":12,"speaker":"agent","text":"hello"}\r

        {"type":"session_end","session":"B","ts":13}\r
        """
        try a.write(to: dir.appendingPathComponent("a.jsonl"), atomically: true, encoding: .utf8)
        try b.write(to: dir.appendingPathComponent("b.jsonl"), atomically: true, encoding: .utf8)
        try "ignored".write(to: dir.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        var stream = try RecordedStream(paths: [dir.path])
        #expect(stream.files.count == 2)
        var order: [String] = []
        while let e = stream.next() { order.append("\(e.session)@\(Int(e.ts))") }
        // Equal ts (12) goes to the file named first.
        #expect(order == ["A@10", "B@11", "A@12", "B@12", "B@13", "A@20"])

        try "{\"session\":\"X\"}\n".write(to: dir.appendingPathComponent("c.jsonl"), atomically: true, encoding: .utf8)
        #expect(throws: RecordingError.self) { try RecordedStream(paths: [dir.path]) }
        #expect(throws: RecordingError.self) { try RecordedStream(paths: [dir.appendingPathComponent("missing").path]) }
    }

    @Test func simulatorPushesToAPullSocket() throws {
        let context = try ZMQContext()
        let pull = try context.socket(.pull)
        defer { pull.close() }
        try pull.set(.receiveTimeout(milliseconds: 5000))
        try pull.bind("tcp://127.0.0.1:*")
        let endpoint = try pull.lastEndpoint
        var expected = SimulatedStream(seed: 11, sessions: 3, startTime: Self.start)
        var reference: [WireEvent] = []
        var fragments = 0
        while fragments < 25, let e = expected.next() {
            reference.append(e)
            if case .fragment = e { fragments += 1 }
        }
        reference += expected.finish()

        let stream = SimulatedStream(seed: 11, sessions: 3, startTime: Self.start)
        let simulator = Simulator(context: context, endpoint: endpoint, stream: stream, rate: 0, limit: 25)
        simulator.start()
        var received: [WireEvent] = []
        let decoder = WireDecoder()
        while received.count < reference.count, let bytes = try pull.receiveBytes() {
            received.append(try decoder.decode(bytes))
        }
        simulator.wait()
        #expect(simulator.failure == nil)
        #expect(simulator.fragmentsSent == 25)
        #expect(simulator.sent == reference.count)
        #expect(received == reference)
    }
}
