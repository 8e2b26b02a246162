extension Scanner {
    /// Mainland resident ID (GB 11643): a region code starting 1–8, a birth date, a sequence
    /// number and a MOD 11-2 check character.
    func isChineseResidentID(_ c: Candidate) -> Bool {
        let d = c.chars
        guard d.count == 18, (0x31...0x38).contains(d[0]),
              d[..<17].allSatisfy({ $0 &- 0x30 < 10 }),
              d[17] &- 0x30 < 10 || d[17] == UInt8(ascii: "X"),
              Self.isBirthDate(year: Self.number(d[6..<10]), month: Self.number(d[10..<12]), day: Self.number(d[12..<14]))
        else { return false }
        return Checksum.chineseResidentID(d)
    }

    /// Taiwan ID or resident certificate: one token of a letter, 1 or 2 (8 or 9 on the new
    /// resident certificates), eight digits.
    func isTaiwanID(_ c: Candidate) -> Bool {
        let d = c.chars
        guard c.groups.count == 1, d.count == 10, d[0] &- 0x41 < 26, d[2...].allSatisfy({ $0 &- 0x30 < 10 })
        else { return false }
        switch d[1] {
        case UInt8(ascii: "1"), UInt8(ascii: "2"), UInt8(ascii: "8"), UInt8(ascii: "9"): break
        default: return false
        }
        return Checksum.taiwanID(d)
    }

    /// Hong Kong ID, "A123456(3)", "A123456 (3)" or "A1234563": the span takes in the closing
    /// bracket so that no stray ')' is left behind the token.
    func hongKongIDSpan(_ c: Candidate) -> Range<Int>? {
        let d = c.chars
        let letters = d.prefix { $0 &- 0x41 < 26 }.count
        guard (1...2).contains(letters), d.count == letters + 7,
              d[letters..<(letters + 6)].allSatisfy({ $0 &- 0x30 < 10 }),
              d[d.count - 1] &- 0x30 < 10 || d[d.count - 1] == UInt8(ascii: "A")
        else { return nil }
        var span = c.span
        switch c.groups.count {
        case 1:
            break
        case 2:
            // The check character stands alone only in brackets.
            let check = c.last
            guard check.count == 1, glyphs[check.gap].contains(where: { $0.scalar == 0x28 }),
                  glyphs[check.gap].allSatisfy({ $0.scalar == 0x28 || $0.scalar == 0x20 }),
                  scalar(at: check.end) == 0x29
            else { return nil }
            span = span.lowerBound..<(check.end + 1)
        default:
            return nil
        }
        return Checksum.hongKongID(d) ? span : nil
    }

    static func isBirthDate(year: Int, month: Int, day: Int) -> Bool {
        guard (1900...2099).contains(year), (1...12).contains(month), day >= 1 else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= days[month - 1]
    }

    static func number(_ digits: ArraySlice<UInt8>) -> Int {
        digits.reduce(0) { $0 * 10 + Int($1 &- 0x30) }
    }
}
