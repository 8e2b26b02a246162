import Foundation
import MoodlineCore
import MoodlineEngine
import MoodlineWire
import Testing

/// SplitMix64: a small seeded generator, so failures reproduce.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("JSONWriter and round trips")
struct WireEncoderTests {
    static let pieces = [
        "hello", "\"", "\\", "\n", "\r\t", "\u{0}", "\u{1}", "\u{1F}", "\u{7F}", "/", "这已经是我第三次打电话了", "繁體中文",
        "😡", "👩‍👩‍👧", "é", "\u{2028}", " ", "{\"a\":1}", "\\u0041", "no problem", "没问题",
    ]

    static func randomText(_ generator: inout SeededGenerator) -> String {
        var text = ""
        for _ in 0..<Int.random(in: 0...8, using: &generator) {
            text += pieces.randomElement(using: &generator)!
        }
        return text
    }

    static func randomOptionalDouble(_ generator: inout SeededGenerator) -> Double? {
        switch Int.random(in: 0...3, using: &generator) {
        case 0: nil
        case 1: Double(Int.random(in: -100...400, using: &generator))
        case 2: Double.random(in: -1e6...1e6, using: &generator)
        default: (Double.random(in: 0...500, using: &generator) * 100).rounded() / 100
        }
    }

    static func randomFragment(_ generator: inout SeededGenerator) -> Fragment {
        let hasProsody = Bool.random(using: &generator)
        return Fragment(
            session: "call-" + String(Int.random(in: 0...99999, using: &generator)) + randomText(&generator).prefix(3),
            seq: Int64.random(in: 0...Int64.max, using: &generator),
            ts: Bool.random(using: &generator)
                ? 1_763_700_000 + Double(Int.random(in: 0...10_000_000, using: &generator)) / 100
                : Double.random(in: 0...2e9, using: &generator),
            speaker: Bool.random(using: &generator) ? .customer : .agent,
            text: randomText(&generator),
            agent: Bool.random(using: &generator) ? "a-\(Int.random(in: 1...999, using: &generator))" : nil,
            team: Bool.random(using: &generator) ? "t-\(Int.random(in: 1...9, using: &generator))" : nil,
            channel: [nil, Channel.voice, Channel.chat].randomElement(using: &generator)!,
            lang: ["zh", "zh-Hant", "en-US", nil].randomElement(using: &generator)!,
            isFinal: Bool.random(using: &generator),
            prosody: hasProsody
                ? ProsodyReading(
                    pitchHz: randomOptionalDouble(&generator), pitchSDHz: randomOptionalDouble(&generator),
                    energyDB: randomOptionalDouble(&generator), rateSPS: randomOptionalDouble(&generator),
                    overlapS: randomOptionalDouble(&generator), pauseBeforeS: randomOptionalDouble(&generator))
                : nil
        )
    }

    @Test func randomFragmentsRoundTrip() throws {
        var generator = SeededGenerator(seed: 20_251_122)
        let decoder = WireDecoder()
        var writer = JSONWriter()
        for _ in 0..<500 {
            let event = WireEvent.fragment(Self.randomFragment(&generator))
            writer.removeAll()
            writer.write(event)
            let decoded = try decoder.decode(writer.bytes)
            #expect(decoded == event, "\(writer.string)")
            // Foundation agrees that it is JSON.
            #expect((try? JSONSerialization.jsonObject(with: Data(writer.bytes))) != nil, "\(writer.string)")
        }
    }

    @Test func sessionEventsRoundTrip() throws {
        let decoder = WireDecoder()
        let events: [WireEvent] = [
            .sessionStart(SessionStart(session: "s-\"1\"", seq: 0, ts: 1763701500, agent: "a-1", team: "t-1", channel: .chat, customer: "c-9", lang: "en")),
            .sessionStart(SessionStart(session: "s-2", ts: 1763701500.5)),
            .sessionEnd(SessionEnd(session: "s-2", seq: 12, ts: 1763701600.25)),
            .sessionEnd(SessionEnd(session: "s-3", ts: -0.5)),
        ]
        for event in events {
            #expect(try decoder.decode(WireEncoder.encode(event)) == event)
        }
    }

