import MoodlineEngine
import MoodlineWire

/// Wire messages a broken or hostile gateway might send, made from a simulated stream's valid
/// ones: fields dropped, doubled or of the wrong type, extreme numbers, deep nesting, long,
/// invalid or escaped strings, flipped bits, cut and spliced messages, things that are not a
/// JSON object at all. About a quarter of the frames are the valid messages themselves, so
/// sessions live, score and raise alerts between the garbage.
///
/// Seeded and deterministic, like ``SimulatedStream``: the same seed gives the same frames on
/// any machine, so a frame that breaks something can be made again from the seed and its
/// number. Drives the ingest fuzz test and `moodline-bench fuzz`.
public struct FrameFuzzer: Sendable {
    /// What was done to a valid message to make the frame.
    public enum Mutation: String, Sendable, CaseIterable {
        /// The valid message as the stream made it.
        case none
        case missingField = "missing_field"
        /// A field given twice, with the same or another value.
        case duplicatedField = "duplicated_field"
        /// A value of another JSON type (a number for a string, an array for a number, ...).
        case wrongType = "wrong_type"
        /// `1e300`, `-0`, `"NaN"`, 64-digit integers, and number-like text JSON does not allow.
        case extremeNumber = "extreme_number"
        /// `type`, `speaker` or `channel` naming nothing the schema knows.
        case unknownValue = "unknown_value"
        /// Strings of no bytes, at a size limit, or one past it.
        case stringLength = "string_length"
        case invalidUTF8 = "invalid_utf8"
        /// Control characters, raw (not allowed in JSON) or escaped (allowed).
        case controlCharacters = "control_characters"
        /// `\u` escapes: pairs, lone surrogates, bad hex.
        case unicodeEscapes = "unicode_escapes"
        /// Field names written with escapes (`"\u0073ession"`): the same names.
        case escapedKeys = "escaped_keys"
        /// Fields the schema does not know, with any JSON value.
        case unknownFields = "unknown_fields"
        /// Arrays and objects nested around and far past the depth limit, some unclosed.
        case deepNesting = "deep_nesting"
        /// Whitespace between tokens, now and then a character JSON does not count as whitespace.
        case whitespace
        /// A valid message for a session never seen: sessions pile up against the live cap.
        case freshSession = "fresh_session"
        /// An earlier valid message sent again: a duplicate, or a `seq` gone back.
        case resent
        /// `ts` far in the future or the past, or in milliseconds.
        case timeShift = "time_shift"
        case flippedBits = "flipped_bits"
        /// Bytes overwritten with quotes, brackets, backslashes, NUL and bytes above 0x7F.
        case overwrittenBytes = "overwritten_bytes"
        case insertedBytes = "inserted_bytes"
        case deletedBytes = "deleted_bytes"
        case truncated
        /// The front of one message and the back of another.
        case spliced
        /// Two messages in one frame.
        case concatenated
        /// An array, a string, a number, `null`: JSON, but not an object.
        case notAnObject = "not_an_object"
        /// No bytes, only whitespace, or `{}`.
        case empty
        case randomBytes = "random_bytes"
        /// Messages just under, at and over the size limit.
        case oversized
    }

    /// One frame to send, and how it was made.
    public struct Frame: Sendable, Equatable {
        public var bytes: [UInt8]
        public var mutation: Mutation
    }

    public let seed: UInt64
    /// The limits the frames straddle: those the receiving decoder enforces.
    public let limits: WireDecoder
    private var stream: SimulatedStream
    private var random: SplitMix64
    /// The last valid messages, for resending, splicing and concatenating.
    private var recent: [[UInt8]] = []
    private var freshSessions = 0
    /// The event time of the stream's latest valid message.
    public private(set) var eventTime: Double

