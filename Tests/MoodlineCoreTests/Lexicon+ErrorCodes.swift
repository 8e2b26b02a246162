@testable import MoodlineCore

extension Lexicon {
    /// The codes of the errors `check` reports for `sources`, in order: what a test of a bad
    /// line compares.
    static func errorCodes(_ sources: [LexiconSource]) -> [LexiconIssue.Code] {
        check(sources).filter(\.isError).map(\.code)
    }
}
