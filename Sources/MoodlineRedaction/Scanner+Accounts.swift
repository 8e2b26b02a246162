extension Scanner {
    /// How far before an account number its cue word may end, in glyphs: room for
    /// " number is: " or "是：".
    static let accountCueBefore = 12

    /// 13–19 digits with an issuer prefix in use and a valid Luhn digit. The prefix keeps
    /// out order numbers that start with a year ("2024…") and phones typed with "86".
    func isCard(_ c: Candidate) -> Bool {
        let d = c.chars
        guard (13...19).contains(d.count), Self.isIssuerPrefix(d) else { return false }
        return Checksum.luhn(d)
    }

    /// Capitals only, two letters and two check digits, 15–34 characters, written in one
    /// token or in groups of four; the mod-97 check is what makes it an IBAN.
    func isIBAN(_ c: Candidate) -> Bool {
        let d = c.chars
        guard (15...34).contains(d.count), !c.hasLowercase,
              d[0] &- 0x41 < 26, d[1] &- 0x41 < 26, d[2] &- 0x30 < 10, d[3] &- 0x30 < 10,
              c.groups.count == 1 || c.groups.dropLast().allSatisfy({ $0.count == 4 }) && c.last.count <= 4
        else { return false }
        return Checksum.iban(d)
    }

    /// 9–20 digits that nothing else claimed, after an account cue word. Without the cue a
    /// bare account number is indistinguishable from an order or ticket number.
    func isBankAccount(_ c: Candidate, cue: inout Bool?) -> Bool {
        guard (9...20).contains(c.chars.count) else { return false }
        if cue == nil { cue = hasCue(CueWord.account, before: c.first.start, within: Self.accountCueBefore) }
        return cue == true
    }

    /// Visa 4; Mastercard 51–55 and 2221–2720; Maestro 50, 56–59; Amex 34, 37; Diners 30, 36,
    /// 38, 39; JCB 35; Discover and UnionPay 6.
    private static func isIssuerPrefix(_ d: ArraySlice<UInt8>) -> Bool {
        switch d[0] {
        case UInt8(ascii: "4"), UInt8(ascii: "5"), UInt8(ascii: "6"):
            return true
        case UInt8(ascii: "3"):
            return !(UInt8(ascii: "1")...UInt8(ascii: "3")).contains(d[1])
        case UInt8(ascii: "2"):
            return (2221...2720).contains(number(d[0..<4]))
        default:
            return false
        }
    }
}
