/// Whole groups of one run, tried together against every pattern.
struct Candidate {
    var groups: ArraySlice<NumberGroup>
    /// The alphanumerics, letters upper-cased, separators left out; indexed from 0.
    var chars: ArraySlice<UInt8>
    /// A '+' right before the first group: only an international phone number can follow.
    var plus: Bool
    /// Part of the stretch reads as a date ("2024-03-15"), so it is no phone, card or account.
    var hasDate: Bool

    var isDigits: Bool { groups.allSatisfy { $0.letters == 0 } }
    var hasLowercase: Bool { groups.contains { $0.hasLowercase } }
    var first: NumberGroup { groups[groups.startIndex] }
    var last: NumberGroup { groups[groups.endIndex - 1] }
    /// The glyphs from the first group's first character to the last group's last.
    var span: Range<Int> { first.start..<last.end }
}
