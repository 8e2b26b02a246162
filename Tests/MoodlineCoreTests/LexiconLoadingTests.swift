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

    /// A file saved with Windows line ends reads as the same file with Unix ones: each line
    /// its own entry, its line number right, the tag field without a trailing return.
    @Test func windowsLineEndsReadLikeUnixOnes() throws {
        #expect(issues("# header\r\ngood\t1.9\tthanks\r\nfine\t1.2\t\r\n").isEmpty)
        let issue = try #require(issues("# header\r\ngood\t1.9\t\r\nbad\tminus\t\r\n").first)
        #expect(issue.code == .badWeight && issue.line == 3)
        let lexicon = try Lexicon(sources: [LexiconSource(name: "x.tsv", text: "great\t3\tthanks\r\nawful\t-3\t\r\n")])
        var scorer = Scorer(lexicon: lexicon)
        #expect(scorer.score("great", language: nil).categories.contains(.thanks))
        #expect(scorer.score("awful", language: nil).valence < 0)
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

    /// A map line of two words is a chat spelling: every entry with the word is found with the
    /// spelling too, unless a line defines the spelling itself, which then stands without a
    /// duplicate warning.
    @Test func chatSpellingsFindTheEntriesOfTheirWord() throws {
        let sources = [
            LexiconSource(name: "s.map", text: "u\tyou\nur\tyour\nur\tyou're\n"),
            LexiconSource(name: "a.tsv", text: "kill you\t-3\tabuse\nyour fault\t-1\t\nyou're useless\t-2\tabuse\n"),
            LexiconSource(name: "b.tsv", text: "ur fault\t1\t\n"),
        ]
        #expect(Lexicon.check(sources).isEmpty)
        var scorer = Scorer(lexicon: try Lexicon(sources: sources))
        #expect(scorer.score("kill u", language: nil).categories.contains(.abuse))
        #expect(scorer.score("ur useless", language: nil).categories.contains(.abuse))
        #expect(scorer.score("your fault", language: nil).valence < 0)
        #expect(scorer.score("ur fault", language: nil).valence > 0)
        #expect(Lexicon.check([LexiconSource(name: "s.map", text: "U\tyou\n")]).map(\.code) == [.badMapLine])
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

    /// A concept no pattern names is reported where it was first defined: it takes one of its
    /// script's concept numbers for nothing, and is often a misspelt name.
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

    /// A filler inside a phrase does not break it and still counts on its own; a phrase that
    /// begins with the filler, or none that goes on past it, leaves the words as they are.
    @Test func aFillerInsideAPhraseIsSteppedOver() throws {
        let lexicon = try Lexicon(sources: [
            LexiconSource(name: "en-test.tsv", text: """
                close my account\t-1\tchurn
                bloody\t-2\tfiller
                bloody router\t-1\t
                the router\t0\t
                """),
        ])
        var scorer = Scorer(lexicon: lexicon)
        let plain = scorer.score("close my account", language: nil)
        let cursing = scorer.score("close my bloody account", language: nil)
        #expect(plain.categories.contains(.churn))
        #expect(cursing.categories.contains(.churn))
        #expect(cursing.valence < plain.valence, "the filler's own weight still counts")
        #expect(!scorer.score("close my bloody bloody account", language: nil).categories.contains(.churn), "one filler at most")
        let router = scorer.score("the bloody router", language: nil)
        #expect(router.valence == scorer.score("bloody router", language: nil).valence, "the filler's own phrase wins")
    }

    /// A possessive the lexicon writes only inside a phrase ("my attorney's office") reads as
    /// its noun when it stands alone ("the attorney's got a copy"), as an unlisted one does;
    /// the phrase still matches whole, and a possessive with an entry of its own keeps it.
    @Test func aPossessiveListedOnlyInAPhraseReadsAsItsNoun() throws {
        let lexicon = try Lexicon(sources: [
            LexiconSource(name: "en-test.tsv", text: """
                attorney\t0\tescalation
                my attorney's office\t-1\t
                lawyer\t0\tescalation
                lawyer's\t0\t
                """),
        ])
        var scorer = Scorer(lexicon: lexicon)
        #expect(scorer.score("the attorney's got a copy", language: nil).categories.contains(.escalation))
        #expect(scorer.score("my attorney's office called", language: nil).valence < 0, "the phrase still matches whole")
        #expect(!scorer.score("the lawyer's got a copy", language: nil).categories.contains(.escalation), "its own entry stands")
    }

    /// A dropped g ("cancellin") reads as the -ing word; short words ("thin") are left alone.
    @Test func aDroppedGReadsAsIng() throws {
        let lexicon = try Lexicon(sources: [
            LexiconSource(name: "en-test.tsv", text: "cancelling\t-1\tchurn\nthing\t-2\t\n"),
        ])
        var scorer = Scorer(lexicon: lexicon)
        #expect(scorer.score("am cancellin it", language: nil).categories.contains(.churn))
        #expect(scorer.score("cancellin' it", language: nil).categories.contains(.churn))
        #expect(scorer.score("a thin line", language: nil).valence == 0)
    }

    /// An English and a Chinese concept may carry the same number; neither language's
    /// patterns see the other's concepts, even in a fragment that mixes the two.
    @Test func englishAndChineseConceptsShareNumbersWithoutMeeting() throws {
        let lexicon = try Lexicon(sources: [
            LexiconSource(name: "en-concepts.tsv", text: "rival\t0\t@en_rival\nleave\t0\t@en_leave\n"),
            LexiconSource(name: "zh-concepts.tsv", text: "你\t0\t@zh_you\n废物\t0\t@zh_insult\n"),
            LexiconSource(name: "en.patterns", text: "@en_leave ..2 @en_rival\tchurn\tleaving\n"),
            LexiconSource(name: "zh.patterns", text: "@zh_you & @zh_insult\tabuse\tan insult\n"),
        ])
        #expect(lexicon.conceptNumber(named: "en_rival") == lexicon.conceptNumber(named: "zh_you"))
        #expect(lexicon.conceptNumber(named: "en_leave") == lexicon.conceptNumber(named: "zh_insult"))
        #expect(lexicon.conceptsInUse == (english: 2, chinese: 2))
        var scorer = Scorer(lexicon: lexicon)
        #expect(scorer.score("你这个废物", language: nil).categories.contains(.abuse))
        #expect(scorer.score("leave for a rival", language: nil).categories.contains(.churn))
        // The English words carry the Chinese concepts' numbers, for English patterns only.
        #expect(!scorer.score("rival leave 了", language: nil).categories.contains(.abuse))
        #expect(!scorer.score("你 leave", language: nil).categories.contains(.abuse))
    }

    /// Each script numbers its own concepts up to the capacity; the concepts both scripts
    /// name take a number in each.
    @Test func eachScriptHasItsOwnConceptNumbers() throws {
        func sources(english: Int, chinese: Int) -> [LexiconSource] {
            let en = (0..<english).map { "term\(String(UnicodeScalar(UInt8(97 + $0 % 26))))\($0)\t0\t@en_c\($0)" }
            let zh = (0..<chinese).map { "\(Character(UnicodeScalar(0x4E00 + $0)!))\t0\t@zh_c\($0)" }
            return [
                LexiconSource(name: "en-concepts.tsv", text: (en + ["me\t0\t@self"]).joined(separator: "\n")),
                LexiconSource(name: "zh-concepts.tsv", text: (zh + ["我\t0\t@self"]).joined(separator: "\n")),
                LexiconSource(name: "en.patterns", text: (0..<english).map { "@self ..2 @en_c\($0)\tchurn" }.joined(separator: "\n")),
                LexiconSource(name: "zh.patterns", text: (0..<chinese).map { "@self ..2 @zh_c\($0)\tchurn" }.joined(separator: "\n")),
            ]
        }
        let full = try Lexicon(sources: sources(english: ConceptSet.capacity - 1, chinese: ConceptSet.capacity - 1))
        #expect(full.conceptsInUse == (english: ConceptSet.capacity, chinese: ConceptSet.capacity))
        let tooMany = Lexicon.check(sources(english: ConceptSet.capacity, chinese: 3)).filter(\.isError)
        #expect(tooMany.contains { $0.code == .unknownTag && $0.message.contains("@en_c\(ConceptSet.capacity - 1)") }, "\(tooMany)")
        #expect(!tooMany.contains { $0.message.contains("zh_c") }, "the Chinese numbers are not spent by the English")
    }
}
