import MoodlineCore

// The rules. One-shot kinds fire on one clear statement; sustained kinds on smoothed levels
// with hysteresis and a hold. Each kind fires once per episode.

/// What the rules know about the fragment being handled.
struct FragmentContext {
    var seq: Int64
    var ts: Double
    var speaker: Speaker
    var isFinal: Bool
    var score: Score
    /// Fused arousal of this fragment.
    var arousal: Float
    var prosody: ProsodyAssessment?
    /// The customer speaks of going to someone whose death the conversation told
    /// (``Score/speaksOfJoiningTheDead``), and the line reads as self-harm: a disclosure, though
    /// the learned layer alone stated it.
    var joinsTheDead = false
    /// The line reads as self-harm on words what the customer told explains: goodbyes or things
    /// given away after a move away, jumping after a skydive was booked (``Score/explainableBy``).
    /// Likely that business, so the statement waits for more, as a weak one does, and the line's
    /// despair is not counted.
    var explainedByWhatWasTold = false
    /// The line tells of a death the customer already told of, and only the learned layer reads
    /// self-harm in it (我父亲上个月去世了… then 人都不在了，我不想这个号突然打不通): the statement
    /// waits for more, as a weak one does.
    var mournsTheDead = false
}

extension Engine {
    /// The kinds a statement raises, by speaker. Order is the order alerts are emitted in.
    static let customerStatements: [(AlertKind, CategorySet)] = [
        (.selfHarm, CategorySet(.selfHarm)),
        (.abuse, CategorySet(.abuse)),
        (.escalationThreat, CategorySet(.escalation)),
        (.churnThreat, CategorySet(.churn)),
        (.repeatContact, CategorySet(.repeatContact)),
    ]
    static let agentStatements: [(AlertKind, CategorySet)] = [
        (.agentMisconduct, CategorySet(.abuse).union(CategorySet(.rude))),
    ]

    mutating func process(_ fragment: Fragment, score: Score, slot: Int32, into output: inout EngineOutput) {
        if fragment.isFinal { transcripts.append(fragment, to: slot) }
        let alertsBefore = output.alerts.count
        // The session is changed where it lies: the rules are static and get the engine's other
        // members as arguments (disjoint stored properties), so its state is never copied out and back.
        let point = Self.apply(
            fragment, score: score, to: &slots[Int(slot)], configuration: configuration, lexicon: scorer.lexicon,
            counters: &counters, into: &output)
        if let point { history.append(point, to: slot) }
        // An urgent alert carries the last turns of both speakers, so the ticket shows what was said.
        for k in alertsBefore..<output.alerts.count where output.alerts[k].severity == .critical {
            output.alerts[k].transcript = transcripts.redacted(slot)
        }
        noteSnapshot(slot: slot, ts: fragment.ts, into: &output)
    }

