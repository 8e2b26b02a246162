/// Finds the personal data in one text: e-mail addresses first, then numbers and IDs. Built
/// only for text the prefilter let through, so it may allocate.
struct Scanner {
    var glyphs: [Glyph]
    var found: [Redaction] = []

    /// `bytes` is valid UTF-8, as every Swift string's is.
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        var glyphs: [Glyph] = []
        glyphs.reserveCapacity(bytes.count)
        let n = bytes.count
        var i = 0
        while i < n {
            let lead = UInt32(bytes[i])
            var scalar = lead
            var length = 1
            if lead >= 0xF0 {
                length = 4
                scalar = lead & 0x07
            } else if lead >= 0xE0 {
                length = 3
                scalar = lead & 0x0F
            } else if lead >= 0xC0 {
                length = 2
                scalar = lead & 0x1F
            }
            length = min(length, n - i)
            for k in 1..<length { scalar = scalar << 6 | UInt32(bytes[i + k] & 0x3F) }
            glyphs.append(Glyph(scalar: scalar, start: i, end: i + length))
            i += length
        }
        self.glyphs = glyphs
    }

    /// Every match, in text order, none overlapping.
    mutating func scan() -> [Redaction] {
        scanEmails()
        scanNumbers()
        found.sort { $0.range.lowerBound < $1.range.lowerBound }
        return found
    }

    mutating func record(_ kind: RedactionKind, glyphs range: Range<Int>) {
        found.append(Redaction(kind: kind, range: glyphs[range.lowerBound].start..<glyphs[range.upperBound - 1].end))
    }

    func scalar(at i: Int) -> UInt32? {
        i >= 0 && i < glyphs.count ? glyphs[i].scalar : nil
    }
}
