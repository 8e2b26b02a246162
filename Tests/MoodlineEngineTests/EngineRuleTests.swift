import MoodlineCore
import Testing
@testable import MoodlineEngine

@Suite struct OneShotRuleTests {
    @Test func selfHarmFiresOnOneStatementFromTheCustomerOnly() {
        var h = Harness()
        h.send(fragment(1, at: 0, .agent), score(0.2))
        h.send(fragment(2, at: 5, .customer), score(-0.6, .selfHarm))
        // The agent repeating the words neither fires nor opens a second episode.
        h.send(fragment(3, at: 10, .agent), score(-0.4, .selfHarm))
        let alerts = h.kinds(.selfHarm)
        #expect(alerts.count == 1)
        #expect(alerts.first?.seq == 2)
        #expect(alerts.first?.speaker == .customer)
        #expect(alerts.first?.severity == .critical)
        #expect(alerts.first?.episode == 1)
        #expect(h.kinds(.agentMisconduct).isEmpty)
    }

    /// An agent who asks whether the customer is safe heard something the words did not show:
    /// the question opens the self-harm episode, once, and names itself as the evidence.
    @Test func anAgentsSafetyQuestionOpensTheSelfHarmEpisode() {
        var question = score(0.1, .empathy)
        question.asksAfterSafety = true
        var h = Harness()
        h.send(fragment(1, at: 0, .customer), score(-0.3))
        h.send(fragment(2, at: 5, .agent), question)
        h.send(fragment(3, at: 10, .customer), score(-0.6, .selfHarm))
        let alerts = h.kinds(.selfHarm)
        #expect(alerts.map(\.seq) == [2])
        #expect(alerts.first?.severity == .critical)
        #expect(alerts.first?.evidence.contains { $0.kind == "pattern" && $0.label == EvidenceLabel.safetyQuestion } == true)
        // Asked after the customer's own words, it adds nothing.
        var after = Harness()
        after.send(fragment(1, at: 0, .customer), score(-0.6, .selfHarm))
        after.send(fragment(2, at: 5, .agent), question)
        #expect(after.kinds(.selfHarm).map(\.seq) == [1])
        // The customer asking it of the agent is no question of the agent's.
        var customer = Harness()
        customer.send(fragment(1, at: 0, .customer), question)
        #expect(customer.kinds(.selfHarm).isEmpty)
    }

    /// A safety question that reads like a death wish at the customer (您是在想结束自己的生命吗？
    /// beside the words of death) is care, not misconduct; the same words with no care are.
    @Test func anAgentsCaringQuestionIsNoMisconduct() {
        var caring = score(0, .abuse, .empathy)
        caring.scopedCategories = CategorySet(.selfHarm)
        var h = Harness()
        h.send(fragment(1, at: 0, .agent), caring)
        #expect(h.kinds(.agentMisconduct).isEmpty)
        var cold = score(-0.4, .abuse)
        cold.scopedCategories = CategorySet(.selfHarm)
        var rude = Harness()
        rude.send(fragment(1, at: 0, .agent), cold)
        #expect(rude.kinds(.agentMisconduct).map(\.seq) == [1])
    }

    @Test func repeatedStatementsStayOneEpisodeThenANewOneAfterTheCooldown() {
        var h = Harness()
        h.send(fragment(1, at: 0, .customer), score(-0.6, .selfHarm))
        h.send(fragment(2, at: 20, .customer), score(-0.6, .selfHarm))
        h.send(fragment(3, at: 200, .customer), score(-0.6, .selfHarm))  // within 300 s of the last one
        #expect(h.kinds(.selfHarm).map(\.episode) == [1])
        h.send(fragment(4, at: 600, .customer), score(-0.6, .selfHarm))  // 400 s of silence on it
        #expect(h.kinds(.selfHarm).map(\.episode) == [1, 2])
        #expect(h.kinds(.selfHarm).map(\.seq) == [1, 4])
    }

