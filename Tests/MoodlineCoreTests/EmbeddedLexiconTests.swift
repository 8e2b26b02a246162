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

    /// An agent asking whether the customer is safe is neither a death wish at them nor a
    /// disclosure; telling a death wish is still abuse, and saying one's own thoughts is self-harm.
    @Test func askingWhetherTheListenerIsSafeIsConcern() {
        for question in ["我想直接问一下：您是不是有伤害自己或者结束生命的想法？", "我好擔心你，想直接問你：你係咪諗緊結束自己嘅生命？"] {
            let s = score(question)
            #expect(!s.categories.contains(.abuse) && !s.categories.contains(.selfHarm), "\(question): \(s.categories)")
        }
        #expect(score("你怎么不去死").categories.contains(.abuse))
        #expect(score("我有结束生命的想法").categories.contains(.selfHarm))
    }

    /// A policy's wording about suicide is the contract's, not the caller's; the caller's own
    /// "if I kill myself" about the same policy is not.
    @Test func aPolicysWordingAboutSuicideIsReported() {
        #expect(!score("does my life policy pay out if the insured dies by suicide in the first two years?").categories.contains(.selfHarm))
        #expect(!score("条款写被保险人二年内自杀的，本公司不承担给付保险金的责任，这是啥意思").categories.contains(.selfHarm))
        #expect(score("if I kill myself will the policy pay my kids").categories.contains(.selfHarm))
        #expect(score("如果我自杀了，保险能赔给我老婆吗").categories.contains(.selfHarm))
    }

    /// The negator of an unresolved condition belongs to it, not to the threat that follows.
    @Test func anUnresolvedConditionDoesNotNegateTheThreat() {
        #expect(score("If this isn't fixed I'm going to the police").categories.contains(.escalation))
        #expect(!score("I'm not going to the police, I just want it fixed").categories.contains(.escalation))
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
