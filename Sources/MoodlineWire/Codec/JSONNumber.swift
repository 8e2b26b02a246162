/// Number parsing for JSON number text that the scanner has already checked.
enum JSONNumber {
    /// Powers of ten a double holds exactly.
    private static let exactPowersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// The double nearest to the number, correctly rounded (±infinity when out of range).
    static func parseDouble(_ bytes: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Double {
        // Clinger's fast path: a mantissa below 2^53 and a power of ten up to 10^22 are
        // both exact, so one multiplication or division rounds correctly. Timestamps and
        // prosody readings all take it.
        var index = start
        let negative = bytes[index] == UInt8(ascii: "-")
        if negative { index &+= 1 }
        var mantissa: UInt64 = 0
        var digits = 0
        var exponent = 0
        while index < end, bytes[index] &- UInt8(ascii: "0") < 10 {
            mantissa = mantissa &* 10 &+ UInt64(bytes[index] &- UInt8(ascii: "0"))
            if mantissa != 0 { digits &+= 1 }
            index &+= 1
        }
        if index < end, bytes[index] == UInt8(ascii: ".") {
            index &+= 1
            while index < end, bytes[index] &- UInt8(ascii: "0") < 10 {
                mantissa = mantissa &* 10 &+ UInt64(bytes[index] &- UInt8(ascii: "0"))
                if mantissa != 0 { digits &+= 1 }
                exponent &-= 1
                index &+= 1
            }
        }
        if index < end {  // 'e' or 'E'
            index &+= 1
            var exponentNegative = false
            if bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                exponentNegative = bytes[index] == UInt8(ascii: "-")
                index &+= 1
            }
            var written = 0
            while index < end {
                written = written &* 10 &+ Int(bytes[index] &- UInt8(ascii: "0"))
                if written > 100_000 { return slowParse(bytes, from: start, to: end) }
                index &+= 1
            }
            exponent &+= exponentNegative ? -written : written
        }
        guard digits <= 19, mantissa <= 1 << 53, exponent >= -22, exponent <= 22 else {
            return slowParse(bytes, from: start, to: end)
        }
        var value = Double(mantissa)
        if exponent < 0 {
            value /= exactPowersOfTen[-exponent]
        } else {
            value *= exactPowersOfTen[exponent]
        }
        return negative ? -value : value
    }

    /// The standard library's correctly rounded parser, for the rare long or extreme number.
    private static func slowParse(_ bytes: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Double {
        let text = String(decoding: UnsafeBufferPointer(start: bytes + start, count: end - start), as: UTF8.self)
        return Double(text) ?? .nan
    }
}
