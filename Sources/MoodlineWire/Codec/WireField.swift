/// The top-level fields of schema v1, as indices into the decoder's field table.
///
/// Keys are matched as little-endian words (up to 8 bytes in one, longer keys as their
/// first and last 8 bytes), which is cheaper than comparing bytes. The constants are the
/// names' UTF-8 packed that way; `WireFieldTests` checks every one of them.
enum WireField {
    static let type = 0
    static let session = 1
    static let seq = 2
    static let ts = 3
    static let speaker = 4
    static let agent = 5
    static let team = 6
    static let channel = 7
    static let lang = 8
    static let text = 9
    static let final = 10
    static let prosody = 11
    static let customer = 12

    static let names = [
        "type", "session", "seq", "ts", "speaker", "agent", "team", "channel", "lang", "text", "final", "prosody",
        "customer",
    ]

    /// The index of the field named by `length` bytes at `key`, or -1; `readable` bytes
    /// from `key` may be read.
    @inline(__always)
    static func index(of key: UnsafePointer<UInt8>, length: Int, readable: Int) -> Int {
        guard length >= 2, length <= 8 else { return -1 }
        switch packWord(key, length: length, readable: readable) {
        case 0x7374: return ts
        case 0x71_6573: return seq
        case 0x7478_6574: return text
        case 0x6570_7974: return type
        case 0x6d61_6574: return team
        case 0x676e_616c: return lang
        case 0x74_6e65_6761: return agent
        case 0x6c_616e_6966: return final
        case 0x6e_6f69_7373_6573: return session
        case 0x72_656b_6165_7073: return speaker
        case 0x6c_656e_6e61_6863: return channel
        case 0x79_646f_736f_7270: return prosody
        case 0x7265_6d6f_7473_7563: return customer
        default: return -1
        }
    }
}

/// The fields of the `prosody` object.
enum ProsodyField {
    static let pitchHz = 0
    static let pitchSDHz = 1
    static let energyDB = 2
    static let rateSPS = 3
    static let overlapS = 4
    static let pauseBeforeS = 5

    static let names = ["pitch_hz", "pitch_sd_hz", "energy_db", "rate_sps", "overlap_s", "pause_before_s"]

    @inline(__always)
    static func index(of key: UnsafePointer<UInt8>, length: Int, readable: Int) -> Int {
        guard length >= 8, length <= 14 else { return -1 }
        let first = packWord(key, length: 8, readable: readable)
        if length == 8 {
            switch first {
            case 0x7a68_5f68_6374_6970: return pitchHz
            case 0x7370_735f_6574_6172: return rateSPS
            default: return -1
            }
        }
        let last = UnsafeRawPointer(key + (length - 8)).loadUnaligned(as: UInt64.self)
        switch (length, first, last) {
        case (9, 0x645f_7967_7265_6e65, 0x6264_5f79_6772_656e): return energyDB
        case (9, 0x5f70_616c_7265_766f, 0x735f_7061_6c72_6576): return overlapS
        case (11, 0x6473_5f68_6374_6970, 0x7a68_5f64_735f_6863): return pitchSDHz
        case (14, 0x6562_5f65_7375_6170, 0x735f_6572_6f66_6562): return pauseBeforeS
        default: return -1
        }
    }
}

/// The first `length` (≤ 8) bytes at `key` as a little-endian word, zero-padded.
@inline(__always)
func packWord(_ key: UnsafePointer<UInt8>, length: Int, readable: Int) -> UInt64 {
    if readable >= 8 {
        let word = UnsafeRawPointer(key).loadUnaligned(as: UInt64.self)
        return length >= 8 ? word : word & ((1 << (UInt64(truncatingIfNeeded: length) &* 8)) &- 1)
    }
    // Near the end of the message: never read past it.
    var word: UInt64 = 0
    for offset in 0..<min(length, readable) {
        word |= UInt64(key[offset]) << (UInt64(truncatingIfNeeded: offset) &* 8)
    }
    return word
}

/// True when the bytes at `key` are `name` (the caller has matched the length).
@inline(__always)
func keyEquals(_ key: UnsafePointer<UInt8>, _ name: StaticString) -> Bool {
    let expected = name.utf8Start
    for offset in 0..<name.utf8CodeUnitCount where key[offset] != expected[offset] {
        return false
    }
    return true
}