    /// - Parameters:
    ///   - seed: the same seed gives the same frames.
    ///   - sessions: conversations the valid messages come from at once.
    ///   - startTime: event time of the first valid message.
    ///   - limits: the decoder whose limits the long strings, deep nesting and large messages test.
    public init(seed: UInt64, sessions: Int = 32, startTime: Double, limits: WireDecoder = WireDecoder()) {
        self.seed = seed
        self.limits = limits
        stream = SimulatedStream(seed: seed, sessions: sessions, startTime: startTime)
        // Its own generator, so the stream's conversations do not depend on the mutations drawn.
        random = SplitMix64(seed: seed ^ 0x6675_7A7A_6672_616D)
        eventTime = startTime
    }

    /// The next frame: a quarter of the time a valid message, otherwise one mutation of one.
    public mutating func next() -> Frame {
        let event = nextEvent()
        let valid = WireEncoder.encode(event)
        if recent.count < 16 { recent.append(valid) } else { recent[random.below(16)] = valid }
        let mutation: Mutation = random.below(4) == 0 ? .none : Self.mutations[random.below(Self.mutations.count)]
        return Frame(bytes: make(mutation, from: event, valid: valid), mutation: mutation)
    }

    private static let mutations = Mutation.allCases.filter { $0 != .none }

    private mutating func nextEvent() -> WireEvent {
        if let event = stream.next() {
            eventTime = event.ts
            return event
        }
        // The stream recasts conversations forever; this is only for an empty library.
        return .sessionStart(SessionStart(session: "fuzz-\(seed)", ts: eventTime))
    }

    private mutating func make(_ mutation: Mutation, from event: WireEvent, valid: [UInt8]) -> [UInt8] {
        // Built only for the mutations that change fields: the byte-level ones need none.
        lazy var object = ObjectText(event)
        switch mutation {
        case .none: return valid
        case .missingField: object.members.remove(at: random.below(object.members.count))
        case .duplicatedField: duplicateField(&object)
        case .wrongType: changeValue(&object) { value, random in value = .json(Self.pick(Self.wrongTypes, &random)) }
        case .extremeNumber: changeValue(&object, keys: Self.numberKeys) { value, random in value = .json(Self.pick(Self.extremeNumbers, &random)) }
        case .unknownValue: unknownValue(&object)
        case .stringLength: stringLength(&object)
        case .invalidUTF8: insertIntoString(&object, Self.pick(Self.invalidUTF8, &random))
        case .controlCharacters: controlCharacter(&object)
        case .unicodeEscapes: insertIntoString(&object, Array(Self.pick(Self.unicodeEscapes, &random).utf8))
        case .escapedKeys: escapeKeys(&object)
        case .unknownFields: addUnknownFields(&object)
        case .deepNesting: nest(&object)
        case .whitespace: return spaced(valid)
        case .freshSession:
            freshSessions += 1
            object.set("session", to: JSONText.string("fz-\(seed)-\(freshSessions)"))
        case .resent: return Self.pick(recent, &random)
        case .timeShift: object.set("ts", to: JSONText.number(Self.pick(timeShifts, &random)))
        case .flippedBits: return flipBits(valid)
        case .overwrittenBytes: return overwrite(valid)
        case .insertedBytes: return insertBytes(valid)
        case .deletedBytes: return deleteBytes(valid)
        case .truncated: return Array(valid.prefix(random.below(valid.count)))
        case .spliced: return Array(valid.prefix(random.below(valid.count + 1))) + suffix(of: Self.pick(recent, &random))
        case .concatenated: return valid + Array(Self.pick(["", "\n", " ", ",", "\r\n"], &random).utf8) + Self.pick(recent, &random)
        case .notAnObject: return notAnObject(valid)
        case .empty: return Array(Self.pick(["", " ", "\n", "\r\n\t ", "{}", "{ }", "\u{FEFF}{}"], &random).utf8)
        case .randomBytes: return randomBytes()
        case .oversized: return oversized(&object)
        }
        return object.bytes
    }

    // MARK: Fields