    /// While a self-harm episode is open, stopping a contract or counting calls is affairs put
    /// in order or how it came to this: the critical alert carries them. After it, they alert.
    @Test func aSelfHarmCrisisCarriesChurnAndRepeatContact() {
        var h = Harness()
        h.send(fragment(1, at: 0, .customer), score(-0.6, .selfHarm, .churn))
        h.send(fragment(2, at: 20, .customer), score(-0.4, .churn))
        h.send(fragment(3, at: 40, .customer), score(-0.4, .repeatContact))
        #expect(h.kinds(.selfHarm).count == 1)
        #expect(h.kinds(.churnThreat).isEmpty)
        #expect(h.kinds(.repeatContact).isEmpty)
        h.send(fragment(4, at: 400, .customer), score(-0.4, .churn))  // the crisis episode has closed
        #expect(h.kinds(.churnThreat).map(\.seq) == [4])
    }

    @Test func insultsAreAbuseFromTheCustomerAndMisconductFromTheAgent() {
        var h = Harness()
        h.send(fragment(1, at: 0, .customer), score(-0.8, .abuse))
        h.send(fragment(2, at: 5, .agent), score(-0.5, .abuse))
        #expect(h.kinds(.abuse).map(\.seq) == [1])
        #expect(h.kinds(.agentMisconduct).map(\.seq) == [2])
        #expect(h.kinds(.agentMisconduct).first?.speaker == .agent)
    }

    @Test func rudenessFromTheAgentIsMisconductFromTheCustomerNothing() {
        var h = Harness()
        h.send(fragment(1, at: 0, .customer), score(-0.2, .rude))
        h.send(fragment(2, at: 5, .agent), score(-0.1, .rude))
        #expect(h.alerts.map(\.kind) == [.agentMisconduct])
    }

    @Test func customerThreatsFireOnlyFromTheCustomer() {
        var h = Harness()
        h.send(fragment(1, at: 0, .agent), score(0, .escalation, .churn, .repeatContact))
        #expect(h.alerts.isEmpty)
        h.send(fragment(6, at: 60, .customer), score(-0.3, .escalation, .churn, .repeatContact))
        #expect(h.alerts.map(\.kind) == [.escalationThreat, .churnThreat, .repeatContact])
        #expect(h.alerts.map(\.severity) == [.critical, .warning, .info])
    }

    /// Going where the agent just pointed ("建议您到派出所报案" → "OK 我下班就去派出所") is
    /// following advice, not a threat; later, the same words are a threat again.
    @Test func goingWhereTheAgentPointedIsNoThreat() {
        var advice = score(0, .escalation)
        advice.pointsOutside = true
        var h = Harness()
        h.send(fragment(1, at: 0, .agent), advice)
        h.send(fragment(2, at: 10, .customer), score(-0.2, .escalation))
        #expect(h.kinds(.escalationThreat).isEmpty)
        h.send(fragment(7, at: 70, .customer), score(-0.5, .escalation))
        #expect(h.kinds(.escalationThreat).map(\.seq) == [7])
        var unprompted = Harness()
        unprompted.send(fragment(2, at: 10, .customer), score(-0.2, .escalation))
        #expect(unprompted.kinds(.escalationThreat).map(\.seq) == [2])
        // Sequence numbers far apart (the peer's to choose) neither trap nor count as "just after".
        var far = Harness()
        far.send(fragment(-9_000_000_000_000_000_000, at: 0, .agent), advice)
        far.send(fragment(9_000_000_000_000_000_000, at: 10, .customer), score(-0.2, .escalation))
        #expect(far.kinds(.escalationThreat).count == 1)
        // An outside body named as the source of a rule ("复核费是物价部门核定的") points nowhere:
        // the customer's "我就打12345" that follows is a threat.
        var named = Harness()
        named.send(fragment(1, at: 0, .agent), score(0, .escalation))
        named.send(fragment(2, at: 10, .customer), score(-0.5, .escalation))
        #expect(named.kinds(.escalationThreat).map(\.seq) == [2])
        // A dare ("有本事你去告啊") is rudeness, no advice: the threat that answers it counts.
        var dare = score(-0.5, .escalation, .rude)
        dare.pointsOutside = true
        var dared = Harness()
        dared.send(fragment(1, at: 0, .agent), dare)
        dared.send(fragment(2, at: 10, .customer), score(-0.5, .escalation))
        #expect(dared.kinds(.escalationThreat).map(\.seq) == [2])
    }

