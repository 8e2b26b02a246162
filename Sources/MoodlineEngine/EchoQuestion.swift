/// Whether a customer's line opens by handing the agent's last words back as a question
/// ("Still in Chicago? How do you people…", 再提交？上兩次都係咁講, 四個鐘？): incredulity at
/// what was just offered or claimed, said without a feeling word. Only the first clause counts,
/// and only when it is short and ends in a question mark; a greeting or a plain "sorry?" is
/// no echo. A byte scan, no allocation.
enum EchoQuestion {
    static func isEcho(_ reply: String, of previous: String) -> Bool {
        guard !previous.isEmpty, !reply.isEmpty else { return false }
        var reply = reply, previous = previous
        return reply.withUTF8 { r in previous.withUTF8 { p in isEcho(r, of: p) } }
    }

    static func isEcho(_ r: UnsafeBufferPointer<UInt8>, of p: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = 0
        while start < r.count, r[start] == 0x20 { start += 1 }
        var end = start, han = 0, words = 0, letters = 0, inWord = false
        scan: while true {
            guard end < r.count else { return false } // no question mark: no echo question
            let b = r[end]
            if b < 0x80 {
                switch b {
                case 0x3F: break scan // ?
                case 0x2E, 0x2C, 0x21, 0x3B, 0x3A, 0x7E, 0x0A: return false // . , ! ; : ~ newline
                default: break
                }
                if isAlphanumeric(b) {
                    if !inWord { words += 1 }
                    inWord = true
                    if b >= 0x41 { letters += 1 }
                } else if b != 0x27 && b != 0x2D { // an apostrophe or a hyphen stays inside a word
                    inWord = false
                }
                end += 1
                continue
            }
            inWord = false
            let (scalar, length) = decode(r, at: end)
            if scalar == 0xFF1F { break scan } // ？
            if Self.clauseMarks.contains(scalar) { return false }
            if scalar >= 0x4E00 && scalar <= 0x9FFF { han += 1 }
            end += length
        }
        while end > start, r[end - 1] == 0x20 { end -= 1 }
        let clause = UnsafeBufferPointer(rebasing: r[start..<end])
        if han > 0 {
            guard han + words >= 2, han + words <= 8 else { return false }
        } else {
            guard words >= 1, words <= 4, letters >= 4 else { return false }
        }
        if Self.noEcho.contains(where: { equalsIgnoringCase(clause, $0) }) { return false }
        return contains(p, clause)
    }

    /// Clause marks after which a first clause is no question: ，。！；：…、～ and their kin.
    private static let clauseMarks: [UInt32] = [0xFF0C, 0x3002, 0xFF01, 0xFF1B, 0xFF1A, 0x2026, 0x3001, 0xFF5E]

    /// Short questions that echo anything without doubting it: a greeting, a "sorry?", a "really?".
    private static let noEcho: [[UInt8]] = [
        "hello", "sorry", "pardon", "really", "right", "okay", "yeah", "seriously", "thank you", "thanks",
        "你好", "您好", "是吗", "真的吗", "真的", "係咩", "系咩", "咩話", "咩话", "對嗎", "对吗",
        "是不是", "好嗎", "好吗", "可以嗎", "可以吗", "係咪", "系咪", "明白", "什麼", "什么", "乜嘢", "喂",
    ].map { Array($0.utf8) }

    private static func isAlphanumeric(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A)
    }

    private static func decode(_ r: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int) {
        let b = r[i]
        let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
        guard i + length <= r.count, length > 1 else { return (UInt32(b), 1) }
        var scalar = UInt32(b) & (0xFF >> (length + 1))
        for k in 1..<length { scalar = scalar << 6 | UInt32(r[i + k] & 0x3F) }
        return (scalar, length)
    }

    /// Whether `text` is `word` (lower case), ASCII letters in any case.
    private static func equalsIgnoringCase(_ text: UnsafeBufferPointer<UInt8>, _ word: [UInt8]) -> Bool {
        guard text.count == word.count else { return false }
        for k in 0..<word.count where lower(text[k]) != word[k] { return false }
        return true
    }

    private static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }

    /// Whether `needle` occurs in `haystack`, ASCII letters in any case.
    private static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = needle.count
        guard n > 0, haystack.count >= n else { return false }
        outer: for i in 0...(haystack.count - n) {
            for k in 0..<n where lower(haystack[i + k]) != lower(needle[k]) { continue outer }
            return true
        }
        return false
    }
}
