/// Masks personal data in transcript text before it is stored, shown or exported.
///
/// Everything is recognised by hand over UTF-8 bytes. Full-width digits, letters and
/// punctuation count as their ASCII forms; numbers may be grouped with spaces, '-' or '.'
/// (phones also with brackets and a leading '+'). Each kind, what it accepts and the public
/// rule behind it:
///
/// - `phone`, after the national numbering plans and ITU-T E.164: mainland mobiles (1, 3–9,
///   nine digits, with or without +86, 0086 or 86); mainland landlines (0, then area code 10
///   or 2x and eight digits, or 3xx–9xx and seven or eight); Taiwan mobiles (09 and eight
///   digits) and landlines (0, 2–8, seven or eight digits); Hong Kong's eight digits starting
///   2, 3 or 5–9, after +852 or 00852, or bare when a phone word (電話, 打, call, whatsapp …)
///   is near; and any '+' followed by 8–15 digits, E.164's longest number.
/// - `email`: local@domain.tld, letters, digits and `. _ % + -` before the '@', at least two
///   domain labels after it, the last one 2–24 letters.
/// - `card`: 13–19 digits with a card network's prefix and a valid Luhn digit (ISO/IEC
///   7812-1): from the right, every second digit is doubled, and the digit sum ends in 0.
/// - `cnResidentID`: GB 11643's 18 characters: region code, birth date YYYYMMDD at positions
///   7–14 (a real calendar day, 1900–2099), sequence number, and an ISO 7064 MOD 11-2 check
///   character: the digits weighted 2^(17−i) mod 11, the check brings the sum to 1 mod 11,
///   and a check value of 10 is written X.
/// - `twID`: Taiwan's national ID (and resident certificate) of a letter, 1 or 2 (8 or 9 on
///   new resident certificates) and eight digits. The letter stands for a two-digit code,
///   A=10 … H=17, J=18 … V=29, X=30, Y=31, W=32, Z=33, I=34, O=35; that code's two digits and
///   the nine that follow, weighted 1, 9, 8, 7 … 2, 1, 1, sum to a multiple of 10.
/// - `hkID`: Hong Kong's one or two letters, six digits and a check character 0–9 or A,
///   bracketed or not. Letters count 10–35, and a one-letter ID is led by a blank worth 36;
///   weighted 9 down to 2 and with the check (A=10) added, the sum is a multiple of 11.
/// - `bankAccount`: 9–20 digits that are no card, phone or ID and come at most 12 characters
///   after an account word (账号, 帳戶, 戶口, account, a/c, IBAN …); and IBANs anywhere (ISO
///   13616: two capitals, two check digits and 11–30 more characters, written whole or in
///   fours; with its first four characters moved to the end and letters read as 10–35, the
///   number is 1 modulo 97).
///
/// Digits inside a longer token of letters and digits ("A55301920X", "SF1234567890123") are
/// never read as a number of their own, and dates ("2024-03-15") are never phones or accounts.
public struct Redactor: Sendable {
    /// The kinds that are masked; the others are still recognised, so that a card number is
    /// never masked as an account just because cards are switched off, but left as they are.
    public let kinds: Set<RedactionKind>
    private let wantsDigits: Bool
    private let wantsAt: Bool

    public init(kinds: Set<RedactionKind> = Set(RedactionKind.allCases)) {
        self.kinds = kinds
        wantsAt = kinds.contains(.email)
        wantsDigits = !kinds.subtracting([.email]).isEmpty
    }

    /// `text` with every match replaced by its kind's token; `text` itself when nothing matched.
    public func redact(_ text: String) -> String {
        let found = redactions(in: text)
        guard !found.isEmpty else { return text }
        var text = text
        return text.withUTF8 { bytes in
            let removed = found.reduce(0) { $0 + $1.range.count }
            let added = found.reduce(0) { $0 + $1.kind.token.utf8.count }
            return String(unsafeUninitializedCapacity: bytes.count - removed + added) { out in
                var written = 0
                func copy(_ source: UnsafeBufferPointer<UInt8>) {
                    guard let base = source.baseAddress, !source.isEmpty else { return }
                    (out.baseAddress! + written).initialize(from: base, count: source.count)
                    written += source.count
                }
                var next = 0
                for redaction in found {
                    copy(UnsafeBufferPointer(rebasing: bytes[next..<redaction.range.lowerBound]))
                    var token = redaction.kind.token
                    token.withUTF8 { copy($0) }
                    next = redaction.range.upperBound
                }
                copy(UnsafeBufferPointer(rebasing: bytes[next...]))
                return written
            }
        }
    }

    /// The matches in `text`, in order and not overlapping, with their UTF-8 byte ranges.
    public func redactions(in text: String) -> [Redaction] {
        var text = text
        return text.withUTF8 { bytes in
            guard mayContainPII(UnsafeRawBufferPointer(bytes)) else { return [] }
            var scanner = Scanner(bytes)
            return scanner.scan().filter { kinds.contains($0.kind) }
        }
    }

    /// False when the bytes hold nothing any enabled pattern needs: no ASCII or full-width
    /// digit, no '@' or full-width '＠'. One pass and no allocation, so the usual fragment of
    /// a conversation costs next to nothing.
    public func mayContainPII(_ utf8: UnsafeRawBufferPointer) -> Bool {
        let n = utf8.count
        var i = 0
        while i < n {
            let byte = utf8[i]
            if byte &- 0x30 < 10 {
                if wantsDigits { return true }
            } else if byte == 0x40 {
                if wantsAt { return true }
            } else if byte == 0xEF, i + 2 < n, utf8[i + 1] == 0xBC {
                // U+FF10–FF19 are EF BC 90–99; U+FF20 '＠' is EF BC A0.
                let last = utf8[i + 2]
                if last &- 0x90 < 10 ? wantsDigits : last == 0xA0 && wantsAt { return true }
            }
            i += 1
        }
        return false
    }
}
