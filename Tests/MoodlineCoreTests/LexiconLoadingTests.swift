import Testing
@testable import MoodlineCore

@Suite struct LexiconLoadingTests {
    func issues(_ text: String, file: String = "x.tsv") -> [LexiconIssue] {
        // A file with no valid line also earns a `noEntries` warning; these tests look at the line's own issue.
        Lexicon.check([LexiconSource(name: file, text: text)]).filter { $0.code != .noEntries }
    }

    @Test func reportsBadWeightsWithTheirLine() throws {
        let found = issues("# header\ngood\t1.9\t\nbad\tminus\t\n")
        let issue = try #require(found.first)
        #expect(issue.code == .badWeight)
        #expect(issue.line == 3)
        #expect(issue.file == "x.tsv")
        #expect(issue.isError)
    }

    @Test func reportsWeightsOutOfRange() {
        #expect(issues("awful\t-9\t\n").map(\.code) == [.weightOutOfRange])
        #expect(issues("very\t5\tintensifier\n").map(\.code) == [.weightOutOfRange])
        #expect(issues("very\t1.3\tintensifier\n").isEmpty)
    }

    @Test func reportsUnknownTags() throws {
        let issue = try #require(issues("hi\t1\tfriendly\n").first)
        #expect(issue.code == .unknownTag)
        #expect(issue.message.contains("friendly"))
    }

    @Test func reportsFieldCount() {
        #expect(issues("one\n").map(\.code) == [.fieldCount])
        #expect(issues("a\t1\tthanks\textra\n").map(\.code) == [.fieldCount])
    }

    @Test func reportsDuplicatesAcrossFilesAsWarnings() throws {
        let found = Lexicon.check([
            LexiconSource(name: "a.tsv", text: "good\t1.9\t\n"),
            LexiconSource(name: "b.tsv", text: "\n\ngood\t2.0\t\n"),
        ])
        let issue = try #require(found.first)
        #expect(issue.code == .duplicate)
        #expect(issue.file == "b.tsv" && issue.line == 3)
        #expect(issue.message.contains("a.tsv:1"))
        #expect(!issue.isError)
    }

    @Test func traditionalTermsAreNormalisedAndFlagged() throws {
        let sources = [
            LexiconSource(name: "m.map", text: "氣\t气\n"),
            LexiconSource(name: "z.tsv", text: "生氣\t-2\t\n"),
        ]
        #expect(Lexicon.check(sources).map(\.code) == [.traditionalScript])
        var scorer = Scorer(lexicon: try Lexicon(sources: sources))
        #expect(scorer.score("很生气").valence < 0)
    }

    @Test func badMapLinesAreErrors() {
        #expect(Lexicon.check([LexiconSource(name: "m.map", text: "氣气\n")]).map(\.code) == [.badMapLine])
    }

    @Test func unmatchableTermsAreErrors() {
        #expect(issues("what!\t-1\t\n").map(\.code) == [.unmatchableTerm])
    }

    @Test func loadingThrowsOnlyForErrors() {
        #expect(throws: LexiconError.self) { try Lexicon(sources: [LexiconSource(name: "x.tsv", text: "a\tb\t\n")]) }
        #expect(throws: Never.self) {
            try Lexicon(sources: [LexiconSource(name: "x.tsv", text: "good\t1\t\ngood\t2\t\n")])
        }
    }

    @Test func embeddedLexiconsLoadWithoutErrors() {
        let issues = Lexicon.check(EmbeddedLexiconSources.all)
        #expect(issues.filter(\.isError).isEmpty, "\(issues.filter(\.isError).prefix(5))")
        #expect(Lexicon.embedded.count > 10_000)
    }

    /// A concept phrase is matched whole; it keeps the valence of the words it hides when that
    /// is negative and no negator stands among them.
    @Test func conceptPhrasesKeepTheirWordsNegativeValence() throws {
        let lexicon = try Lexicon(sources: [
            LexiconSource(name: "x.tsv", text: "tired\t-1.5\t\nnot\t0\tnegator\nhappy\t2.5\t\nso\t1.3\tintensifier\n"),
            LexiconSource(name: "x-concepts.tsv", text: "so tired of\t0\t@weary\nnot tired\t0\t@fine\nso happy with\t0\t@glad\n"),
            LexiconSource(name: "x.patterns", text: "@weary|@fine|@glad\tscope:jest\tany\n"),
        ])
        func weight(_ text: String) -> Float? {
            (0..<lexicon.count).map { lexicon.entry(Lexicon.EntryID(rawValue: UInt32($0))) }.first { $0.term == text }?.weight
        }
        #expect(weight("so tired of") == -1.5)
        #expect(weight("not tired") == 0, "a negator inside keeps it neutral")
        #expect(weight("so happy with") == 0, "only what the phrase would lose on the negative side")
        var scorer = Scorer(lexicon: lexicon)
        #expect(scorer.score("so tired of it", language: nil).valence < 0)
    }

    /// A concept no pattern names is reported where it was first defined: it takes one of the
    /// shared concept numbers for nothing, and is often a misspelt name.
    @Test func conceptsNoPatternNamesAreWarnedOf() throws {
        let found = Lexicon.check([
            LexiconSource(name: "x-concepts.tsv", text: "rival\t0\t@competitor\nother firm\t0\t@competitr\n"),
            LexiconSource(name: "x.patterns", text: "@competitor\tchurn\tleaving\n"),
        ])
        let unused = found.filter { $0.code == .unusedConcept }
        #expect(unused.count == 1)
        let issue = try #require(unused.first)
        #expect(issue.message.contains("@competitr"))
        #expect(issue.line == 2)
        #expect(!issue.isError)
    }
}
