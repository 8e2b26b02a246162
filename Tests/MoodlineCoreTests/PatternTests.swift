import Testing
@testable import MoodlineCore

/// Concepts, patterns and clause scope, on a small lexicon written here.
@Suite struct PatternTests {
    static let sources: [LexiconSource] = [
        LexiconSource(name: "test.map", text: "們\t们\n個\t个\n"),
        LexiconSource(name: "test.tsv", text: """
        not\t0\tnegator
        never\t0\tnegator
        bad\t-2.5\t
        great\t3.1\tsatisfaction
        delayed\t-1.5\t
        idiot\t-2.5\tabuse
        cancel my order\t0\t
        suicide\t-3.0\tself_harm
        不\t0\tnegator
        不是\t0\tnegator
        furious\t-2.5\t
        就\t0\tconsequence
        以后我也\t0\tconsequence
        跳下去\t-3.0\t
        """),
        LexiconSource(name: "test-concepts.tsv", text: """
        i\t0\t@self
        i'm\t0\t@self
        me\t0\t@self
        a burden\t0\t@burden
        cancel+\t0\t@cancel
        leave+\t0\t@cancel
        my subscription\t0\t@service
        you\t0\t@you
        bad\t0\t@bad
        sue+\t0\t@sue
        friend\t0\t@third
        said\t0\t@say
        how\t0\t@how
        never\t0\t@never
        hurt+\t0\t@hurt
        myself\t0\t@self
        such\t0\t@such
        great\t0\t@praise
        delayed\t0\t@letdown
        lol\t0\t@laugh
        我\t0\t@self
        拖累\t0\t@burden
        你们\t0\t@you
        投诉\t0\t@complain
        起诉\t0\t@sue
        朋友\t0\t@third
        说\t0\t@say
        policy\t0\t@policy
        suicide\t0\t@suicide
        i'm ready\t0\t@ready
        called\t0\t@contact
        police\t0\t@police
        twice\t0\t@count
        got sorted\t0\t@settled
        broke again\t0\t@again
        打了\t0\t@contact
        两次\t0\t@count
        后来\t0\t
        修好了\t0\t@settled
        furious\t0\t@feel
        跳下去\t0\t@jump
        以后我也\t0\t@self
        """),
        LexiconSource(name: "test.patterns", text: """
        # comment
        @self ..4 @burden\tself_harm\tbeing a burden
        @cancel ..2 @service\tchurn
        @sue ..2 @you\tescalation\tsuing
        @third ..3 @say\tscope:reported
        @how ..4 @cancel\tscope:procedure
        @never ..2 @hurt ..1 @self\tscope:denial
        @self ..1 @such\tscope:self_target
        @self ..3 @burden|@complain\tself_harm\t
        @praise & @letdown\tscope:sarcasm\tsarcastic praise
        @laugh\tscope:jest\tsaid laughing
        @policy & @suicide\tscope:reported\ta policy's wording
        @suicide & @ready\tself_harm\tsuicide beside a mind made up
        @contact ..3 @police\tscope:elsewhere\ta contact outside the company
        @contact ..2 @count\trepeat\tcontacted again
        @settled\tscope:settled\tsettled since
        @again\trepeat\tback again
        @third ..3 @feel\tscope:their_feeling\tsomeone else's feelings
        @jump\tself_harm\tjumping
        @third ..8 @jump\tscope:reported\tsomeone else jumped
        """),
    ]
    static let lexicon = try! Lexicon(sources: sources)

    func score(_ text: String) -> Score {
        var scorer = Scorer(lexicon: Self.lexicon)
        return scorer.score(text, language: nil)
    }

    /// A fragment scored with the shipped lexicons, for behaviour that lives in their patterns.
    func scoreEmbedded(_ text: String) -> Score {
        var scorer = Scorer(lexicon: Lexicon.embedded)
        return scorer.score(text, language: nil)
    }

    /// A fragment's categories under `lexicon`, by the rules alone.
    func rules(_ lexicon: Lexicon, _ text: String) -> CategorySet {
        var scorer = Scorer(lexicon: lexicon)
        return scorer.score(text, language: nil, learned: .off).categories
    }

    func steps(_ text: String) -> [ScoreStep] {
        steps(text, lexicon: Self.lexicon)
    }

    /// The steps of scoring `text` with the shipped lexicons.
    func embeddedSteps(_ text: String) -> [ScoreStep] {
        steps(text, lexicon: .embedded)
    }

    func steps(_ text: String, lexicon: Lexicon) -> [ScoreStep] {
        var scorer = Scorer(lexicon: lexicon)
        var recorder = StepRecorder()
        _ = scorer.score(text, language: nil, tracer: &recorder)
        return recorder.steps
    }

    @Test func partsMatchWithWordsBetweenThemUpToTheGap() {
        #expect(score("I'm a burden").categories.contains(.selfHarm))
        #expect(score("I am honestly just a burden").categories.contains(.selfHarm)) // 3 units between
        #expect(!score("I am honestly just really truly a burden").categories.contains(.selfHarm)) // 6
        #expect(!score("a burden I am").categories.contains(.selfHarm)) // order matters
    }

    @Test func patternsStayInsideTheirClause() {
        #expect(!score("I know. a burden").categories.contains(.selfHarm))
        #expect(!score("I know, a burden").categories.contains(.selfHarm)) // an English comma ends it
        #expect(!score("我知道。拖累").categories.contains(.selfHarm))
        #expect(score("我就是个拖累").categories.contains(.selfHarm))
    }

    @Test func aSelfHarmPatternGoesOnAcrossAChineseComma() {
        // Topic, comma, comment: the parts of a disclosure on either side (没有我，家人会轻松很多).
        #expect(score("我知道，拖累").categories.contains(.selfHarm))
        #expect(score("我知道,拖累").categories.contains(.selfHarm)) // an ASCII comma after Chinese too
        // Other patterns do not: the clauses may be about different people.
        #expect(score("起诉你们").categories.contains(.escalation))
        #expect(!score("起诉，你们").categories.contains(.escalation))
        // A statement spanning a comma answers to the cues of every clause it spans.
        #expect(!score("朋友说，我知道，拖累").categories.contains(.selfHarm))
    }

    /// Chat Chinese puts a space where a comma would go (你在逗我吗 脑残): between two Chinese
    /// characters it ends the clause as a Chinese comma does.
    @Test func aSpaceBetweenChineseSentencesEndsAClause() {
        #expect(score("起诉你们").categories.contains(.escalation))
        #expect(!score("起诉 你们").categories.contains(.escalation))
        #expect(score("我知道 拖累").categories.contains(.selfHarm), "self-harm goes on across it, as across a comma")
        #expect(!score("朋友说 我知道 拖累").categories.contains(.selfHarm))
    }

