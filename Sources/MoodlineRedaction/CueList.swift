/// Cue words stored flat, so that looking for one costs no reference counting, with the last
/// scalar of every word at hand to rule out most positions with one comparison.
struct CueList: Sendable {
    /// Every word's scalars, lower-cased, one after another.
    private var scalars: [UInt32] = []
    private var words: [Range<Int>] = []
    private var lastScalars: [UInt32] = []

    init(_ words: [String]) {
        for word in words {
            let start = scalars.count
            scalars.append(contentsOf: word.lowercased().unicodeScalars.map(\.value))
            self.words.append(start..<scalars.count)
            if !lastScalars.contains(scalars[scalars.count - 1]) { lastScalars.append(scalars[scalars.count - 1]) }
        }
    }

    /// Whether a word of the list ends just before glyph `end`.
    func endsAt(_ end: Int, in glyphs: [Glyph]) -> Bool {
        guard end > 0, lastScalars.contains(glyphs[end - 1].lowered) else { return false }
        return words.contains { $0.count <= end && matches($0, at: end - $0.count, in: glyphs) }
    }

    /// Whether a word of the list starts at glyph `start`.
    func startsAt(_ start: Int, in glyphs: [Glyph]) -> Bool {
        words.contains { start + $0.count <= glyphs.count && matches($0, at: start, in: glyphs) }
    }

    private func matches(_ word: Range<Int>, at p: Int, in glyphs: [Glyph]) -> Bool {
        var k = p
        for i in word {
            if glyphs[k].lowered != scalars[i] { return false }
            k += 1
        }
        // English cues are whole words: "tel" is no cue inside "hotel".
        guard scalars[word.lowerBound] < 0x80 else { return true }
        return (p == 0 || !glyphs[p - 1].isLetter) && (k == glyphs.count || !glyphs[k].isLetter)
    }
}
