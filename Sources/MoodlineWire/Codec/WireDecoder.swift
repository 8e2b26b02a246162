import MoodlineCore
import MoodlineEngine

/// Decodes wire schema v1 messages (DESIGN.md) from raw bytes, strictly and fast.
///
/// A schema-directed scanner: it checks the whole message, then builds only the fields
/// the message type uses. Only strings are allocated (`session`, `agent`, `team`,
/// `customer`, `lang`, `text`; those of 15 bytes or less are stored inline by Swift).
///
/// Rules, in the order they are checked (the first failure is the rejection):
/// - over `maxMessageBytes` → `oversized`;
/// - not valid UTF-8 anywhere → `invalid_utf8` (so is a `\u` escape with a lone surrogate,
///   which no UTF-8 can carry);
/// - not exactly one JSON object (surrounding whitespace is fine), nested deeper than
///   `maxDepth`, or a field given twice → `bad_json`;
/// - `type` other than `fragment` (the default), `session_start`, `session_end` → `unknown_type`;
/// - then the fields in schema order: absent or `null` where required → `missing_field`;
///   a wrong JSON type or an out-of-range value → `wrong_type`; `speaker` other than
///   `customer`/`agent` → `unknown_speaker`; `text` over `maxTextBytes` → `oversized`.
///   The detail starts with the field name (`seq: ...`).
///
/// Values: `seq` is an integer ≥ 0 written without fraction or exponent; `ts` and the
/// prosody readings are finite numbers; `session`, `agent`, `team` and `customer` are
/// 1 to `maxIDBytes` bytes; `channel` is `voice` or `chat`; `final` is a boolean
/// (default true); `null` means absent. Unknown fields, and known fields the message
/// type does not use, are checked as JSON and otherwise ignored.
public struct WireDecoder: Sendable {
    /// The largest message accepted, in bytes.
    public var maxMessageBytes: Int
    /// The largest `text` accepted, in UTF-8 bytes after unescaping.
    public var maxTextBytes: Int
    /// The largest `session`, `agent`, `team` or `customer` id, in bytes.
    public var maxIDBytes: Int
    /// How deeply objects and arrays may nest, counting the message itself.
    public var maxDepth: Int

    public init(maxMessageBytes: Int = 64 * 1024, maxTextBytes: Int = 8 * 1024, maxIDBytes: Int = 256, maxDepth: Int = 32) {
        self.maxMessageBytes = maxMessageBytes
        self.maxTextBytes = maxTextBytes
        self.maxIDBytes = maxIDBytes
        self.maxDepth = maxDepth
    }

    /// Decodes one message; the bytes need only live for the call.
    public func decode(_ message: UnsafeRawBufferPointer) throws(Rejection) -> WireEvent {
        guard message.count <= maxMessageBytes else {
            throw Rejection(.oversized, "message is \(message.count) bytes, over the limit of \(maxMessageBytes)")
        }
        guard let start = message.baseAddress, message.count > 0 else { throw Rejection(.badJSON, "empty message") }
        let bytes = start.assumingMemoryBound(to: UInt8.self)
        // Invalid UTF-8 is reported before any other fault, as if the whole message were
        // checked first; but it is checked only when the scan failed or met a byte above 0x7F
        // in a string: an ASCII message (most English text) needs no check at all.
        var scanner = JSONScanner(bytes: bytes, count: message.count, maxDepth: maxDepth)
        var fields = InlineArray<13, ValueSpan>(repeating: ValueSpan())
        var prosody = InlineArray<6, ValueSpan>(repeating: ValueSpan())
        do {
            try scanner.scanMessage(into: &fields, prosody: &prosody)
        } catch {
            try Self.checkUTF8(bytes, count: message.count)
            throw error
        }
        if scanner.mayHoldNonASCII { try Self.checkUTF8(bytes, count: message.count) }
        let reader = FieldReader(bytes: bytes, decoder: self, prosodyFields: prosody)
        return try reader.event(from: fields)
    }

    private static func checkUTF8(_ bytes: UnsafePointer<UInt8>, count: Int) throws(Rejection) {
        if let offset = UTF8Validation.firstInvalidOffset(bytes, count: count) {
            throw Rejection(.invalidUTF8, "invalid UTF-8 at byte offset \(offset)")
        }
    }

    /// Decodes one message from an array of bytes.
    public func decode(_ message: [UInt8]) throws(Rejection) -> WireEvent {
        try message.withUnsafeBytes { buffer in Result { () throws(Rejection) in try decode(buffer) } }.get()
    }

    /// Decodes one line of a JSON Lines recording (a trailing newline is fine).
    public func decodeLine(_ line: Substring) throws(Rejection) -> WireEvent {
        var line = line
        return try line.withUTF8 { utf8 in Result { () throws(Rejection) in try decode(UnsafeRawBufferPointer(utf8)) } }.get()
    }

    /// Decodes one line of a JSON Lines recording (a trailing newline is fine).
    public func decodeLine(_ line: String) throws(Rejection) -> WireEvent {
        var line = line
        return try line.withUTF8 { utf8 in Result { () throws(Rejection) in try decode(UnsafeRawBufferPointer(utf8)) } }.get()
    }
}

