/// Whether a line stumbles: a word said again across a pause ("陳……陳玉蘭", "I... I can see
/// it") or a first short clause said twice ("Sorry, sorry", "Okay. Okay.", 我这边，我这边). In
/// an agent's line it is fluster, one of the signs of strain. A byte scan, no allocation.
enum Stammer {
    static func isHeard(in text: String) -> Bool {
        guard !text.isEmpty else { return false }
        var text = text
        return text.withUTF8 { isHeard(in: $0) }
    }

    static func isHeard(in t: UnsafeBufferPointer<UInt8>) -> Bool {
        repeatsAcrossPause(t) || repeatsFirstClause(t)
    }

    /// The longest clause counted as "short" for a repeat: "Sorry", 我这边, "hold on".
    static let shortClauseBytes = 12

    /// A unit just before an ellipsis (… or ...) that comes again just after it.
    private static func repeatsAcrossPause(_ t: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < t.count {
            guard let pauseEnd = pause(in: t, at: i) else { i += 1; continue }
            var after = pauseEnd
            while after < t.count, t[after] == 0x20 { after += 1 }
            var before = i
            while before > 0, t[before - 1] == 0x20 { before -= 1 }
            if let (start, end) = unit(endingAt: before, in: t), after + (end - start) <= t.count {
                var same = true
                for k in 0..<(end - start) where lower(t[start + k]) != lower(t[after + k]) { same = false; break }
                // A word must end where its repeat ends ("I... I can", not "I... It").
                if same, end - start > 0, !(isLetter(t[start]) && after + (end - start) < t.count && isLetter(t[after + end - start])) {
                    return true
                }
            }
            i = pauseEnd
        }
        return false
    }

    /// Where an ellipsis starting at `i` ends: one or more … (E2 80 A6) or three or more dots.
    private static func pause(in t: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        var j = i
        while j + 2 < t.count, t[j] == 0xE2, t[j + 1] == 0x80, t[j + 2] == 0xA6 { j += 3 }
        if j > i { return j }
        while j < t.count, t[j] == 0x2E { j += 1 }
        return j - i >= 3 ? j : nil
    }

    /// The unit ending at `end`: an ASCII word, or one character of another script.
    private static func unit(endingAt end: Int, in t: UnsafeBufferPointer<UInt8>) -> (Int, Int)? {
        guard end > 0 else { return nil }
        if isLetter(t[end - 1]) {
            var start = end - 1
            while start > 0, isLetter(t[start - 1]) || t[start - 1] == 0x27 { start -= 1 }
            return (start, end)
        }
        guard t[end - 1] >= 0x80 else { return nil }
        var start = end - 1
        while start > 0, t[start] & 0xC0 == 0x80 { start -= 1 }
        return (start, end)
    }

    /// The first clause said again as the second: "Sorry, sorry", "Okay. Okay.", 我这边，我这边.
    private static func repeatsFirstClause(_ t: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let (firstEnd, secondStart) = clauseMark(in: t, from: 0) else { return false }
        let length = firstEnd
        guard length > 0, length <= shortClauseBytes, secondStart + length <= t.count else { return false }
        for k in 0..<length where lower(t[k]) != lower(t[secondStart + k]) { return false }
        let next = secondStart + length
        // Chinese has no spaces: 我这边，我这边看一下 repeats the clause as the next one begins.
        guard next < t.count, t[length - 1] < 0x80 else { return true }
        // A word must end there too: "Okay. Okay." but not "Okay. Okayish".
        return clauseMark(in: t, from: next).map { $0.0 == next } ?? false
    }

    /// The first clause mark at or after `from` (, . ! ? and their full-width forms, …):
    /// where it starts and where the next clause's text starts.
    private static func clauseMark(in t: UnsafeBufferPointer<UInt8>, from: Int) -> (Int, Int)? {
        var i = from
        while i < t.count {
            let b = t[i]
            var markEnd: Int?
            switch b {
            case 0x2C, 0x2E, 0x21, 0x3F: markEnd = i + 1
            case 0xEF where i + 2 < t.count && t[i + 1] == 0xBC && (t[i + 2] == 0x8C || t[i + 2] == 0x81 || t[i + 2] == 0x9F):
                markEnd = i + 3 // ， ！ ？
            case 0xE3 where i + 2 < t.count && t[i + 1] == 0x80 && (t[i + 2] == 0x82 || t[i + 2] == 0x81):
                markEnd = i + 3 // 。 、
            case 0xE2 where i + 2 < t.count && t[i + 1] == 0x80 && t[i + 2] == 0xA6:
                markEnd = i + 3 // …
            default: break
            }
            if var end = markEnd {
                while end < t.count, t[end] == 0x20 || t[end] == 0x2E || t[end] == 0x2C { end += 1 }
                return (i, end)
            }
            i += 1
        }
        return nil
    }

    private static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    private static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }
}
