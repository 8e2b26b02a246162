@testable import MoodlineCore
import Testing
@testable import MoodlineEngine

/// A one-shot episode resting on weak evidence gives way to stronger evidence: distress the
/// learned layer took for self-harm must not hide the disclosure that follows.
@Suite struct EpisodeEvidenceTests {
    /// A score of `category` stated by the learned layer only; `weak`: with no word of the
    /// category; `tentative`: under the model's alert line.
    func learned(_ category: Category = .selfHarm, weak: Bool, tentative: Bool = false) -> Score {
        var hits = CategoryHits()
        _ = hits.append(CategoryHit(learned: category))
        return Score(
            valence: -0.5, language: .english, categories: [.init(category)], hits: hits,
            weakCategories: weak ? [.init(category)] : [], tentativeCategories: tentative ? [.init(category)] : [])
    }

    @Test func strongerEvidenceFiresInsideAnOpenEpisode() {
        var h = Harness()
        h.send(fragment(1, at: 0, .customer), learned(weak: true))
        h.send(fragment(2, at: 10, .customer), learned(weak: true))
        #expect(h.kinds(.selfHarm).isEmpty)
        h.send(fragment(3, at: 20, .customer), learned(weak: true))
        #expect(h.kinds(.selfHarm).map(\.seq) == [3])
        h.send(fragment(4, at: 30, .customer), learned(weak: false))
        #expect(h.kinds(.selfHarm).map(\.seq) == [3, 4])
        h.send(fragment(5, at: 40, .customer), learned(weak: false))
        #expect(h.kinds(.selfHarm).map(\.seq) == [3, 4])
        h.send(fragment(6, at: 50, .customer), score(-0.6, .selfHarm))
        #expect(h.kinds(.selfHarm).map(\.seq) == [3, 4, 6])
        h.send(fragment(7, at: 60, .customer), score(-0.6, .selfHarm))
        h.send(fragment(8, at: 70, .customer), learned(weak: true))
        #expect(h.kinds(.selfHarm).map(\.seq) == [3, 4, 6])
    }

    /// Weak guesses are distress until enough of them come within the cooldown; a supported
    /// statement alerts at once.
    @Test func weakStatementsWaitForCorroboration() {
        var h = Harness()
        h.send(fragment(1, at: 0, .customer), learned(weak: true))
        h.send(fragment(2, at: 10, .customer), learned(weak: true))
        h.send(fragment(3, at: 400, .customer), learned(weak: true))  // 390 s later: alone again
        #expect(h.kinds(.selfHarm).isEmpty)
        h.send(fragment(4, at: 410, .customer), learned(weak: false))
        #expect(h.kinds(.selfHarm).map(\.seq) == [4])
    }

    /// A guess under the model's alert threshold waits as a weak one does, whatever words the
    /// fragment has: in a conversation most lines are calm.
    @Test func tentativeStatementsWaitForCorroboration() {
        var h = Harness()
        var tentative = learned(weak: false)
        tentative.tentativeCategories = [.init(.selfHarm)]
        h.send(fragment(1, at: 0, .customer), tentative)
        h.send(fragment(2, at: 10, .customer), tentative)
        #expect(h.kinds(.selfHarm).isEmpty)
        h.send(fragment(3, at: 20, .customer), tentative)
        #expect(h.kinds(.selfHarm).map(\.seq) == [3])
    }

    /// An agent's misconduct the learned layer read (its `rude` column) alerts as the rules'
    /// does when the model is sure; a guess under its alert line waits for two more within the
    /// cooldown, since most of what agents say is ordinary.
    @Test func anAgentsLearnedRudenessAlertsWhenSureOrRepeated() {
        var sure = Harness()
        sure.send(fragment(1, at: 0, .agent), learned(.rude, weak: false))
        #expect(sure.kinds(.agentMisconduct).map(\.seq) == [1])
        var unsure = Harness()
        unsure.send(fragment(1, at: 0, .agent), learned(.rude, weak: false, tentative: true))
        unsure.send(fragment(2, at: 10, .agent), learned(.rude, weak: false, tentative: true))
        #expect(unsure.kinds(.agentMisconduct).isEmpty)
        unsure.send(fragment(3, at: 20, .agent), learned(.rude, weak: false, tentative: true))
        #expect(unsure.kinds(.agentMisconduct).map(\.seq) == [3])
    }