    @Test func evidenceNamesTheStatementAndTheLevels() {
        var h = Harness()
        let alert = h.send(fragment(1, at: 0, .customer), score(-0.6, .escalation)).first
        let evidence = alert?.evidence ?? []
        #expect(evidence.contains { $0.kind == "term" && $0.seq == 1 })
        #expect(evidence.contains { $0.kind == "score" && $0.label == "customer_valence" })
    }
}

@Suite struct SustainedRuleTests {
    @Test func negativeNeedsTheHoldAndFiresOncePerEpisode() {
        var h = Harness {
            $0.rules.customerNegative.holdFragments = 2
            $0.rules.customerNegative.immediateLevel = nil
        }
        h.send(fragment(1, at: 0, .customer), score(-0.8))
        #expect(h.kinds(.customerNegative).isEmpty)  // hold: two fragments
        h.send(fragment(2, at: 30, .customer), score(-0.8))
        #expect(h.kinds(.customerNegative).map(\.seq) == [2])
        for seq in 3...6 { h.send(fragment(Int64(seq), at: Double(seq) * 30, .customer), score(-0.8)) }
        #expect(h.kinds(.customerNegative).count == 1)
    }

    /// A line with no feeling (a reference number read out) moves the customer's mood at half
    /// weight: a complaint around it still holds. A glad line moves it in full.
    @Test func aFlatLineThinsTheMoodLessThanAGladOne() {
        func run(_ second: Score) -> [Int64] {
            // The first line alone stays under `enter` only at a light first weight.
            var h = Harness {
                $0.rules.customerNegative.holdFragments = 2
                $0.rules.customerNegative.immediateLevel = nil
                $0.smoothing.minimumWeight = 0.3
            }
            h.send(fragment(1, at: 0, .customer), score(-0.5))
            h.send(fragment(2, at: 30, .customer), score(-0.5))
            h.send(fragment(3, at: 60, .customer), second)
            return h.kinds(.customerNegative).map(\.seq)
        }
        #expect(run(score(0)) == [3])
        #expect(run(score(0.3)).isEmpty)
    }

    @Test func oneClearlyUnhappyLineSkipsTheHoldAMildOneDoesNot() {
        var mild = Harness { $0.rules.customerNegative.holdFragments = 2 }
        mild.send(fragment(1, at: 0, .customer), score(-0.4))
        #expect(mild.kinds(.customerNegative).isEmpty)
        var strong = Harness { $0.rules.customerNegative.holdFragments = 2 }
        strong.send(fragment(1, at: 0, .customer), score(-0.8, .grievance))
        #expect(strong.kinds(.customerNegative).map(\.seq) == [1])
        var agitated = Harness { $0.rules.customerNegative.holdFragments = 2 }
        agitated.send(fragment(1, at: 0, .customer), score(-0.8, arousal: 0.7))
        #expect(agitated.kinds(.customerNegative).map(\.seq) == [1])
        var never = Harness {
            $0.rules.customerNegative.holdFragments = 2
            $0.rules.customerNegative.immediateLevel = nil
        }
        never.send(fragment(1, at: 0, .customer), score(-0.8, .grievance))
        #expect(never.kinds(.customerNegative).isEmpty)
    }

