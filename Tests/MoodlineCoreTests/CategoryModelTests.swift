import Testing
@testable import MoodlineCore

/// The learned layer on a small model written here: which features a text holds, how they
/// add up, where it fires, and that the clause scope and negation reach it.
@Suite struct CategoryModelTests {
    static let sources: [LexiconSource] = [
        LexiconSource(name: "test.tsv", text: "not\t0\tnegator\nbad\t-2\t\n不想\t-0.5\t\n"),
        LexiconSource(name: "en-concepts.tsv", text: "cancel+\t0\t@cancel\nplan\t0\t@service\nfriend\t0\t@third\nsaid\t0\t@say\n"),
        LexiconSource(name: "en.patterns", text: "@cancel ..2 @service\tchurn\n@third ..3 @say\tscope:reported\n"),
        // Columns: self_harm abuse escalation churn repeat.
        LexiconSource(name: "test.model", text: """
        bias\t-4\t-4\t-4\t-4\t-4
        threshold\t0.5\t0.5\t0.5\t0.5\t0.5
        1:cancelling\t0\t0\t0\t2.5\t0
        2:cancelling|everything\t0\t0\t0\t2\t0
        1:不\t0.5\t0\t0\t0\t0
        3:不|想|活\t4\t0\t0\t0\t0
        1:hello\t0\t0\t0\t9\t0
        """),
    ]
    static let lexicon = try! Lexicon(sources: sources)

    /// A lexicon of a few words, English concepts and patterns, and a model of `features` with
    /// bias -4 and threshold 0.5 for every category.
    static func lexicon(words: String, concepts: String, patterns: String, features: String) throws -> Lexicon {
        try Lexicon(sources: [
            LexiconSource(name: "test.tsv", text: words),
            LexiconSource(name: "en-concepts.tsv", text: concepts),
            LexiconSource(name: "en.patterns", text: patterns),
            LexiconSource(name: "test.model", text: "bias\t-4\t-4\t-4\t-4\t-4\nthreshold\t0.5\t0.5\t0.5\t0.5\t0.5\n" + features),
        ])
    }

    func score(_ text: String) -> Score {
        var scorer = Scorer(lexicon: Self.lexicon)
        return scorer.score(text, language: nil)
    }

    @Test func featuresAddUpToTheDecision() {
        // -4 + 2.5 alone stays under the threshold (log-odds 0); with the pair it is over.
        #expect(!score("cancelling").categories.contains(.churn))
        let both = score("I am cancelling everything")
        #expect(both.categories.contains(.churn))
        let hit = both.hits.first { $0.category == .churn }
        #expect(hit?.isLearned == true)
        #expect(Self.lexicon.label(hit!) == "learned model")
        #expect(!both.ruleCategories.contains(.churn))
        // A character triple: -4 + 0.5 + 4 > 0.
        #expect(score("我真的不想活").categories.contains(.selfHarm))
        #expect(!score("我真的不想").categories.contains(.selfHarm))
    }

    /// Calm talk skips the layer: it reads a fragment only once something in it looks like
    /// trouble (a negative word, a category, a concept of one category's patterns).
    @Test func onlyTroubledFragmentsAreRead() {
        #expect(!score("hello there").categories.contains(.churn))
        #expect(score("hello, this is bad").categories.contains(.churn))
    }

    /// Under its `veto`, the model overrules a rule's category: a trigger word in routine use.
    /// The words still count as spoken of; a category with a veto of 0 (self-harm) is never
    /// overruled; a model with no veto line overrules nothing; a veto must be a probability.
    @Test func aVetoOverrulesARuleTheModelFindsAllButImpossible() throws {
        func lexicon(veto: String?) throws -> Lexicon {
            // Columns: self_harm abuse escalation churn repeat.
            try Self.lexicon(
                words: "bad\t-2\t\nsuicide\t-3\tself_harm\n", concepts: "cancel+\t0\t@cancel\nplan\t0\t@service\n",
                patterns: "@cancel ..2 @service\tchurn\n",
                features: (veto.map { "veto\t" + $0 + "\n" } ?? "") + "1:tariff\t-9\t0\t0\t-9\t0\n")
        }
        var vetoing = Scorer(lexicon: try lexicon(veto: "0\t0.01\t0.01\t0.01\t0.01"))
        // log-odds -4 (p 0.018): over the veto, the rule stands.
        #expect(vetoing.score("cancel the plan, this is bad", language: nil).categories.contains(.churn))
        // -13 with "tariff" (p 0.000002): overruled, and still spoken of.
        let routine = vetoing.score("cancel the plan and move me to the new tariff, not bad", language: nil)
        #expect(!routine.categories.contains(.churn))
        #expect(routine.spokenOf.contains(.churn))
        var steps = StepRecorder()
        _ = vetoing.score("cancel the plan and move me to the new tariff, not bad", language: nil, tracer: &steps)
        #expect(steps.steps.contains { if case .learnedVeto(.churn, _) = $0 { true } else { false } })
        // Self-harm has no veto, however unlikely the model finds it.
        #expect(vetoing.score("suicide tariff, bad", language: nil).categories.contains(.selfHarm))
        // No veto line: nothing overruled.
        var plain = Scorer(lexicon: try lexicon(veto: nil))
        #expect(plain.score("cancel the plan and move me to the new tariff, not bad", language: nil).categories.contains(.churn))
    }

