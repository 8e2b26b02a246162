/// A maximal stretch of ASCII letters and digits (after folding) that may be part of a
/// number, with the separators that come before it. Groups are never split: digits inside
/// "A55301920X" belong to that token and are never read as a number of their own.
struct NumberGroup: Sendable {
    /// The separators before the group begin here; for a run's first group, any '(' or '+'.
    var gapStart: Int
    var start: Int
    var end: Int
    var digits: Int
    var letters: Int
    /// Whether any letter is lower case; IBANs are written in capitals, words are not.
    var hasLowercase: Bool

    var count: Int { end - start }
    var gap: Range<Int> { gapStart..<start }
}