    /// Runs one fragment through a session's levels and rules. Returns the point of history
    /// it makes (none for an interim result).
    private static func apply(
        _ fragment: Fragment, score: Score, to s: inout SessionState, configuration config: EngineConfig,
        lexicon: Lexicon, counters: inout EngineCounters, into output: inout EngineOutput
    ) -> SessionSnapshot.Point? {
        if fragment.isFinal {
            counters.fragments += 1
        } else {
            counters.interimFragments += 1
        }
        var context = FragmentContext(
            seq: fragment.seq, ts: fragment.ts, speaker: fragment.speaker, isFinal: fragment.isFinal,
            score: score, arousal: score.arousal, prosody: nil)

        // Interim text never moves the levels, counts or baselines: its final version will.
        if !fragment.isFinal {
            guard config.interim.raiseUrgent, fragment.speaker == .customer else { return nil }
            for (kind, categories) in Self.customerStatements where kind == .selfHarm || kind == .abuse {
                if !score.categories.intersection(categories).isEmpty {
                    statement(kind, categories, context, &s, config, lexicon, &counters, into: &output)
                }
            }
            return nil
        }

        if let reading = fragment.prosody {
            let calm = Double(score.valence) > config.prosody.calmTextValence
                && Double(score.arousal) < config.prosody.calmTextArousal
            let seconds = Self.speechSeconds(fragment.text, rate: reading.rateSPS ?? config.prosody.defaultRateSPS)
            let assessment = s.change(fragment.speaker) { $0.baseline.assess(reading, speechSeconds: seconds, textIsCalm: calm) }
            context.prosody = assessment
            context.arousal = fusedArousal(text: score.arousal, prosody: assessment, prosodyShare: Float(config.prosody.share))
        }
        if fragment.speaker == .customer {
            // "I'm moving abroad at the end of the month", then four lines on "I've given away most
            // of my furniture and said my goodbyes"; a skydive booked, then 反正都要從飛機上跳下去了:
            // that business, unless more is said. 等这礼拜过完，我就去找老伴了 alone could be a visit,
            // and the learned layer's self-harm on it a guess; two lines after 老伴走了以后 the two
            // together are a disclosure. An errand (我去找他单位开证明) the learned layer does not
            // read as self-harm stays one.
            let toldBefore = s.customerTold
            s.customerTold.formUnion(score.tells)
            let selfHarm = score.categories.contains(.selfHarm)
            context.explainedByWhatWasTold = selfHarm && !score.explainableBy.intersection(s.customerTold).isEmpty
            context.mournsTheDead = selfHarm && score.tells.contains(.death) && toldBefore.contains(.death)
                && !score.ruleCategories.contains(.selfHarm)
            context.joinsTheDead = selfHarm && score.speaksOfJoiningTheDead && s.customerTold.contains(.death)
        }
        let echo = fragment.speaker == .customer ? Echo.of(fragment.text, after: s.lastAgentText) : nil
        // Looked for only where it could tell sarcasm: glad words from an unhappy customer.
        let laterEcho = fragment.speaker == .customer && echo == nil && score.valence >= Self.gladEcho
            && s.customer.valence <= -Self.sarcasticPrior ? Echo.of(fragment.text, after: s.lastAgentText, afterOneWord: true) : nil
        // An agent tells of their own load or rush, or stumbles over their words.
        let strained = fragment.speaker == .agent
            && (score.ruleCategories.contains(.strain) || Stammer.isHeard(in: fragment.text))
        var mood = Self.mood(
            score, arousal: context.arousal, speaker: fragment.speaker, text: fragment.text, heard: context.prosody != nil,
            echo: echo, voiceAgitation: context.prosody?.arousal ?? 0, strained: strained, priorValence: s.customer.valence,
            laterEcho: laterEcho)
        // The despair a self-harm reading gives quiet words is that business too.
        if context.explainedByWhatWasTold { mood.valence = max(mood.valence, 0) }
        let priorNegative = -s.customer.valence
        // A customer line with no feeling in it (a reference number, "Okay.") says nothing of the
        // mood: it moves the smoothed valence at half weight, so a complaint told between the
        // customer's answers to the agent's questions is not thinned out by them.
        let hasFeeling = fragment.speaker == .agent || mood.valence != 0 || !score.categories.isEmpty
        s.change(fragment.speaker) {
            $0.update(valence: mood.valence, arousal: mood.arousal, ts: fragment.ts, smoothing: config.smoothing, valenceShare: hasFeeling ? 1 : Self.flatShare)
        }
        if fragment.speaker == .customer {
            s.noteCustomerValence(score.valence)
        } else {
            s.lastAgentText = fragment.text
            s.noteAgent(valence: score.valence, arousal: context.arousal)
            if let overlap = context.prosody?.overlapS, overlap >= config.interruptions.minimumOverlapSeconds {
                s.overlaps.record(ts: fragment.ts, seq: fragment.seq, overlapS: overlap)
            }
        }
        let point = SessionSnapshot.Point(
            ts: fragment.ts, customerValence: s.customer.valence, customerArousal: s.customer.arousal,
            agentValence: s.agentState.valence, agentArousal: s.agentState.arousal)

        // One clear statement. An agent's line is read by the learned layer for misconduct only
        // (its `rude` column, trained on agents' lines); a guess under its alert line waits for more.
        let statements = fragment.speaker == .customer ? Self.customerStatements : Self.agentStatements
        let stated = score.categories
        // An agent who dares the customer to go outside ("有本事你去告啊") gives no advice: the
        // threat that answers the dare is the customer's own. Nor does one who names an outside
        // body without pointing the customer to it ("复核费是物价部门核定的"): a later "I'll call
        // 12345" is the customer's own threat.
        if fragment.speaker == .agent && score.pointsOutside && !score.categories.contains(.rude) {
            s.agentPointedOutsideSeq = fragment.seq
        }
        for (kind, categories) in statements where !stated.intersection(categories).isEmpty {
            if kind == .escalationThreat && Self.followsAdvice(fragment.seq, s) { continue }
            if Self.crisisCarries(kind) && isOpen(.selfHarm, in: s, config) { continue }
            if kind == .agentMisconduct && Self.speaksWithCare(score) { continue }
            statement(kind, categories, context, &s, config, lexicon, &counters, into: &output)
        }
        // An agent who asks whether the customer is safe heard a disclosure the words alone did
        // not show ("等小黑的事辦完，我也要去找牠了" — "您是不是有結束自己生命的想法？"): the
        // supervisor needs to know now, whatever the customer answers.
        if fragment.speaker == .agent && score.asksAfterSafety && !isOpen(.selfHarm, in: s, config) {
            safetyQuestion(context, &s, config, lexicon, &counters, into: &output)
        }

        // Sustained moods, each judged when its own speaker speaks.
        if fragment.speaker == .customer {
            // In a self-harm crisis the despair reads as negative and intense; an anger
            // alert on top would only bury the critical one, so anger waits until it closes.
            if !isOpen(.selfHarm, in: s, config) {
                sustained(
                    .customerAnger, level: Self.angerLevel(s.customer),
                    instant: score.isAside ? 0 : Self.instantAnger(valence: mood.valence, arousal: context.arousal),
                    mayOpen: !score.isStory, context, &s, config, lexicon, &counters, into: &output)
            }
            sustained(
                .customerNegative, level: Self.negativeLevel(s.customer),
                instant: Self.pointed(score, arousal: context.arousal, echoed: echo != nil, priorNegative: priorNegative)
                    ? Double(-mood.valence) : 0,
                mayOpen: !score.isStory, context, &s, config, lexicon, &counters, into: &output)
        } else {
            // Strain told again and again ("queue's really long", then "nine chats open") is
            // stress, though the lines between are calm and polite.
            let strainLines = s.noteAgentStrain(strained, memory: Self.strainMemory)
            let told = strainLines >= 2 ? Double(Self.strained) : 0
            // An agent who keeps cutting the customer off (as often as opens an interruptions
            // episode) is rushed, however calm the words.
            let overlaps = s.overlaps.count(now: fragment.ts, window: config.interruptions.windowSeconds)
            let isRushed = Double(overlaps) >= config.rules.interruptions.enter
            let rushed = isRushed ? Double(Self.strained) : 0
            // Two lines that tell of strain are already the two fragments the hold waits for.
            sustained(.agentStress, level: max(Self.stressLevel(s.agentState), told, rushed),
                      heldAlready: strainLines >= 2 || isRushed,
                      context, &s, config, lexicon, &counters, into: &output)
            sustained(.interruptions, level: Double(overlaps), context, &s, config, lexicon, &counters, into: &output)
        }
        return point
    }

