import Testing
@testable import MoodlineCore

/// One rule at a time, on a small lexicon written here so each expectation is traceable.
@Suite struct ScorerRuleTests {
    static let lexicon: Lexicon = {
        let entries = """
        good\t1.9\t
        bad\t-2.5\t
        great\t3.1\t
        terrible\t-2.1\t
        not\t0\tnegator
        never\t0\tnegator
        don't\t0\tnegator
        very\t1.3\tintensifier
        slightly\t0.6\tintensifier
        but\t0\tcontrast
        no problem\t1.5\t
        furious\t-3.0\tanger
        cancel my subscription\t-1.0\tchurn
        don't want to live\t-3.5\tself_harm
        sue you\t-1.5\tescalation
        :)\t2.0\t
        😡\t-3.0\tanger
        好\t1.9\t
        生气\t-2.5\tanger
        很\t1.5\tintensifier
        不\t0\tnegator
        不是\t0\tnegator
        不太\t0.4\tnegator,intensifier
        但是\t0\tcontrast
        投诉\t-1.5\t
        工信部\t-1.5\tescalation
        不想活了\t-3.5\tself_harm
        累死了\t-1.2\thyperbole
        弄死你\t-3.0\tabuse
        好像\t0\t
        """
        return try! Lexicon(sources: [
            LexiconSource(name: "test.map", text: "氣\t气\n們\t们\n"),
            LexiconSource(name: "test.tsv", text: entries),
        ])
    }()

    func score(_ text: String, _ language: Language? = nil) -> Score {
        var scorer = Scorer(lexicon: Self.lexicon)
        return scorer.score(text, language: language)
    }

    @Test func lexiconWordsSetTheSign() {
        #expect(score("this is good").valence > 0.05)
        #expect(score("this is bad").valence < -0.05)
        #expect(score("the weather today").valence == 0)
    }

    @Test func valenceIsNormalisedLikeVADER() {
        // x / sqrt(x² + 15) for a single word of 1.9.
        let expected: Float = 1.9 / (1.9 * 1.9 + 15).squareRoot()
        #expect(abs(score("good").valence - expected) < 1e-5)
    }

    /// A risk statement whose words are only mildly negative ("cancel my subscription", -1.0) is
    /// as negative as one with no sentiment words at all: the statement sets the floor.
    @Test func aRiskStatementIsAtLeastAsNegativeAsTheStatementAlone() {
        let total: Float = -1.2 // the scorer's total for a risk statement alone
        let floor = total / (total * total + 15).squareRoot()
        #expect(abs(score("cancel my subscription").valence - floor) < 1e-5)
        #expect(score("cancel my subscription, terrible").valence < floor)
    }

    @Test(arguments: ["not good", "never good", "don't good"])
    func englishNegationFlips(_ text: String) {
        #expect(score(text).valence < 0)
    }

    @Test func negationReachesThreeWordsBack() {
        #expect(score("not all that good").valence < 0)
        #expect(score("not one two three four good").valence > 0)
    }

    /// A negated good word is a complaint complete in itself ("not good", 没看清楚), so the
    /// negator reaches no word after it; a negated bad word is part of what is denied
    /// (不是要去法院告你们), and the negator reaches on.
    @Test func negationEndsAtANegatedGoodWord() {
        #expect(score("not good sue you").categories.contains(.escalation))
        #expect(!score("not terrible sue you").categories.contains(.escalation))
        #expect(score("不好工信部").categories.contains(.escalation))
        #expect(!score("不投诉工信部").categories.contains(.escalation))
    }

    @Test func negationStopsAtTheClauseEnd() {
        #expect(score("not now, good").valence > 0)
    }

    @Test func intensifiersScale() {
        #expect(score("very good").valence > score("good").valence)
        #expect(score("slightly good").valence < score("good").valence)
        #expect(score("slightly good").valence > 0)
    }

    @Test func allCapsEmphasisesWhenOtherWordsAreNot() {
        #expect(score("this is GOOD").valence > score("this is good").valence)
        // All words in capitals: no emphasis, as in VADER.
        #expect(score("THIS IS GOOD").valence == score("this is good").valence)
    }

    @Test func exclamationsAndQuestionMarksAmplify() {
        #expect(score("bad!!!").valence < score("bad").valence)
        #expect(score("bad!!!").arousal > score("bad").arousal)
        #expect(score("bad???").valence < score("bad").valence)
    }

    @Test func elongatedWordsMatchAndEmphasise() {
        #expect(score("gooood").valence > score("good").valence)
        #expect(score("baaaad").valence < score("bad").valence)
    }

    @Test func butShiftsWeightToTheSecondClause() {
        #expect(score("good but terrible").valence < 0)
        #expect(score("terrible but great").valence > 0)
    }

    @Test func phrasesWinOverTheirWords() {
        #expect(score("no problem").valence > 0)
    }

    @Test func emojiAndEmoticonsScore() {
        #expect(score("thanks :)").valence > 0)
        #expect(score("😡").valence < 0)
        #expect(score("😡").arousal > 0.2)
    }