    private mutating func duplicateField(_ object: inout ObjectText) {
        var target = object
        let inProsody = target.hasObject("prosody") && random.below(3) == 0
        if inProsody { target = object.object("prosody")! }
        var member = target.members[random.below(target.members.count)]
        if random.below(2) == 0 { member.value = .json(Self.pick(Self.wrongTypes, &random)) }
        target.members.insert(member, at: random.below(target.members.count + 1))
        if inProsody { object.set("prosody", to: .object(target)) } else { object = target }
    }

    /// Replaces the value of one member (among `keys`, when given; sometimes one inside `prosody`).
    private mutating func changeValue(
        _ object: inout ObjectText, keys: Set<String>? = nil, _ change: (inout ObjectText.Value, inout SplitMix64) -> Void
    ) {
        if var prosody = object.object("prosody"), !prosody.members.isEmpty, random.below(3) == 0 {
            change(&prosody.members[random.below(prosody.members.count)].value, &random)
            object.set("prosody", to: .object(prosody))
            return
        }
        let candidates = object.members.indices.filter { keys?.contains(object.members[$0].name) ?? true }
        guard !candidates.isEmpty else { return }
        change(&object.members[Self.pick(candidates, &random)].value, &random)
    }

    private mutating func unknownValue(_ object: inout ObjectText) {
        let (key, values) = Self.pick(Self.unknownValues, &random)
        object.set(key, to: JSONText.string(Self.pick(values, &random)))
    }

    private mutating func stringLength(_ object: inout ObjectText) {
        let id = limits.maxIDBytes, text = limits.maxTextBytes
        switch random.below(6) {
        case 0:
            let key = Self.pick(["session", "agent", "team", "customer", "lang", "text", "type", "speaker"], &random)
            object.set(key, to: JSONText.string(""))
        case 1:
            let key = Self.pick(["session", "agent", "team", "customer"], &random)
            object.set(key, to: JSONText.string(String(repeating: "i", count: id + random.below(3) - 1)))
        case 2:
            object.set("text", to: JSONText.quoted(Array(JSONText.repeated("angry ", text / 6 + 1).prefix(text + random.below(3) - 1))))
        case 3:
            // Three bytes a character: the limit falls inside a character or at its end.
            object.set("text", to: JSONText.quoted(JSONText.repeated("气", text / 3 + random.below(3) - 1)))
        case 4:
            // Six escaped bytes each, three unescaped: long on the wire, under the limit once read.
            let count = text / 3 + random.below(3) - 1
            object.set("text", to: JSONText.quoted(JSONText.repeated("\\u6C14", count)))
        default:
            object.set("lang", to: JSONText.string(String(repeating: "z", count: 63 + random.below(3))))
        }
    }

    private mutating func controlCharacter(_ object: inout ObjectText) {
        let byte = UInt8(random.below(0x20))
        switch random.below(3) {
        case 0: insertIntoString(&object, [byte])  // raw: not allowed inside a JSON string
        case 1: insertIntoString(&object, Array("\\u00\(byte < 0x10 ? "0" : "")\(String(byte, radix: 16))".utf8))
        default: insertIntoString(&object, Array(Self.pick(["\\u001b[31m", "\\b\\f\\n\\r\\t", "\u{7F}", "\\u007f", "\\u2028\\u2029"], &random).utf8))
        }
    }

    /// Puts `insert` into one string value (between its quotes), or now and then outside any string.
    private mutating func insertIntoString(_ object: inout ObjectText, _ insert: [UInt8]) {
        if random.below(8) == 0 {
            object.members.insert(.init(key: Array("\"x\"".utf8), value: .json(insert)), at: random.below(object.members.count + 1))
            return
        }
        changeValue(&object) { value, random in
            guard case .json(var text) = value, text.count >= 2, text.first == UInt8(ascii: "\"") else {
                value = .json([UInt8(ascii: "\"")] + insert + [UInt8(ascii: "\"")])
                return
            }
            text.insert(contentsOf: insert, at: 1 + FrameFuzzer.escapeBoundary(in: text, random.below(text.count - 1)))
            value = .json(text)
        }
    }