    /// Kinds a self-harm crisis carries: while its episode is open, a customer who stops the
    /// phone contract or says it is the third call ("cancel it, I won't need it"; "I've given
    /// most of my things away already") is putting affairs in order or telling how it came to
    /// this, and the critical alert already has a person on the call.
    static func crisisCarries(_ kind: AlertKind) -> Bool { kind == .churnThreat || kind == .repeatContact }

    /// Whether an agent's line speaks of self-harm with care (谢谢您愿意告诉我……您是在想结束自己的
    /// 生命吗？, "if you feel you can't go on, call 988"): a safety question or a crisis line
    /// offered, which the words of death beside "you" make look like a death wish at the
    /// customer. An agent who wishes the customer dead states no care.
    static func speaksWithCare(_ score: Score) -> Bool {
        score.ruleCategories.contains(.empathy) && score.spokenOf.contains(.selfHarm)
    }

    /// Fragments after an agent pointed the customer to an outside body ("建议您到派出所报案") in
    /// which going there is following the advice ("OK 我下班就去派出所"), not a threat.
    static let adviceFragments: Int64 = 4

    /// Whether a customer's fragment `seq` comes just after the agent pointed them outside.
    static func followsAdvice(_ seq: Int64, _ s: SessionState) -> Bool {
        guard s.agentPointedOutsideSeq != .min, seq > s.agentPointedOutsideSeq else { return false }
        // Sequence numbers are the peer's: a gap too wide for Int64 is simply not "just after".
        let gap = seq.subtractingReportingOverflow(s.agentPointedOutsideSeq)
        return !gap.overflow && gap.partialValue <= adviceFragments
    }

    /// Whether one negative customer line may open `customer_negative` alone, before the hold:
    /// it states a risk, a rudeness or a fault, is said agitated, throws the agent's words back
    /// ("Tuesday. Wonderful."), or follows lines already negative. A negative word in a question
    /// about a task ("can you cancel it?"), a mistake owned or a first sad story is no grievance
    /// yet: those wait for the hold.
    static func pointed(_ score: Score, arousal: Float, echoed: Bool, priorNegative: Float) -> Bool {
        guard !score.isAside else { return false }
        return !score.categories.intersection(Self.pointedCategories).isEmpty
            || arousal >= Self.pointedArousal || echoed || priorNegative >= Self.pointedPrior
    }
    static let pointedCategories: CategorySet = [
        .init(.selfHarm), .init(.abuse), .init(.escalation), .init(.churn), .init(.repeatContact), .init(.rude), .init(.grievance),
    ]
    /// Fused arousal of an agitated line.
    static let pointedArousal: Float = 0.55
    /// The customer's smoothed negativity before the line, from which a strong line is more of the same.
    static let pointedPrior: Float = 0.1

    // MARK: Levels

    /// How negative the customer is.
    static func negativeLevel(_ c: SpeakerState) -> Double { Double(-c.valence) }

    /// Negative and agitated at once (a geometric mean, so either alone stays low), or
    /// negative with arousal rising fast.
    static func angerLevel(_ c: SpeakerState) -> Double {
        let negative = Double(max(0, -c.valence))
        let agitation = Double(max(0, c.arousal)) + Double(max(0, c.arousalTrend))
        return (negative * agitation).squareRoot()
    }

