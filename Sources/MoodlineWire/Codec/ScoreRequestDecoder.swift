import MoodlineCore
import MoodlineEngine

/// Decodes the lines `moodline score --jsonl` reads, `{"id": …, "text": "…", "lang": "zh",
/// "speaker": "agent"}` (`lang` and `speaker` optional), with the wire codec's scanner: strict
/// JSON, UTF-8 checked, other fields ignored. The request is lent to a closure, its text
/// unescaped into a buffer the decoder keeps, so decoding allocates nothing in the steady state.
public struct ScoreRequestDecoder {
    /// One request, valid inside the closure only.
    public struct Request {
        /// The id's JSON as sent (a string with its quotes, a number), to echo verbatim;
        /// empty when the line has none.
        public var id: UnsafeBufferPointer<UInt8>
        /// The text, unescaped UTF-8.
        public var text: UnsafeBufferPointer<UInt8>
        /// The language the line names, if it names one.
        public var language: Language?
        /// Who said it, if the line says: an agent's line is read for misconduct.
        public var speaker: Speaker?
    }

    /// The largest `text` accepted, in bytes.
    public var maxTextBytes: Int
    private var scratch: [UInt8] = []

    public init(maxTextBytes: Int = 64 * 1024) {
        self.maxTextBytes = maxTextBytes
    }

    static let id = 0, text = 1, lang = 2, speaker = 3
    /// One span per field above.
    typealias Fields = InlineArray<4, ValueSpan>

    @inline(__always)
    static func field(_ key: UnsafePointer<UInt8>, length: Int) -> Int {
        switch length {
        case 2 where key[0] == UInt8(ascii: "i") && key[1] == UInt8(ascii: "d"): id
        case 4 where memcmp4(key, "text"): text
        case 4 where memcmp4(key, "lang"): lang
        case 7 where equals(key, 7, "speaker"): speaker
        default: -1
        }
    }

    private static func scan(_ scanner: inout JSONScanner, into fields: inout Fields) throws(Rejection) {
        scanner.skipWhitespace()
        guard scanner.index < scanner.count, scanner.bytes[scanner.index] == UInt8(ascii: "{") else {
            throw scanner.unexpected("a JSON object '{'")
        }
        try scanner.scanObject(keys: .scoreRequest, depth: 1) { (field, scanner) throws(Rejection) in
            guard !fields[field].isPresent else { throw Rejection(.badJSON, "duplicate field") }
            fields[field] = try scanner.scanValue(depth: 1)
        }
        scanner.skipWhitespace()
        guard scanner.index == scanner.count else { throw scanner.unexpected("nothing after the object") }
    }

