/// Whether a speaker talks about themself: "I", "I'm", "me", "my", "myself" (any case) or 我
/// (not 我们, 我們, 我哋: the company). A byte scan, no allocation; for an agent's mood only.
enum FirstPerson {
    static func isSpoken(in text: String) -> Bool {
        var text = text
        return text.withUTF8 { isSpoken(in: $0) }
    }

    static func isSpoken(in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = bytes.count
        var i = 0
        while i < n {
            let b = bytes[i]
            if b == 0xE6, i + 2 < n, bytes[i + 1] == 0x88, bytes[i + 2] == 0x91 { // 我
                if !isPlural(bytes, after: i + 3) { return true }
                i += 3
                continue
            }
            if isLetter(b), i == 0 || !isLetter(bytes[i - 1]) {
                var j = i
                while j < n, isLetter(bytes[j]) || bytes[j] == 0x27 { j += 1 } // letters and '
                if isFirstPersonWord(bytes, i, j) { return true }
                i = j
                continue
            }
            i += 1
        }
        return false
    }

    private static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }

    /// 们 E4 BB AC, 們 E5 80 91, 哋 E5 93 8B after 我.
    private static func isPlural(_ bytes: UnsafeBufferPointer<UInt8>, after i: Int) -> Bool {
        guard i + 2 < bytes.count else { return false }
        let (a, b, c) = (bytes[i], bytes[i + 1], bytes[i + 2])
        return (a == 0xE4 && b == 0xBB && c == 0xAC) || (a == 0xE5 && b == 0x80 && c == 0x91) || (a == 0xE5 && b == 0x93 && c == 0x8B)
    }

    private static let words: [[UInt8]] = ["i", "i'm", "im", "i've", "ive", "i'll", "i'd", "me", "my", "myself", "mine"].map { Array($0.utf8) }

    private static func isFirstPersonWord(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let length = end - start
        guard length <= 6 else { return false }
        for word in words where word.count == length {
            var same = true
            for k in 0..<length where bytes[start + k] | 0x20 != word[k] | 0x20 { same = false; break }
            if same { return true }
        }
        return false
    }
}