    /// The `positive` column gives its sign to a Chinese line no word of which has sentiment,
    /// past its threshold; never to an English one, to a line with a sentiment word, or to a
    /// reply that the rules read as no mood.
    @Test func theLeanColumnSignsAChineseLineWithNoSentimentWord() throws {
        let lexicon = try Lexicon(sources: [
            LexiconSource(name: "test.tsv", text: "好\t1.9\tacknowledgement\n慢\t-1.5\t\n"),
            // Columns: self_harm abuse escalation churn repeat positive.
            LexiconSource(name: "test.model", text: """
            bias\t-4\t-4\t-4\t-4\t-4\t0
            threshold\t0.5\t0.5\t0.5\t0.5\t0.5\t0.8
            alert\t0.5\t0.5\t0.5\t0.5\t0.5\t0.8
            1:卖\t0\t0\t0\t0\t0\t-1
            2:卖|完\t0\t0\t0\t0\t0\t-2
            1:年\t0\t0\t0\t0\t0\t1
            2:年|味\t0\t0\t0\t0\t0\t2
            1:soldout\t0\t0\t0\t0\t0\t-9
            """),
        ])
        var scorer = Scorer(lexicon: lexicon)
        #expect(scorer.score("轮到我就卖完", language: .chinese).valence < 0)
        #expect(scorer.score("满满都是年味", language: .chinese).valence > 0)
        #expect(scorer.score("卖光", language: .chinese).valence == 0) // log-odds -1: under the threshold
        #expect(scorer.score("soldout again", language: .english).valence == 0)
        #expect(scorer.score("好，卖完", language: .chinese).valence == 0) // the reply is no mood
        #expect(scorer.score("卖完了，太慢", language: .chinese).valence < -0.2) // the word decides, not the lean
        #expect(scorer.score("轮到我就卖完", language: .chinese).isLean && !scorer.score("卖完了，太慢", language: .chinese).isLean)
        var steps = StepRecorder()
        _ = scorer.score("轮到我就卖完", language: .chinese, tracer: &steps)
        #expect(steps.steps.contains { if case .learnedLean(let total, _) = $0 { total < 0 } else { false } })
    }

    @Test func aRuleCategoryIsNotRepeated() {
        let s = score("cancelling my plan, cancelling everything")
        #expect(s.categories.contains(.churn))
        #expect(s.hits.filter { $0.category == .churn }.count == 1)
        #expect(s.ruleCategories.contains(.churn))
    }

    @Test func scopeAndNegationReachTheLearnedLayer() {
        #expect(!score("my friend said he is cancelling everything").categories.contains(.churn))
        #expect(!score("I am not cancelling everything").categories.contains(.churn))
    }

    /// A cue cancels the layer's guess only when it speaks for every clause with a word that can
    /// carry the category: a report in one clause leaves the speaker's own next clause standing.
    @Test func aCueCancelsTheGuessOnlyInItsOwnClauses() throws {
        let lexicon = try Self.lexicon(
            words: "bad\t-2\t\n", concepts: "cancel+\t0\t@cancel\nfriend\t0\t@third\nsaid\t0\t@say\n",
            patterns: "@third ..3 @say\tscope:reported\n@cancel\tsupport:churn\twords that carry churn\n",
            features: "1:everything\t0\t0\t0\t5\t0\n")
        var scorer = Scorer(lexicon: lexicon)
        // The only clause with a leaving word is the friend's.
        #expect(!scorer.score("my friend said he will cancel everything, bad", language: nil).categories.contains(.churn))
        // The friend's clause has none; the speaker's own has one and no cue.
        #expect(scorer.score("my friend said so, bad, I cancel everything", language: nil).categories.contains(.churn))
        // Nor does a clause without a leaving word hold the guess up.
        #expect(!scorer.score("my friend said everything, bad", language: nil).categories.contains(.churn))
    }

