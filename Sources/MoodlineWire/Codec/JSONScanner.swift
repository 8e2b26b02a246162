import MoodlineEngine

/// A strict JSON scanner over bytes already known to be valid UTF-8.
///
/// It checks the grammar (RFC 8259) and records where values lie without building
/// them; `WireDecoder` then builds only the fields the message type needs.
struct JSONScanner {
    /// Which keys an object scan records; all others are checked and skipped.
    enum KeySet {
        case message
        case prosody
        /// `moodline score --jsonl` requests: id, text, lang.
        case scoreRequest
    }

    let bytes: UnsafePointer<UInt8>
    let count: Int
    let maxDepth: Int
    var index: Int
    /// Set when a string scanned may hold a byte above 0x7F (it may also be set by ASCII bytes
    /// just past a string's end). Outside strings such a byte is a syntax error, so a message
    /// scanned without error and without this flag is ASCII, valid UTF-8 without a check.
    private(set) var mayHoldNonASCII = false

    init(bytes: UnsafePointer<UInt8>, count: Int, start: Int = 0, maxDepth: Int) {
        self.bytes = bytes
        self.count = count
        self.maxDepth = maxDepth
        self.index = start
    }

    // MARK: Errors

    func unexpected(_ expected: String) -> Rejection {
        guard index < count else { return Rejection(.badJSON, "truncated: expected \(expected) at the end") }
        let byte = bytes[index]
        let shown = byte >= 0x20 && byte < 0x7F ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(String(byte, radix: 16))"
        return Rejection(.badJSON, "expected \(expected) at offset \(index), found \(shown)")
    }

    // MARK: Structure