    @Test func escapingAndNumbers() {
        var writer = JSONWriter()
        writer.beginArray()
        writer.string("a\"b\\c\n\u{1}\u{1F}é😡")
        writer.double(1763701500)
        writer.double(1763701508.44)
        writer.double(0.1)
        writer.double(-0.0)
        writer.double(.nan)
        writer.double(.infinity)
        writer.double(1e-7)
        writer.int(Int64.min)
        writer.bool(false)
        writer.null()
        writer.endArray()
        #expect(writer.string == #"["a\"b\\c\n\u0001\u001fé😡",1763701500,1763701508.44,0.1,-0,null,null,1e-07,-9223372036854775808,false,null]"#)
    }

    @Test func fragmentKeysFollowTheSchema() throws {
        let fragment = Fragment(
            session: "s", seq: 1, ts: 2, speaker: .customer, text: "x", channel: .voice,
            prosody: ProsodyReading(pitchHz: 1, pitchSDHz: 2, energyDB: 3, rateSPS: 4, overlapS: 5, pauseBeforeS: 6))
        let json = String(decoding: WireEncoder.encode(.fragment(fragment)), as: UTF8.self)
        #expect(json == #"{"type":"fragment","session":"s","seq":1,"ts":2,"speaker":"customer","channel":"voice","text":"x","final":true,"prosody":{"pitch_hz":1,"pitch_sd_hz":2,"energy_db":3,"rate_sps":4,"overlap_s":5,"pause_before_s":6}}"#)
    }

    static let alert = Alert(
        kind: .escalationThreat, severity: .critical, session: "dev-005", agent: "a-102", team: nil, speaker: .customer,
        seq: 11, ts: 1763701580.5, episode: 1,
        scores: AlertScores(valence: -0.62, arousal: 0.71, smoothedValence: -0.4, smoothedArousal: 0.55),
        evidence: [
            Evidence(kind: "term", label: "投诉", value: -0.8, seq: 11, utf8Start: 12, utf8End: 18),
            Evidence(kind: "prosody", label: "energy_db", value: 2.4),
        ])

    @Test func alertKeysAndRoundTrip() throws {
        let bytes = WireEncoder.encode(Self.alert)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        #expect(
            Set(object.keys)
                == ["kind", "severity", "session", "agent", "team", "speaker", "seq", "ts", "episode", "scores", "evidence"])
        #expect(object["kind"] as? String == "escalation_threat")
        #expect(object["team"] is NSNull)
        let scores = try #require(object["scores"] as? [String: Any])
        #expect(Set(scores.keys) == ["valence", "arousal", "smoothed_valence", "smoothed_arousal"])
        let evidence = try #require(object["evidence"] as? [[String: Any]])
        #expect(Set(evidence[0].keys) == ["kind", "label", "value", "seq", "utf8_start", "utf8_end"])
        #expect(evidence[0]["utf8_end"] as? Int == 18)
        #expect(try Alert.decodeWire(bytes) == Self.alert)
    }

    @Test func sessionSummaryKeys() throws {
        let summary = SessionSummary(
            session: "dev-005", agent: "a-102", team: "t-1", channel: .voice, startTs: 1763701500, endTs: 1763701608.78,
            endReason: .ended, fragments: 18, customerFragments: 9, agentFragments: 9, customerValenceStart: -0.2,
            customerValenceEnd: 0.3, customerValenceMin: -0.7, agentValenceMean: nil, agentArousalMax: 0.4,
            agentInterruptions: 2, alerts: ["repeat_contact": 1, "customer_anger": 2])
        let bytes = WireEncoder.encode(summary)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        #expect(
            Set(object.keys)
                == [
                    "session", "agent", "team", "channel", "start_ts", "end_ts", "end_reason", "fragments",
                    "customer_fragments", "agent_fragments", "customer_valence_start", "customer_valence_end",
                    "customer_valence_min", "agent_valence_mean", "agent_arousal_max", "agent_interruptions", "alerts",
                ])
        #expect(object["end_ts"] as? Double == 1763701608.78)
        #expect(object["agent_valence_mean"] is NSNull)
        #expect(object["alerts"] as? [String: Int] == ["repeat_contact": 1, "customer_anger": 2])
        #expect(String(decoding: bytes, as: UTF8.self).contains(#""alerts":{"customer_anger":2,"repeat_contact":1}"#))
    }

    @Test func topics() {
        #expect(Topic.agent("a-1").description == "agent/a-1")
        #expect(Topic.team("t-1").bytes == Array("team/t-1".utf8))
        #expect(Topic.ticket(.critical).description == "ticket/critical")
        #expect(Topic.session("call-1").description == "session/call-1")
    }
}