    /// A first negative line with nothing pointed in it (a task's "wrong email, can you cancel
    /// it?", a sad story) waits for the hold; after a line already negative, or handing the
    /// agent's words back, the same strength skips it.
    @Test func aFlatFirstNegativeLineWaitsForTheHold() {
        var flat = Harness { $0.rules.customerNegative.holdFragments = 2 }
        flat.send(fragment(1, at: 0, .customer), score(-0.8))
        #expect(flat.kinds(.customerNegative).isEmpty)
        flat.send(fragment(2, at: 30, .customer), score(0.4))
        #expect(flat.kinds(.customerNegative).isEmpty)

        var after = Harness { $0.rules.customerNegative.holdFragments = 3 }
        after.send(fragment(1, at: 0, .customer), score(-0.5))
        after.send(fragment(2, at: 30, .customer), score(-0.8))
        #expect(after.kinds(.customerNegative).map(\.seq) == [2])

        var echoed = Harness { $0.rules.customerNegative.holdFragments = 2 }
        echoed.send(fragment(1, at: 0, .agent, text: "The earliest slot is Tuesday."), score(0))
        echoed.send(fragment(2, at: 30, .customer, text: "Tuesday? I have been without heating all week."), score(-0.6))
        #expect(echoed.kinds(.customerNegative).map(\.seq) == [2])
    }

    /// An aside ("ugh this stupid phone", 气死我了哈哈) is a real feeling but no grievance on its
    /// own: it opens neither mood alone and moves the level at half weight; two in a row of
    /// plain unhappiness still do.
    @Test func anAsideOpensNoMoodAlertOnItsOwn() {
        var aside = score(-0.8, arousal: 0.8)
        aside.isAside = true
        var h = Harness()
        h.send(fragment(1, at: 0, .customer), aside)
        #expect(h.kinds(.customerNegative).isEmpty && h.kinds(.customerAnger).isEmpty)
        h.send(fragment(2, at: 20, .customer), score(0))
        #expect(h.alerts.isEmpty)
        var plain = Harness()
        plain.send(fragment(1, at: 0, .customer), score(-0.8, arousal: 0.8))
        #expect(plain.kinds(.customerNegative).map(\.seq) == [1])
    }

    /// A story (a sister's nightmare with another app, a trouble settled since) adds to the
    /// mood but is never the line that opens it: after one unhappy line, the story holds the
    /// alert back, and the customer's own next complaint opens it.
    @Test func aStoryIsNotTheLineThatOpensAMoodAlert() {
        var story = score(-0.8)
        story.isAside = true
        story.isStory = true
        var h = Harness { $0.rules.customerNegative.holdFragments = 2 }
        h.send(fragment(1, at: 0, .customer), score(-0.5))
        h.send(fragment(2, at: 30, .customer), story)
        #expect(h.kinds(.customerNegative).isEmpty)
        h.send(fragment(3, at: 60, .customer), score(-0.5))
        #expect(h.kinds(.customerNegative).map(\.seq) == [3])
        // The same line as an aside that is no story (a thing cursed) may complete the hold.
        var aside = score(-0.8)
        aside.isAside = true
        var other = Harness { $0.rules.customerNegative.holdFragments = 2 }
        other.send(fragment(1, at: 0, .customer), score(-0.5))
        other.send(fragment(2, at: 30, .customer), aside)
        #expect(other.kinds(.customerNegative).map(\.seq) == [2])
    }

    @Test func hysteresisKeepsTheEpisodeOpenBetweenExitAndEnter() {
        var h = Harness { $0.rules.customerNegative.cooldownSeconds = 0 }
        h.send(fragment(1, at: 0, .customer), score(-0.8))
        h.send(fragment(2, at: 30, .customer), score(-0.8))
        #expect(h.kinds(.customerNegative).count == 1)
        // Hovering between exit (0.05) and enter (0.2) neither ends nor refires the episode.
        var ts = 60.0
        var seq: Int64 = 3
        for v: Float in [-0.1, -0.12, -0.3, -0.4, -0.1] {
            h.send(fragment(seq, at: ts, .customer), score(v))
            seq += 1
            ts += 30
        }
        #expect(h.kinds(.customerNegative).count == 1)
        // Recovery below exit ends it; a new run above enter opens episode 2.
        for v: Float in [0.6, 0.6, 0.6, -0.9, -0.9, -0.9] {
            h.send(fragment(seq, at: ts, .customer), score(v))
            seq += 1
            ts += 30
        }
        #expect(h.kinds(.customerNegative).map(\.episode) == [1, 2])
    }

