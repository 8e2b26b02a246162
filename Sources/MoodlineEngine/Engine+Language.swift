import MoodlineCore

// Resolving a fragment's or session_start's `lang` tag, once per message on the hot path.

extension Engine {
    /// The language of a `lang` tag, exactly as `Language(bcp47:)` reads it, but from the
    /// tag's bytes: the primary subtag of a plain ASCII tag is matched case-insensitively in
    /// place, without the `split` and `lowercased()` (two allocations) of the general parser,
    /// which still handles anything unusual (non-ASCII, a leading `-`). Nil for no tag or one
    /// Moodline does not score (the session's language applies then). Public for callers that
    /// score fragments before handing them over (``handle(_:score:into:)``).
    public static func language(ofTag tag: String?) -> Language? {
        guard let tag else { return nil }
        let fast: Language?? = tag.utf8.withContiguousStorageIfAvailable { bytes -> Language?? in
            Self.primaryLanguage(asciiTag: bytes)
        } ?? nil
        if let fast { return fast }
        return Language(bcp47: tag)
    }

    /// ``language(ofTag:)`` for a tag held as UTF-8 bytes: plain tags are read without a string.
    public static func language(ofUTF8Tag bytes: UnsafeBufferPointer<UInt8>) -> Language? {
        if let fast = primaryLanguage(asciiTag: bytes) { return fast }
        return Language(bcp47: String(decoding: bytes, as: UTF8.self))
    }

    /// The language of the tag's primary subtag; `.some(nil)` for a plain tag Moodline does not
    /// score, and nil when the tag needs the general parser.
    static func primaryLanguage(asciiTag bytes: UnsafeBufferPointer<UInt8>) -> Language?? {
        // Packs up to 5 lowercased letters of the primary subtag into an integer.
        var packed: UInt64 = 0
        var length = 0
        for byte in bytes {
            if byte == UInt8(ascii: "-") { break }
            guard byte < 0x80 else { return nil }
            length += 1
            if length > 5 { return .some(nil) }
            let lower = (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) ? byte | 0x20 : byte
            packed = packed << 8 | UInt64(lower)
        }
        // An empty primary subtag ("", "-en") is the general parser's case.
        guard length > 0 else { return nil }
        switch packed {
        case Self.pack("en"): return .some(.english)
        case Self.pack("zh"), Self.pack("cmn"), Self.pack("yue"): return .some(.chinese)
        case Self.pack("mul"), Self.pack("mixed"): return .some(.mixed)
        default: return .some(nil)
        }
    }

    private static func pack(_ text: StaticString) -> UInt64 {
        var packed: UInt64 = 0
        text.withUTF8Buffer { for byte in $0 { packed = packed << 8 | UInt64(byte) } }
        return packed
    }

    /// Whether a BCP 47 tag names traditional characters or a region that writes them.
    static func isTraditionalTag(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-").map { $0.lowercased() }
        guard let primary = parts.first, primary == "zh" || primary == "yue" else { return false }
        if primary == "yue" { return !parts.contains("hans") }
        return parts.contains("hant") || parts.contains("tw") || parts.contains("hk") || parts.contains("mo")
    }
}
