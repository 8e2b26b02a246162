@testable import MoodlineCore

extension Lexicon {
    /// The codes of the errors `check` reports for `sources`, in order: what a test of a bad
    /// line compares.
    static func errorCodes(_ sources: [LexiconSource]) -> [LexiconIssue.Code] {
        check(sources).filter(\.isError).map(\.code)
    }

    /// The errors of one English pattern line over an English concepts file.
    static func errorCodes(concepts: String, patternLine: String) -> [LexiconIssue.Code] {
        errorCodes([LexiconSource(name: "en-concepts.tsv", text: concepts), LexiconSource(name: "en.patterns", text: patternLine + "\n")])
    }
}