    @Test func cooldownDelaysASecondEpisode() {
        var h = Harness { $0.rules.customerNegative.cooldownSeconds = 1000 }
        var seq: Int64 = 1
        for (ts, v) in [(0.0, -0.9), (30, -0.9), (60, 0.8), (90, 0.8), (120, -0.9), (150, -0.9), (180, -0.9)] as [(Double, Float)] {
            h.send(fragment(seq, at: ts, .customer), score(v))
            seq += 1
        }
        #expect(h.kinds(.customerNegative).count == 1)
        h.send(fragment(seq, at: 1100, .customer), score(-0.9))
        #expect(h.kinds(.customerNegative).count == 2)
    }

    @Test func angerNeedsNegativeAndAgitated() {
        var calm = Harness()
        for i in 1...5 { calm.send(fragment(Int64(i), at: Double(i) * 20, .customer), score(-0.8, arousal: 0)) }
        #expect(calm.kinds(.customerAnger).isEmpty)
        #expect(!calm.kinds(.customerNegative).isEmpty)

        var excitedHappy = Harness()
        for i in 1...5 { excitedHappy.send(fragment(Int64(i), at: Double(i) * 20, .customer), score(0.8, arousal: 0.9)) }
        #expect(excitedHappy.alerts.isEmpty)

        var angry = Harness()
        for i in 1...5 { angry.send(fragment(Int64(i), at: Double(i) * 20, .customer), score(-0.7, arousal: 0.8)) }
        #expect(angry.kinds(.customerAnger).count == 1)
        #expect(angry.kinds(.customerAnger).first?.severity == .warning)
    }

    /// A complaint told flatly ("that's what the last two people said", 又測試) is anger held
    /// in: negative lines that carry a grievance, a repeat contact or a threat count as
    /// agitated, though their words are calm. Plain negativity without them stays customer_negative.
    @Test func flatComplaintsAreAngerPlainNegativityIsNot() {
        func anger(_ categories: Category...) -> Int {
            Harness.customerAlerts(.customerAnger, lines: 5, valence: -0.6, arousal: 0.05, stating: categories)
        }
        #expect(anger() == 0)
        #expect(anger(.grievance) == 1)
        #expect(anger(.repeatContact) == 1)
        #expect(anger(.churn) == 1)
    }

    /// A complaint is at least mildly negative however soft its words ("Third box in a row like
    /// this"): a repeat contact at -0.1 opens customer_negative where plain -0.1 lines do not.
    @Test func aSoftlyWordedComplaintIsStillNegative() {
        func negative(_ categories: Category...) -> Int {
            Harness.customerAlerts(.customerNegative, lines: 4, valence: -0.1, arousal: 0.05, stating: categories)
        }
        #expect(negative() == 0)
        #expect(negative(.repeatContact) == 1)
        var mild = Score()
        mild.valence = -0.1
        mild.categories.insert(.grievance)
        #expect(Engine.mood(mild, arousal: 0.1, speaker: .customer, text: "").valence <= -Engine.complaintFloor)
        // A warm line is no complaint, whatever it names.
        var warm = Score()
        warm.valence = 0.5
        warm.categories.insert(.repeatContact)
        #expect(Engine.mood(warm, arousal: 0.1, speaker: .customer, text: "").valence == 0.5)
    }

