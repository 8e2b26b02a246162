import Foundation
import Testing
@testable import MoodlineCore

/// The embedded copy must be exactly the files in lexicons/, or edits would silently not ship.
@Test func embeddedLexiconsMatchTheFiles() throws {
    let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("lexicons")
    let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        .filter { $0.hasSuffix(".tsv") || $0.hasSuffix(".map") || $0.hasSuffix(".patterns") || $0.hasSuffix(".model") }.sorted()
    #expect(names == EmbeddedLexiconSources.all.map(\.name), "run scripts/embed-lexicons.py")
    for source in EmbeddedLexiconSources.all {
        let text = try String(contentsOf: directory.appendingPathComponent(source.name), encoding: .utf8)
        // A raw multi-line literal drops the final newline.
        #expect(text == source.text || text == source.text + "\n", "\(source.name) differs: run scripts/embed-lexicons.py")
    }
}

/// The traps every service-sentiment product gets wrong, on the shipped lexicons.
@Suite struct ShippedLexiconTrapTests {
    func score(_ text: String) -> Score {
        var scorer = Scorer(lexicon: .embedded)
        return scorer.score(text)
    }

    @Test(arguments: ["no problem", "no complaints", "not a problem at all", "没问题", "没什么问题", "完全没关系", "完全沒問題", "not bad"])
    func negatedNegativesAreNotNegative(_ text: String) {
        #expect(score(text).valence >= 0, "\(text)")
    }

    @Test(arguments: ["我不是要投诉", "I'm not going to cancel", "我也不是要骂你", "I'm not cancelling or switching"])
    func negatedStatementsRaiseNoCategory(_ text: String) {
        let categories = score(text).categories
        for c in [Category.escalation, .churn, .abuse, .selfHarm] {
            #expect(!categories.contains(c), "\(text) fired \(c)")
        }
    }

    @Test(arguments: ["累死了", "this is killing me", "worried sick", "气死我了", "killer service"])
    func hyperboleIsNotSelfHarm(_ text: String) {
        #expect(!score(text).categories.contains(.selfHarm), "\(text)")
    }

    @Test(arguments: ["I don't want to live anymore", "我不想活了", "我真的不想活了", "活著沒意思", "I want to kill myself"])
    func selfHarmStatementsFire(_ text: String) {
        #expect(score(text).categories.contains(.selfHarm), "\(text)")
    }

    @Test func threatToTheAgentIsAbuseNotSelfHarm() {
        let s = score("我弄死你")
        #expect(s.categories.contains(.abuse))
        #expect(!s.categories.contains(.selfHarm))
    }

    /// A case or order number is one code: "SB-448120" is not the slang "sb".
    @Test func codesWithHyphensAreNotWords() {
        #expect(score("please quote case SB-448120 next time").categories.isEmpty)
        #expect(score("order PX-90407 arrived").valence == 0)
        #expect(score("you sb").categories.contains(.abuse), "the slang alone still is")
    }

    @Test func traditionalAndSimplifiedScoreAlike() {
        #expect(score("我真的很生氣").valence == score("我真的很生气").valence)
        #expect(score("我真的很生气").valence < -0.5)
    }

    @Test(arguments: ["我要打12315投诉你们", "I'm reporting this to the FCC", "我要去工信部投诉", "我會找消保官"])
    func regulatorsAreEscalation(_ text: String) {
        #expect(score(text).categories.contains(.escalation), "\(text)")
    }
}