    @inline(__always)
    mutating func skipWhitespace() {
        while index < count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index &+= 1
            default: return
            }
        }
    }

    /// Consumes `literal` when the bytes at `index` are exactly it; otherwise leaves `index` alone.
    @inline(__always)
    mutating func skip(_ literal: StaticString) -> Bool {
        let length = literal.utf8CodeUnitCount
        guard index &+ length <= count else { return false }
        let expected = literal.utf8Start
        for offset in 0..<length where bytes[index &+ offset] != expected[offset] { return false }
        index &+= length
        return true
    }

    /// Scans the whole message: one object, then only whitespace. Records where the
    /// schema's fields are, including those inside `prosody`, in one pass.
    mutating func scanMessage(
        into fields: inout InlineArray<13, ValueSpan>, prosody: inout InlineArray<6, ValueSpan>
    ) throws(Rejection) {
        skipWhitespace()
        guard index < count, bytes[index] == UInt8(ascii: "{") else {
            throw index < count ? unexpected("a JSON object '{'") : Rejection(.badJSON, "empty message")
        }
        try scanObject(keys: .message, depth: 1) { (field, scanner) throws(Rejection) in
            guard !fields[field].isPresent else { throw Rejection(.badJSON, "duplicate field \"\(WireField.names[field])\"") }
            if field == WireField.prosody, scanner.index < scanner.count, scanner.bytes[scanner.index] == UInt8(ascii: "{") {
                let start = scanner.index
                try scanner.scanObject(keys: .prosody, depth: 2) { (field, scanner) throws(Rejection) in
                    guard !prosody[field].isPresent else {
                        throw Rejection(.badJSON, "duplicate field \"prosody.\(ProsodyField.names[field])\"")
                    }
                    prosody[field] = try scanner.scanValue(depth: 2)
                }
                fields[field] = ValueSpan(start: start, end: scanner.index, kind: .object)
            } else {
                fields[field] = try scanner.scanValue(depth: 1)
            }
        }
        skipWhitespace()
        guard index == count else { throw unexpected("nothing after the object") }
    }

    /// Scans the object starting at `index` ('{'). For each key of `keys`, `scanField`
    /// scans the value itself (given the field index and the scanner positioned at the
    /// value); values of other keys are checked and skipped.
    mutating func scanObject(
        keys: KeySet, depth: Int, _ scanField: (Int, inout JSONScanner) throws(Rejection) -> Void
    ) throws(Rejection) {
        index &+= 1  // '{'
        skipWhitespace()
        if index < count, bytes[index] == UInt8(ascii: "}") {
            index &+= 1
            return
        }
        while true {
            guard index < count, bytes[index] == UInt8(ascii: "\"") else { throw unexpected("a field name in quotes") }
            let key = try scanString()
            skipWhitespace()
            guard index < count, bytes[index] == UInt8(ascii: ":") else { throw unexpected("':' after a field name") }
            index &+= 1
            skipWhitespace()
            let field = classify(key, in: keys)
            if field >= 0 {
                try scanField(field, &self)
            } else {
                _ = try scanValue(depth: depth)
            }
            skipWhitespace()
            guard index < count else { throw unexpected("',' or '}'") }
            let byte = bytes[index]
            index &+= 1
            if byte == UInt8(ascii: ",") {
                skipWhitespace()
                continue
            }
            if byte == UInt8(ascii: "}") { return }
            index &-= 1
            throw unexpected("',' or '}'")
        }
    }

    /// Scans any value at `index`; nested objects and arrays count towards `maxDepth`.
    mutating func scanValue(depth: Int) throws(Rejection) -> ValueSpan {
        guard index < count else { throw unexpected("a value") }
        let start = index
        switch bytes[index] {
        case UInt8(ascii: "\""):
            return try scanString()
        case UInt8(ascii: "{"):
            guard depth < maxDepth else { throw Rejection(.badJSON, "nested deeper than \(maxDepth) at offset \(index)") }
            try skipObject(depth: depth &+ 1)
            return ValueSpan(start: start, end: index, kind: .object)
        case UInt8(ascii: "["):
            guard depth < maxDepth else { throw Rejection(.badJSON, "nested deeper than \(maxDepth) at offset \(index)") }
            try scanArray(depth: depth &+ 1)
            return ValueSpan(start: start, end: index, kind: .array)
        case UInt8(ascii: "t"):
            try scanLiteral("true")
            return ValueSpan(start: start, end: index, kind: .true)
        case UInt8(ascii: "f"):
            try scanLiteral("false")
            return ValueSpan(start: start, end: index, kind: .false)
        case UInt8(ascii: "n"):
            try scanLiteral("null")
            return ValueSpan(start: start, end: index, kind: .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return try scanNumber()
        default:
            throw unexpected("a value")
        }
    }

    /// Scans a nested object whose keys are all skipped.
    private mutating func skipObject(depth: Int) throws(Rejection) {
        index &+= 1  // '{'
        skipWhitespace()
        if index < count, bytes[index] == UInt8(ascii: "}") {
            index &+= 1
            return
        }
        while true {
            guard index < count, bytes[index] == UInt8(ascii: "\"") else { throw unexpected("a field name in quotes") }
            _ = try scanString()
            skipWhitespace()
            guard index < count, bytes[index] == UInt8(ascii: ":") else { throw unexpected("':' after a field name") }
            index &+= 1
            skipWhitespace()
            _ = try scanValue(depth: depth)
            if try !continues(closedBy: UInt8(ascii: "}"), expecting: "',' or '}'") { return }
        }
    }

    private mutating func scanArray(depth: Int) throws(Rejection) {
        index &+= 1  // '['
        skipWhitespace()
        if index < count, bytes[index] == UInt8(ascii: "]") {
            index &+= 1
            return
        }
        while true {
            _ = try scanValue(depth: depth)
            if try !continues(closedBy: UInt8(ascii: "]"), expecting: "',' or ']'") { return }
        }
    }

    /// After a member or element: consumes a ',' and returns true when more follow, or the
    /// closing bracket and returns false.
    private mutating func continues(closedBy closer: UInt8, expecting: String) throws(Rejection) -> Bool {
        skipWhitespace()
        guard index < count else { throw unexpected(expecting) }
        let byte = bytes[index]
        index &+= 1
        if byte == UInt8(ascii: ",") {
            skipWhitespace()
            return true
        }
        guard byte == closer else {
            index &-= 1
            throw unexpected(expecting)
        }
        return false
    }

    private mutating func scanLiteral(_ literal: StaticString) throws(Rejection) {
        let length = literal.utf8CodeUnitCount
        guard index &+ length <= count else { throw Rejection(.badJSON, "truncated: expected \(literal) at offset \(index)") }
        let literalBytes = literal.utf8Start
        for offset in 0..<length where bytes[index &+ offset] != literalBytes[offset] {
            throw Rejection(.badJSON, "expected \(literal) at offset \(index)")
        }
        index &+= length
    }

    // MARK: Numbers

    /// Scans `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    private mutating func scanNumber() throws(Rejection) -> ValueSpan {
        let start = index
        var isInteger = true
        if bytes[index] == UInt8(ascii: "-") { index &+= 1 }
        guard index < count, isDigit(bytes[index]) else { throw unexpected("a digit") }
        if bytes[index] == UInt8(ascii: "0") {
            index &+= 1
        } else {
            skipDigits()
        }
        if index < count, bytes[index] == UInt8(ascii: ".") {
            isInteger = false
            index &+= 1
            guard index < count, isDigit(bytes[index]) else { throw unexpected("a digit after '.'") }
            skipDigits()
        }
        if index < count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            isInteger = false
            index &+= 1
            if index < count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index &+= 1 }
            guard index < count, isDigit(bytes[index]) else { throw unexpected("a digit in the exponent") }
            skipDigits()
        }
        return ValueSpan(start: start, end: index, kind: isInteger ? .integer : .number)
    }

    @inline(__always)
    private func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    @inline(__always)
    private mutating func skipDigits() {
        while index < count, isDigit(bytes[index]) { index &+= 1 }
    }

    // MARK: Strings

    /// Scans a string at `index` ('"'); the span is its contents, without the quotes.
    mutating func scanString() throws(Rejection) -> ValueSpan {
        let quote = index
        index &+= 1
        let start = index
        var kind = JSONKind.string
        // The bytes seen, OR-ed together: any high bit means non-ASCII may be in the string.
        var seen: UInt64 = 0
        defer { if seen & 0x8080_8080_8080_8080 != 0 { mayHoldNonASCII = true } }
        while true {
            // Eight bytes at a time until one is a quote, a backslash or a control character.
            while index &+ 8 <= count {
                let word = UnsafeRawPointer(bytes + index).loadUnaligned(as: UInt64.self)
                seen |= word
                let quotes = word ^ 0x2222_2222_2222_2222
                let backslashes = word ^ 0x5C5C_5C5C_5C5C_5C5C
                let found =
                    ((quotes &- 0x0101_0101_0101_0101) & ~quotes)
                    | ((backslashes &- 0x0101_0101_0101_0101) & ~backslashes)
                    | ((word &- 0x2020_2020_2020_2020) & ~word)
                let flagged = found & 0x8080_8080_8080_8080
                if flagged != 0 {
                    // The lowest flag is exact; flags above it may be false, which is harmless.
                    index &+= flagged.trailingZeroBitCount >> 3
                    break
                }
                index &+= 8
            }
            guard index < count else { throw Rejection(.badJSON, "unterminated string starting at offset \(quote)") }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index &+= 1
                return ValueSpan(start: start, end: index &- 1, kind: kind)
            }
            if byte == UInt8(ascii: "\\") {
                kind = .escapedString
                try scanEscape()
            } else if byte < 0x20 {
                throw Rejection(.badJSON, "unescaped control character 0x\(String(byte, radix: 16)) in a string at offset \(index)")
            } else {
                seen |= UInt64(byte)
                index &+= 1
            }
        }
    }

    /// Checks one escape at `index` ('\'). A `\u` high surrogate must be followed by a
    /// `\u` low surrogate: a lone surrogate cannot become UTF-8, so it is `invalid_utf8`.
    private mutating func scanEscape() throws(Rejection) {
        let start = index
        guard index &+ 1 < count else { throw Rejection(.badJSON, "unterminated string: escape at offset \(start)") }
        switch bytes[index &+ 1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
            UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            index &+= 2
        case UInt8(ascii: "u"):
            let unit = try hexUnit(at: index &+ 2)
            index &+= 6
            if unit & 0xFC00 == 0xD800 {
                guard index &+ 6 <= count, bytes[index] == UInt8(ascii: "\\"), bytes[index &+ 1] == UInt8(ascii: "u"),
                    try hexUnit(at: index &+ 2) & 0xFC00 == 0xDC00
                else {
                    throw Rejection(.invalidUTF8, "lone surrogate \\u\(String(unit, radix: 16, uppercase: true)) at offset \(start)")
                }
                index &+= 6
            } else if unit & 0xFC00 == 0xDC00 {
                throw Rejection(.invalidUTF8, "lone surrogate \\u\(String(unit, radix: 16, uppercase: true)) at offset \(start)")
            }
        default:
            throw Rejection(.badJSON, "invalid escape at offset \(start)")
        }
    }

    private func hexUnit(at offset: Int) throws(Rejection) -> UInt16 {
        guard offset &+ 4 <= count else { throw Rejection(.badJSON, "truncated \\u escape at offset \(offset &- 2)") }
        var unit: UInt16 = 0
        for position in offset..<(offset &+ 4) {
            guard let digit = JSONScanner.hexValue(bytes[position]) else {
                throw Rejection(.badJSON, "invalid \\u escape at offset \(offset &- 2)")
            }
            unit = unit << 4 | UInt16(digit)
        }
        return unit
    }

    @inline(__always)
    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte &- UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte &- UInt8(ascii: "a") &+ 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte &- UInt8(ascii: "A") &+ 10
        default: nil
        }
    }

    // MARK: Keys

    /// The field index of `key` in `keys`, or -1 for a field to skip.
    @inline(__always)
    private func classify(_ key: ValueSpan, in keys: KeySet) -> Int {
        if key.kind == .escapedString {
            // Rare: a sender that escapes plain field names. Unescape, then match.
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: key.count) { buffer in
                let length = JSONScanner.unescape(bytes, from: key.start, to: key.end, into: buffer.baseAddress!)
                return JSONScanner.classify(UnsafePointer(buffer.baseAddress!), length, readable: length, in: keys)
            }
        }
        return JSONScanner.classify(bytes + key.start, key.count, readable: count - key.start, in: keys)
    }

    @inline(__always)
    private static func classify(_ key: UnsafePointer<UInt8>, _ length: Int, readable: Int, in keys: KeySet) -> Int {
        switch keys {
        case .message: WireField.index(of: key, length: length, readable: readable)
        case .prosody: ProsodyField.index(of: key, length: length, readable: readable)
        case .scoreRequest: ScoreRequestDecoder.field(key, length: length)
        }
    }

    // MARK: Unescaping

    /// Writes the unescaped UTF-8 of an already-scanned string's contents into `out`
    /// (which has room for `end - start` bytes: unescaping never grows a string).
    /// Returns the number of bytes written.
    static func unescape(_ bytes: UnsafePointer<UInt8>, from start: Int, to end: Int, into out: UnsafeMutablePointer<UInt8>) -> Int {
        var read = start
        var written = 0
        while read < end {
            let byte = bytes[read]
            guard byte == UInt8(ascii: "\\") else {
                out[written] = byte
                written &+= 1
                read &+= 1
                continue
            }
            let escaped = bytes[read &+ 1]
            read &+= 2
            let simple: UInt8
            switch escaped {
            case UInt8(ascii: "b"): simple = 0x08
            case UInt8(ascii: "f"): simple = 0x0C
            case UInt8(ascii: "n"): simple = 0x0A
            case UInt8(ascii: "r"): simple = 0x0D
            case UInt8(ascii: "t"): simple = 0x09
            case UInt8(ascii: "u"):
                var scalar = UInt32(hex4(bytes, read))
                read &+= 4
                if scalar & 0xFC00 == 0xD800 {
                    // The scan guaranteed a low surrogate follows.
                    let low = UInt32(hex4(bytes, read &+ 2))
                    read &+= 6
                    scalar = 0x10000 &+ ((scalar &- 0xD800) << 10) &+ (low &- 0xDC00)
                }
                written &+= writeUTF8(scalar, into: out + written)
                continue
            default: simple = escaped  // '"', '\' and '/'
            }
            out[written] = simple
            written &+= 1
        }
        return written
    }

    private static func hex4(_ bytes: UnsafePointer<UInt8>, _ offset: Int) -> UInt16 {
        var unit: UInt16 = 0
        for position in offset..<(offset &+ 4) {
            unit = unit << 4 | UInt16(hexValue(bytes[position]) ?? 0)
        }
        return unit
    }

    private static func writeUTF8(_ scalar: UInt32, into out: UnsafeMutablePointer<UInt8>) -> Int {
        switch scalar {
        case 0..<0x80:
            out[0] = UInt8(scalar)
            return 1
        case 0x80..<0x800:
            out[0] = UInt8(0xC0 | scalar >> 6)
            out[1] = UInt8(0x80 | scalar & 0x3F)
            return 2
        case 0x800..<0x10000:
            out[0] = UInt8(0xE0 | scalar >> 12)
            out[1] = UInt8(0x80 | (scalar >> 6) & 0x3F)
            out[2] = UInt8(0x80 | scalar & 0x3F)
            return 3
        default:
            out[0] = UInt8(0xF0 | scalar >> 18)
            out[1] = UInt8(0x80 | (scalar >> 12) & 0x3F)
            out[2] = UInt8(0x80 | (scalar >> 6) & 0x3F)
            out[3] = UInt8(0x80 | scalar & 0x3F)
            return 4
        }
    }
}