    /// Anger waits for a second fragment above the enter level, unless the fragment alone is
    /// furious (`immediate_level`): one cross line in a calm call is not anger.
    @Test func angerWaitsForASecondFragmentUnlessFurious() {
        func firstAnger(_ valence: Float, _ arousal: Float, hold: Int, immediate: Double?) -> Int64? {
            var h = Harness {
                $0.rules.customerAnger.holdFragments = hold
                $0.rules.customerAnger.immediateLevel = immediate
            }
            for i in 1...6 { h.send(fragment(Int64(i), at: Double(i) * 20, .customer), score(valence, arousal: arousal)) }
            return h.kinds(.customerAnger).first?.seq
        }
        let defaults = EngineConfig().rules.customerAnger
        #expect(defaults.holdFragments == 2)
        let cross = try! #require(firstAnger(-0.55, 0.55, hold: 1, immediate: nil))
        #expect(firstAnger(-0.55, 0.55, hold: 2, immediate: defaults.immediateLevel) == cross + 1)
        let furious = try! #require(firstAnger(-0.95, 0.95, hold: 1, immediate: nil))
        #expect(firstAnger(-0.95, 0.95, hold: 2, immediate: defaults.immediateLevel) == furious)
        #expect(firstAnger(-0.95, 0.95, hold: 2, immediate: nil) == furious + 1)
    }

    @Test func customerMoodNeverRaisesAgentKindsAndViceVersa() {
        var h = Harness()
        for i in 1...6 { h.send(fragment(Int64(i), at: Double(i) * 20, .customer), score(-0.9, arousal: 0.9)) }
        #expect(h.kinds(.agentStress).isEmpty)
        var g = Harness()
        for i in 1...6 { g.send(fragment(Int64(i), at: Double(i) * 20, .agent), score(-0.9, arousal: 0.9)) }
        #expect(g.kinds(.agentStress).count == 1)
        #expect(g.alerts.allSatisfy { $0.kind == .agentStress })
    }

    @Test func empathyAndApologyAreNotAgentStress() {
        var h = Harness()
        for i in 1...6 {
            let s = i.isMultiple(of: 2) ? score(-0.5, .apology) : score(-0.4, .empathy)
            h.send(fragment(Int64(i), at: Double(i) * 20, .agent), s)
        }
        #expect(h.kinds(.agentStress).isEmpty)
    }

    /// The crisis protocol ("are you thinking of hurting yourself?", 请立刻拨打110) carries the
    /// customer's risk words, not the agent's own distress.
    @Test func theCrisisProtocolIsNotAgentStress() {
        var h = Harness()
        for i in 1...4 {
            let s = i.isMultiple(of: 2) ? score(-0.8, arousal: 0.6, .selfHarm) : score(-0.3, arousal: 0.6, .escalation)
            h.send(fragment(Int64(i), at: Double(i) * 20, .agent), s)
        }
        #expect(h.kinds(.agentStress).isEmpty)
        #expect(h.kinds(.selfHarm).isEmpty, "the agent's words raise no self-harm alert either")
    }

    /// Empathy that names the customer's anger (我理解您现在很生气) stirs the agent at a quarter
    /// weight; a flustered apology ("sorry, the system is so slow") counts in full.
    @Test func empathyNamingFeelingsStirsTheAgentAtAQuarterWeight() {
        var empathy = Harness()
        var apology = Harness()
        for i in 1...4 {
            empathy.send(fragment(Int64(i), at: Double(i) * 20, .agent), score(-0.3, arousal: 0.5, .empathy))
            apology.send(fragment(Int64(i), at: Double(i) * 20, .agent), score(-0.3, arousal: 0.5, .apology))
        }
        #expect(empathy.kinds(.agentStress).isEmpty)
        #expect(apology.kinds(.agentStress).count == 1)
    }

