/// A small, fast JSON writer that appends to a reusable byte buffer.
///
/// Reuse one writer per thread: `removeAll()` keeps the capacity, so steady-state
/// encoding allocates nothing. The writer inserts commas itself; callers emit keys
/// and values in a valid order (a key, then its value).
public struct JSONWriter: Sendable {
    /// The JSON written so far.
    public private(set) var bytes: [UInt8]

    public init(capacity: Int = 512) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// Empties the buffer, keeping its capacity.
    public mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
    }

    /// The JSON as a string.
    public var string: String { String(decoding: bytes, as: UTF8.self) }

    // MARK: Structure

    /// Adds the comma a new member or element needs, judged by the last byte written:
    /// nothing is needed at the start, after an opening bracket, after a key, or after a line break.
    @inline(__always)
    private mutating func separate() {
        guard let last = bytes.last else { return }
        switch last {
        case UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: ":"), UInt8(ascii: "\n"): return
        default: bytes.append(UInt8(ascii: ","))
        }
    }

    public mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
    }

    public mutating func endObject() { bytes.append(UInt8(ascii: "}")) }

    public mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
    }

    public mutating func endArray() { bytes.append(UInt8(ascii: "]")) }

    /// Writes an object key; it must be plain ASCII that needs no escaping (all schema keys are).
    public mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
    }

    /// Writes an object key that may need escaping.
    // Disfavoured: a literal key would otherwise pick this overload (String is a literal's
    // default type) and be scanned for escapes on every call.
    @_disfavoredOverload
    public mutating func key(_ name: String) {
        string(name)
        bytes.append(UInt8(ascii: ":"))
    }

    /// Ends a JSON Lines record.
    public mutating func newline() { bytes.append(UInt8(ascii: "\n")) }

    /// Writes a value that is JSON already (an id echoed as it was received).
    public mutating func raw(_ json: UnsafeBufferPointer<UInt8>) {
        separate()
        bytes.append(contentsOf: json)
    }

    // MARK: Values

    public mutating func null() {
        separate()
        append("null")
    }

    public mutating func bool(_ value: Bool) {
        separate()
        append(value ? "true" : "false")
    }

    public mutating func int(_ value: Int64) {
        separate()
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        appendDigits(value.magnitude)
    }

    public mutating func int(_ value: Int) { int(Int64(value)) }

    /// Writes the shortest text that reads back as the same double; non-finite as `null`
    /// (JSON has no NaN or infinity). Whole numbers are written without `.0`.
    public mutating func double(_ value: Double) {
        guard value.isFinite else { return null() }
        separate()
        // Whole numbers below 2^53 print exactly as integers (timestamps in whole seconds).
        if value == value.rounded(.towardZero), value.magnitude < 9_007_199_254_740_992 {
            if value == 0, value.sign == .minus {
                append("-0")
            } else {
                let whole = Int64(value)
                if whole < 0 { bytes.append(UInt8(ascii: "-")) }
                appendDigits(whole.magnitude)
            }
            return
        }
        // Swift's description is the shortest round-trip form, and its exponent form
        // (1e-05, 1e+16) is valid JSON too.
        var text = value.description
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Writes `value` rounded to `decimals` places (at most 9), trailing zeros dropped:
    /// `0.25`, `-0.333`, `1`. Integer arithmetic only, no `String`, so it costs a fraction of
    /// ``double(_:)``; for scores and levels, whose noise is far above the third decimal.
    /// Non-finite values are written as `null`; values too large for the scaled integer fall
    /// back to ``double(_:)``.
    public mutating func fixed(_ value: Double, decimals: Int) {
        guard value.isFinite else { return null() }
        let places = min(max(decimals, 0), 9)
        var scale: UInt64 = 1
        for _ in 0..<places { scale &*= 10 }
        let scaled = (value * Double(scale)).rounded(.toNearestOrAwayFromZero)
        guard scaled.magnitude < 9_007_199_254_740_992 else { return double(value) }
        separate()
        let units = Int64(scaled)
        let magnitude = units.magnitude
        var fraction = magnitude % scale
        var width = places
        while fraction != 0 && fraction % 10 == 0 {
            fraction /= 10
            width -= 1
        }
        // Built right to left in a small buffer and appended once: a sign, the whole part
        // (at most 16 digits below 2^53), a point and at most 9 decimals.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { text in
            var position = 32
            if fraction != 0 {
                // The fraction's digits, then its leading zeros (0.05 → "05").
                for _ in 0..<width {
                    position -= 1
                    text[position] = UInt8(ascii: "0") &+ UInt8(fraction % 10)
                    fraction /= 10
                }
                position -= 1
                text[position] = UInt8(ascii: ".")
            }
            var whole = magnitude / scale
            repeat {
                position -= 1
                text[position] = UInt8(ascii: "0") &+ UInt8(whole % 10)
                whole /= 10
            } while whole != 0
            // A value that rounds to zero is written as 0, never -0.
            if units < 0 {
                position -= 1
                text[position] = UInt8(ascii: "-")
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[position...]))
        }
    }

    @inline(__always)
    private mutating func append(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    private mutating func appendDigits(_ value: UInt64) {
        var magnitude = value
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var position = 20
            repeat {
                position -= 1
                digits[position] = UInt8(ascii: "0") &+ UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude != 0
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[position...]))
        }
    }

    /// Writes a string, escaping quotes, backslashes and control characters; other
    /// characters pass through as UTF-8.
    public mutating func string(_ value: String) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in appendEscaped(utf8) }
        bytes.append(UInt8(ascii: "\""))
    }

    private static let hexDigits: StaticString = "0123456789abcdef"

    private mutating func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        var runStart = 0
        for index in utf8.indices {
            let byte = utf8[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            // Copy the plain run before this byte in one go.
            if runStart < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index])) }
            runStart = index + 1
            bytes.append(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
            case 0x0A: bytes.append(UInt8(ascii: "n"))
            case 0x0D: bytes.append(UInt8(ascii: "r"))
            case 0x09: bytes.append(UInt8(ascii: "t"))
            case 0x08: bytes.append(UInt8(ascii: "b"))
            case 0x0C: bytes.append(UInt8(ascii: "f"))
            default:
                let hex = Self.hexDigits.utf8Start
                append("u00")
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0x0F)])
            }
        }
        if runStart < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...])) }
    }

    // MARK: Members

    /// Writes `"name": value`, or nothing when the value is nil.
    public mutating func member(_ name: StaticString, _ value: String?) {
        guard let value else { return }
        key(name)
        string(value)
    }

    public mutating func member(_ name: StaticString, _ value: Double?) {
        guard let value else { return }
        key(name)
        double(value)
    }

    public mutating func member(_ name: StaticString, _ value: Int64?) {
        guard let value else { return }
        key(name)
        int(value)
    }

    /// Writes `"name": value`, or `"name": null` when the value is nil (stable shapes for consoles).
    public mutating func nullableMember(_ name: StaticString, _ value: String?) {
        key(name)
        if let value { string(value) } else { null() }
    }

    public mutating func nullableMember(_ name: StaticString, _ value: Double?) {
        key(name)
        if let value { double(value) } else { null() }
    }

    public mutating func nullableMember(_ name: StaticString, _ value: Int64?) {
        key(name)
        if let value { int(value) } else { null() }
    }
}
