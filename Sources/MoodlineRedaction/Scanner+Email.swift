extension Scanner {
    /// Records every address and hides its glyphs from the number recognisers: "13812345678@qq.com"
    /// is one e-mail, not a phone followed by junk.
    mutating func scanEmails() {
        var at = 0
        while at < glyphs.count {
            guard glyphs[at].scalar == 0x40, let match = email(around: at) else {
                at += 1
                continue
            }
            record(.email, glyphs: match)
            for i in match { glyphs[i].scalar = Glyph.claimed }
            at = match.upperBound
        }
    }

    /// The glyphs of the address whose '@' is at `at`: a local part of letters, digits and
    /// `. _ % + -`, then at least two dot-separated domain labels, the last of them 2–24
    /// letters. A sentence's final full stop is left out. The local part is taken as typed,
    /// doubled dots and all: a mistyped address is still somebody's.
    func email(around at: Int) -> Range<Int>? {
        let dot: UInt32 = 0x2E
        var start = at
        while start > 0, Self.isLocalPart(glyphs[start - 1]) { start -= 1 }
        while start < at, glyphs[start].scalar == dot { start += 1 }
        guard start < at else { return nil }

        var labels = 0
        var end = at + 1
        var lastLabel = end..<end
        var i = at + 1
        while true {
            var j = i
            while j < glyphs.count, Self.isDomainPart(glyphs[j]) { j += 1 }
            guard j > i, j - i <= 63, glyphs[i].scalar != 0x2D, glyphs[j - 1].scalar != 0x2D else { break }
            labels += 1
            end = j
            lastLabel = i..<j
            guard j + 1 < glyphs.count, glyphs[j].scalar == dot, Self.isDomainPart(glyphs[j + 1]) else { break }
            i = j + 1
        }
        guard labels >= 2, (2...24).contains(lastLabel.count),
              lastLabel.allSatisfy({ glyphs[$0].isLetter })
        else { return nil }
        return start..<end
    }

    private static func isLocalPart(_ g: Glyph) -> Bool {
        switch g.scalar {
        case 0x2E, 0x5F, 0x25, 0x2B, 0x2D: true // . _ % + -
        default: g.isAlphanumeric
        }
    }

    private static func isDomainPart(_ g: Glyph) -> Bool {
        g.isAlphanumeric || g.scalar == 0x2D
    }
}