    @Test func interruptionsCountAgentOverlapsInTheWindowOnly() {
        var h = Harness()
        // Customer talk-overs do not count.
        for i in 1...4 { h.send(fragment(Int64(i), at: Double(i) * 5, .customer, overlap: 1.5, channel: .voice), score(0)) }
        #expect(h.kinds(.interruptions).isEmpty)
        h.send(fragment(5, at: 30, .agent, overlap: 1.2, channel: .voice), score(0))
        h.send(fragment(6, at: 40, .agent, overlap: 0.1, channel: .voice), score(0))  // below the minimum
        h.send(fragment(7, at: 50, .agent, overlap: 0.9, channel: .voice), score(0))
        #expect(h.kinds(.interruptions).isEmpty)
        h.send(fragment(8, at: 60, .agent, overlap: 1.0, channel: .voice), score(0))
        let alert = h.kinds(.interruptions).first
        #expect(alert?.seq == 8)
        #expect(alert?.evidence.filter { $0.label == "overlap_s" }.compactMap(\.seq).sorted() == [5, 7, 8])
        #expect(h.engine.snapshot(session: "s-1")?.openAlerts.contains(.interruptions) == true)
    }

    @Test func overlapsOutsideTheWindowDoNotAddUp() {
        var h = Harness()
        h.send(fragment(1, at: 0, .agent, overlap: 1, channel: .voice), score(0))
        h.send(fragment(2, at: 100, .agent, overlap: 1, channel: .voice), score(0))
        h.send(fragment(3, at: 200, .agent, overlap: 1, channel: .voice), score(0))
        #expect(h.kinds(.interruptions).isEmpty)
    }

    @Test func nonCriticalAlertsAreCappedButSelfHarmNeverIs() {
        var h = Harness {
            $0.sessions.maxNonCriticalAlerts = 1
            $0.rules.churnThreat.cooldownSeconds = 0
            $0.rules.selfHarm.cooldownSeconds = 0
        }
        h.send(fragment(1, at: 0, .customer), score(0, .churn))
        h.send(fragment(2, at: 10, .customer), score(0, .churn))
        h.send(fragment(3, at: 20, .customer), score(0, .selfHarm))
        h.send(fragment(4, at: 30, .customer), score(0, .selfHarm))
        #expect(h.kinds(.churnThreat).count == 1)
        #expect(h.kinds(.selfHarm).map(\.episode) == [1, 2])
        #expect(h.engine.counters.alertsSuppressed == 1)
    }
}

@Suite struct InterimTests {
    @Test func interimRaisesSelfHarmEarlyAndTheFinalDoesNotRepeatIt() {
        var h = Harness()
        h.send(fragment(1, at: 0, .customer, text: "I don't want", final: false), score(-0.5, .selfHarm))
        #expect(h.kinds(.selfHarm).map(\.seq) == [1])
        h.send(fragment(1, at: 2, .customer, text: "I don't want to live", final: true), score(-0.7, .selfHarm))
        #expect(h.kinds(.selfHarm).count == 1)
        #expect(h.rejections.isEmpty)
    }

    @Test func interimNeverMovesMoodCountsOrOtherKinds() {
        var h = Harness()
        for i in 1...5 {
            h.send(fragment(Int64(i), at: Double(i) * 20, .customer, final: false), score(-0.9, arousal: 0.9, .churn, .escalation))
        }
        #expect(h.alerts.isEmpty)
        let snap = h.engine.snapshot(session: "s-1")
        #expect(snap?.customerValence == 0)
        #expect(snap?.fragments == 0)
        #expect(h.engine.counters.interimFragments == 5)
    }

    @Test func interimAbuseFromTheAgentIsIgnored() {
        var h = Harness()
        h.send(fragment(1, at: 0, .agent, final: false), score(-0.9, .abuse))
        #expect(h.alerts.isEmpty)
    }
}