    @Test func angerRaisesArousal() {
        #expect(score("I am furious").arousal > score("this is bad").arousal)
    }

    @Test func chineseLongestMatchWithoutSpaces() {
        #expect(score("这个好").valence > 0)
        // 好像 is a blocker: 好 inside it must not score.
        #expect(score("好像是这样").valence == 0)
    }

    @Test func chineseDegreeAndNegationOrder() {
        let strongNegative = score("很不好").valence
        let weakNegative = score("不很好").valence
        #expect(strongNegative < weakNegative)
        #expect(weakNegative < 0)
        #expect(score("很好").valence > score("好").valence)
    }

    @Test func weakNegatorDampensAndFlips() {
        let v = score("不太好").valence
        #expect(v < 0)
        #expect(v > score("不好").valence)
    }

    @Test func chineseAdversativeWeighsTheSecondClause() {
        #expect(score("好但是生气").valence < 0)
    }

    @Test func traditionalScoresAsSimplified() {
        let traditional = score("我真的很生氣")
        let simplified = score("我真的很生气")
        #expect(traditional.valence == simplified.valence)
        #expect(traditional.isTraditional)
        #expect(!simplified.isTraditional)
    }

    @Test func fullWidthPunctuationCounts() {
        #expect(score("生气！！！").valence < score("生气").valence)
        #expect(score("生气？？？").arousal > score("生气").arousal)
    }

    @Test func languageIsDetected() {
        #expect(score("this is good").language == .english)
        #expect(score("这个很好").language == .chinese)
        #expect(score("我的 phone bill 又错了 again").language == .mixed)
        #expect(score("12345").language == .unknown)
        #expect(score("这个很好", .english).language == .english) // the caller's tag wins
    }

    @Test func negatedCategoriesDoNotFire() {
        #expect(!score("I'm not going to cancel my subscription").categories.contains(.churn))
        #expect(score("cancel my subscription").categories.contains(.churn))
        #expect(!score("我不是要投诉工信部").categories.contains(.escalation))
        #expect(score("我要去工信部").categories.contains(.escalation))
    }

    @Test func selfHarmIsNeverNegatedAway() {
        #expect(score("I don't want to live").categories.contains(.selfHarm))
        #expect(score("我不想活了").categories.contains(.selfHarm))
        #expect(score("I really don't want to live anymore").categories.contains(.selfHarm))
    }

    @Test func hyperboleAndAbuseAreNotSelfHarm() {
        #expect(score("累死了").categories.isEmpty)
        let threat = score("我弄死你")
        #expect(threat.categories.contains(.abuse))
        #expect(!threat.categories.contains(.selfHarm))
    }

    @Test func hitsPointAtTheOriginalText() throws {
        let text = "Well, I'll sue you!"
        let s = score(text)
        let hit = try #require(s.hits.first)
        #expect(hit.category == .escalation)
        let bytes = Array(text.utf8)[Int(hit.utf8Start)..<Int(hit.utf8End)]
        #expect(String(decoding: bytes, as: UTF8.self) == "sue you")
        #expect(Self.lexicon.term(hit.entry) == "sue you")
    }

    @Test func hitsInTraditionalTextPointAtTheTraditionalCharacters() throws {
        let text = "你們要我去工信部嗎"
        let hit = try #require(score(text).hits.first)
        let bytes = Array(text.utf8)[Int(hit.utf8Start)..<Int(hit.utf8End)]
        #expect(String(decoding: bytes, as: UTF8.self) == "工信部")
    }

    @Test func explanationRecordsTheRules() {
        var scorer = Scorer(lexicon: Self.lexicon)
        var recorder = StepRecorder()
        _ = scorer.score("not very good!", language: nil, tracer: &recorder)
        #expect(recorder.steps.contains { if case .adjusted(_, .weakNegation, _, _) = $0 { true } else { false } })
        #expect(recorder.steps.contains { if case .adjusted(_, .intensifier, _, _) = $0 { true } else { false } })
        #expect(recorder.steps.contains { if case .punctuation(.exclamation, _, _) = $0 { true } else { false } })
    }

    @Test func oddInputDoesNotCrash() {
        let inputs = ["", " ", "!!!???", String(repeating: "a", count: 500), String(repeating: "好", count: 2000),
                      "\u{FEFF}\u{200D}\u{FE0F}", "e\u{301}", "🏻🏻", ":", "<", "-", "'''", "a-", "x'"]
        for text in inputs {
            let s = score(text)
            #expect(s.valence >= -1 && s.valence <= 1)
            #expect(s.arousal >= 0 && s.arousal <= 1)
        }
    }

    @Test func malformedUTF8BytesAreTolerated() {
        var scorer = Scorer(lexicon: Self.lexicon)
        let bytes: [UInt8] = [0x67, 0x6F, 0x6F, 0x64, 0xFF, 0xC3, 0x28, 0xE2, 0x82]
        let s = bytes.withUnsafeBufferPointer { scorer.score(utf8: $0) }
        #expect(s.valence > 0) // "good" still scores
    }
}