    /// One fragment's anger on the same scale, unsmoothed: whether each statement is angrier
    /// than the one before, which the smoothed level cannot tell from anger that merely persists.
    static func instantAnger(valence: Float, arousal: Float) -> Double {
        (Double(max(0, -valence)) * Double(max(0, arousal))).squareRoot()
    }

    /// The agent's own negativity or agitation. Arousal counts less the more positive the
    /// agent sounds: an enthusiastic "So glad it went smoothly!" is lively, not strained.
    static func stressLevel(_ a: SpeakerState) -> Double {
        Double(max(-a.valence, a.arousal * (1 - max(0, a.valence))))
    }

    /// The valence and arousal that feed a speaker's mood. An agent's apology or empathy ("I'm
    /// so sorry to hear that", 我理解您现在很生气) is service language about the customer's
    /// trouble, not the agent's own state: it cannot pull the agent's mood down. So is the
    /// crisis protocol or a pointer to an outside body ("are you thinking of hurting yourself?",
    /// 请立刻拨打110): the risk words are the customer's. What empathy and the protocol name
    /// stirs the agent at a quarter weight; a flustered apology ("sorry, the system is so slow
    /// today") still counts in full. An agent line that never says "I" (我) explains a policy or
    /// a procedure ("knowingly abusing bugs leads to a suspension", 建议您到派出所报案): its
    /// negative words are the topic's, and count half. An agent's typed line stirs only as far
    /// as it also sounds negative: the agitation of its words ("药品确实着急", "that worries me")
    /// is the customer's trouble; a voice's pitch and energy (`heard`) are the agent's own.
    static func mood(
        _ score: Score, arousal: Float, speaker: Speaker, text: String, heard: Bool = false, echo: Echo? = nil,
        voiceAgitation: Float = 0, strained: Bool = false, priorValence: Float = 0, laterEcho: Echo? = nil
    ) -> (valence: Float, arousal: Float) {
        guard speaker == .agent else {
            // An aside ("ugh this stupid phone", 气死我了哈哈) moves the customer's mood at half
            // weight and never opens an alert on its own (see `isAside`).
            var valence = score.isAside && score.valence < 0 ? score.valence * 0.5 : score.valence
            // A complaint told flatly ("that's what the last two people said", 又測試, "close my
            // account") is anger held in: its words are calm, its content is not. It is at least
            // as negative as `complaintFloor`: "Third box in a row like this" is no mild line.
            var arousal = arousal
            if valence < 0, !score.categories.intersection(Self.complaintCategories).isEmpty {
                arousal = max(arousal, Self.complaintAgitation)
                valence = min(valence, -Self.complaintFloor)
            }
            // Flat words in a raised voice ("Pending. It's the eighteenth.", 派送中。前天就是派送中)
            // are a complaint held back: the tone says what the words do not.
            if voiceAgitation >= Self.raisedVoice, abs(score.valence) <= Self.flatWords || score.isLean {
                valence = min(valence, -Self.toneWeight * voiceAgitation)
            }
            // Praise beside the agent's words handed back flat, from a customer already unhappy
            // ("3–5 business days. Fantastic.", "Wonderful. A trace.", 三至五個工作天。好快喎), is sarcasm.
            if echo == .statement || laterEcho != nil, valence >= Self.gladEcho, priorValence <= -Self.sarcasticPrior {
                return (-valence * Self.sarcasmWeight, arousal)
            }
            // The agent's words handed back ("Three to five days?", 再提交？, "Pending. It's the
            // eighteenth.") doubt them, unless the line is glad (免費？好嘢！).
            guard let echo, valence < Self.gladEcho else { return (valence, arousal) }
            return (max(-1, valence - (echo == .question ? Self.echoQuestionWeight : Self.echoStatementWeight)), arousal)
        }
        // The learned lean reads service talk's words; an agent's own line is read by its words.
        var score = score
        if score.isLean { score.valence = 0 }
        let arousal = heard ? arousal : min(arousal, 2 * max(0, -score.valence) + 0.2)
        // The rules' categories only: the agent's mood is read from the words, and the learned
        // layer's only say on an agent's line is misconduct.
        let stated = score.ruleCategories
        // An agent who tells of their own load or rush ("sorry, I've got nine chats open",
        // 不好意思，今天咨询量比较大) or stumbles ("Sorry, sorry", 陳……陳玉蘭) is strained,
        // however politely it is said.
        if strained { return (min(score.valence, -Self.strained), max(arousal, Self.strained)) }
        let caring = stated.contains(.empathy) || stated.contains(.selfHarm) || stated.contains(.escalation)
        guard caring || stated.contains(.apology) else {
            guard score.valence < 0, !FirstPerson.isSpoken(in: text) else { return (score.valence, arousal) }
            return (score.valence * 0.5, arousal)
        }
        return (max(score.valence, 0), caring ? arousal * 0.25 : arousal)
    }