    /// Reads the shape nearly every line has, `{"id":…,"text":"…"}`, then `,"lang":"…"` and
    /// `,"speaker":"…"` if given, in that order and without whitespace (what the
    /// statement scorer and the QA scripts write): fixed byte runs between the value scans,
    /// where the general scan classifies every key and dispatches every value. Returns false
    /// for anything else, faults included, and the caller rescans the line in full; a line read
    /// here gets the very spans the general scan records for it.
    private static func scanUsualShape(_ scanner: inout JSONScanner, into fields: inout Fields) -> Bool {
        do throws(Rejection) {
            guard scanner.skip(#"{"id":"#) else { return false }
            fields[Self.id] = try scanner.scanValue(depth: 1)
            guard scanner.skip(#","text":""#) else { return false }
            scanner.index &-= 1 // back to the opening quote, which scanString expects
            fields[Self.text] = try scanner.scanString()
            if scanner.skip(#","lang":""#) {
                scanner.index &-= 1
                fields[Self.lang] = try scanner.scanString()
            }
            if scanner.skip(#","speaker":""#) {
                scanner.index &-= 1
                fields[Self.speaker] = try scanner.scanString()
            }
            return scanner.skip("}") && scanner.index == scanner.count
        } catch {
            return false
        }
    }

    private static func checkUTF8(_ bytes: UnsafePointer<UInt8>, count: Int) throws(Rejection) {
        if let offset = UTF8Validation.firstInvalidOffset(bytes, count: count) {
            throw Rejection(.invalidUTF8, "invalid UTF-8 at byte offset \(offset)")
        }
    }

    @inline(__always)
    private static func equals(_ bytes: UnsafePointer<UInt8>, _ count: Int, _ word: StaticString) -> Bool {
        guard count == word.utf8CodeUnitCount else { return false }
        let w = word.utf8Start
        for i in 0..<count where bytes[i] != w[i] { return false }
        return true
    }

    @inline(__always)
    private static func memcmp4(_ key: UnsafePointer<UInt8>, _ word: StaticString) -> Bool {
        let w = word.utf8Start
        return key[0] == w[0] && key[1] == w[1] && key[2] == w[2] && key[3] == w[3]
    }

    /// Decodes one line and lends the request to `body`. The id found before a fault is
    /// given with the rejection (`idOnError`), so an error line can still name its request.
    public mutating func decode<R>(
        _ line: UnsafeBufferPointer<UInt8>, idOnError: (UnsafeBufferPointer<UInt8>) -> Void = { _ in },
        _ body: (Request) -> R
    ) throws(Rejection) -> R {
        guard let bytes = line.baseAddress, !line.isEmpty else { throw Rejection(.badJSON, "empty line") }
        // As in WireDecoder: invalid UTF-8 is the verdict whenever there is some, but it is
        // looked for only when the scan failed or met a byte above 0x7F.
        var scanner = JSONScanner(bytes: bytes, count: line.count, maxDepth: 32)
        var fields = Fields(repeating: ValueSpan())
        if !Self.scanUsualShape(&scanner, into: &fields) {
            // Anything else, including every fault, goes through the general scan from the start.
            scanner = JSONScanner(bytes: bytes, count: line.count, maxDepth: 32)
            fields = Fields(repeating: ValueSpan())
            do {
                try Self.scan(&scanner, into: &fields)
            } catch {
                try Self.checkUTF8(bytes, count: line.count)
                throw error
            }
        }
        if scanner.mayHoldNonASCII { try Self.checkUTF8(bytes, count: line.count) }

        let idSpan = fields[Self.id]
        var id = UnsafeBufferPointer<UInt8>(start: bytes, count: 0)
        if idSpan.isGiven {
            // A string's span is its contents: widen it to take the quotes along.
            let quoted = idSpan.isString ? 1 : 0
            id = UnsafeBufferPointer(start: bytes + idSpan.start - quoted, count: idSpan.count + 2 * quoted)
        }
        let text = fields[Self.text]
        guard text.isGiven else {
            idOnError(id)
            throw Rejection(.missingField, "text: missing")
        }
        guard text.isString else {
            idOnError(id)
            throw Rejection(.wrongType, "text: must be a string, found \(text.typeName)")
        }
        guard text.count <= maxTextBytes else {
            idOnError(id)
            throw Rejection(.oversized, "text: \(text.count) bytes, over the limit of \(maxTextBytes)")
        }
        var language: Language?
        let lang = fields[Self.lang]
        if lang.isGiven {
            guard lang.kind == .string,
                  let parsed = Engine.language(ofUTF8Tag: UnsafeBufferPointer(start: bytes + lang.start, count: lang.count))
            else {
                idOnError(id)
                throw Rejection(.wrongType, "lang: must be a language tag such as en, zh or zh-Hant")
            }
            language = parsed
        }
        var speaker: Speaker?
        let said = fields[Self.speaker]
        if said.isGiven {
            // Escaped spellings of the two names are not worth a scratch buffer: they are refused.
            if said.kind == .string, Self.equals(bytes + said.start, said.count, "customer") {
                speaker = .customer
            } else if said.kind == .string, Self.equals(bytes + said.start, said.count, "agent") {
                speaker = .agent
            } else {
                idOnError(id)
                throw Rejection(.unknownSpeaker, "speaker: must be \"customer\" or \"agent\"")
            }
        }
        if text.kind == .string {
            return body(Request(id: id, text: UnsafeBufferPointer(start: bytes + text.start, count: text.count), language: language, speaker: speaker))
        }
        if scratch.count < text.count { scratch = [UInt8](repeating: 0, count: max(text.count, 2 * scratch.count)) }
        return scratch.withUnsafeMutableBufferPointer { buffer in
            let length = JSONScanner.unescape(bytes, from: text.start, to: text.end, into: buffer.baseAddress!)
            return body(Request(id: id, text: UnsafeBufferPointer(start: buffer.baseAddress, count: length), language: language, speaker: speaker))
        }
    }
}