    @Test func explanationsNameTheStrongestFeatures() {
        var scorer = Scorer(lexicon: Self.lexicon)
        let features = scorer.learnedFeatures("I am cancelling everything", category: .churn)
        #expect(features.map(\.feature) == ["1:cancelling", "2:cancelling|everything"])
        #expect(abs(features[0].weight - 2.5) < 0.05)
    }

    @Test func badModelLinesAreErrors() {
        func codes(_ text: String) -> [LexiconIssue.Code] {
            Lexicon.errorCodes([LexiconSource(name: "m.model", text: text)])
        }
        #expect(codes("1:ok\t0\t0\t0\t0\t0\n").isEmpty)
        #expect(codes("1:ok\t0\t0\t0\n") == [.badModel])
        #expect(codes("4:a|b|c|d\t0\t0\t0\t0\t0\n") == [.badModel])
        #expect(codes("2:a\t0\t0\t0\t0\t0\n") == [.badModel])
        #expect(codes("1:two words\t0\t0\t0\t0\t0\n") == [.badModel])
        #expect(codes("threshold\t2\t0.5\t0.5\t0.5\t0.5\n") == [.badModel])
        #expect(codes("veto\t0\t0.01\t0.01\t0\t0.01\n").isEmpty)
        #expect(codes("veto\t0\t1.5\t0\t0\t0\n") == [.badModel])
        #expect(codes("veto\t-0.1\t0\t0\t0\t0\n") == [.badModel])
    }

    /// `support:` lines: with them, a category the model states in a fragment with none of the
    /// words that can carry it is still stated, but weak; a fragment with one is not weak. A churn
    /// word beside the model's weak self-harm ("so tired, cancel the plan") is affairs put in
    /// order, as beside a rule's self-harm: churn goes; beside a rival named, the guess goes.
    @Test func supportLinesMarkUnsupportedModelCategoriesWeak() throws {
        let lexicon = try Self.lexicon(
            words: "bad\t-2\t\ncancel the plan\t-1\tchurn\n",
            concepts: "pills\t0\t@method\ngoodbye\t0\t@farewell\nanother bank\t0\t@competitor\n",
            patterns: "@method|@farewell\tsupport:self_harm\twords that carry self-harm\n@competitor\tsupport:churn\twords that carry churn\n",
            features: "1:tired\t5\t0\t0\t0\t0\n1:bad\t0\t0\t0\t0\t5\n")
        var scorer = Scorer(lexicon: lexicon)
        let distress = scorer.score("so tired, this is bad", language: nil)
        #expect(distress.categories.contains(.selfHarm))
        #expect(distress.weakCategories.contains(.selfHarm))
        // Only self_harm has a support line: repeat from the model is not weak.
        #expect(distress.categories.contains(.repeatContact) && !distress.weakCategories.contains(.repeatContact))
        let disclosure = scorer.score("so tired, this is bad, I have the pills", language: nil)
        #expect(disclosure.categories.contains(.selfHarm))
        #expect(!disclosure.weakCategories.contains(.selfHarm))
        var trace = StepRecorder()
        _ = scorer.score("so tired, this is bad", language: nil, tracer: &trace)
        #expect(trace.steps.contains(.learnedUnsupported(.selfHarm)))
        #expect(scorer.score("cancel the plan", language: nil).categories.contains(.churn))
        let affairs = scorer.score("so tired, cancel the plan", language: nil)
        #expect(affairs.weakCategories.contains(.selfHarm) && !affairs.categories.contains(.churn))
        // Unless a rival is named: that is where the customer goes, and the guess goes instead.
        let leaving = scorer.score("so tired, cancel the plan, off to another bank", language: nil)
        #expect(leaving.categories.contains(.churn) && !leaving.categories.contains(.selfHarm))
    }