    /// A repeat contact a rule stated with none of the words that make it firm (time gone by,
    /// no earlier contact named) waits as a weak guess does; one that names a contact alerts at
    /// once.
    @Test func anUnfirmRuleStatementWaitsForCorroboration() {
        var unfirm = score(-0.4, .repeatContact)
        unfirm.weakCategories = [.init(.repeatContact)]
        var h = Harness()
        h.send(fragment(1, at: 0, .customer), unfirm)
        h.send(fragment(2, at: 10, .customer), unfirm)
        #expect(h.kinds(.repeatContact).isEmpty)
        h.send(fragment(3, at: 20, .customer), unfirm)
        #expect(h.kinds(.repeatContact).map(\.seq) == [3])
        var firm = Harness()
        firm.send(fragment(1, at: 0, .customer), score(-0.4, .repeatContact))
        #expect(firm.kinds(.repeatContact).map(\.seq) == [1])
    }

    @Test func aRuleEpisodeIsNotReopenedByTheModel() {
        var h = Harness()
        h.send(fragment(1, at: 0, .customer), score(-0.6, .selfHarm))
        h.send(fragment(2, at: 10, .customer), learned(weak: false))
        h.send(fragment(3, at: 20, .customer), learned(weak: true))
        #expect(h.kinds(.selfHarm).map(\.seq) == [1])
    }

    /// What an episode told is kept as exact keys: any key not told says something new, however
    /// the lexicon numbers its entries, and the oldest gives way when the set is full.
    @Test func toldSignalsAreExact() {
        var told = ToldSignals()
        for key in UInt64(0)..<UInt64(ToldSignals.capacity) { told.insert(key << 32 | 7) }
        var same = ToldSignals()
        same.insert(3 << 32 | 7)
        #expect(!told.lacksSome(of: same))
        var other = ToldSignals()
        other.insert(3 << 32 | 8)
        #expect(told.lacksSome(of: other))
        told.insert(99)
        #expect(told.contains(99) && !told.contains(0 << 32 | 7) && told.contains(1 << 32 | 7))
    }

    /// A plain disclosure (a decision, a place, a time) after a word of despair alerts again inside
    /// the episode the despair opened, so the person who steps in hears of the plan; despair said
    /// again, or the plan said again, does not.
    @Test func somethingNewSaidFiresInsideTheEpisode() {
        var scorer = Scorer(lexicon: .embedded)
        let despair = scorer.score("延期又能怎么样，还有三个平台也在催。我真的撑不住了。")
        let plan = scorer.score("没有一步一步了。我已经想好了，今晚等室友睡了就从十八楼跳下去。")
        let told = Engine.ruleSignals(despair, of: [.init(.selfHarm)])
        #expect(!told.isEmpty && told.lacksSome(of: Engine.ruleSignals(plan, of: [.init(.selfHarm)])))
        #expect(!told.lacksSome(of: Engine.ruleSignals(despair, of: [.init(.selfHarm)])))
        var h = Harness()
        h.send(fragment(1, at: 0, .customer), despair)
        h.send(fragment(2, at: 20, .customer), despair)
        #expect(h.kinds(.selfHarm).map(\.seq) == [1])
        h.send(fragment(3, at: 40, .customer), plan)
        h.send(fragment(4, at: 60, .customer), plan)
        h.send(fragment(5, at: 80, .customer), despair)
        #expect(h.kinds(.selfHarm).map(\.seq) == [1, 3])
    }

    /// Going to someone (等这礼拜过完，我就去找老伴了) after the customer told of their death is a
    /// disclosure, though only the learned layer reads the line as self-harm; alone it waits as a
    /// guess, and an errand the learned layer does not read as self-harm stays an errand.
    @Test func joiningSomeoneWhoseDeathWasToldIsADisclosure() {
        var scorer = Scorer(lexicon: .embedded)
        let death = scorer.score("老伴走了以后，存折的事要办一下")
        let errand = scorer.score("那我去找他单位开个证明")
        let join = scorer.score("等这礼拜过完，我就去找老伴了")
        #expect(death.tells.contains(.death) && !death.categories.contains(.selfHarm))
        #expect(errand.speaksOfJoiningTheDead && !errand.categories.contains(.selfHarm))
        #expect(join.speaksOfJoiningTheDead && !join.ruleCategories.contains(.selfHarm))
        var alone = Harness()
        alone.send(fragment(1, at: 0, .customer), join)
        #expect(alone.kinds(.selfHarm).isEmpty)
        var h = Harness()
        h.send(fragment(1, at: 0, .customer), death)
        h.send(fragment(2, at: 20, .customer), errand)
        #expect(h.kinds(.selfHarm).isEmpty)
        h.send(fragment(3, at: 40, .customer), join)
        #expect(h.kinds(.selfHarm).map(\.seq) == [3])
        #expect(h.alerts.last?.evidence.contains { $0.label == EvidenceLabel.joiningTheDead } == true)
    }

