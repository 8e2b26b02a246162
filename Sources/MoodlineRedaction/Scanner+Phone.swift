extension Scanner {
    /// How far before a bare Hong Kong number a cue word may end, and after it begin, in glyphs.
    static let phoneCueBefore = 16
    static let phoneCueAfter = 8

    func isPhone(_ c: Candidate) -> Bool {
        let d = c.chars[...]
        // E.164 allows at most 15 digits; fewer than 8 is a short code or an extension.
        if c.plus { return (8...15).contains(d.count) }
        if d.starts(with: "00".utf8) { return Self.isInternational(d.dropFirst(2), withLandlines: true) }
        if Self.isInternational(d, withLandlines: false) { return true }
        if d.first == UInt8(ascii: "0") {
            let national = d.dropFirst()
            return Self.isTaiwanNational(national) || Self.isMainlandLandline(national)
        }
        if Self.isMainlandMobile(d) { return true }
        return Self.isHongKong(d) && isHongKongLayout(c) && hasPhoneCue(near: c.span)
    }

    /// A '+' and an opening bracket that belong to the number are masked with it.
    func phoneSpan(_ c: Candidate) -> Range<Int> {
        var start = c.first.start
        if let plus = plusSign(before: c.first) { start = plus }
        let closes = c.groups.dropFirst().contains { group in glyphs[group.gap].contains { $0.scalar == 0x29 } }
        if closes, scalar(at: start - 1) == 0x28 { start -= 1 }
        return start..<c.last.end
    }

    /// A country code typed without its '+': after "00" landlines count too; bare, only
    /// mobiles and Hong Kong numbers, since "86…" alone starts many other numbers.
    private static func isInternational(_ d: ArraySlice<UInt8>, withLandlines: Bool) -> Bool {
        if d.starts(with: "852".utf8) { return isHongKong(d.dropFirst(3)) }
        if d.starts(with: "886".utf8) {
            let national = d.dropFirst(3)
            return withLandlines ? isTaiwanNational(national) : national.count == 9 && national.first == UInt8(ascii: "9")
        }
        if d.starts(with: "86".utf8) {
            let national = d.dropFirst(2)
            return isMainlandMobile(national) || withLandlines && isMainlandLandline(national)
        }
        return false
    }

    /// 1, then 3–9, then nine digits.
    private static func isMainlandMobile(_ d: ArraySlice<UInt8>) -> Bool {
        d.count == 11 && d.first == UInt8(ascii: "1") && (0x33...0x39).contains(d[d.startIndex + 1])
    }

    /// After the trunk 0: area code 10 or 2x and eight digits, or 3xx–9xx and seven or eight;
    /// local numbers start with 2–9. No mainland area code starts 11–19, which keeps out
    /// account numbers like "012-345-678901".
    private static func isMainlandLandline(_ d: ArraySlice<UInt8>) -> Bool {
        guard let first = d.first else { return false }
        let area: Int
        let local: ClosedRange<Int>
        switch first {
        case UInt8(ascii: "1"):
            guard d.count > 1, d[d.startIndex + 1] == UInt8(ascii: "0") else { return false }
            (area, local) = (2, 8...8)
        case UInt8(ascii: "2"):
            (area, local) = (2, 8...8)
        case UInt8(ascii: "3")...UInt8(ascii: "9"):
            (area, local) = (3, 7...8)
        default:
            return false
        }
        return local.contains(d.count - area) && d[d.startIndex + area] >= UInt8(ascii: "2")
    }

    /// After the trunk 0: a mobile (9 and eight digits) or a landline (2–8 and 7–8 digits).
    private static func isTaiwanNational(_ d: ArraySlice<UInt8>) -> Bool {
        guard let first = d.first else { return false }
        if first == UInt8(ascii: "9") { return d.count == 9 }
        return (0x32...0x38).contains(first) && (8...9).contains(d.count)
    }

    /// Eight digits starting 2, 3 or 5–9.
    private static func isHongKong(_ d: ArraySlice<UInt8>) -> Bool {
        guard d.count == 8, let first = d.first else { return false }
        return first >= UInt8(ascii: "2") && first != UInt8(ascii: "4")
    }

    /// "91234567" or "9123 4567": a date or a code split otherwise is not a phone number.
    private func isHongKongLayout(_ c: Candidate) -> Bool {
        c.groups.count == 1 || c.groups.count == 2 && c.first.count == 4
    }

    private func hasPhoneCue(near span: Range<Int>) -> Bool {
        hasCue(CueWord.phone, before: span.lowerBound, within: Self.phoneCueBefore)
            || hasCue(CueWord.phone, after: span.upperBound, within: Self.phoneCueAfter)
    }
}