    /// "the rope's ready", "your app's getting deleted": a word the lexicon lacks that ends in
    /// 's reads as its noun.
    @Test func aPossessiveReadsAsItsNoun() {
        #expect(score("the idiot's here").categories.contains(.abuse))
        #expect(score("cancel my subscription's renewal").categories.contains(.churn))
        #expect(!score("the idiotic's here").categories.contains(.abuse))
    }

    /// Closing an account beside a self-harm disclosure is putting affairs in order: the
    /// self-harm alert carries it, and no churn stands beside it.
    @Test func churnBesideSelfHarmIsAffairsInOrder() {
        #expect(score("cancel my subscription").categories.contains(.churn))
        let both = score("I'm a burden, cancel my subscription")
        #expect(both.categories.contains(.selfHarm))
        #expect(!both.categories.contains(.churn))
        #expect(!both.hits.contains { $0.category == .churn })
        #expect(steps("I'm a burden, cancel my subscription").contains {
            if case .categorySuperseded(let hit, by: .selfHarm) = $0 { hit.category == .churn } else { false }
        })
    }

    @Test func inflectionsComeFromThePlusSign() {
        for text in ["I'm cancelling my subscription", "I cancelled my subscription", "she cancels my subscription", "leaving my subscription"] {
            #expect(score(text).categories.contains(.churn), "\(text)")
        }
        #expect(EnglishInflection.forms(of: "stop").contains("stopped"))
        #expect(EnglishInflection.forms(of: "die").contains("dying"))
        #expect(EnglishInflection.forms(of: "cry").contains("cries"))
        #expect(EnglishInflection.expand("give+ away").contains("giving away"))
        #expect(EnglishInflection.expand("+ away").isEmpty)
    }

    @Test func aNegatorBeforeOrInsideCancelsNegatableCategoriesOnly() {
        #expect(score("I will sue you").categories.contains(.escalation))
        #expect(!score("I will not sue you").categories.contains(.escalation))
        #expect(!score("sue not you").categories.contains(.escalation))
        // Self-harm is never negated away by a stray negator.
        #expect(score("not that I am a burden").categories.contains(.selfHarm))
    }

    @Test func scopeCuesCancelTheirCategoriesAnywhereInTheClause() {
        #expect(!score("my friend said he'd sue you").categories.contains(.escalation))
        #expect(score("I'll sue you, my friend said").categories.contains(.escalation)) // another clause
        #expect(!score("how do I cancel my subscription").categories.contains(.churn))
        #expect(score("cancel my subscription now").categories.contains(.churn))
        #expect(score("I would never hurt myself, I'm not a burden").categories.contains(.selfHarm)) // another clause
        #expect(!score("I would never hurt myself").categories.contains(.selfHarm))
    }

    @Test func scopeAppliesToTaggedEntriesToo() {
        #expect(score("you idiot").categories.contains(.abuse))
        #expect(!score("I'm such an idiot").categories.contains(.abuse))
        #expect(!score("my friend said idiot").categories.contains(.abuse))
    }

    @Test func longerEntriesHideConceptWords() {
        #expect(!score("cancel my order please").categories.contains(.churn))
    }

    @Test func conceptLinesAddToEntriesDefinedElsewhere() throws {
        let bad = try #require(Self.lexicon.entries.firstIndex { $0.term == "bad" })
        #expect(Self.lexicon.entries[bad].weight == -2.5)
        let concept = try #require(Self.lexicon.conceptNumber(named: "bad"))
        #expect(Self.lexicon.concepts[bad].union.contains(concept))
        #expect(score("bad").valence < 0)
        #expect(!Lexicon.check(Self.sources).contains { $0.code == .duplicate })
    }

    @Test func explanationsNameThePatternAndItsParts() throws {
        let text = "I am honestly a burden"
        let matched = steps(text).compactMap { step -> (Lexicon.PatternID, PartSpans)? in
            if case .patternMatched(let id, let parts) = step { return (id, parts) }
            return nil
        }
        let (id, parts) = try #require(matched.first)
        #expect(Self.lexicon.pattern(id).name == "being a burden")
        #expect(parts.count == 2)
        let bytes = Array(text.utf8)
        let words = (0..<parts.count).map { String(decoding: bytes[Int(parts[$0].start)..<Int(parts[$0].end)], as: UTF8.self) }
        #expect(words == ["I", "a burden"])
        let hit = try #require(score(text).hits.first { $0.category == .selfHarm })
        #expect(hit.pattern == id)
        #expect(Self.lexicon.label(hit) == "being a burden")
    }

    @Test func scopedStatementsAreExplained() {
        let scoped = steps("my friend said he'd sue you").contains { step in
            if case .categoryScoped(let hit, .reported) = step { return hit.category == .escalation }
            return false
        }
        #expect(scoped)
    }

    @Test func badPatternLinesAreErrorsWithTheirLine() {
        let codes = patternErrors
        #expect(codes("@self\tself_harm\n").isEmpty)
        #expect(codes("@nobody ..2 @self\tchurn\n") == [.unknownConcept])
        #expect(codes("@self ..2\tchurn\n") == [.badPattern])
        #expect(codes("@self ..99 @self\tchurn\n") == [.badPattern])
        #expect(codes("self @self\tchurn\n") == [.badPattern])
        #expect(codes("@self @self @self @self @self\tchurn\n") == [.badPattern])
        #expect(codes("@self\tscope:maybe\n") == [.unknownTag])
        #expect(codes("@self\thappy\n") == [.unknownTag])
        #expect(codes("@self\n") == [.fieldCount])
        #expect(codes("@self\tfirm:maybe\n") == [.unknownTag])
        #expect(codes("@nobody\tfirm:repeat\n") == [.unknownConcept])
    }

    /// A fragment-wide pattern's `needs:` holds as a clause pattern's does: without one of the
    /// needed concepts anywhere in the fragment, its category is left out.
    @Test func fragmentWidePatternsKeepTheirNeeds() throws {
        var sources = Self.sources
        sources.append(LexiconSource(name: "needs.patterns", text: "@policy & @ready\tself_harm\ta policy, and a mind made up\tneeds:@contact\n"))
        let lexicon = try Lexicon(sources: sources)
        #expect(!rules(lexicon, "the policy, and i'm ready").contains(.selfHarm))
        #expect(rules(lexicon, "i called about the policy, and i'm ready").contains(.selfHarm))
        var scorer = Scorer(lexicon: lexicon)
        var recorder = StepRecorder()
        _ = scorer.score("the policy, and i'm ready", language: nil, learned: .off, tracer: &recorder)
        #expect(recorder.steps.contains { if case .categoryUncorroborated = $0 { true } else { false } })
    }

    /// `firm:` lines: a statement of the category with none of their concepts in the fragment
    /// is still stated, but weak; one of them anywhere in the fragment, or a lexicon phrase of
    /// the category, makes it firm. Categories without a firm line are never weak by it.
    @Test func firmLinesMarkStatementsWithoutTheirWordsWeak() throws {
        var sources = Self.sources
        sources.append(LexiconSource(name: "firm.tsv", text: "third call\t-1.5\trepeat\n"))
        sources.append(LexiconSource(name: "firm-concepts.tsv", text: "still broken\t0\t@still\n"))
        sources.append(LexiconSource(name: "firm.patterns", text: "@still\trepeat\tstill unresolved\n@contact|@again\tfirm:repeat\twords of an earlier contact\n"))
        let lexicon = try Lexicon(sources: sources)
        func score(_ text: String) -> Score {
            var scorer = Scorer(lexicon: lexicon)
            return scorer.score(text, language: nil, learned: .off)
        }
        let waited = score("three weeks and it is still broken")
        #expect(waited.categories.contains(.repeatContact) && waited.weakCategories.contains(.repeatContact))
        let contacted = score("I called twice, and it is still broken")
        #expect(contacted.categories.contains(.repeatContact) && !contacted.weakCategories.contains(.repeatContact))
        let phrased = score("this is my third call")
        #expect(phrased.categories.contains(.repeatContact) && !phrased.weakCategories.contains(.repeatContact))
        // The suite's own lexicon has no firm line: the same statement is firm there.
        #expect(self.score("i called twice").categories.contains(.repeatContact))
        #expect(!self.score("it broke again").weakCategories.contains(.repeatContact))
        var scorer = Scorer(lexicon: lexicon)
        var recorder = StepRecorder()
        _ = scorer.score("three weeks and it is still broken", language: nil, tracer: &recorder)
        #expect(recorder.steps.contains(.unfirm(.repeatContact)))
    }

    @Test func fragmentWidePatternsSpanClauses() {
        let plain = score("great, it works")
        #expect(plain.valence > 0.3)
        #expect(plain.categories.contains(.satisfaction))
        let sarcastic = score("great, delayed again")
        #expect(sarcastic.valence < -0.2)
        #expect(!sarcastic.categories.contains(.satisfaction))
        #expect(sarcastic.hits.isEmpty)
        #expect(patternErrors("@self & @self & @self\tchurn\n") == [.badPattern])
    }

    /// Fragment-wide patterns are looked up by the concepts of their first part, and fire in the
    /// order they are written (the first of a category is the one named), with a few patterns
    /// or more than the lookup's mask holds.
    @Test(arguments: [0, 520])
    func fragmentWidePatternsAreFoundByTheirFirstPart(fillers: Int) throws {
        let filler = String(repeating: "@zzz & @zzz\tscope:jest\tfiller\n", count: fillers)
        let lexicon = try Lexicon(sources: [
            LexiconSource(name: "en-concepts.tsv", text: "alpha\t0\t@a\nbeta\t0\t@b\ngamma\t0\t@c\nzulu\t0\t@zzz\n"),
            LexiconSource(name: "en.patterns", text: filler + """
            @c & @b\tchurn\tgamma then beta
            @a & @b\tchurn\talpha then beta
            @a & @c\tescalation\talpha then gamma

            """),
        ])
        func fired(_ text: String) -> [String] {
            var scorer = Scorer(lexicon: lexicon)
            var recorder = StepRecorder()
            _ = scorer.score(text, language: nil, learned: .off, tracer: &recorder)
            return recorder.steps.compactMap { if case .patternFired(let id, _) = $0 { lexicon.pattern(id).name } else { nil } }
        }
        #expect(fired("beta only") == [])
        #expect(fired("alpha, then beta") == ["alpha then beta"])
        #expect(fired("beta. alpha") == ["alpha then beta"])
        // Both churn patterns hold: the one written first is named, whichever word came first.
        #expect(fired("alpha, beta, gamma") == ["gamma then beta", "alpha then gamma"])
    }

    /// Laughter anywhere in the fragment: its complaint is banter, still a little negative,
    /// and the statements in it stand ("you idiot lol" is abuse).
    /// A self-harm pattern across the fragment joins the risk to the speaker's resolve: the
    /// reported cue of a policy's wording beside it does not cancel it.
    @Test func aFragmentWideSelfHarmPatternOutlivesAReportedCue() {
        #expect(!score("the policy, suicide").categories.contains(.selfHarm))
        #expect(score("the policy, suicide. i'm ready").categories.contains(.selfHarm))
    }

    @Test func aContactOutsideTheCompanyIsNoRepeat() {
        #expect(score("called twice").categories.contains(.repeatContact))
        #expect(!score("called the police twice").categories.contains(.repeatContact))
        #expect(steps("called the police twice").contains {
            if case .categoryScoped(let hit, .elsewhere) = $0 { hit.category == .repeatContact } else { false }
        })
    }

    /// Contacts told before a fix ended in it: no repeat contact, in the fix's clause or an earlier
    /// one. A failure told after the fix, a fix denied and a fix someone only said was made stand.
    @Test func contactsBeforeAFixAreNoRepeat() {
        #expect(!score("called twice, but it got sorted").categories.contains(.repeatContact))
        #expect(steps("called twice, but it got sorted").contains {
            if case .categoryScoped(let hit, .settled) = $0 { hit.category == .repeatContact } else { false }
        })
        #expect(!score("called twice but it got sorted").categories.contains(.repeatContact))
        #expect(!score("我打了两次，后来修好了").categories.contains(.repeatContact))
        #expect(score("called twice, it got sorted, then it broke again").categories.contains(.repeatContact))
        #expect(score("called twice and it never got sorted").categories.contains(.repeatContact))
        #expect(score("我打了两次，你们说修好了").categories.contains(.repeatContact))
    }

    /// Words in a clause about someone else ("my friend said it was bad") are theirs: negative
    /// and warm alike count less than the speaker's own.
    @Test func someoneElsesWordsCountLess() {
        let own = score("it was bad").valence, theirs = score("my friend said it was bad").valence
        #expect(theirs < 0 && theirs > own)
        let glad = score("it was great").valence, told = score("my friend said it was great").valence
        #expect(told > 0 && told < glad)
        #expect(steps("my friend said it was bad").contains { if case .reportedWords = $0 { true } else { false } })
    }

    /// A trouble told before the matter was settled is past: it counts for less and is an
    /// aside. A complaint told after the fix is not.
    @Test func aTroubleSettledSinceIsPast() {
        let fresh = score("it was bad").valence, past = score("it was bad, but it got sorted")
        #expect(past.valence < 0 && past.valence > fresh && past.isAside)
        #expect(steps("it was bad, but it got sorted").contains { if case .settledPast = $0 { true } else { false } })
        let after = score("it got sorted, then it was bad")
        #expect(!after.isAside && after.valence <= fresh * 0.9)
    }

    /// Praise of how things usually were is the standard a complaint falls short of: beside a
    /// complaint it is no praise now; alone, or before a trouble since settled, it still is.
    @Test func praiseOfHowThingsUsuallyWereIsNoPraiseBesideAComplaint() {
        #expect(scoreEmbedded("有点失望，平时你们挺准时的").valence < 0)
        #expect(scoreEmbedded("這家連鎖早餐越來越難吃，以前還蠻愛的").valence < 0)
        #expect(scoreEmbedded("honestly you've always been great, so it's a bit disappointing to get a bill like this").valence < 0)
        #expect(scoreEmbedded("Biryani was a bit bland this time. Usually much better from here.").valence < 0)
        #expect(scoreEmbedded("I've always been happy with you guys, thanks").valence > 0)
        #expect(scoreEmbedded("之前的问题解决了，谢谢").valence > 0)
        #expect(embeddedSteps("有点失望，平时你们挺准时的").contains { if case .backdrop = $0 { true } else { false } })
    }

    /// Praise in a clause that asks is not given: it counts for nothing, with a question mark or
    /// a question particle alone. Beside a name given to mock (这也叫, "you call that") it is
    /// sarcasm. Praise said, and thanks beside a question, stay warm.
    @Test func praiseAskedAboutIsNotGiven() {
        #expect(scoreEmbedded("这样处理公平吗？").valence == 0)
        #expect(scoreEmbedded("咁樣處理合理咩").valence == 0)
        #expect(scoreEmbedded("Is the premium plan any good?").valence == 0)
        #expect(scoreEmbedded("这也叫五星级？").valence < 0)
        #expect(scoreEmbedded("You call this good service?").valence < 0)
        #expect(scoreEmbedded("这样处理很公平").valence > 0)
        #expect(scoreEmbedded("Could you check it for me? Thanks so much").valence > 0)
        #expect(embeddedSteps("这也叫五星级？").contains { if case .askedPraise(_, turned: true) = $0 { true } else { false } })
    }

    /// Praise, "but", then facts alone: the facts are the letdown. A feeling word, a negator or
    /// a question after the "but" speaks for itself, and a complaint before it keeps its sign.
    @Test func factsAfterPraiseAndButAreTheLetdown() {
        #expect(scoreEmbedded("Nice hotel on paper, but the pool was closed the entire stay.").valence < 0)
        #expect(scoreEmbedded("口紅顯色度不錯，但很乾，嘴唇都脫皮了").valence < 0)
        #expect(scoreEmbedded("Nice hotel, but the staff were lovely too.").valence > 0)
        #expect(scoreEmbedded("I love the phone, but how do I change the ringtone?").valence >= 0)
        #expect(scoreEmbedded("Great phone, but it isn't the colour I ordered.").valence < 0)
        #expect(scoreEmbedded("My account got banned for fraud, but the purchases were made by someone else.").valence < 0)
        #expect(scoreEmbedded("汤洒了一半，纸巾都擦不过来").valence < 0)
        #expect(embeddedSteps("Nice hotel on paper, but the pool was closed the entire stay.").contains { if case .contrastOnFacts = $0 { true } else { false } })
    }

    /// A thing that will not do its job is a fault told without a feeling word: a grievance,
    /// negative. What the thing will not do to the customer ("doesn't drain my battery") is not.
    @Test func aThingThatWillNotDoItsJobIsAGrievance() {
        for line in ["It won't go into reverse.", "The phone doesn't connect to the wifi.", "I can't log in since yesterday."] {
            let s = scoreEmbedded(line)
            #expect(s.categories.contains(.grievance) && s.valence < 0, "\(line)")
        }
        #expect(scoreEmbedded("Clean UI, no ads, and it doesn't drain my battery.").valence > 0)
    }

    /// One thing bought wrong or too many and sent back, and a claim paid back (报销), are no
    /// leaving; a return with a rival named still is.
    @Test func aReturnOfOneThingIsNoLeaving() {
        #expect(!scoreEmbedded("我想退掉这袋烧烤炭，买多了，还没拆封。").categories.contains(.churn))
        #expect(!scoreEmbedded("我想退掉上週買的登山繩，長度買錯了。").categories.contains(.churn))
        #expect(!scoreEmbedded("我家狗狗下周要做手术，宠物保险能报销吗？").categories.contains(.churn))
        #expect(scoreEmbedded("这款奶粉我们家以后不吃了 换飞鹤 剩下两罐没拆封的给我退了").categories.contains(.churn))
    }

    /// A pet that swallowed something did it, not the speaker; 简直想死 over a broken screen is
    /// temper; a dark time told with "stable now" is past. The speaker's own act still is
    /// self-harm.
    @Test func aPetsActATemperAndARecoveryAreNoDisclosure() {
        #expect(!scoreEmbedded("我家猫把逗猫棒上的绳子吞了，去医院拍了片，宠物险能报吗？").categories.contains(.selfHarm))
        #expect(!scoreEmbedded("这手机屏幕碎成这样，我简直想死，能换屏吗？").categories.contains(.selfHarm))
        #expect(!scoreEmbedded("我之前确实想过不活了，后来看了医生吃了药，现在挺稳定的，今天是来问续药能不能报销。").categories.contains(.selfHarm))
        #expect(scoreEmbedded("我把猫送人了，药也吃了").categories.contains(.selfHarm))
        #expect(scoreEmbedded("我想安乐死").categories.contains(.selfHarm))
        #expect(scoreEmbedded("药店不让我一次买那么多，我只能分好几家买，快够了").categories.contains(.selfHarm))
        #expect(scoreEmbedded("Reckon I'll just drive the ute off The Gap tonight mate.").categories.contains(.selfHarm))
        #expect(!scoreEmbedded("I drove the kids off to school then went over the bridge to work").categories.contains(.selfHarm))
        #expect(!scoreEmbedded("I'll be dead tired tomorrow so please don't book the engineer before 10.").categories.contains(.selfHarm))
        #expect(scoreEmbedded("活着有咩意思").categories.contains(.selfHarm))
    }

    /// Hong Kong verdicts read with their sign: flawless, itchy, watery tea.
    @Test func hongKongVerdictsHaveASign() {
        #expect(scoreEmbedded("呢間嘅菠蘿油真係無得頂。").valence > 0)
        #expect(scoreEmbedded("洗完頭皮好痕，唔知係咪唔啱我").valence < 0)
        #expect(scoreEmbedded("奶茶淡過水，仲要收我$28").valence < 0)
    }

    /// Every scope cue has a bit of its own in `ScopeCues`: a cue past the 32nd would shift to
    /// nothing and silently cancel nothing.
    @Test func everyScopeCueFitsItsSet() {
        #expect(ScopeCue.allCases.count <= UInt32.bitWidth)
        let bits = ScopeCue.allCases.map { ScopeCues($0).rawValue }
        #expect(Set(bits).count == ScopeCue.allCases.count && !bits.contains(0))
    }

    /// A fear told that came to nothing is relief: its negative words count for less, and the
    /// body it feared going to is no threat. A fear still held is not.
    @Test func aFearThatCameToNothingIsRelief() {
        #expect(scoreEmbedded("太好了，本來還很怕要被扣一大筆手續費。").valence > 0)
        #expect(scoreEmbedded("Oh brilliant, I was worried I'd have to pay the cancellation fee.").valence > 0)
        #expect(!scoreEmbedded("本来还怕要去消协投诉，现在解决了就好").categories.contains(.escalation))
        #expect(scoreEmbedded("我还怕你们又搞错").valence < 0)
        #expect(embeddedSteps("太好了，本來還很怕要被扣一大筆手續費。").contains { if case .allayed = $0 { true } else { false } })
    }

    /// A line whose negative words are mostly someone else's (their words, their mood) is an
    /// aside; the speaker's own complaint beside a short report is not.
    @Test func someoneElsesStoryIsAnAside() {
        #expect(score("my friend said it was bad").isAside)
        #expect(!score("it was bad").isAside)
        let theirs = score("friend was furious"), own = score("i was furious")
        #expect(theirs.valence < 0 && theirs.valence > own.valence)
        #expect(theirs.isAside && !own.isAside)
        #expect(theirs.categories.isEmpty)
    }

    /// A contact made outside the company ("I called the police, it was bad") is a story: an
    /// aside that a conversation lets add to the mood but not open a mood alert. A trouble
    /// settled since is one too; the speaker's own complaint is neither.
    @Test func anOutsideDisputeOrASettledTroubleIsAStory() {
        let outside = score("i called the police, it was bad")
        #expect(outside.valence < 0 && outside.isAside && outside.isStory)
        #expect(score("it was bad, but it got sorted").isStory)
        let own = score("it was bad")
        #expect(!own.isAside && !own.isStory)
        #expect(score("my friend said it was bad").isStory)
    }

    /// 就 after the speaker has spoken begins the speaker's own step: a report about someone
    /// under way ends there (我想好了，等朋友睡了就跳下去), while a story with no speaker stays theirs.
    @Test func aConsequenceAfterTheSpeakerIsTheSpeakers() {
        #expect(!score("朋友睡了就跳下去").categories.contains(.selfHarm))
        #expect(score("我想好了，等朋友睡了就跳下去").categories.contains(.selfHarm))
    }

    /// A step imagined and asked about (如果我想退保，流程是怎样的) is a question, across its
    /// commas; an ultimatum with its own how-word (如果…我就去消委会，公开你们点样对待病人) is not.
    @Test func anImaginedStepAskedAboutIsNotAnUltimatum() {
        #expect(!scoreEmbedded("如果我想退保，流程是怎样的？").categories.contains(.churn))
        #expect(!scoreEmbedded("如果以后要销户，一般要几个工作日？").categories.contains(.churn))
        #expect(scoreEmbedded("如果下个礼拜都未退钱，我就去消委会投诉，公开你们点样对待病人").categories.contains(.escalation))
        #expect(scoreEmbedded("如果这次还不退，我就把会员退了，直接去开别家的，反正哪个平台都有").categories.contains(.churn))
    }

    /// Someone else's dispute told (my neighbour took them to the ombudsman) is theirs; the
    /// speaker's own disclosure after it is not, nor is one beside a leaving or a loan paid off.
    @Test func aStoryBesideADisclosureLeavesTheDisclosure() {
        #expect(!scoreEmbedded("my neighbour took British Gas to the ombudsman and won").categories.contains(.escalation))
        #expect(scoreEmbedded("my neighbour took them to the ombudsman and I just want to kill myself").categories.contains(.selfHarm))
        #expect(scoreEmbedded("下个月我要走了 去外地 以后你们也找不到我了 不想活了").categories.contains(.selfHarm))
        #expect(scoreEmbedded("一次性还清 一了百了 不想活了").categories.contains(.selfHarm))
    }

    /// An ordinary use of a means (`scope:harmless_use`) cancels, across the fragment, only the
    /// self-harm made of its own pattern's words; a disclosure told beside it stands. A denial
    /// of risk still frames the whole fragment.
    @Test func aHarmlessUseCancelsOnlyTheSelfHarmOfItsOwnWords() throws {
        let lexicon = try Lexicon(sources: [
            LexiconSource(name: "en-concepts.tsv", text: "charcoal\t0\t@means\nbarbecue\t0\t@bbq\njoking\t0\t@joke\non purpose\t0\t@meant\ncharcoal\t0\t@fuel\n"),
            LexiconSource(name: "en-service.tsv", text: "end it all\t-3\tself_harm\n"),
            LexiconSource(name: "en.patterns", text: """
            @means\tself_harm\ta means named
            @bbq & @means\tscope:harmless_use\tcharcoal for a barbecue
            @joke & @means\tscope:denial\tsaid as a joke
            @meant & @fuel\tself_harm\ta fuel meant for something else

            """),
        ])
        #expect(rules(lexicon, "charcoal").contains(.selfHarm))
        #expect(!rules(lexicon, "charcoal for the barbecue").contains(.selfHarm))
        #expect(rules(lexicon, "charcoal for the barbecue, then I end it all").contains(.selfHarm))
        #expect(!rules(lexicon, "charcoal, joking, end it all").contains(.selfHarm))
        // A fragment-wide statement of the same category keeps its own words: the ordinary use
        // explains the clause's means, not the fragment's "on purpose".
        #expect(rules(lexicon, "charcoal for the barbecue on purpose").contains(.selfHarm))
        // The shipped patterns: a loan paid off 一了百了, a move abroad, a healthy caller asking ahead.
        #expect(!scoreEmbedded("干脆一次性把贷款还清 一了百了 提前还有违约金不").categories.contains(.selfHarm))
        #expect(scoreEmbedded("干脆一次性把贷款还清 一了百了，反正我也不想活了").categories.contains(.selfHarm))
        #expect(!scoreEmbedded("东西都送人了，因为要搬去国外").categories.contains(.selfHarm))
        #expect(scoreEmbedded("东西都送人了，因为要搬去国外，反正我也不想活了").categories.contains(.selfHarm))
    }

    /// Inside one clause too, an ordinary use answers only for the statements that share its
    /// words: an absence with a length explains "won't be around", not a decision told after it.
    @Test func aHarmlessUseInTheClauseLeavesADisclosureBesideIt() throws {
        let lexicon = try Lexicon(sources: [
            LexiconSource(name: "en-concepts.tsv", text: "won't be around\t0\t@gone\nnext week\t0\t@span\n"),
            LexiconSource(name: "en-service.tsv", text: "won't be around\t-2\tself_harm\nend my life\t-3\tself_harm\n"),
            LexiconSource(name: "en.patterns", text: """
            @gone ..3 @span\tscope:harmless_use\tan absence with a length

            """),
        ])
        #expect(rules(lexicon, "i won't be around").contains(.selfHarm))
        #expect(!rules(lexicon, "i won't be around next week").contains(.selfHarm))
        #expect(rules(lexicon, "i won't be around next week i have decided to end my life").contains(.selfHarm))
        let denying = try Lexicon(sources: [
            LexiconSource(name: "en-concepts.tsv", text: "won't be around\t0\t@gone\nnext week\t0\t@span\n"),
            LexiconSource(name: "en-service.tsv", text: "end my life\t-3\tself_harm\n"),
            LexiconSource(name: "en.patterns", text: "@gone ..3 @span\tscope:denial\tan absence told as a denial\n"),
        ])
        // A sentence with more such cues than their spans hold lets them frame the whole clause.
        let counted = try Lexicon(sources: [
            LexiconSource(name: "en-concepts.tsv", text: "next week\t0\t@span\n"),
            LexiconSource(name: "en-service.tsv", text: "end my life\t-3\tself_harm\n"),
            LexiconSource(name: "en.patterns", text: "@span\tscope:harmless_use\ta week named\n"),
        ])
        let weeks = { (n: Int) in Array(repeating: "next week", count: n).joined(separator: " ") + " i will end my life" }
        #expect(rules(counted, weeks(Pattern.maxParts)).contains(.selfHarm))
        #expect(!rules(counted, weeks(Pattern.maxParts + 1)).contains(.selfHarm))
        // A denial frames its whole clause, as before.
        #expect(!rules(denying, "i won't be around next week i have decided to end my life").contains(.selfHarm))
        #expect(scoreEmbedded("yeah hi i want to cancel my insurance because i wont be around next week i have decided to end my life sorry").categories.contains(.selfHarm))
    }

    /// An English report about someone else (`scope:reported`) answers for its own clause up to
    /// where the speaker, joined on after it ("…because I"), speaks for themselves again; and an
    /// act the speaker told before the report began is the speaker's own.
    @Test func theSpeakerJoinedOnAfterAReportSpeaksForThemselves() throws {
        let lexicon = try Lexicon(sources: [
            LexiconSource(name: "en-concepts.tsv", text: """
            i\t0\t@self
            someone\t0\t@third
            they\t0\t@third
            dies\t0\t@die
            because\t0\t@en_join
            cutting again\t0\t@cut
            cut\t0\t@die

            """),
            LexiconSource(name: "en-service.tsv", text: "won't be here\t-3\tself_harm\n"),
            LexiconSource(name: "en.patterns", text: """
            @cut\tself_harm\tcutting told
            @third ..2 @die\tscope:reported\tsomeone else's death

            """),
        ])
        #expect(!rules(lexicon, "what happens when someone dies they won't be here").contains(.selfHarm))
        #expect(rules(lexicon, "what happens when someone dies because i won't be here").contains(.selfHarm))
        // The join must stand right before the speaker: a report that goes on is still the report.
        #expect(!rules(lexicon, "what happens when someone dies because they won't be here").contains(.selfHarm))
        // An act told right after the speaker, before the report began, is the speaker's.
        #expect(rules(lexicon, "i been cutting again since they cut my hours").contains(.selfHarm))
        #expect(!rules(lexicon, "they cut my hours and they been cutting again").contains(.selfHarm))
        // The shipped lexicons, the learned layer included.
        #expect(scoreEmbedded("what happens to the loan when someone dies because I'm not planning on being here in the spring").categories.contains(.selfHarm))
        #expect(!scoreEmbedded("my son told me he wants to die because I took his phone").categories.contains(.selfHarm))
        #expect(!scoreEmbedded("my friend said she wants to kill herself and I don't know how to help her").categories.contains(.selfHarm))
    }

    /// A joke claim denies what was said ("jk"), until the fragment takes the joke back
    /// (`@notjoking`: "actually not joking", 其实唔系讲笑): then the claim denies nothing.
    @Test func aJokeTakenBackDeniesNothing() throws {
        let lexicon = try Lexicon(sources: [
            LexiconSource(name: "jest-concepts.tsv", text: """
            jk\t0\t@jokeclaim
            not joking\t0\t@notjoking
            讲笑咋\t0\t@jokeclaim
            唔系讲笑\t0\t@notjoking

            """),
            LexiconSource(name: "en-concepts.tsv", text: "the bridge\t0\t@place\n"),
            LexiconSource(name: "en-service.tsv", text: "jump off\t-3\tself_harm\n"),
            LexiconSource(name: "en.patterns", text: "@jokeclaim & @place\tscope:denial\tsaid to be a joke\n"),
            LexiconSource(name: "zh-service.tsv", text: "跳落去\t-3\tself_harm\n"),
            LexiconSource(name: "zh-concepts.tsv", text: "跳落去\t0\t@zh_jump\n"),
            LexiconSource(name: "zh.patterns", text: "@jokeclaim & @zh_jump\tscope:denial\tsaid to be a joke\n"),
        ])
        #expect(rules(lexicon, "gonna jump off the bridge").contains(.selfHarm))
        #expect(!rules(lexicon, "gonna jump off the bridge, jk").contains(.selfHarm))
        #expect(rules(lexicon, "gonna jump off the bridge, jk. actually not joking").contains(.selfHarm))
        #expect(!rules(lexicon, "我今晚跳落去，讲笑咋").contains(.selfHarm))
        #expect(rules(lexicon, "我今晚跳落去，讲笑咋…其实唔系讲笑").contains(.selfHarm))
        // The shipped lexicons, the learned layer included; a joke with no taking back stays one.
        #expect(scoreEmbedded("火車那麼多班，總有一班會帶我走吧，哈哈開玩笑的啦…其實沒有在開玩笑。").categories.contains(.selfHarm))
        #expect(scoreEmbedded("哈哈你估我會唔會跳落去呢，講笑咋…其實唔係講笑。").categories.contains(.selfHarm))
        #expect(!scoreEmbedded("开玩笑的啦，想死也不会挑今天，哈哈，说真的帮我查下账单").categories.contains(.selfHarm))
        #expect(!scoreEmbedded("just kidding, i'm not going to kill myself over a phone bill lol").categories.contains(.selfHarm))
    }

    /// A dark time told as past and over (`scope:recovered`) takes the self-harm told before the
    /// recovery, never a disclosure told after it.
    @Test func aRecoveryTakesOnlyTheSelfHarmBeforeIt() throws {
        let lexicon = try Lexicon(sources: [
            LexiconSource(name: "en-concepts.tsv", text: "years ago\t0\t@longago\nfine now\t0\t@nowwell\n"),
            LexiconSource(name: "en-service.tsv", text: "tried to end it\t-3\tself_harm\nwant to die\t-3\tself_harm\n"),
            LexiconSource(name: "en.patterns", text: """
            @nowwell\tscope:recovered\twhere the recovery is told
            @longago & @nowwell\tscope:recovered\ta dark time years ago, fine now

            """),
        ])
        #expect(!rules(lexicon, "years ago I tried to end it, I'm fine now").contains(.selfHarm))
        #expect(rules(lexicon, "years ago I tried to end it, I'm fine now, but today I want to die").contains(.selfHarm))
        // A recovery with no past told is no story of a dark time.
        #expect(rules(lexicon, "I tried to end it, I'm fine now").contains(.selfHarm))
        #expect(!scoreEmbedded("以前有段时间我真不想活了 现在都过去了 就想把那时候欠的账一次还清").categories.contains(.selfHarm))
        #expect(scoreEmbedded("以前也想过死，现在都过去了，但是这次真的不想活了").categories.contains(.selfHarm))
        #expect(scoreEmbedded("A few years back I bought this plan and it's much better now, but honestly I want to kill myself").categories.contains(.selfHarm))
    }

    /// A step that names the speaker after a report about someone else (以后我也) begins the
    /// speaker's own part of the clause: what follows is theirs, what came before stays the report's.
    @Test func theSpeakersOwnStepAfterAReportIsTheSpeakers() {
        #expect(!score("朋友跳下去").categories.contains(.selfHarm))
        #expect(score("朋友跳下去以后我也跳下去").categories.contains(.selfHarm))
        #expect(!score("朋友跳下去以后我也哭了").categories.contains(.selfHarm))
    }

    /// An act right after the speaker's 我, told before a report about someone else begins in
    /// the same unpunctuated clause, is the speaker's own.
    @Test func theSpeakersActBeforeAReportStands() {
        #expect(score("我跳下去朋友说不要").categories.contains(.selfHarm))
        #expect(!score("朋友说他跳下去").categories.contains(.selfHarm))
    }

    /// `needs:`: "I called yesterday" is a follow-up; the category stands only when the fragment
    /// also has a needed concept, in any clause, or inside a longer phrase that holds its word.
    @Test func aPatternWithNeedsWaitsForItsCorroboration() throws {
        let lexicon = try Lexicon(sources: [
            LexiconSource(name: "en-concepts.tsv", text: """
            called\t0\t@contact
            yesterday\t0\t@prior
            nobody\t0\t@negation
            no worries\t0\t
            still\t0\t@unsettled
            """),
            LexiconSource(name: "en-service.tsv", text: "nobody rang back\t-1\t\nnobody better\t0.5\tsatisfaction\n"),
            LexiconSource(name: "en.patterns", text: "@contact ..3 @prior\trepeat\tcontacted before\tneeds:@negation|@unsettled\n"),
        ])
        func categories(_ text: String) -> CategorySet {
            var scorer = Scorer(lexicon: lexicon)
            return scorer.score(text, language: nil, learned: .off).categories
        }
        #expect(!categories("I called yesterday about the parcel").contains(.repeatContact))
        #expect(categories("I called yesterday, still waiting").contains(.repeatContact))
        #expect(categories("I called yesterday. Nobody came").contains(.repeatContact))
        // The denial inside a phrase counts; a warm phrase's does not.
        #expect(categories("I called yesterday and nobody rang back").contains(.repeatContact))
        #expect(!categories("I called yesterday, nobody better").contains(.repeatContact))
        var scorer = Scorer(lexicon: lexicon)
        var trace = StepRecorder()
        _ = scorer.score("I called yesterday about the parcel", language: nil, tracer: &trace)
        #expect(trace.steps.contains { if case .categoryUncorroborated(let hit) = $0 { hit.category == .repeatContact } else { false } })
    }

    @Test func badNeedsFieldsAreErrors() {
        func codes(_ line: String) -> [LexiconIssue.Code] {
            Lexicon.errorCodes(concepts: "called\t0\t@contact\nyesterday\t0\t@prior\nnot\t0\t@negation\n", patternLine: line)
        }
        #expect(codes("@contact ..3 @prior\trepeat\tcontacted before\tneeds:@negation").isEmpty)
        #expect(codes("@contact ..3 @prior\trepeat\tcontacted before\tneeds:@nothing") == [.unknownConcept])
        #expect(codes("@contact ..3 @prior\trepeat\tcontacted before\twith:@negation") == [.badPattern])
        #expect(codes("@contact ..3 @prior\tscope:negation\ta cue\tneeds:@negation") == [.badPattern])
    }

    @Test func laughterTurnsComplaintsIntoBanter() {
        let plain = score("delayed, bad bad")
        let laughing = score("delayed, bad bad lol")
        #expect(plain.valence < -0.5)
        #expect(laughing.valence < 0 && laughing.valence > plain.valence * 0.7)
        #expect(laughing.arousal < plain.arousal)
        #expect(steps("delayed, bad bad lol").contains { if case .jest = $0 { true } else { false } })
        #expect(score("you idiot lol").categories.contains(.abuse))
        // Nothing negative: nothing to damp.
        #expect(score("great lol").valence == score("great").valence)
    }

    /// An insult aimed at oneself is embarrassment: not abuse, and only a little negative.
    @Test func selfInsultsCountForLess() {
        let own = score("I'm such an idiot")
        #expect(!own.categories.contains(.abuse))
        #expect(own.valence < 0 && own.valence > score("idiot").valence / 2)
        #expect(steps("I'm such an idiot").contains { if case .selfDirected = $0 { true } else { false } })
    }

    @Test func eachLanguagesPatternsSeeOnlyItsOwnConcepts() throws {
        let lexicon = try Lexicon(sources: [
            LexiconSource(name: "en-concepts.tsv", text: "i\t0\t@self\nburden\t0\t@burden\nthey\t0\t@third\n"),
            LexiconSource(name: "zh-concepts.tsv", text: "我\t0\t@self\n拖累\t0\t@burden\nsaid\t0\t@say\n发\t0\t@post\nptt\t0\t@site\n"),
            LexiconSource(name: "en.patterns", text: "@self ..3 @burden\tself_harm\n"),
            LexiconSource(name: "zh.patterns", text: "@third ..3 @say\tscope:reported\n@self ..2 @burden\tself_harm\n@post ..2 @site\tescalation\n"),
        ])
        var scorer = Scorer(lexicon: lexicon)
        #expect(scorer.score("i am a burden", language: nil).categories.contains(.selfHarm))
        #expect(scorer.score("我是拖累", language: nil).categories.contains(.selfHarm))
        // 我 is a Chinese @self, burden an English @burden: neither language's pattern has both.
        #expect(!scorer.score("我 burden", language: nil).categories.contains(.selfHarm))
        // "they" is English @third, "said" a Chinese @say: no reported speech for either.
        #expect(scorer.score("they said i am a burden", language: nil).categories.contains(.selfHarm))
        // A Latin word the Chinese concepts name serves Chinese patterns (code switching).
        #expect(scorer.score("我要发到ptt", language: nil).categories.contains(.escalation))
    }

    /// The errors of a patterns file over a one-concept lexicon (`me` is `@self`).
    func patternErrors(_ text: String) -> [LexiconIssue.Code] {
        Lexicon.errorCodes([LexiconSource(name: "c.tsv", text: "me\t0\t@self\n"), LexiconSource(name: "p.patterns", text: text)])
    }

    @Test func aPatternStartsOnceThoughSeveralOfItsConceptsMatch() {
        // The last pattern's first part is @self, its second @burden|@complain: "我 投诉" gives one hit.
        let hits = score("我要投诉").hits.filter { $0.category == .selfHarm }
        #expect(hits.count == 1)
    }

    /// Wanting one's own body to give out, not eating on purpose, and ending it said to be no
    /// joke are self-harm; the same shapes for a machine, a fast before a blood test, someone
    /// else's intent or a call brought to an end are not.
    @Test func quietMeansOfDyingAreSelfHarm() {
        func selfHarm(_ text: String) -> Bool { scoreEmbedded(text).categories.contains(.selfHarm) }
        #expect(selfHarm("I want my body to just give up on its own"))
        #expect(selfHarm("honestly I wish my heart would just give out"))
        #expect(!selfHarm("I want the router to just give up on its own"))
        #expect(!selfHarm("I'm going to get my heart checked before it gives out"))
        #expect(selfHarm("some days I reckon I'll just end it, lol jk. Well. Not really jk"))
        #expect(!selfHarm("let's end it here, thanks for your help"))
        #expect(!selfHarm("I'm half joking, but please cancel the account"))
        #expect(selfHarm("我一个星期没吃东西了，是故意的"))
        #expect(selfHarm("我唔食嘢已經成個星期，係故意嘅"))
        #expect(!selfHarm("明天空腹抽血，所以今天晚上没吃饭，是故意的"))
        #expect(!selfHarm("你们是故意的吧，我一天没吃饭等快递"))
        #expect(selfHarm("If someone cuts themselves every night, does that count as a pre-existing condition? Asking about me."))
        #expect(!selfHarm("If someone cuts themselves, does the policy cover the hospital bill? My son's friend, he's ok now."))
        #expect(selfHarm("thinking about sucide again"))
        #expect(selfHarm("thinkin abt sewerslide again, sorry for dumping on u"))
        #expect(selfHarm("我真的很想自剎，不是說說而已"))
        #expect(!selfHarm("我中學時試過𠝹手，而家好咗好耐，今日只係想問學生優惠。"))
    }

    /// A death wished on the listener, or the listener called unfit to live, is abuse and not
    /// the speaker's self-harm; the same words of oneself stay self-harm.
    @Test func deathWishedOnTheListenerIsAbuse() {
        for line in ["你怎么还不去死啊", "祝你早日暴毙", "你不配活在这个世界上", "没人问你", "world would be better without u in it tbh"] {
            let score = scoreEmbedded(line)
            #expect(score.categories.contains(.abuse), "\(line)")
            #expect(!score.categories.contains(.selfHarm), "\(line)")
        }
        #expect(scoreEmbedded("我不配活在这个世界上").categories.contains(.selfHarm))
        #expect(!scoreEmbedded("我爸去年突然暴毙，留下一堆债").categories.contains(.abuse))
    }

    /// The social-media reply's contempt is abuse without a swear word: taunts, the listener
    /// held up as the low mark, their loneliness as deserved. Someone else called names, told,
    /// stays a report, and an insult at someone not on the call is theirs.
    @Test func contemptWithoutASwearWordIsAbuse() {
        for line in ["cope harder loser", "no wonder ur single lmao", "u make flat earthers look smart",
                     "imagine being this dumb in public", "u got a face for radio", "u have the charisma of a damp sock", "whoever raised u should be fined", "你好似一嚿屎咁", "请问你是用脚打的字吗"] {
            #expect(scoreEmbedded(line).categories.contains(.abuse), "\(line)")
        }
        for line in ["he called me a loser in front of everyone, still hurts tbh",
                     "The previous owner was an absolute clown, he wired the meter backwards, can you send someone",
                     "you make it look easy, thanks so much", "love u bestie you absolute gremlin 💕"] {
            #expect(!scoreEmbedded(line).categories.contains(.abuse), "\(line)")
        }
    }
}