    /// A place in a quoted string's contents at or before `offset` that splits neither an
    /// escape nor a UTF-8 sequence.
    private static func escapeBoundary(in quoted: [UInt8], _ offset: Int) -> Int {
        let length = quoted.count - 2
        var position = 0
        while position < length {
            var step = 1
            if quoted[position + 1] == UInt8(ascii: "\\") {
                step = position + 2 <= length && quoted[position + 2] == UInt8(ascii: "u") ? 6 : 2
            } else {
                while position + step < length, quoted[position + step + 1] & 0xC0 == 0x80 { step += 1 }
            }
            if position + step > offset { return position }
            position += step
        }
        return length
    }

    private mutating func escapeKeys(_ object: inout ObjectText) {
        for index in object.members.indices where random.below(2) == 0 {
            let name = object.members[index].name
            var key = "\""
            for scalar in name.unicodeScalars {
                key += random.below(2) == 0 ? "\\u\(String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count))\(String(scalar.value, radix: 16))" : String(scalar)
            }
            object.members[index].key = Array((key + "\"").utf8)
        }
    }

    private mutating func addUnknownFields(_ object: inout ObjectText) {
        for _ in 0...random.below(4) {
            let key = Self.pick(Self.unknownKeys, &random)
            let value = Self.pick(Self.anyValues, &random)
            object.members.insert(.init(key: JSONText.string(key), value: .json(Array(value.utf8))), at: random.below(object.members.count + 1))
        }
    }

    private mutating func nest(_ object: inout ObjectText) {
        let depths = [limits.maxDepth - 2, limits.maxDepth - 1, limits.maxDepth, limits.maxDepth + 1, 100, 10_000]
        let depth = max(1, Self.pick(depths, &random))
        let closed = random.below(4) != 0
        let (open, close): (String, String) = random.below(2) == 0 ? ("[", "]") : ("{\"a\":", "}")
        let value = JSONText.repeated(open, depth) + [UInt8(ascii: "1")] + (closed ? JSONText.repeated(close, depth) : [])
        let key = Self.pick(["nested", "prosody", "text", "x"], &random)
        object.set(key, to: .json(value))
    }

    // MARK: Bytes