    /// An agent's rudeness that follows a milder one in new words and more negative alerts again,
    /// once: the supervisor sees it grow, and a third phrase or the mild one again adds nothing.
    @Test func clearerRudenessAlertsAgainOnce() {
        var scorer = Scorer(lexicon: .embedded)
        let curt = scorer.score("It's right there on page two. Device protection, added March fourth. You agreed to it when you upgraded.", learned: .agent)
        let blaming = scorer.score("Well, maybe if you'd read what you signed, we wouldn't be having this conversation.", learned: .agent)
        let dismissive = scorer.score("Honestly, what the store told you is not my problem. I can't refund anything, and frankly I've already explained this.", learned: .agent)
        #expect(blaming.valence < curt.valence && dismissive.valence < blaming.valence)
        var h = Harness()
        h.send(fragment(1, at: 0, .agent), curt)
        h.send(fragment(2, at: 20, .agent), blaming)
        h.send(fragment(3, at: 40, .agent), dismissive)
        h.send(fragment(4, at: 60, .agent), curt)
        #expect(h.kinds(.agentMisconduct).map(\.seq) == [1, 2])
    }

    /// Goodbyes and things given away after the customer told of a move abroad are the move's
    /// business: the statement waits for more, and alone it still alerts. A burden told in the
    /// same breath (这些年我一直是家里的累赘) is no move's, and alerts after the move too.
    @Test func partingAfterAMoveWaitsButABurdenDoesNot() {
        var scorer = Scorer(lexicon: .embedded)
        let move = scorer.score("Hi Priya. I'm moving to Portugal at the end of the month, for good, and I need to sort out my accounts.")
        let parting = scorer.score("It's been a strange few weeks. I've given away most of the furniture and I've been saying goodbye to everyone at church.")
        #expect(move.tells.contains(.move) && !move.categories.contains(.selfHarm))
        #expect(parting.explainableBy.contains(.move) && parting.categories.contains(.selfHarm))
        #expect(selfHarmAlerts(parting) == [1])
        #expect(selfHarmAlerts(move, parting).isEmpty)
        let moving = scorer.score("你好，想约个搬家，下周六上午，从杭州拱墅区到绍兴柯桥。")
        let burden = scorer.score("该交代的我都交代好了，卡里的钱、猫，都托付给她了。这些年我一直是家里的累赘，我走了她们就轻松了。")
        #expect(moving.tells.contains(.move) && burden.explainableBy.isEmpty && burden.categories.contains(.selfHarm))
        #expect(selfHarmAlerts(moving, burden) == [2])
        // A city moved to tells the move as a country does; "won't be around" then is the move's.
        let lisbon = scorer.score("Hi! I'm moving to Lisbon at the end of the month and need to sort out my broadband and phone before I go.")
        let away = scorer.score("I won't be around after the 30th to let an engineer in, so hopefully nothing needs a visit.")
        #expect(lisbon.tells.contains(.move) && away.explainableBy.contains(.move))
        // Three lines the move explains never alert alone, however many weak statements wait.
        let goodbyes = scorer.score("Today's my last day in the flat, so I've been saying goodbye to all the neighbours.")
        let admin = scorer.score("It's my last bit of admin before I go.")
        #expect(goodbyes.explainableBy.contains(.move) && admin.explainableBy.contains(.move))
        #expect(selfHarmAlerts(lisbon, goodbyes, away, admin).isEmpty)
    }

    /// A jump spoken of after a skydive was booked waits for more; a death the customer already
    /// told of, spoken of again (人都不在了), is not read as the customer's own by the learned
    /// layer alone.
    @Test func aJumpAfterASkydiveAndTheDeadSpokenOfAgainWait() {
        var scorer = Scorer(lexicon: .embedded)
        let booked = scorer.score("你好，我下個月要跟團去澳洲凱恩斯，想加訂那個高空跳傘的行程。")
        let jump = scorer.score("一萬四千呎好了，反正都要從飛機上跳下去了，乾脆跳最高的。")
        #expect(booked.tells.contains(.sportJump) && jump.explainableBy.contains(.sportJump) && jump.categories.contains(.selfHarm))
        #expect(selfHarmAlerts(booked, jump).isEmpty)
        let death = scorer.score("你好，我父亲上个月去世了，他名下有一个手机号，想问问怎么过户到我名下。")
        let gone = scorer.score("那就放心了。人都不在了，我不想这个号突然打不通，我妈会难受。")
        #expect(death.tells.contains(.death) && gone.tells.contains(.death) && !gone.ruleCategories.contains(.selfHarm))
        #expect(selfHarmAlerts(death, gone).isEmpty)
    }

    /// The seqs of the self-harm alerts when the customer says `lines` twenty seconds apart.
    func selfHarmAlerts(_ lines: Score...) -> [Int64] {
        var h = Harness()
        for (k, line) in lines.enumerated() { h.send(fragment(Int64(k + 1), at: Double(20 * k), .customer), line) }
        return h.kinds(.selfHarm).map(\.seq)
    }
}
