/// A strict UTF-8 check (no overlongs, no surrogates, nothing above U+10FFFF), fast on ASCII.
enum UTF8Validation {
    /// The offset of the first byte that starts an invalid sequence, or nil when all is valid.
    static func firstInvalidOffset(_ bytes: UnsafePointer<UInt8>, count: Int) -> Int? {
        var index = 0
        while index < count {
            // Eight ASCII bytes at a time: most of a JSON message is ASCII.
            while index &+ 8 <= count {
                let word = UnsafeRawPointer(bytes + index).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 != 0 { break }
                index &+= 8
            }
            guard index < count else { return nil }
            let lead = bytes[index]
            if lead < 0x80 {
                index &+= 1
                continue
            }
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xED: length = 3; high = 0x9F
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return index
            }
            guard index &+ length <= count else { return index }
            let second = bytes[index &+ 1]
            guard second >= low, second <= high else { return index }
            if length >= 3, bytes[index &+ 2] & 0xC0 != 0x80 { return index }
            if length == 4, bytes[index &+ 3] & 0xC0 != 0x80 { return index }
            index &+= length
        }
        return nil
    }
}