    /// The message with whitespace between tokens; one time in four, one character JSON does not
    /// count as whitespace (vertical tab, form feed, a no-break space, a byte-order mark).
    private mutating func spaced(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        let legal: [[UInt8]] = [[0x20], [0x09], [0x0A], [0x0D], [0x20, 0x20, 0x0A, 0x09]]
        let illegal: [[UInt8]] = [[0x0B], [0x0C], [0xC2, 0xA0], [0xEF, 0xBB, 0xBF], [0xE2, 0x80, 0xA8]]
        var inString = false, escaped = false, illegalLeft = random.below(4) == 0 ? 1 : 0
        func isStructural(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: ":"), UInt8(ascii: ","): true
            default: false
            }
        }
        func gap(_ random: inout SplitMix64) -> [UInt8] {
            if illegalLeft > 0, random.below(8) == 0 {
                illegalLeft -= 1
                return FrameFuzzer.pick(illegal, &random)
            }
            return random.below(2) == 0 ? [] : FrameFuzzer.pick(legal, &random)
        }
        out += gap(&random)
        for byte in bytes {
            let structural = !inString && isStructural(byte)
            if structural { out += gap(&random) }
            out.append(byte)
            if structural { out += gap(&random) }
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
            } else if byte == UInt8(ascii: "\"") {
                inString = true
            }
        }
        return out + gap(&random)
    }

    private mutating func flipBits(_ bytes: [UInt8]) -> [UInt8] {
        var out = bytes
        for _ in 0...random.below(8) where !out.isEmpty {
            out[random.below(out.count)] ^= UInt8(1) << UInt8(random.below(8))
        }
        return out
    }

    private mutating func overwrite(_ bytes: [UInt8]) -> [UInt8] {
        var out = bytes
        for _ in 0...random.below(4) where !out.isEmpty {
            out[random.below(out.count)] = Self.pick(Self.interestingBytes, &random)
        }
        return out
    }

    private mutating func insertBytes(_ bytes: [UInt8]) -> [UInt8] {
        var out = bytes
        let inserted = (0...random.below(16)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        out.insert(contentsOf: inserted, at: random.below(out.count + 1))
        return out
    }

    private mutating func deleteBytes(_ bytes: [UInt8]) -> [UInt8] {
        var out = bytes
        let start = random.below(out.count)
        out.removeSubrange(start..<min(out.count, start + 1 + random.below(32)))
        return out
    }

    private mutating func suffix(of bytes: [UInt8]) -> [UInt8] {
        Array(bytes.suffix(random.below(bytes.count + 1)))
    }

    private mutating func notAnObject(_ valid: [UInt8]) -> [UInt8] {
        switch random.below(4) {
        case 0: return Array("[".utf8) + valid + Array("]".utf8)
        case 1: return JSONText.string(String(decoding: valid, as: UTF8.self))
        case 2: return Array("\n".utf8) + valid.dropFirst()
        default: return Array(Self.pick(["null", "true", "0", "-1.5e3", "[]", "[{}]", "\"fragment\"", "'{}'", "{'a':1}", "NaN"], &random).utf8)
        }
    }

    private mutating func randomBytes() -> [UInt8] {
        let count = random.below(513)
        if random.below(2) == 0 {
            return (0..<count).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        }
        // JSON's own characters, so the scanner gets further before it gives up.
        let alphabet = Array("{}[]\":,.-+0123456789eEtrufalsn \\u\n".utf8)
        return (0..<count).map { _ in alphabet[random.below(alphabet.count)] }
    }

    private mutating func oversized(_ object: inout ObjectText) -> [UInt8] {
        // Padded with an unknown field so the message sits just around the limit.
        let plain = object.bytes.count + ",\"padding\":\"\"".utf8.count
        let target = limits.maxMessageBytes + random.below(5) - 2 + (random.below(8) == 0 ? 100_000 : 0)
        object.members.append(.init(key: JSONText.string("padding"), value: .json(JSONText.quoted(JSONText.repeated("p", max(0, target - plain))))))
        return object.bytes
    }

    // MARK: Catalogues

    private static func pick<T>(_ items: [T], _ random: inout SplitMix64) -> T {
        items[random.below(items.count)]
    }

    private static let numberKeys: Set<String> = ["seq", "ts"]

    private static let wrongTypes = [
        "null", "true", "false", "0", "-1", "1.5", "\"\"", "\"x\"", "\"1\"", "[]", "{}", "[1,2,3]", "{\"a\":1}", "[null]",
    ].map { Array($0.utf8) }

    private static let sixtyFourDigits = String(repeating: "9876543210", count: 6) + "1234"

    private static let extremeNumbers = [
        "1e300", "-1e300", "1e309", "-1e309", "1e-400", "4.9e-324", "2.2250738585072014e-308", "1.7976931348623157e308",
        "1.7976931348623159e308", "-0", "-0.0", "0e0", "0E-0", "-0e+0", "\"NaN\"", "NaN", "Infinity", "-Infinity", "\"Infinity\"",
        sixtyFourDigits, "-" + sixtyFourDigits, sixtyFourDigits + ".5", "9223372036854775807", "9223372036854775808",
        "-9223372036854775808", "18446744073709551616", "123456789012345678901234567890.123456789", "0.1e99999",
        "1e99999999999999999999", "1e-99999", "1E+2", "01", "1.", "1.e5", ".5", "+1", "-", "1e", "1e+", "0x10", "1_000",
        "\u{0661}\u{0662}", "1 2", "0.000000000000000000000000000001",
    ].map { Array($0.utf8) }

    private static let unknownValues: [(String, [String])] = [
        ("type", ["Fragment", "FRAGMENT", "fragment ", "session-start", "sessionStart", "", "alert", "fragment\u{0}", "session_start", "session_end"]),
        ("speaker", ["Customer", "bot", "system", "", "agent ", "customer\u{0}", "顾客", "AGENT"]),
        ("channel", ["phone", "", "VOICE", "video", "chat\n"]),
    ]

    private static let invalidUTF8: [[UInt8]] = [
        [0xFF], [0xFE], [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF],
        [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0x80], [0xBF], [0xC3], [0xE4, 0xB8], [0xF0, 0x9F, 0x98],
    ]

    private static let unicodeEscapes = [
        "\\uD800", "\\uDBFF", "\\uDC00", "\\uDFFF", "\\uD83D\\uDE00", "\\uD83D\\u0041", "\\uD83D\\uD83D", "\\uD83D",
        "\\u0000", "\\u00e9", "\\u4E2D", "\\uFFFF", "\\uFEFF", "\\u12G4", "\\u12", "\\u", "\\x41", "\\U0041", "\\'",
        "\\/", "\\\\", "\\\"", "\\ud83d\\ude00",
    ]

    private static let unknownKeys = [
        "x", "extra", "__proto__", "constructor", "", "Session", "session ", "SEQ", "prosody2", "alert", "admin", "team_id", "ts_ms",
    ]

    private static let anyValues = [
        "null", "true", "0", "-1.25e-3", "\"value\"", "[]", "{}", "[1,\"a\",null,{\"b\":[true]}]",
        "{\"session\":\"inner\",\"seq\":-1}", "\"\\u0000\"", "\"\(String(repeating: "长", count: 200))\"",
    ]

    private static let interestingBytes: [UInt8] = [
        0x00, 0x22, 0x5C, 0x7B, 0x7D, 0x5B, 0x5D, 0x3A, 0x2C, 0x20, 0x0A, 0x7F, 0x80, 0xC0, 0xFF, 0x30, 0x2D, 0x65,
    ]

    private var timeShifts: [Double] {
        [eventTime + 366 * 86_400, eventTime + 301, eventTime + 299, eventTime - 20 * 365 * 86_400, eventTime * 1000, 0, 1, -1,
         253_402_300_800, -62_135_596_800, 1e300, -1e300, .leastNonzeroMagnitude]
    }
}