/// Builds typed values from the spans the scanner recorded.
private struct FieldReader {
    let bytes: UnsafePointer<UInt8>
    let decoder: WireDecoder
    /// Where the `prosody` object's fields are, when it is an object.
    let prosodyFields: InlineArray<6, ValueSpan>

    func event(from fields: InlineArray<13, ValueSpan>) throws(Rejection) -> WireEvent {
        switch try messageType(fields[WireField.type]) {
        case .fragment:
            let session = try id(fields[WireField.session], "session", required: true)!
            let seq = try integer(fields[WireField.seq], "seq", required: true)!
            let ts = try number(fields[WireField.ts], "ts", required: true)!
            let speaker = try speaker(fields[WireField.speaker])
            let text = try text(fields[WireField.text])
            return .fragment(
                Fragment(
                    session: session, seq: seq, ts: ts, speaker: speaker, text: text,
                    agent: try id(fields[WireField.agent], "agent"),
                    team: try id(fields[WireField.team], "team"),
                    channel: try channel(fields[WireField.channel]),
                    lang: try lang(fields[WireField.lang]),
                    isFinal: try bool(fields[WireField.final], "final") ?? true,
                    prosody: try prosody(fields[WireField.prosody])
                ))
        case .sessionStart:
            let session = try id(fields[WireField.session], "session", required: true)!
            let ts = try number(fields[WireField.ts], "ts", required: true)!
            return .sessionStart(
                SessionStart(
                    session: session,
                    seq: try integer(fields[WireField.seq], "seq"),
                    ts: ts,
                    agent: try id(fields[WireField.agent], "agent"),
                    team: try id(fields[WireField.team], "team"),
                    channel: try channel(fields[WireField.channel]),
                    customer: try id(fields[WireField.customer], "customer"),
                    lang: try lang(fields[WireField.lang])
                ))
        case .sessionEnd:
            let session = try id(fields[WireField.session], "session", required: true)!
            let ts = try number(fields[WireField.ts], "ts", required: true)!
            return .sessionEnd(SessionEnd(session: session, seq: try integer(fields[WireField.seq], "seq"), ts: ts))
        }
    }

    // MARK: Errors

    private func missing(_ name: String) -> Rejection {
        Rejection(.missingField, "\(name): required")
    }

    private func wrongType(_ name: String, _ span: ValueSpan, expected: String) -> Rejection {
        Rejection(.wrongType, "\(name): expected \(expected), found \(span.typeName)")
    }

    /// A short, printable excerpt of a string value for a rejection detail.
    private func excerpt(_ span: ValueSpan) -> String {
        let text = string(span)
        return text.utf8.count <= 32 ? "\"\(text)\"" : "\"\(text.prefix(24))...\""
    }

    // MARK: Values

    private enum MessageType {
        case fragment, sessionStart, sessionEnd
    }

    private func messageType(_ span: ValueSpan) throws(Rejection) -> MessageType {
        guard span.isGiven else { return .fragment }
        guard span.isString else { throw wrongType("type", span, expected: "a string") }
        if span.kind == .string {
            switch span.count {
            case 8 where keyEquals(bytes + span.start, "fragment"): return .fragment
            case 11 where keyEquals(bytes + span.start, "session_end"): return .sessionEnd
            case 13 where keyEquals(bytes + span.start, "session_start"): return .sessionStart
            default: break
            }
        } else {
            switch string(span) {
            case "fragment": return .fragment
            case "session_end": return .sessionEnd
            case "session_start": return .sessionStart
            default: break
            }
        }
        throw Rejection(.unknownType, "type: \(excerpt(span)) is not fragment, session_start or session_end")
    }

    /// The string a string span holds.
    private func string(_ span: ValueSpan) -> String {
        if span.kind == .string {
            // The whole message passed UTF-8 validation and a string's contents end at
            // ASCII quotes, so they are valid UTF-8 on their own: skip a second check.
            let contents = UnsafeBufferPointer(start: bytes + span.start, count: span.count)
            return String(copying: unsafe UTF8Span(unchecked: contents.span))
        }
        // Unescaping never makes a string longer, so the raw length is room enough.
        return String(unsafeUninitializedCapacity: span.count) { buffer in
            JSONScanner.unescape(bytes, from: span.start, to: span.end, into: buffer.baseAddress!)
        }
    }

    private func optionalString(_ span: ValueSpan, _ name: String, required: Bool = false) throws(Rejection) -> String? {
        guard span.isGiven else {
            if required { throw missing(name) }
            return nil
        }
        guard span.isString else { throw wrongType(name, span, expected: "a string") }
        return string(span)
    }

    /// An identifier: a string of 1 to `maxIDBytes` bytes.
    private func id(_ span: ValueSpan, _ name: String, required: Bool = false) throws(Rejection) -> String? {
        guard let value = try optionalString(span, name, required: required) else { return nil }
        let length = value.utf8.count
        guard length > 0 else { throw Rejection(.wrongType, "\(name): must not be empty") }
        guard length <= decoder.maxIDBytes else {
            throw Rejection(.wrongType, "\(name): \(length) bytes, over the limit of \(decoder.maxIDBytes)")
        }
        return value
    }