    /// Prosodic agitation (0–1, against the speaker's own calm voice) from which flat words
    /// count as negative, and how negative: a third of a standard deviation above calm is
    /// ordinary liveliness; tanh(z/2) ≥ 0.4 is about 0.85 of one.
    static let raisedVoice: Float = 0.4
    /// What a customer's negative line must say to count as a complaint, and the least
    /// agitation such a line carries: on the conversation sets 0.3 put three anger alerts in
    /// their windows that 0.35 raised lines early, and raised two fewer on polite repeat
    /// complaints ("就是每次都要从头讲一遍，挺累的").
    static let complaintCategories = CategorySet([.grievance, .repeatContact, .churn, .escalation, .rude].map(CategorySet.init))
    static let complaintAgitation: Float = 0.3
    /// The least negativity of a customer's complaint (a repeat contact, leaving, a threat, a
    /// grievance): on the conversation sets 0.4 found 13 more expected alerts (customer_negative
    /// in its window) for one more false alarm; 0.5 found 21 for 9, and alerted 2 more calm calls.
    static let complaintFloor: Float = 0.4
    static let toneWeight: Float = 0.5
    /// How much of its weight a customer line with no feeling moves the smoothed valence by.
    static let flatShare: Float = 0.5
    /// Text valence this close to 0 says nothing either way.
    static let flatWords: Float = 0.15

    /// The least negativity and agitation of an agent's line that tells of their own strain,
    /// and the stress level once such lines come twice within `strainMemory` agent lines.
    static let strained: Float = 0.35
    static let strainMemory: UInt8 = 4

    /// How much an echo lowers the customer's valence: as a question, a negative word's worth;
    /// as a flat statement, less.
    static let echoQuestionWeight: Float = 0.3
    static let echoStatementWeight: Float = 0.2
    /// A line at least this positive is glad surprise, and its echo no doubt.
    static let gladEcho: Float = 0.3
    /// How unhappy (smoothed valence) a customer must be for praise after a flat echo to be
    /// sarcasm, and how much of the praise turns into complaint.
    static let sarcasticPrior: Float = 0.15
    static let sarcasmWeight: Float = 0.5

    // MARK: Episodes

    /// How many weak statements (the learned layer's with no word in the fragment that can carry
    /// the kind or with a probability under the model's alert threshold, any with none of the
    /// words that make the kind firm, or self-harm that what the customer told explains) within a
    /// cooldown make an alert; the last of them must not be one that what was told explains.
    static let weakStatementsToAlert: UInt16 = 3

    /// A one-shot statement: fires unless the kind's episode is still open, that is, an earlier
    /// statement came within the cooldown. Each statement extends the episode.
    static func statement(
        _ kind: AlertKind, _ categories: CategorySet, _ context: FragmentContext, _ s: inout SessionState,
        _ configuration: EngineConfig, _ lexicon: Lexicon, _ counters: inout EngineCounters, into output: inout EngineOutput
    ) {
        guard let rule = configuration.oneShotRule(kind) else { return }
        var e = s.episodes[kind]
        let joinsTheDead = kind == .selfHarm && context.joinsTheDead
        let explained = kind == .selfHarm && (context.explainedByWhatWasTold || context.mournsTheDead)
        let evidence: Episode.Evidence =
            joinsTheDead ? .rule
            : explained ? .weak
            : context.score.weakCategories.union(context.score.tentativeCategories).intersection(categories) == context.score.categories.intersection(categories) ? .weak
            : !context.score.ruleCategories.intersection(categories).isEmpty ? .rule
            : .model
        if evidence == .weak && !e.isOpen {
            // Distress alone ("laid off, can't sleep") reads like self-harm to the learned layer,
            // a guess under its alert threshold is no more sure, and a repeat told only as time
            // gone by names no earlier contact: such statements wait for more within the
            // cooldown before they alert.
            if context.ts - e.lastStatement > rule.cooldownSeconds { e.holdCount = 0 }
            e.holdCount &+= 1
            // Words that what the customer told explains ("won't be around after Friday" after a
            // move, "before I go") add to the count but never alert alone: a move told with three
            // goodbyes is a move. A statement they do not explain completes it.
            guard e.holdCount >= Self.weakStatementsToAlert && !explained else {
                e.lastStatement = max(e.lastStatement, context.ts)
                s.episodes[kind] = e
                return
            }
        }
        let ongoing = e.isOpen && context.ts - e.lastStatement <= rule.cooldownSeconds
        e.lastStatement = max(e.lastStatement, context.ts)
        // A person at risk who says something new (a plan after despair, a means after a burden) is
        // heard again inside the episode, each time. An insult or an agent's rudeness that follows
        // a milder one ("it's right there on page two", then "if you'd read what you signed…"), in
        // new words and more negative, alerts again once: enough for the supervisor to see it
        // grow, not an alert per phrase. The same words again never do.
        let mayRetell = kind == .selfHarm
            || (Self.retellsOnce(kind) && !(ongoing && e.retold) && context.score.valence < e.toldValence)
        var signals = ToldSignals()
        if mayRetell && evidence >= .rule {
            signals = Self.ruleSignals(context.score, of: categories)
            if joinsTheDead { signals.insert(Self.joiningTheDeadSignal) }
        }
        let saysMore = e.told.lacksSome(of: signals)
        if !ongoing || e.evidence < evidence || saysMore {
            e.isOpen = true
            let joining = joinsTheDead ? Evidence(kind: "pattern", label: EvidenceLabel.joiningTheDead, seq: context.seq) : nil
            if emit(kind, severity: rule.severity, episode: &e, context, &s, configuration, lexicon, &counters, categories: categories, extra: joining, into: &output) {
                e.lastFired = context.ts
                e.evidence = evidence
                e.retold = ongoing && (e.retold || saysMore)
                e.toldValence = context.score.valence
                if !ongoing { e.told = ToldSignals() }
                e.told.formUnion(signals)
            }
        }
        s.episodes[kind] = e
    }