/// A JSON object as a list of members whose values are JSON text, so one member can be
/// dropped, doubled or changed without a parser, and then written back.
struct ObjectText: Sendable {
    struct Member: Sendable {
        /// The key as JSON text, quotes included (it may be escaped, or not JSON at all).
        var key: [UInt8]
        var value: Value

        /// The key's plain name when it is a plain JSON string.
        var name: String { String(decoding: key.dropFirst().dropLast(), as: UTF8.self) }
    }

    indirect enum Value: Sendable {
        case json([UInt8])
        case object(ObjectText)
    }

    var members: [Member]

    /// The members of a valid message, in the encoder's order.
    init(_ event: WireEvent) {
        members = []
        switch event {
        case .fragment(let f):
            add("type", JSONText.string("fragment"))
            add("session", JSONText.string(f.session))
            add("seq", JSONText.integer(f.seq))
            add("ts", JSONText.number(f.ts))
            add("speaker", JSONText.string(f.speaker.rawValue))
            add("agent", f.agent.map(JSONText.string))
            add("team", f.team.map(JSONText.string))
            add("channel", f.channel.map { JSONText.string($0.rawValue) })
            add("lang", f.lang.map(JSONText.string))
            add("text", JSONText.string(f.text))
            add("final", Array((f.isFinal ? "true" : "false").utf8))
            if let p = f.prosody {
                var prosody = ObjectText(members: [])
                prosody.add("pitch_hz", p.pitchHz.map(JSONText.number))
                prosody.add("pitch_sd_hz", p.pitchSDHz.map(JSONText.number))
                prosody.add("energy_db", p.energyDB.map(JSONText.number))
                prosody.add("rate_sps", p.rateSPS.map(JSONText.number))
                prosody.add("overlap_s", p.overlapS.map(JSONText.number))
                prosody.add("pause_before_s", p.pauseBeforeS.map(JSONText.number))
                members.append(.init(key: JSONText.string("prosody"), value: .object(prosody)))
            }
        case .sessionStart(let s):
            add("type", JSONText.string("session_start"))
            add("session", JSONText.string(s.session))
            add("seq", s.seq.map(JSONText.integer))
            add("ts", JSONText.number(s.ts))
            add("agent", s.agent.map(JSONText.string))
            add("team", s.team.map(JSONText.string))
            add("channel", s.channel.map { JSONText.string($0.rawValue) })
            add("customer", s.customer.map(JSONText.string))
            add("lang", s.lang.map(JSONText.string))
        case .sessionEnd(let e):
            add("type", JSONText.string("session_end"))
            add("session", JSONText.string(e.session))
            add("seq", e.seq.map(JSONText.integer))
            add("ts", JSONText.number(e.ts))
        }
    }