    /// An abuse guess under the alert line, with no word that can carry it and no word for the
    /// listener, is left out; with such a word, with "you", or over the alert line, it stands. A
    /// faint self-harm guess stays, weak. (The layer reads only fragments with some trouble.)
    @Test func faintAbuseGuessesWithoutSupportAreLeftOut() throws {
        let lexicon = try Lexicon(sources: [
            LexiconSource(name: "test.tsv", text: "bad\t-2\t\n"),
            LexiconSource(name: "en-concepts.tsv", text: "idiot\t0\t@insult\npills\t0\t@method\nyou\t0\t@you\n"),
            LexiconSource(name: "en.patterns", text: "@insult\tsupport:abuse\twords that carry abuse\n@method\tsupport:self_harm\twords that carry self-harm\n@you ..3 @insult\tabuse\tinsulting the listener\n"),
            // Log-odds -2 + 3 (p 0.73) is over the threshold and under the alert line; -2 + 5 (p 0.95) is over both.
            LexiconSource(name: "test.model", text: "bias\t-2\t-2\t-2\t-2\t-2\nthreshold\t0.5\t0.5\t0.5\t0.5\t0.5\nalert\t0.9\t0.9\t0.9\t0.9\t0.9\n"
                + "1:fool\t0\t3\t0\t0\t0\n1:idiot\t0\t3\t0\t0\t0\n1:dolt\t0\t5\t0\t0\t0\n1:tired\t3\t0\t0\t0\t0\n"),
        ])
        var scorer = Scorer(lexicon: lexicon)
        var trace = StepRecorder()
        #expect(!scorer.score("like a fool, so bad", language: nil, tracer: &trace).categories.contains(.abuse))
        #expect(trace.steps.contains(.learnedFaint(.abuse)))
        #expect(scorer.score("like an idiot, so bad", language: nil).categories.contains(.abuse))
        #expect(scorer.score("you are like a fool, so bad", language: nil).categories.contains(.abuse))
        #expect(scorer.score("a dolt, so bad", language: nil).categories.contains(.abuse))
        let selfHarm = scorer.score("so tired, so bad", language: nil)
        #expect(selfHarm.categories.contains(.selfHarm) && selfHarm.weakCategories.contains(.selfHarm))
    }

    /// The `alert` line: a guess over the threshold but under the alert threshold is stated,
    /// and tentative; one over both is not; without the line the two are one.
    @Test func aGuessUnderTheAlertThresholdIsTentative() throws {
        func lexicon(_ alert: String?) throws -> Lexicon {
            // The layer reads only fragments with some trouble in them: hence "bad".
            try Lexicon(sources: [LexiconSource(name: "test.tsv", text: "bad\t-2\t\n"), LexiconSource(name: "test.model", text: """
                bias\t-4\t-4\t-4\t-4\t-4
                threshold\t0.5\t0.5\t0.5\t0.5\t0.5
                \(alert.map { "alert\t" + $0 + "\n" } ?? "")1:hmm\t0\t0\t0\t0\t5
                1:again\t0\t0\t0\t0\t3
                """)])
        }
        var scorer = Scorer(lexicon: try lexicon("0.5\t0.5\t0.5\t0.5\t0.99"))
        let unsure = scorer.score("hmm bad", language: nil) // log-odds 1: p 0.73
        #expect(unsure.categories.contains(.repeatContact) && unsure.tentativeCategories.contains(.repeatContact))
        let sure = scorer.score("hmm bad again", language: nil) // log-odds 4: p 0.98, still under 0.99
        #expect(sure.tentativeCategories.contains(.repeatContact))
        scorer = Scorer(lexicon: try lexicon("0.5\t0.5\t0.5\t0.5\t0.7"))
        let confident = scorer.score("hmm bad", language: nil)
        #expect(confident.categories.contains(.repeatContact) && confident.tentativeCategories.isEmpty)
        scorer = Scorer(lexicon: try lexicon(nil))
        #expect(scorer.score("hmm bad", language: nil).tentativeCategories.isEmpty)
        #expect(Lexicon.errorCodes([LexiconSource(name: "m.model", text: "alert\t1.5\t0.5\t0.5\t0.5\t0.5\n")]) == [.badModel])
    }