    /// The rules and patterns that stated `categories` in the score, with the words they matched:
    /// what an alert told, so a later statement can be known to say more.
    static func ruleSignals(_ score: Score, of categories: CategorySet) -> ToldSignals {
        var signals = ToldSignals()
        for hit in score.hits where categories.contains(hit.category) && !hit.isLearned {
            signals.insert(UInt64(hit.entry.rawValue) | UInt64(hit.pattern.map { $0.rawValue &+ 1 } ?? 0) << 32)
        }
        return signals
    }

    /// Whether an open episode of the kind alerts again, once, on a statement that says something
    /// new (self-harm does each time).
    static func retellsOnce(_ kind: AlertKind) -> Bool { kind == .abuse || kind == .agentMisconduct }

    /// The signal of a going to the dead told after their death (``FragmentContext/joinsTheDead``).
    static let joiningTheDeadSignal: UInt64 = .max

    /// Opens a self-harm episode on the agent's question about the customer's safety, with the
    /// question as its evidence.
    static func safetyQuestion(
        _ context: FragmentContext, _ s: inout SessionState, _ configuration: EngineConfig, _ lexicon: Lexicon,
        _ counters: inout EngineCounters, into output: inout EngineOutput
    ) {
        guard let rule = configuration.oneShotRule(.selfHarm) else { return }
        var e = s.episodes[.selfHarm]
        e.lastStatement = max(e.lastStatement, context.ts)
        e.isOpen = true
        let question = Evidence(kind: "pattern", label: EvidenceLabel.safetyQuestion, seq: context.seq)
        if emit(.selfHarm, severity: rule.severity, episode: &e, context, &s, configuration, lexicon, &counters, extra: question, into: &output) {
            e.lastFired = context.ts
            e.evidence = .rule
            e.told = ToldSignals()
        }
        s.episodes[.selfHarm] = e
    }

    /// A sustained level: hysteresis between `enter` and `exit`, a hold, and a cooldown. A
    /// fragment that may not open (`mayOpen` false: a story told) counts towards the hold, but
    /// the episode opens only on a later one.
    static func sustained(
        _ kind: AlertKind, level: Double, instant: Double? = nil, heldAlready: Bool = false, mayOpen: Bool = true, _ context: FragmentContext, _ s: inout SessionState,
        _ configuration: EngineConfig, _ lexicon: Lexicon, _ counters: inout EngineCounters, into output: inout EngineOutput
    ) {
        guard let rule = configuration.sustainedRule(kind) else { return }
        var e = s.episodes[kind]
        defer { s.episodes[kind] = e }
        if e.isOpen {
            if level < rule.exit {
                e.isOpen = false
                e.holdCount = 0
                return
            }
            if let instant {
                escalateIfClimbing(kind, rule, level: level, instant: instant, &e, context, &s, configuration, lexicon, &counters, into: &output)
            }
            return
        }
        guard level >= rule.enter else {
            e.holdCount = 0
            return
        }
        if e.holdCount == 0 { e.holdSince = context.ts }
        e.holdCount = e.holdCount &+ 1
        let held = heldAlready || Int(e.holdCount) >= rule.holdFragments && context.ts - e.holdSince >= rule.holdSeconds
        let strongAlone = rule.immediateLevel.map { immediate in (instant ?? level) >= immediate } ?? false
        guard held || strongAlone, mayOpen, context.ts - e.lastFired >= rule.cooldownSeconds else { return }
        e.isOpen = true
        e.lastLevel = Float(instant ?? level)
        e.climbing = 0
        e.escalated = false
        if emit(kind, severity: rule.severity, episode: &e, context, &s, configuration, lexicon, &counters, level: level, into: &output) {
            e.lastFired = context.ts
        }
    }