    init(members: [Member]) {
        self.members = members
    }

    private mutating func add(_ name: String, _ value: [UInt8]?) {
        guard let value else { return }
        members.append(.init(key: JSONText.string(name), value: .json(value)))
    }

    func hasObject(_ name: String) -> Bool { object(name) != nil }

    /// The member `name` when its value is an object.
    func object(_ name: String) -> ObjectText? {
        guard let member = members.first(where: { $0.name == name }), case .object(let object) = member.value else { return nil }
        return object
    }

    /// Sets the first member `name` to `value`, adding it when absent.
    mutating func set(_ name: String, to value: [UInt8]) { set(name, to: .json(value)) }

    mutating func set(_ name: String, to value: Value) {
        if let index = members.firstIndex(where: { $0.name == name }) {
            members[index].value = value
        } else {
            members.append(.init(key: JSONText.string(name), value: value))
        }
    }

    var bytes: [UInt8] {
        var out: [UInt8] = []
        write(into: &out)
        return out
    }

    func write(into out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        for (index, member) in members.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out += member.key
            out.append(UInt8(ascii: ":"))
            switch member.value {
            case .json(let text): out += text
            case .object(let object): object.write(into: &out)
            }
        }
        out.append(UInt8(ascii: "}"))
    }
}

/// One JSON value as text, written as the wire encoder writes it.
enum JSONText {
    static func string(_ value: String) -> [UInt8] {
        var writer = JSONWriter(capacity: value.utf8.count + 2)
        writer.string(value)
        return writer.bytes
    }

    static func number(_ value: Double) -> [UInt8] {
        var writer = JSONWriter(capacity: 24)
        writer.double(value)
        return writer.bytes
    }

    static func integer(_ value: Int64) -> [UInt8] {
        var writer = JSONWriter(capacity: 20)
        writer.int(value)
        return writer.bytes
    }

    /// `contents` between quotes, as they are (already JSON string contents).
    static func quoted(_ contents: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [UInt8(ascii: "\"")]
        out.reserveCapacity(contents.count + 2)
        out += contents
        out.append(UInt8(ascii: "\""))
        return out
    }

    /// The UTF-8 of `unit` `count` times over, by doubling: a `String` built a piece at a time
    /// takes milliseconds at the sizes of the limits.
    static func repeated(_ unit: String, _ count: Int) -> [UInt8] {
        let unit = Array(unit.utf8)
        let total = unit.count * max(0, count)
        guard total > 0 else { return [] }
        var out = unit
        out.reserveCapacity(total)
        while out.count * 2 <= total { out += out }
        out += out[..<(total - out.count)]
        return out
    }
}
