/// The check-character algorithms, over upper-cased ASCII bytes. Each takes the whole
/// identifier, check character included, and says whether it is consistent.
enum Checksum {
    /// Luhn (ISO/IEC 7812-1): from the right, double every second digit, add the digits.
    static func luhn(_ digits: ArraySlice<UInt8>) -> Bool {
        var sum = 0
        for (i, byte) in digits.reversed().enumerated() {
            var d = Int(byte &- 0x30)
            if i & 1 == 1 {
                d *= 2
                if d > 9 { d -= 9 }
            }
            sum += d
        }
        return sum % 10 == 0
    }

    /// ISO 7064 MOD 11-2 as GB 11643 uses it: weights 2^(17-i) mod 11, check 10 written X.
    static func chineseResidentID(_ chars: ArraySlice<UInt8>) -> Bool {
        guard chars.count == 18, let last = chars.last else { return false }
        var sum = 0
        for (i, c) in chars.prefix(17).enumerated() { sum += Int(c &- 0x30) * residentIDWeights[i] }
        let check = (12 - sum % 11) % 11
        return last == (check == 10 ? UInt8(ascii: "X") : UInt8(0x30 + check))
    }

    private static let residentIDWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]

    /// Taiwan's national ID: the letter stands for a two-digit code, A=10 upwards but with W=32,
    /// Z=33, I=34 and O=35 out of alphabetical order; weights 1, 9, 8 … 2, 1, 1; the sum ends in 0.
    static func taiwanID(_ chars: ArraySlice<UInt8>) -> Bool {
        guard chars.count == 10, let letter = chars.first, let code = taiwanLetterCode(letter) else { return false }
        var sum = code / 10 + (code % 10) * 9
        for (i, c) in chars.dropFirst().enumerated() { sum += Int(c &- 0x30) * (i == 8 ? 1 : 8 - i) }
        return sum % 10 == 0
    }

    static func taiwanLetterCode(_ letter: UInt8) -> Int? {
        taiwanLetters.firstIndex(of: letter).map { $0 + 10 }
    }

    private static let taiwanLetters = Array("ABCDEFGHJKLMNPQRSTUVXYWZIO".utf8)

    /// Hong Kong ID: letters A=10 … Z=35, a one-letter ID led by a blank worth 36, weights 9
    /// down to 2, and the check (A for 10) brings the sum to a multiple of 11.
    static func hongKongID(_ chars: ArraySlice<UInt8>) -> Bool {
        guard chars.count == 8 || chars.count == 9 else { return false }
        let body = chars.count == 8 ? [UInt8(ascii: " ")] + chars : Array(chars)
        var sum = 0
        for i in 0..<8 {
            let c = body[i]
            let value = c == 0x20 ? 36 : c >= 0x41 ? Int(c) - 55 : Int(c &- 0x30)
            sum += value * (9 - i)
        }
        let check = body[8] == UInt8(ascii: "A") ? 10 : Int(body[8] &- 0x30)
        return (sum + check) % 11 == 0
    }

    /// IBAN (ISO 13616): move the first four characters to the end, read letters as 10 … 35,
    /// and the number modulo 97 must be 1. Done digit by digit so no big integer is needed.
    static func iban(_ chars: ArraySlice<UInt8>) -> Bool {
        guard chars.count >= 5 else { return false }
        var remainder = 0
        for c in chars.dropFirst(4) + chars.prefix(4) {
            if c >= 0x41 {
                remainder = (remainder * 100 + Int(c) - 55) % 97
            } else {
                remainder = (remainder * 10 + Int(c &- 0x30)) % 97
            }
        }
        return remainder == 1
    }
}