    /// An open episode that keeps getting worse becomes urgent: once its level reaches the
    /// rule's critical level after the speaker's fragments grew angrier `climbing_fragments`
    /// times in a row (`instant`, the unsmoothed level), one critical alert (and ticket) of the
    /// kind, as the episode's next number. Not while another critical episode is open in the
    /// session: a supervisor is already paged for it.
    private static func escalateIfClimbing(
        _ kind: AlertKind, _ rule: EngineConfig.SustainedRule, level: Double, instant: Double,
        _ e: inout Episode, _ context: FragmentContext, _ s: inout SessionState,
        _ configuration: EngineConfig, _ lexicon: Lexicon, _ counters: inout EngineCounters, into output: inout EngineOutput
    ) {
        guard let critical = rule.criticalLevel, rule.severity != .critical, !e.escalated else { return }
        e.climbing = instant > Double(e.lastLevel) ? e.climbing &+ 1 : 0
        e.lastLevel = Float(instant)
        guard level >= critical, Int(e.climbing) >= rule.climbingFragments else { return }
        for other in AlertKind.allCases where other != kind && configuration.severity(of: other) == .critical {
            if isOpen(other, in: s, configuration) { return }
        }
        if emit(kind, severity: .critical, episode: &e, context, &s, configuration, lexicon, &counters, level: level, into: &output) {
            e.escalated = true
            e.lastFired = context.ts
            output.alerts[output.alerts.count - 1].evidence.append(
                Evidence(kind: "score", label: "\(kind.rawValue)_rising_fragments", value: Double(e.climbing), seq: context.seq))
        }
    }

    /// Builds and appends an alert, unless the per-session cap drops it (never a critical one).
    /// Returns whether it was emitted.
    static func emit(
        _ kind: AlertKind, severity: Severity, episode e: inout Episode, _ context: FragmentContext, _ s: inout SessionState,
        _ configuration: EngineConfig, _ lexicon: Lexicon, _ counters: inout EngineCounters,
        categories: CategorySet = [], level: Double? = nil, extra: Evidence? = nil, into output: inout EngineOutput
    ) -> Bool {
        if severity != .critical {
            guard Int(s.nonCriticalAlerts) < configuration.sessions.maxNonCriticalAlerts else {
                counters.alertsSuppressed += 1
                return false
            }
            s.nonCriticalAlerts &+= 1
        }
        e.fired &+= 1
        let speakerState = s[context.speaker]
        var evidence: [Evidence] = []
        evidence.reserveCapacity(8) // one allocation instead of four as it grows
        for hit in context.score.hits where categories.contains(hit.category) {
            evidence.append(Evidence(
                kind: hit.isLearned ? "model" : hit.pattern == nil ? "term" : "pattern", label: lexicon.label(hit), value: nil, seq: context.seq,
                utf8Start: Int(hit.utf8Start), utf8End: Int(hit.utf8End)))
        }
        if evidence.isEmpty && !categories.isEmpty {
            // A score without hit details (a caller-made score): name the category at least.
            for category in categories.members where context.score.categories.contains(category) {
                evidence.append(Evidence(kind: "term", label: category.tag, seq: context.seq))
            }
        }
        if let extra { evidence.append(extra) }
        if let level { evidence.append(Evidence(kind: "score", label: EvidenceLabel.level(kind), value: level, seq: context.seq)) }
        let speaker = context.speaker
        evidence.append(Evidence(kind: "score", label: EvidenceLabel.valence(speaker), value: Double(speakerState.valence), seq: context.seq))
        evidence.append(Evidence(kind: "score", label: EvidenceLabel.arousal(speaker), value: Double(speakerState.arousal), seq: context.seq))
        if kind == .customerAnger || kind == .agentStress {
            evidence.append(Evidence(kind: "score", label: EvidenceLabel.arousalTrend(speaker), value: Double(speakerState.arousalTrend), seq: context.seq))
        }
        if let p = context.prosody, p.isWarm {
            let features: [(String, Double?)] = [
                ("energy_z", p.energyZ), ("pitch_z", p.pitchZ), ("pitch_sd_z", p.pitchSDZ), ("rate_z", p.rateZ),
                ("prosodic_arousal", p.arousal.map(Double.init)),
            ]
            for (label, value) in features {
                if let value { evidence.append(Evidence(kind: "prosody", label: label, value: value, seq: context.seq)) }
            }
        }
        if kind == .interruptions {
            for i in 0..<s.overlaps.stored {
                let o = s.overlaps.entry(i)
                guard context.ts - o.ts <= configuration.interruptions.windowSeconds else { continue }
                evidence.append(Evidence(kind: "prosody", label: "overlap_s", value: Double(o.overlapS), seq: o.seq))
            }
        }
        let alert = Alert(
            kind: kind, severity: severity, session: s.id, agent: s.agent, team: s.team, speaker: context.speaker,
            seq: context.seq, ts: context.ts, episode: Int(e.fired),
            scores: AlertScores(
                valence: Double(context.score.valence), arousal: Double(context.arousal),
                smoothedValence: Double(speakerState.valence), smoothedArousal: Double(speakerState.arousal)),
            evidence: evidence,
            guidance: configuration.guidance.guidance(
                kind, GuidanceLanguage.of(context.score.language == .unknown ? s.language : context.score.language,
                                          traditional: context.score.isTraditional || s.prefersTraditional)))
        output.alerts.append(alert)
        counters.alerts[kind, default: 0] += 1
        s.countAlert(kind)
        return true
    }