    /// The `rude` column reads an agent's line only, whole (misconduct said politely has no
    /// negative word to wait for), and only where no rule found rudeness or abuse; under its
    /// alert line the guess is tentative.
    @Test func theRudeColumnReadsOnlyAnAgentsLine() throws {
        // Columns: self_harm abuse escalation churn repeat positive rude.
        let lexicon = try Lexicon(sources: [
            LexiconSource(name: "test.tsv", text: "calm down\t-1\trude\n"),
            LexiconSource(name: "test.model", text: """
                bias\t-4\t-4\t-4\t-4\t-4\t0\t-4
                threshold\t0.5\t0.5\t0.5\t0.5\t0.5\t0.8\t0.5
                alert\t0.5\t0.5\t0.5\t0.5\t0.5\t0.8\t0.99
                1:capital\t0\t0\t0\t0\t0\t0\t3
                1:letters\t0\t0\t0\t0\t0\t0\t3
                1:obviously\t0\t0\t0\t0\t0\t0\t6
                """),
        ])
        var scorer = Scorer(lexicon: lexicon)
        let text = "It is written in capital letters, obviously."
        let agent = scorer.score(text, language: nil, learned: .agent) // log-odds 8: p 0.9997
        #expect(agent.categories.contains(.rude) && agent.tentativeCategories.isEmpty)
        #expect(agent.hits.first { $0.category == .rude }?.isLearned == true)
        #expect(!agent.ruleCategories.contains(.rude))
        let unsure = scorer.score("capital letters", language: nil, learned: .agent) // log-odds 2: p 0.88
        #expect(unsure.categories.contains(.rude) && unsure.tentativeCategories.contains(.rude))
        #expect(!scorer.score("letters", language: nil, learned: .agent).categories.contains(.rude))
        // A customer's line, or the rules alone, never read the column.
        #expect(!scorer.score(text, language: nil).categories.contains(.rude))
        #expect(!scorer.score(text, language: nil, learned: .off).categories.contains(.rude))
        // A rule's rudeness stands as the rule's: the layer adds no second hit.
        let ruled = scorer.score("obviously, calm down", language: nil, learned: .agent)
        #expect(ruled.ruleCategories.contains(.rude) && !ruled.hits.contains { $0.isLearned })
        #expect(scorer.learnedFeatures(text, category: .rude).first?.feature == "1:obviously")
        // A model without the column never reads an agent's line as rude.
        var plain = Scorer(lexicon: Self.lexicon)
        #expect(!plain.score("hello, cancelling everything", language: nil, learned: .agent).categories.contains(.churn))
        #expect(Lexicon.errorCodes([LexiconSource(name: "m.model", text: "1:a\t0\t0\t0\t0\t0\t0\t0\t0\n")]) == [.badModel])
    }

    /// A self-harm guess too weak to alert on ("I nearly had a heart attack… hiding under the
    /// table") leaves the line's own valence alone; one over the alert threshold reads as despair,
    /// as a rule's disclosure does.
    @Test func onlyAnAlertingSelfHarmGuessReadsAsDespair() throws {
        func scorer(alert: String) throws -> Scorer {
            Scorer(lexicon: try Self.lexicon(
                words: "bad\t-1\t\n", concepts: "table\t0\t@hint\n",
                patterns: "@hint\tsupport:self_harm\twords that carry self-harm\n",
                features: "alert\t\(alert)\t0.5\t0.5\t0.5\t0.5\n1:table\t5\t0\t0\t0\t0\n"))
        }
        var unsure = try scorer(alert: "0.99")
        let guess = unsure.score("bad, under the table", language: nil) // log-odds 1: p 0.73
        #expect(guess.categories.contains(.selfHarm) && guess.tentativeCategories.contains(.selfHarm))
        #expect(guess.valence > -0.5)
        var sure = try scorer(alert: "0.6")
        let disclosure = sure.score("bad, under the table", language: nil)
        #expect(disclosure.categories.contains(.selfHarm) && disclosure.tentativeCategories.isEmpty)
        #expect(disclosure.valence < -0.6)
    }

    @Test func badSupportLinesAreErrors() {
        func codes(_ line: String) -> [LexiconIssue.Code] {
            Lexicon.errorCodes(concepts: "pills\t0\t@method\n", patternLine: line)
        }
        #expect(codes("@method\tsupport:self_harm").isEmpty)
        #expect(codes("@method\tsupport:sadness") == [.unknownTag])
        #expect(codes("@nothing\tsupport:self_harm") == [.unknownConcept])
    }
}
