extension Scanner {
    /// Whether a word of `cues` ends at most `gap` glyphs before glyph `start`.
    func hasCue(_ cues: CueList, before start: Int, within gap: Int) -> Bool {
        for end in max(0, start - gap)...start where cues.endsAt(end, in: glyphs) { return true }
        return false
    }

    /// Whether a word of `cues` begins at most `gap` glyphs after glyph `end`.
    func hasCue(_ cues: CueList, after end: Int, within gap: Int) -> Bool {
        for start in end...min(glyphs.count, end + gap) where cues.startsAt(start, in: glyphs) { return true }
        return false
    }
}