    /// Seconds a fragment took to say, estimated from its syllables (a CJK character is one;
    /// an English word about 1.4) and the speech rate.
    ///
    /// Scans the UTF-8 bytes: ASCII letters and digits (nearly all English text) and CJK
    /// ideographs are told from the bytes alone; only other non-ASCII scalars pay for the
    /// Unicode property lookup, so the result is exactly that of a per-scalar `isAlphabetic` test.
    static func speechSeconds(_ text: String, rate: Double) -> Double {
        let syllables: Double
        if let counted = text.utf8.withContiguousStorageIfAvailable(Self.syllables(utf8:)) {
            syllables = counted
        } else {
            syllables = Self.syllablesSlow(text)
        }
        return max(syllables, 1) / max(rate, 0.5)
    }

    /// What a word adds, in tenths of a syllable: English words average about 1.4 syllables.
    /// Counted in integers (words and ideographs), so the fast scan and the scalar walk agree
    /// exactly whatever the order of the additions.
    private static let tenthsPerWord = 14

    static func syllables(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Double {
        guard let base = bytes.baseAddress else { return 0 }
        var words = 0
        var ideographs = 0
        // 1 while inside a word: a word byte adds one word only after a non-word byte.
        var inWord = 0
        var i = 0
        let n = bytes.count
        while i < n {
            let b0 = base[i]
            if b0 < 0x80 {
                // ASCII: letters and digits continue a word, everything else ends one. Branch
                // free, as most of English text is ASCII.
                let letter = (b0 | 0x20) &- UInt8(ascii: "a") < 26
                let digit = b0 &- UInt8(ascii: "0") < 10
                let isWordByte = (letter || digit) ? 1 : 0
                words &+= isWordByte & ~inWord
                inWord = isWordByte
                i &+= 1
                continue
            }
            // A String's UTF-8 is valid, so the lead byte gives the sequence length.
            var v: UInt32
            let length: Int
            if b0 >= 0xF0 {
                v = UInt32(b0 & 0x07)
                length = 4
            } else if b0 >= 0xE0 {
                v = UInt32(b0 & 0x0F)
                length = 3
            } else {
                v = UInt32(b0 & 0x1F)
                length = 2
            }
            var k = 1
            while k < length && i &+ k < n {
                v = (v << 6) | UInt32(base[i &+ k] & 0x3F)
                k &+= 1
            }
            i &+= length
            if (0x3400...0x9FFF).contains(v) || (0xF900...0xFAFF).contains(v) {
                ideographs &+= 1
                inWord = 0
            } else if Self.isCommonCJKPunctuation(v) {
                inWord = 0
            } else if let scalar = Unicode.Scalar(v), scalar.properties.isAlphabetic {
                words &+= 1 & ~inWord
                inWord = 1
            } else {
                inWord = 0
            }
        }
        return syllables(words: words, ideographs: ideographs)
    }

    private static func syllables(words: Int, ideographs: Int) -> Double {
        Double(words * tenthsPerWord + ideographs * 10) / 10
    }

    /// Chinese text's everyday punctuation: full-width ，。！？、：；（）～, the 《》「」『』 brackets,
    /// curly quotes, … and —. None is alphabetic, and they are common enough that sparing them
    /// the Unicode property lookup shows in a replay's profile.
    @inline(__always)
    static func isCommonCJKPunctuation(_ v: UInt32) -> Bool {
        switch v {
        case 0x3001, 0x3002, 0x300A...0x300F, 0xFF01, 0xFF08, 0xFF09, 0xFF0C, 0xFF1A, 0xFF1B, 0xFF1F, 0xFF5E,
             0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026:
            return true
        default:
            return false
        }
    }

    /// The per-scalar count, for strings without contiguous UTF-8 (bridged ones).
    static func syllablesSlow(_ text: String) -> Double {
        var words = 0
        var ideographs = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if (0x3400...0x9FFF).contains(v) || (0xF900...0xFAFF).contains(v) {
                ideographs += 1
                inWord = false
            } else if scalar.properties.isAlphabetic || (0x30...0x39).contains(v) {
                if !inWord { words += 1 }
                inWord = true
            } else {
                inWord = false
            }
        }
        return syllables(words: words, ideographs: ideographs)
    }
}