/// "Anger that keeps climbing" becomes an urgent ticket (the mission's list of high-risk moments).
@Suite struct ClimbingAngerTests {
    /// Customer statements 20 s apart, each given as (valence, arousal).
    static func feed(_ h: inout Harness, _ turns: [(Float, Float)], from seq: Int64 = 1) {
        for (i, t) in turns.enumerated() {
            h.send(fragment(seq + Int64(i), at: Double(seq + Int64(i)) * 20, .customer), score(t.0, arousal: t.1))
        }
    }

    static let climbing: [(Float, Float)] = [(-0.5, 0.5), (-0.6, 0.6), (-0.7, 0.7), (-0.8, 0.8), (-0.9, 0.9), (-0.95, 0.95)]

    @Test func angerThatKeepsClimbingEscalatesToCriticalOnce() throws {
        var h = Harness()
        Self.feed(&h, Self.climbing)
        Self.feed(&h, [(-1, 1), (-1, 1)], from: 7)
        let anger = h.kinds(.customerAnger)
        #expect(anger.map(\.severity) == [.warning, .critical], "\(anger.map { ($0.seq, $0.severity) })")
        let critical = try #require(anger.last)
        #expect(critical.episode == 2, "a ticket of its own: session/customer_anger/2")
        #expect(critical.evidence.contains { $0.label == "customer_anger_rising_fragments" && ($0.value ?? 0) >= 2 })
        #expect(critical.evidence.contains { $0.label == "customer_anger_level" && ($0.value ?? 0) >= 0.65 })
    }

    @Test func angerThatStaysHighButDoesNotClimbStaysAWarning() {
        var h = Harness()
        Self.feed(&h, Array(repeating: (-0.9, 0.9), count: 8))
        #expect(h.kinds(.customerAnger).map(\.severity) == [.warning])
    }

    @Test func noSecondPageWhileAnotherCriticalEpisodeIsOpen() {
        var h = Harness()
        Self.feed(&h, Array(Self.climbing.prefix(2)))
        // The customer insults the agent: abuse, critical, a supervisor is paged.
        h.send(fragment(3, at: 60, .customer), score(-0.7, arousal: 0.7, .abuse))
        Self.feed(&h, Array(Self.climbing.suffix(3)), from: 4)
        #expect(h.kinds(.abuse).count == 1)
        #expect(h.kinds(.customerAnger).map(\.severity) == [.warning])
    }

    @Test func theEscalationCanBeTurnedOff() {
        var h = Harness { $0.rules.customerAnger.criticalLevel = nil }
        Self.feed(&h, Self.climbing)
        #expect(h.kinds(.customerAnger).map(\.severity) == [.warning])
    }
}

@Suite struct RiskTests {
    /// The live table sorts by risk: it must order conversations, not saturate.
    @Test func riskIsGradedBySeverityThenMood() throws {
        var h = Harness()
        // A calm call, an angry one with a warning, one with an abuse ticket, one with self-harm.
        h.send(fragment(1, at: 0, .customer, session: "calm"), score(0.3))
        h.send(fragment(1, at: 0, .customer, session: "churn"), score(-0.5, .churn))
        h.send(fragment(1, at: 0, .customer, session: "abuse"), score(-0.9, arousal: 0.8, .abuse))
        h.send(fragment(2, at: 5, .customer, session: "abuse"), score(-0.9, arousal: 0.8, .escalation))
        h.send(fragment(1, at: 0, .customer, session: "self"), score(-0.6, .selfHarm))
        func risk(_ session: String) throws -> Double { try #require(h.engine.currentSnapshot(session: session)).risk }
        let calm = try risk("calm"), churn = try risk("churn"), abuse = try risk("abuse"), selfHarm = try risk("self")
        #expect(calm < 0.1)
        #expect(churn > calm && churn < 0.55)
        #expect(abuse >= 0.55 && abuse < 1, "two open criticals stay below the ceiling: \(abuse)")
        #expect(selfHarm > 0.6 && selfHarm < abuse + 0.1)
        #expect(Set([calm, churn, abuse, selfHarm]).count == 4)
    }
}
