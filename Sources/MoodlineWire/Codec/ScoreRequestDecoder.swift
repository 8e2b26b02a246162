import MoodlineCore
import MoodlineEngine

/// Decodes the lines `moodline score --jsonl` reads, `{"id": …, "text": "…", "lang": "zh"}`,
/// with the wire codec's scanner: strict JSON, UTF-8 checked, other fields ignored. The
/// request is lent to a closure, its text unescaped into a buffer the decoder keeps, so
/// decoding allocates nothing in the steady state.
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
    }

    /// The largest `text` accepted, in bytes.
    public var maxTextBytes: Int
    private var scratch: [UInt8] = []

    public init(maxTextBytes: Int = 64 * 1024) {
        self.maxTextBytes = maxTextBytes
    }

    static let id = 0, text = 1, lang = 2

    @inline(__always)
    static func field(_ key: UnsafePointer<UInt8>, length: Int) -> Int {
        switch length {
        case 2 where key[0] == UInt8(ascii: "i") && key[1] == UInt8(ascii: "d"): id
        case 4 where memcmp4(key, "text"): text
        case 4 where memcmp4(key, "lang"): lang
        default: -1
        }
    }

    private static func scan(_ scanner: inout JSONScanner, into fields: inout InlineArray<3, ValueSpan>) throws(Rejection) {
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

    /// Reads the shape nearly every line has, `{"id":…,"text":"…"}` or
    /// `{"id":…,"text":"…","lang":"…"}`, in that order and without whitespace (what the
    /// statement scorer and the QA scripts write): fixed byte runs between three value scans,
    /// where the general scan classifies every key and dispatches every value. Returns false
    /// for anything else, faults included, and the caller rescans the line in full; a line read
    /// here gets the very spans the general scan records for it.
    private static func scanUsualShape(_ scanner: inout JSONScanner, into fields: inout InlineArray<3, ValueSpan>) -> Bool {
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
        var fields = InlineArray<3, ValueSpan>(repeating: ValueSpan())
        if !Self.scanUsualShape(&scanner, into: &fields) {
            // Anything else, including every fault, goes through the general scan from the start.
            scanner = JSONScanner(bytes: bytes, count: line.count, maxDepth: 32)
            fields = InlineArray<3, ValueSpan>(repeating: ValueSpan())
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
        if text.kind == .string {
            return body(Request(id: id, text: UnsafeBufferPointer(start: bytes + text.start, count: text.count), language: language))
        }
        if scratch.count < text.count { scratch = [UInt8](repeating: 0, count: max(text.count, 2 * scratch.count)) }
        return scratch.withUnsafeMutableBufferPointer { buffer in
            let length = JSONScanner.unescape(bytes, from: text.start, to: text.end, into: buffer.baseAddress!)
            return body(Request(id: id, text: UnsafeBufferPointer(start: buffer.baseAddress, count: length), language: language))
        }
    }
}