    private func text(_ span: ValueSpan) throws(Rejection) -> String {
        guard span.isGiven else { throw missing("text") }
        guard span.isString else { throw wrongType("text", span, expected: "a string") }
        // The raw length bounds the unescaped one, so most texts are checked before building.
        if span.kind == .string || span.count > decoder.maxTextBytes * 6 {
            guard span.count <= decoder.maxTextBytes else {
                throw Rejection(.oversized, "text: \(span.count) bytes or more, over the limit of \(decoder.maxTextBytes)")
            }
        }
        let text = string(span)
        let length = text.utf8.count
        guard length <= decoder.maxTextBytes else {
            throw Rejection(.oversized, "text: \(length) bytes, over the limit of \(decoder.maxTextBytes)")
        }
        return text
    }

    private func lang(_ span: ValueSpan) throws(Rejection) -> String? {
        guard let value = try optionalString(span, "lang") else { return nil }
        // An empty tag is what some gateways send for "unknown": detect it instead.
        if value.isEmpty { return nil }
        guard value.utf8.count <= 64 else { throw Rejection(.wrongType, "lang: longer than a BCP 47 tag can be") }
        return value
    }

    private func speaker(_ span: ValueSpan) throws(Rejection) -> Speaker {
        guard span.isGiven else { throw missing("speaker") }
        guard span.isString else { throw wrongType("speaker", span, expected: "a string") }
        if span.kind == .string {
            if span.count == 8, keyEquals(bytes + span.start, "customer") { return .customer }
            if span.count == 5, keyEquals(bytes + span.start, "agent") { return .agent }
        } else if let speaker = Speaker(rawValue: string(span)) {
            return speaker
        }
        throw Rejection(.unknownSpeaker, "speaker: \(excerpt(span)) is neither customer nor agent")
    }

    private func channel(_ span: ValueSpan) throws(Rejection) -> Channel? {
        guard span.isGiven else { return nil }
        guard span.isString else { throw wrongType("channel", span, expected: "a string") }
        if span.kind == .string {
            if span.count == 5, keyEquals(bytes + span.start, "voice") { return .voice }
            if span.count == 4, keyEquals(bytes + span.start, "chat") { return .chat }
        } else if let channel = Channel(rawValue: string(span)) {
            return channel
        }
        throw Rejection(.wrongType, "channel: \(excerpt(span)) is neither voice nor chat")
    }

    private func bool(_ span: ValueSpan, _ name: String) throws(Rejection) -> Bool? {
        switch span.kind {
        case .absent, .null: nil
        case .true: true
        case .false: false
        default: throw wrongType(name, span, expected: "true or false")
        }
    }

    /// An integer ≥ 0 that fits in Int64.
    private func integer(_ span: ValueSpan, _ name: String, required: Bool = false) throws(Rejection) -> Int64? {
        guard span.isGiven else {
            if required { throw missing(name) }
            return nil
        }
        guard span.kind == .integer else {
            throw span.kind == .number
                ? Rejection(.wrongType, "\(name): must be a whole number, without fraction or exponent")
                : wrongType(name, span, expected: "an integer")
        }
        guard bytes[span.start] != UInt8(ascii: "-") else { throw Rejection(.wrongType, "\(name): must not be negative") }
        var value: Int64 = 0
        for position in span.start..<span.end {
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(Int64(bytes[position] &- UInt8(ascii: "0")))
            guard !overflow1, !overflow2 else { throw Rejection(.wrongType, "\(name): too large for a 64-bit integer") }
            value = sum
        }
        return value
    }

    /// A finite number.
    private func number(_ span: ValueSpan, _ name: String, required: Bool = false) throws(Rejection) -> Double? {
        guard span.isGiven else {
            if required { throw missing(name) }
            return nil
        }
        guard span.isNumber else { throw wrongType(name, span, expected: "a number") }
        let value = JSONNumber.parseDouble(bytes, from: span.start, to: span.end)
        guard value.isFinite else { throw Rejection(.wrongType, "\(name): out of the range of a double") }
        return value
    }

    private func prosody(_ span: ValueSpan) throws(Rejection) -> ProsodyReading? {
        guard span.isGiven else { return nil }
        guard span.kind == .object else { throw wrongType("prosody", span, expected: "an object") }
        let readings = prosodyFields
        return ProsodyReading(
            pitchHz: try number(readings[ProsodyField.pitchHz], "prosody.pitch_hz"),
            pitchSDHz: try number(readings[ProsodyField.pitchSDHz], "prosody.pitch_sd_hz"),
            energyDB: try number(readings[ProsodyField.energyDB], "prosody.energy_db"),
            rateSPS: try number(readings[ProsodyField.rateSPS], "prosody.rate_sps"),
            overlapS: try number(readings[ProsodyField.overlapS], "prosody.overlap_s"),
            pauseBeforeS: try number(readings[ProsodyField.pauseBeforeS], "prosody.pause_before_s")
        )
    }
}
