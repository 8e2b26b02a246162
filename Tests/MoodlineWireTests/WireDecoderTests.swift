import MoodlineCore
import MoodlineEngine
import MoodlineWire
import Testing

@Suite("WireDecoder accepts schema v1")
struct WireDecoderAcceptTests {
    let decoder = WireDecoder()

    @Test func schemaExample() throws {
        let event = try decoder.decodeLine(Fixtures.schemaExample)
        let expected = Fragment(
            session: "call-0001", seq: 17, ts: 1763790000.25, speaker: .customer, text: "这已经是我第三次打电话了",
            agent: "a-102", team: "t-7", channel: .voice, lang: "zh", isFinal: true,
            prosody: ProsodyReading(
                pitchHz: 231.0, pitchSDHz: 41.0, energyDB: -14.5, rateSPS: 6.2, overlapS: 0.0, pauseBeforeS: 0.3))
        #expect(event == .fragment(expected))
    }

    @Test func sessionStart() throws {
        let event = try decoder.decodeLine(Fixtures.sessionStart)
        #expect(
            event
                == .sessionStart(
                    SessionStart(
                        session: "dev-005", seq: 0, ts: 1763701500, agent: "a-102", team: "t-1", channel: .voice,
                        customer: "c-310442", lang: "zh")))
    }

    @Test func recordedFragments() throws {
        guard case .fragment(let final) = try decoder.decodeLine(Fixtures.finalFragment) else {
            Issue.record("not a fragment")
            return
        }
        #expect(final.seq == 3)
        #expect(final.ts == 1763701515.81)
        #expect(final.isFinal)
        #expect(final.text.hasPrefix("我这个月的话费怎么多出来两百多块？"))
        #expect(final.prosody?.pauseBeforeS == 0.36)

        guard case .fragment(let interim) = try decoder.decodeLine(Fixtures.interimFragment) else {
            Issue.record("not a fragment")
            return
        }
        #expect(!interim.isFinal)
        #expect(interim.prosody == ProsodyReading(pitchHz: 229.1, energyDB: -19.6, rateSPS: 5.1))
    }

    @Test func sessionEnd() throws {
        #expect(try decoder.decodeLine(Fixtures.sessionEnd) == .sessionEnd(SessionEnd(session: "dev-005", seq: 19, ts: 1763701608.78)))
        #expect(
            try decoder.decodeLine(#"{"type":"session_end","session":"x","ts":5}"#)
                == .sessionEnd(SessionEnd(session: "x", seq: nil, ts: 5)))
    }

    @Test func defaultsAndNulls() throws {
        let event = try decoder.decodeLine(
            #"{"session":"s-1","seq":1,"ts":1.5,"speaker":"agent","text":"","agent":null,"final":null,"prosody":null,"lang":""}"#)
        #expect(event == .fragment(Fragment(session: "s-1", seq: 1, ts: 1.5, speaker: .agent, text: "")))
    }

    @Test func whitespaceAroundAndTrailingNewline() throws {
        let event = try decoder.decodeLine(" \t{ \"session\" : \"s\" , \"seq\" : 0 , \"ts\" : 0 , \"speaker\" : \"customer\" , \"text\" : \"x\" }\r\n")
        #expect(event.session == "s")
    }

    @Test func unknownFieldsAreSkipped() throws {
        let json = #"""
            {"x":{"a":[1,2.5e-3,{"b":"}\"]{"},[],{}],"c":null},"session":"s-1","y":[true,false,null,"\u00e9\\"],
             "seq":7,"z":-0.0,"ts":2,"speaker":"customer","text":"ok","w":{"deep":{"deeper":[[["x"]]]}},
             "customer":"ignored-on-fragments","prosody":{"pitch_hz":200,"mystery":{"k":[1]},"energy_db":null}}
            """#
        guard case .fragment(let fragment) = try decoder.decodeLine(json) else {
            Issue.record("not a fragment")
            return
        }
        #expect(fragment.seq == 7)
        #expect(fragment.text == "ok")
        #expect(fragment.prosody == ProsodyReading(pitchHz: 200))
    }

    @Test func fieldsOfOtherTypesAreIgnored() throws {
        // speaker and text mean nothing on session_end, whatever their type.
        let event = try decoder.decodeLine(#"{"type":"session_end","session":"s","ts":1,"speaker":5,"text":[]}"#)
        #expect(event == .sessionEnd(SessionEnd(session: "s", ts: 1)))
    }

    @Test func unicodeEscapes() throws {
        let json = #"{"session":"s","seq":1,"ts":1,"speaker":"customer","text":"\u6211 \ud83d\ude21 \u00e9\n\t\"\\\/ \u0041"}"#
        guard case .fragment(let fragment) = try decoder.decodeLine(json) else {
            Issue.record("not a fragment")
            return
        }
        #expect(fragment.text == "我 😡 é\n\t\"\\/ A")
        #expect(fragment.text.unicodeScalars.contains("\u{1F621}"))
    }

    @Test func escapedKeysAndValuesMatch() throws {
        let json = #"{"sess\u0069on":"s","seq":1,"ts":1,"speaker":"\u0061gent","type":"fr\u0061gment","channel":"ch\u0061t","text":"x"}"#
        guard case .fragment(let fragment) = try decoder.decodeLine(json) else {
            Issue.record("not a fragment")
            return
        }
        #expect(fragment.speaker == .agent)
        #expect(fragment.channel == .chat)
    }

    @Test func numbers() throws {
        let cases: [(String, Double)] = [
            ("0", 0), ("1763701508.44", 1763701508.44), ("-14.5", -14.5), ("1e3", 1000), ("2.5E-3", 0.0025),
            ("12345678901234567890123", 1.2345678901234568e22), ("1.7976931348623157e308", 1.7976931348623157e308),
            ("0.1", 0.1), ("123456789012.345678", 123456789012.345678), ("5e-324", Double.leastNonzeroMagnitude),
        ]
        for (text, expected) in cases {
            let event = try decoder.decodeLine(#"{"type":"session_end","session":"s","ts":\#(text)}"#)
            #expect(event.ts == expected, "ts \(text)")
        }
        guard case .fragment(let fragment) = try decoder.decodeLine(#"{"session":"s","seq":9223372036854775807,"ts":1,"speaker":"agent","text":""}"#) else {
            Issue.record("not a fragment")
            return
        }
        #expect(fragment.seq == Int64.max)
    }

    @Test func bytesAndLinesAgree() throws {
        let fromBytes = try decoder.decode(Array(Fixtures.finalFragment.utf8))
        let fromLine = try decoder.decodeLine(Fixtures.finalFragment[...])
        #expect(fromBytes == fromLine)
    }
}

@Suite("WireDecoder rejects")
struct WireDecoderRejectTests {
    let decoder = WireDecoder()

    private func rejection(_ json: String, decoder: WireDecoder? = nil) -> Rejection? {
        do {
            _ = try (decoder ?? self.decoder).decodeLine(json)
            return nil
        } catch {
            return error
        }
    }

    private func rejection(bytes: [UInt8]) -> Rejection? {
        do {
            _ = try decoder.decode(bytes)
            return nil
        } catch {
            return error
        }
    }

    static let badJSONCases: [String] = [
        "",
        "   ",
        #"{"session":"s","seq":1,"ts":1,"speaker":"agent","text":"hi""#,  // truncated
        #"{"session":"s","seq":1,"ts":1,"speaker":"agent","text":"hi"} x"#,  // trailing garbage
        #"{"session":"s","seq":1,"ts":1,"speaker":"agent","text":"hi"}{}"#,  // two objects
        #"["session","s"]"#,  // not an object
        #""just a string""#,
        "42",
        "null",
        #"{"session":"s","seq":1,"ts":1,"speaker":"agent","text":"hi}"#,  // unterminated string
        #"{"session":"s","seq":1,"ts":1,"speaker":"agent","text":"a\qb"}"#,  // bad escape
        #"{"session":"s","seq":1,"ts":1,"speaker":"agent","text":"a\u12G4"}"#,  // bad \u
        #"{"session":"s","seq":1,"ts":1,"speaker":"agent","text":"a\u12"}"#,  // short \u
        "{\"session\":\"s\",\"seq\":1,\"ts\":1,\"speaker\":\"agent\",\"text\":\"a\tb\"}",  // raw control character
        #"{"session":"s","seq":01,"ts":1,"speaker":"agent","text":"x"}"#,  // leading zero
        #"{"session":"s","seq":1,"ts":1.,"speaker":"agent","text":"x"}"#,
        #"{"session":"s","seq":1,"ts":+1,"speaker":"agent","text":"x"}"#,
        #"{"session":"s","seq":1,"ts":1e,"speaker":"agent","text":"x"}"#,
        #"{"session":"s","seq":1,"ts":NaN,"speaker":"agent","text":"x"}"#,
        #"{"session":"s","seq":1,"ts":1,"speaker":"agent","text":"x",}"#,  // trailing comma
        #"{"session":"s" "seq":1}"#,  // missing comma
        #"{session:"s"}"#,  // unquoted key
        #"{'session':'s'}"#,
        #"{"session":"s","seq":1,"ts":1,"speaker":"agent","text":"x","final":tru}"#,
        #"{"session":"s","seq":1,"ts":1,"speaker":"agent","text":"x","x":[1,2}"#,
        #"{"session":"s","session":"t","seq":1,"ts":1,"speaker":"agent","text":"x"}"#,  // duplicate
    ]

    @Test(arguments: badJSONCases)
    func badJSON(_ json: String) {
        #expect(rejection(json)?.reason == .badJSON, "\(json)")
    }

    @Test func nestingTooDeep() {
        let deep = String(repeating: "[", count: 40) + String(repeating: "]", count: 40)
        let json = #"{"session":"s","seq":1,"ts":1,"speaker":"agent","text":"x","junk":\#(deep)}"#
        let rejected = rejection(json)
        #expect(rejected?.reason == .badJSON)
        #expect(rejected?.detail.contains("deeper") == true)
        let shallow = String(repeating: "[", count: 30) + String(repeating: "]", count: 30)
        #expect(rejection(#"{"session":"s","seq":1,"ts":1,"speaker":"agent","text":"x","junk":\#(shallow)}"#) == nil)
    }

    @Test(arguments: [
        [0xC3, 0x28],  // bad continuation
        [0xFF],
        [0xC0, 0xAF],  // overlong
        [0xED, 0xA0, 0x80],  // encoded surrogate
        [0xF4, 0x90, 0x80, 0x80],  // above U+10FFFF
        [0xE4, 0xB8],  // truncated (then the closing quote)
    ] as [[UInt8]])
    func invalidUTF8InText(_ bad: [UInt8]) {
        let bytes = Array(#"{"session":"s","seq":1,"ts":1,"speaker":"agent","text":"ok "#.utf8) + bad + Array(#""}"#.utf8)
        #expect(rejection(bytes: bytes)?.reason == .invalidUTF8)
    }

    @Test func invalidUTF8InSkippedField() {
        let bytes = Array(#"{"junk":""#.utf8) + [0xFE] + Array(#"","session":"s","seq":1,"ts":1,"speaker":"agent","text":"x"}"#.utf8)
        #expect(rejection(bytes: bytes)?.reason == .invalidUTF8)
    }

    /// UTF-8 is checked only when the scan fails or meets a high byte in a string, yet the
    /// verdict must be the full check's: invalid UTF-8 anywhere is `invalid_utf8` at its first
    /// offset, before any other fault, wherever the bad byte lies.
    @Test func invalidUTF8WinsWhereverItIs() {
        let good = Array(#"{"session":"s","seq":1,"ts":1,"speaker":"agent","text":"x"}"#.utf8)
        let places: [(place: String, before: String, bad: [UInt8], after: String)] = [
            ("outside any string", #"{"session":"s","#, [0xFF], #""seq":1}"#),
            ("in a key", #"{"se"#, [0xC3, 0x28], #"ssion":"s","seq":1,"ts":1,"speaker":"agent","text":"x"}"#),
            ("after a syntax error", #"{"session":"s",,"text":""#, [0xFE], #""}"#),
            ("after a wrong type", #"{"session":5,"seq":1,"ts":1,"speaker":"agent","text":""#, [0xED, 0xA0, 0x80], #""}"#),
            ("in a number", #"{"session":"s","seq":1"#, [0xE4], #","ts":1,"speaker":"agent","text":"x"}"#),
            ("after valid Chinese", #"{"session":"s","seq":1,"ts":1,"speaker":"agent","text":"退款"#, [0xF4, 0x90, 0x80, 0x80], #""}"#),
        ]
        for p in places {
            let got = rejection(bytes: Array(p.before.utf8) + p.bad + Array(p.after.utf8))
            #expect(got?.reason == .invalidUTF8, "\(p.place)")
            #expect(got?.detail == "invalid UTF-8 at byte offset \(p.before.utf8.count)", "\(p.place)")
        }
        #expect(rejection(bytes: good) == nil)
        // Valid non-ASCII outside strings is a syntax error, as before.
        let stray = Array(#"{"session":"s","seq":1,"ts":1,"speaker":"agent","text":"x"é}"#.utf8)
        #expect(rejection(bytes: stray)?.reason == .badJSON)
    }

    @Test func loneSurrogates() {
        for escape in [#"\ud83d"#, #"\ude21"#, #"\ud83dx"#, #"\ud83d\u0041"#] {
            let json = #"{"session":"s","seq":1,"ts":1,"speaker":"agent","text":"a\#(escape)"}"#
            #expect(rejection(json)?.reason == .invalidUTF8, "\(escape)")
        }
    }

    static let wrongTypeCases: [(String, String)] = [
        ("session", #""session":5"#),
        ("session", #""session":"""#),
        ("session", #""session":"\#(String(repeating: "x", count: 257))""#),
        ("seq", #""seq":"1""#),
        ("seq", #""seq":-1"#),
        ("seq", #""seq":1.5"#),
        ("seq", #""seq":1e2"#),
        ("seq", #""seq":99999999999999999999"#),
        ("ts", #""ts":"1763701500""#),
        ("ts", #""ts":true"#),
        ("ts", #""ts":1e999"#),
        ("speaker", #""speaker":1"#),
        ("text", #""text":["a"]"#),
        ("agent", #""agent":7"#),
        ("agent", #""agent":"""#),
        ("team", #""team":{}"#),
        ("channel", #""channel":"phone""#),
        ("channel", #""channel":1"#),
        ("lang", #""lang":1"#),
        ("final", #""final":"yes""#),
        ("final", #""final":1"#),
        ("prosody", #""prosody":1"#),
        ("prosody", #""prosody":[1]"#),
        ("prosody.pitch_hz", #""prosody":{"pitch_hz":"high"}"#),
        ("prosody.pause_before_s", #""prosody":{"pause_before_s":true}"#),
        ("type", #""type":1"#),
    ]

    @Test(arguments: wrongTypeCases)
    func wrongType(field: String, member: String) {
        // Later members override the valid defaults by replacing them.
        var members: [String: String] = [
            "session": #""session":"s""#, "seq": #""seq":1"#, "ts": #""ts":1"#, "speaker": #""speaker":"agent""#,
            "text": #""text":"x""#,
        ]
        members[String(field.prefix { $0 != "." })] = member
        let json = "{" + members.values.joined(separator: ",") + "}"
        let rejected = rejection(json)
        #expect(rejected?.reason == .wrongType, "\(json)")
        #expect(rejected?.detail.hasPrefix(field) == true, "\(rejected?.detail ?? "accepted")")
    }

    @Test func sessionStartFieldTypes() {
        #expect(rejection(#"{"type":"session_start","session":"s","ts":1,"customer":3}"#)?.reason == .wrongType)
        #expect(rejection(#"{"type":"session_start","session":"s","ts":1,"seq":-3}"#)?.reason == .wrongType)
        #expect(rejection(#"{"type":"session_end","session":"s","ts":"1"}"#)?.reason == .wrongType)
    }

    static let requiredFieldCases: [(String, String)] = [
        ("fragment", "session"), ("fragment", "seq"), ("fragment", "ts"), ("fragment", "speaker"), ("fragment", "text"),
        ("session_start", "session"), ("session_start", "ts"), ("session_end", "session"), ("session_end", "ts"),
    ]

    @Test(arguments: requiredFieldCases)
    func missingField(type: String, field: String) {
        let all = [
            "type": #""type":"\#(type)""#, "session": #""session":"s""#, "seq": #""seq":1"#, "ts": #""ts":1"#,
            "speaker": #""speaker":"agent""#, "text": #""text":"x""#,
        ]
        let absent = "{" + all.filter { $0.key != field }.values.joined(separator: ",") + "}"
        let rejected = rejection(absent)
        #expect(rejected?.reason == .missingField, "\(absent)")
        #expect(rejected?.detail.hasPrefix(field) == true)
        // null means absent.
        let null = "{" + all.map { $0.key == field ? #""\#(field)":null"# : $0.value }.joined(separator: ",") + "}"
        #expect(rejection(null)?.reason == .missingField, "\(null)")
    }

    @Test func unknownType() {
        let rejected = rejection(#"{"type":"heartbeat","session":"s","ts":1}"#)
        #expect(rejected?.reason == .unknownType)
        #expect(rejected?.detail.contains("heartbeat") == true)
        #expect(rejection(#"{"type":"Fragment","session":"s","seq":1,"ts":1,"speaker":"agent","text":"x"}"#)?.reason == .unknownType)
    }

    @Test func unknownSpeaker() {
        for speaker in ["supervisor", "Customer", "", "bot"] {
            let json = #"{"session":"s","seq":1,"ts":1,"speaker":"\#(speaker)","text":"x"}"#
            #expect(rejection(json)?.reason == .unknownSpeaker, "\(speaker)")
        }
    }

    @Test func oversizedMessage() {
        let padding = String(repeating: "a", count: 64 * 1024)
        let json = #"{"session":"s","seq":1,"ts":1,"speaker":"agent","text":"x","pad":"\#(padding)"}"#
        #expect(rejection(json)?.reason == .oversized)
        let small = WireDecoder(maxMessageBytes: 40)
        #expect(rejection(Fixtures.minimal, decoder: small)?.reason == .oversized)
        #expect(rejection(Fixtures.minimal, decoder: WireDecoder(maxMessageBytes: 200)) == nil)
    }

    @Test func oversizedText() {
        let limit = 8 * 1024
        let atLimit = String(repeating: "a", count: limit)
        #expect(rejection(#"{"session":"s","seq":1,"ts":1,"speaker":"agent","text":"\#(atLimit)"}"#) == nil)
        let rejected = rejection(#"{"session":"s","seq":1,"ts":1,"speaker":"agent","text":"\#(atLimit)b"}"#)
        #expect(rejected?.reason == .oversized)
        #expect(rejected?.detail.hasPrefix("text") == true)
        // Measured after unescaping: 3 bytes each for 2,731 escaped Chinese characters.
        let escaped = String(repeating: #"\u6211"#, count: limit / 3 + 1)
        #expect(rejection(#"{"session":"s","seq":1,"ts":1,"speaker":"agent","text":"\#(escaped)"}"#)?.reason == .oversized)
        let fitting = String(repeating: #"\u6211"#, count: limit / 3)
        #expect(rejection(#"{"session":"s","seq":1,"ts":1,"speaker":"agent","text":"\#(fitting)"}"#) == nil)
    }
}
