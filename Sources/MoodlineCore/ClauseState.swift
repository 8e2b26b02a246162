/// One clause's worth of pattern matching and scope, inside one scoring pass. Patterns
/// advance part by part as entries with concepts go by; category statements (an entry's tag
/// or a whole pattern) wait until the clause ends, when its scope cues (a denial, reported
/// speech, a procedural question…), wherever they stood, decide which of them count.
/// Works in buffers the ``Scorer`` keeps, so it allocates nothing.
struct ClauseState {
    /// A pattern matched up to some part.
    struct Progress {
        var pattern: Int32
        /// The part to match next.
        var next: UInt8
        /// A negator stood just before the first part or between parts.
        var negated: Bool
        /// ``ClauseState/negators`` after the last part matched.
        var negatorsSeen: UInt16
        /// The unit after the last part matched.
        var endUnit: Int32
        /// How many units may stand before the next part (``FrozenPatterns/gaps``).
        var nextGap: UInt8
        /// The next part as the entry's English and Chinese concepts must meet it, folded
        /// (``FrozenPatterns/PartKey``): most entries miss every pattern under way, and one AND
        /// of these rules a miss out without reading the part's whole set.
        var nextKey: FrozenPatterns.PartKey
        var spans: PartSpans
    }

    /// The lexicon's patterns, read in place (``FrozenTables/patternsAddress``).
    var patterns: FrozenPatterns { unsafeAddress { patternsAddress } }
    let patternsAddress: UnsafePointer<FrozenPatterns>
    let partials: UnsafeMutableBufferPointer<Progress>
    let candidates: UnsafeMutableBufferPointer<CategoryHit>
    var partialCount = 0
    var candidateCount = 0
    var cues = ScopeCues()
    /// Negators seen in the clause so far.
    var negators: UInt16 = 0
    /// Every concept seen in the fragment, for the fragment-wide patterns; kept across clauses.
    var fragmentConcepts = EntryConcepts()
    /// Cues of the earlier clauses of the sentence, for patterns that started there and
    /// finish after a soft break (a Chinese comma).
    var carriedCues = ScopeCues()
    /// Where the clause began (a UTF-8 offset): statements starting before it span a soft break.
    var clauseStart: Int32 = 0
    /// Every cue of every clause so far, for the learned layer, which judges the whole fragment.
    var fragmentCues = ScopeCues()
    /// Concepts of the clause's entries that can carry a learned category.
    var clauseConcepts = EntryConcepts()
    /// Concepts of the clauses that had no cue at all, and the categories a clause with cues
    /// left uncancelled though it had a word that can carry them (``FrozenPatterns/learnedSupport``):
    /// see ``isOpenToLearned(_:)``. Kept apart so that a clause without cues, most of them,
    /// costs one union.
    var uncuedConcepts = EntryConcepts()
    var openToLearned = CategorySet()
    /// Concepts a negator stood just before, anywhere in the fragment, for the learned layer.
    var negatedConcepts = EntryConcepts()
    /// Where the speaker (I, 我) was last named in the clause (a UTF-8 offset), or -1.
    var speakerAt: Int32 = -1
    /// The cues of the clause that name the speaker after their first part: reported speech
    /// ("I need to tell someone I'm going to kill myself") or a listener ("你们逼我去死", 你们就找不到
    /// 我了) with the speaker inside. The self-harm in them is the speaker's own.
    var speakerInside = ScopeCues()
    /// Whether a self-harm statement stood in a clause that names the speaker ("does it pay out
    /// if I kill myself?"): the speaker's own, whatever the rest of the fragment reports.
    var ownSelfHarm = false
    /// Where the clause's last run of quoted words began and ended (UTF-8 offsets), or -1: a
    /// self-harm statement wholly inside it is a quotation (条款里写「两年内自杀不赔」), which the
    /// speaker named outside it does not make their own.
    var quotedStart: Int32 = -1
    var quotedEnd: Int32 = -1
    var lastWasQuoted = false
    /// Categories a rule stated and a scope cue of their clause cancelled: what the fragment
    /// spoke of without stating it ("这是例行程序，建议您到派出所报案" speaks of the police).
    var scoped = CategorySet()
    /// Where someone else (我老公, 朋友) was named in the clause, and where their 说 ended
    /// (UTF-8 offsets), or -1.
    var otherAt: Int32 = -1
    var saidEnd: Int32 = -1
    /// The clause holds someone else's words told in the one before (我老公前几天还说，再不退就去
    /// 教育局投诉你们): the comma came right after their 说.
    var reportsOn = false
    /// The clause before was someone else's words or deed and did not name the speaker: one
    /// that goes on with their saying or wanting (她气得说要打12315，还要发到网上曝光; 回家一直念说要去
    /// 告状) before the speaker is named is theirs too.
    var reportMayGoOn = false
    /// The clause before told of someone else with no word of the speaker's own, and no promise
    /// (or told nothing after such a clause): a 结果, 后来 or 还要 next tells on their story
    /// (我表哥之前也中过奖，结果……).
    var storyMayGoOn = false
    /// Where the speaker's last naming ended (a UTF-8 offset), and whether it was only as the
    /// owner of the person named right after (我朋友, 我表哥).
    var speakerEnd: Int32 = -1
    var speakerOnlyAsOwner = false
    /// The speaker was named as the one acting (我, not 我朋友's 我) in an earlier clause.
    var speakerSpoke = false
    /// Where the speaker's first naming as the one acting in the clause ended (我, "I", not
    /// "my friend"), and where the clause's first report about someone else began (UTF-8
    /// offsets), or -1.
    var actingSpeakerEnd: Int32 = -1
    var reportedAt: Int32 = -1
    /// Where someone else was first named after that acting 我 (a UTF-8 offset), or -1: an act
    /// told after it may be theirs (我刷到明星自杀的新闻).
    var actingOtherAt: Int32 = -1
    /// Where the speaker's own next step began after a report about someone else (以后我也, a
    /// UTF-8 offset), or -1: self-harm told from there on (我妈走了以后我也不想活了) is the speaker's.
    var speakerReturnsAt: Int32 = -1
    /// Where the last English word joining on a clause ended (because, and, so: a UTF-8
    /// offset), or -1: the speaker named right after it, after a report, speaks again for
    /// themselves ("what happens to the loan when someone dies, because I won't be here").
    var joinEnd: Int32 = -1
    /// Concepts of the words that can carry a learned category, told from ``speakerReturnsAt``
    /// on: the speaker's own, whatever report came before.
    var returnedConcepts = EntryConcepts()
    /// Where the last matter told as settled ended (a UTF-8 offset), or -1: the repeat-contact
    /// statements wholly before it are contacts that ended in a fix.
    var settledEnd: Int32 = -1
    /// Where the last recovery told ended (a UTF-8 offset), or -1: the self-harm statements
    /// wholly before it are a dark time now over, when a fragment-wide `recovered` finds the past.
    var recoveredEnd: Int32 = -1
    /// Where the clause's last 说 or 告诉我 ended (a UTF-8 offset), or -1: a fix right after it is
    /// a claim (你们说修好了), not a settled matter.
    var sayEnd: Int32 = -1
    /// Where the sentence's cues that explain a word (``ScopeCues/explainWords``) stood, first
    /// part to last: they answer for the self-harm statements made of those words ("I won't be
    /// around next week" cancels nothing of "…I have decided to end my life" beside it). More
    /// than the spans hold, and they answer for the whole clause, as other cues do.
    var explainingSpans = PartSpans()
    var explainsAll = false
    /// Where the last word turning to someone (跟, 同) ended, and where someone named right after
    /// one began (UTF-8 offsets), or -1: a report that begins with them (跟房东说…, 同医生讲…) is the
    /// speaker's own words to them.
    var towardEnd: Int32 = -1
    var addresseeAt: Int32 = -1
    /// Whether a pattern pointed the listener to an outside body ("they can refer it to the
    /// ombudsman", 建议您到派出所报案): advice, whether or not a scope then cancelled it; kept
    /// across clauses.
    var advised = false

    init(patterns: UnsafePointer<FrozenPatterns>, partials: UnsafeMutableBufferPointer<Progress>, candidates: UnsafeMutableBufferPointer<CategoryHit>) {
        self.patternsAddress = patterns
        self.partials = partials
        self.candidates = candidates
    }

    /// Notes where a quoted phrase lies, from every matched entry, concepts or not: an insult
    /// with no concepts (“你去死吧”) is as much someone's quoted words as one a pattern finds.
    /// A quoted phrase is one run of units with no break inside: its entries follow one
    /// another with no entry outside it between.
    mutating func noteEntry(utf8Start: Int32, utf8End: Int32, quoted: Bool) {
        if quoted {
            if !lastWasQuoted { quotedStart = utf8Start }
            quotedEnd = utf8End
        }
        lastWasQuoted = quoted
    }

    /// A category statement of this clause, to be decided when it ends.
    mutating func propose(_ hit: CategoryHit) {
        guard candidateCount < candidates.count else { return }
        candidates[candidateCount] = hit
        candidateCount += 1
    }

    /// Feeds one matched entry, units `from..<to`, to the patterns under way and starts those
    /// that may begin with it (`starting`, places in ``FrozenPatterns/starts``).
    mutating func advance<Tracer: ScoreTracer>(
        entry: Lexicon.EntryID, concepts entryConcepts: EntryConcepts, carriesLearnedSupport: Bool, from: Int32, to: Int32,
        utf8Start: Int32, utf8End: Int32, isNegator: Bool, negatorPrecedes: Bool, quoted: Bool, starting: Range<Int>,
        tracer: inout Tracer
    ) {
        let concepts = entryConcepts.union
        let latin = entryConcepts.latin
        fragmentConcepts.formUnion(entryConcepts)
        // The "I" of a quoted phrase is the quoted one's.
        if concepts.contains(Int(patterns.speaker)) && !quoted {
            speakerAt = utf8Start
            speakerEnd = utf8End
            speakerOnlyAsOwner = false
            // "my friend" names the speaker only as the friend's.
            let speakerActs = entryConcepts.han.contains(Int(patterns.speaker)) || !latin.contains(Int(patterns.third))
            if actingSpeakerEnd < 0 && speakerActs { actingSpeakerEnd = utf8End }
            if speakerActs && reportedAt >= 0 && speakerReturnsAt < 0 && joinEnd >= 0 && utf8Start - joinEnd <= 1 && utf8Start > reportedAt {
                speakerReturnsAt = utf8Start
            }
        }
        if carriesLearnedSupport {
            clauseConcepts.formUnion(entryConcepts)
            if speakerReturnsAt >= 0 && utf8Start >= speakerReturnsAt { returnedConcepts.formUnion(entryConcepts) }
        }
        if latin.contains(Int(patterns.third)) && actingSpeakerEnd >= 0 && actingOtherAt < 0 && utf8Start >= actingSpeakerEnd { actingOtherAt = utf8Start }
        let han = entryConcepts.han
        if han.contains(Int(patterns.toward)) { towardEnd = utf8End }
        if han.contains(Int(patterns.third)) || han.contains(Int(patterns.kin)) {
            if utf8Start == towardEnd { addresseeAt = utf8Start }
            // 我 right before 朋友 is "my", and so is the 我 of one word 我哥: so far the clause
            // tells of the brother.
            if speakerAt >= 0 && (speakerEnd == utf8Start || speakerAt == utf8Start) {
                speakerOnlyAsOwner = true
                if actingSpeakerEnd == speakerEnd { actingSpeakerEnd = -1 }
            }
            otherAt = utf8Start
            if actingSpeakerEnd >= 0 && actingOtherAt < 0 { actingOtherAt = utf8Start }
        } else if otherAt >= 0, speakerAt < otherAt, han.contains(Int(patterns.sayNow)) {
            saidEnd = utf8End
        }
        if reportMayGoOn, speakerAt < 0, han.contains(Int(patterns.goesOn)) { reportsOn = true }
        if storyMayGoOn, speakerAt < 0, han.contains(Int(patterns.storyThen)) { reportsOn = true }
        if concepts.contains(Int(patterns.say)) || han.contains(Int(patterns.sayNow)) { sayEnd = utf8End }
        if negatorPrecedes { negatedConcepts.formUnion(entryConcepts) }
        // A negator that is itself a part does not negate its own pattern.
        let seenAfter = negators &+ (isNegator ? 1 : 0)
        let latinFold = latin.folded, hanFold = han.folded
        var k = 0
        while k < partialCount {
            let slot = partials.baseAddress! + k
            if from - slot.pointee.endUnit > Int32(slot.pointee.nextGap) {
                partialCount -= 1
                slot.pointee = partials[partialCount]
                continue
            }
            let key = slot.pointee.nextKey
            guard (key.latin & latinFold) | (key.han & hanFold) != 0 else {
                k += 1
                continue
            }
            var p = slot.pointee
            let info = patterns.info[Int(p.pattern)]
            let part = Int(info.partOffset) + Int(p.next)
            if patterns.parts[part].intersects(entryConcepts.seen(by: info.script)) {
                if p.negatorsSeen != negators { p.negated = true }
                p.next += 1
                p.negatorsSeen = seenAfter
                p.endUnit = to
                p.spans.append(start: utf8Start, end: utf8End)
                if p.next == info.partCount {
                    complete(p, info: info, entry: entry, tracer: &tracer)
                    partialCount -= 1
                    partials[k] = partials[partialCount]
                    continue
                }
                p.nextGap = patterns.gaps[part + 1]
                p.nextKey = patterns.partKeys[part + 1]
                partials[k] = p
            }
            k += 1
        }
        for s in starting {
            let start = patterns.starts[s]
            let id = start.pattern
            if start.partCount == 1 {
                let info = patterns.info[Int(id)]
                var spans = PartSpans()
                spans.append(start: utf8Start, end: utf8End)
                complete(
                    Progress(pattern: id, next: 1, negated: negatorPrecedes, negatorsSeen: seenAfter, endUnit: to, nextGap: 0, nextKey: .none, spans: spans),
                    info: info, entry: entry, tracer: &tracer)
                continue
            }
            var slot = partialCount
            if partialCount < partials.count {
                partialCount += 1
            } else {
                // Full (a clause that says 我 again and again starts many patterns each time):
                // the start furthest back is the least likely to complete within its gap.
                slot = 0
                for j in 1..<partialCount where partials[j].endUnit < partials[slot].endUnit { slot = j }
                guard partials[slot].endUnit < to else { continue }
            }
            // Field by field: a whole Progress built aside and copied in stalls on the copy.
            let p = partials.baseAddress! + slot
            p.pointee.pattern = id
            p.pointee.next = 1
            p.pointee.negated = negatorPrecedes
            p.pointee.negatorsSeen = seenAfter
            p.pointee.endUnit = to
            p.pointee.nextGap = start.nextGap
            p.pointee.nextKey = start.nextKey
            p.pointee.spans.reset(start: utf8Start, end: utf8End)
        }
        if isNegator { negators = seenAfter }
    }

    private mutating func complete<Tracer: ScoreTracer>(_ p: Progress, info: FrozenPatterns.Info, entry: Lexicon.EntryID, tracer: inout Tracer) {
        let id = Lexicon.PatternID(rawValue: UInt32(p.pattern))
        tracer.record(.patternMatched(id, parts: p.spans))
        if info.outputKind == 1 {
            guard let cue = ScopeCue(rawValue: info.output) else { return }
            // "it never got sorted" settles nothing, "never a new issue" negates nothing, and "I won't
            // stick with you" stays nowhere.
            if (cue == .settled || cue == .negation || cue == .staying) && p.negated { return }
            if cue == .settled || cue == .negation {
                // A fix right after a say is what was said, not what happened (你们说修好了,
                // I've been told twice it was sorted): it settles and negates nothing.
                let reach = info.script == Pattern.Script.latin.rawValue ? Self.claimedFixLatin : Self.claimedFix
                if sayEnd >= 0 && p.spans[0].start - sayEnd <= reach { return }
            }
            if cue == .settled { settledEnd = max(settledEnd, p.spans[p.spans.count - 1].end) }
            if cue == .recovered { recoveredEnd = max(recoveredEnd, p.spans[p.spans.count - 1].end) }
            if ScopeCues.explainWords.contains(ScopeCues(cue)) {
                if explainingSpans.count < Pattern.maxParts {
                    explainingSpans.append(start: p.spans[0].start, end: p.spans[p.spans.count - 1].end)
                } else {
                    explainsAll = true
                }
            }
            cues.insert(ScopeCues(cue))
            if cue == .reported && (reportedAt < 0 || p.spans[0].start < reportedAt) { reportedAt = p.spans[0].start }
            // The speaker inside the report speaks in it; the 我 of 我朋友 or 我的角色 only owns
            // who it is about.
            if (cue == .reported || cue == .listenerTarget || cue == .theirFeeling) && speakerAt > p.spans[0].start && !speakerOnlyAsOwner {
                speakerInside.insert(ScopeCues(cue))
            }
            // Words the speaker says to someone (我同医生讲我OK，其实我已经谂好点做) are the speaker's.
            if cue == .reported && p.spans[0].start == addresseeAt { speakerInside.insert(ScopeCues(cue)) }
            return
        }
        guard let category = Category(rawValue: info.output) else { return }
        if p.negated && category.isNegatable {
            tracer.record(.patternNegated(id, category))
            return
        }
        if category == .escalation && !advised { advised = patterns.beginsWithAdvice(info) }
        propose(CategoryHit(category: category, entry: entry, utf8Start: p.spans[0].start, utf8End: p.spans[p.spans.count - 1].end, pattern: id))
    }

    /// 就 begins what follows (a condition's consequence, or the next step): after the speaker
    /// has spoken as the one acting (我已经想好了，今晚等室友睡了就从楼顶跳下去), a report about
    /// someone else under way ends there, for the step is the speaker's. A step that names the
    /// speaker itself (以后我也, at `utf8Start`) after a completed report begins the speaker's own
    /// part of the clause: self-harm told from there on is not the report's.
    mutating func consequenceBegins(namingTheSpeakerAt utf8Start: Int32? = nil) {
        if let utf8Start, reportedAt >= 0, utf8Start > reportedAt { speakerReturnsAt = utf8Start }
        guard speakerSpoke || (speakerAt >= 0 && !speakerOnlyAsOwner) else { return }
        var kept = 0
        for k in 0..<partialCount {
            let info = patterns.info[Int(partials[k].pattern)]
            if info.outputKind == 1 && info.output == ScopeCue.reported.rawValue { continue }
            partials[kept] = partials[k]
            kept += 1
        }
        partialCount = kept
    }

    /// Ends the clause: commits the statements its cues leave standing and starts afresh.
    /// After a soft break the self-harm patterns under way go on into the next clause, and a
    /// statement that spans the break answers to the cues of every clause it spans.
    ///
    /// - Parameters:
    ///   - list: The break is an enumeration comma (、): a report about someone else goes on.
    ///   - next: Where the next clause begins (a UTF-8 offset).
    mutating func close<Tracer: ScoreTracer>(
        soft: Bool, list: Bool = false, next: Int32, categories: inout CategorySet, hits: inout CategoryHits, hostile: inout Int,
        tracer: inout Tracer
    ) {
        if reportsOn && speakerAt < 0 { cues.insert(ScopeCues(.otherParty)) }
        // A clause that states nothing and names no speaker (多收了好几千) keeps the story going.
        reportMayGoOn = soft && (speakerAt < 0 || speakerOnlyAsOwner)
            && (reportsOn || cues.contains(ScopeCues(.reported)) || cues.contains(ScopeCues(.otherParty)) || (reportMayGoOn && candidateCount == 0))
        // Not after a promise told (他说会跟进，结果……): how it turned out is the grievance. A
        // clause between that names nobody and states nothing (我细佬上年都系咁攞钱，一攞完就俾人呃咗，
        // 仲要去消委会投诉) keeps the story open.
        storyMayGoOn = soft && (otherAt >= 0 || storyMayGoOn) && (speakerAt < 0 || speakerOnlyAsOwner) && sayEnd < 0 && candidateCount == 0
        // Only the one clause right after 说， is taken for the words said: the next may be the
        // speaker's own again.
        reportsOn = soft && saidEnd >= 0 && next - saidEnd <= Self.saidThenComma
            || list && (speakerAt < 0 || speakerOnlyAsOwner)
                && (cues.contains(ScopeCues(.reported)) || cues.contains(ScopeCues(.otherParty)))
        otherAt = -1
        saidEnd = -1
        // An insult wholly inside a quoted phrase (女儿收到「你是废物」的短信) is someone's words
        // quoted, and the clause reports them; one that reaches outside it (你就是个「废物」) is aimed
        // at the listener.
        if quotedStart >= 0 {
            let insults = candidates[..<candidateCount].lazy.filter { $0.category == .abuse }
            if !insults.isEmpty && insults.allSatisfy({ $0.utf8Start >= self.quotedStart && $0.utf8End <= self.quotedEnd }) {
                cues.insert(ScopeCues(.reported))
            }
        }
        if candidateCount > 0 {
            let spanningCues = cues.union(carriedCues)
            for k in 0..<candidateCount {
                let hit = candidates[k]
                var governing = hit.utf8Start < clauseStart ? spanningCues : cues
                if hit.category == .selfHarm {
                    governing.subtract(speakerInside)
                    // An act right after the speaker's 我, told before the report about someone
                    // else began (我刚吃了一整瓶药……别让我妈打不通我电话), is the speaker's.
                    let gap = hit.utf8Start - actingSpeakerEnd
                    if actingSpeakerEnd >= 0 && gap >= 0 && gap <= Self.actingGap && hit.utf8End <= reportedAt
                        && (actingOtherAt < 0 || hit.utf8Start < actingOtherAt) {
                        governing.remove(ScopeCues(.reported))
                    }
                    if speakerReturnsAt >= 0 && hit.utf8Start >= speakerReturnsAt { governing.remove(ScopeCues(.reported)) }
                    if !governing.isDisjoint(with: ScopeCues.explainWords) && !isExplained(hit) { governing.subtract(ScopeCues.explainWords) }
                }
                if governing.rawValue != 0 && governing.cancelled.contains(hit.category) {
                    if let cue = governing.cue(cancelling: hit.category) {
                        tracer.record(.categoryScoped(hit, cue))
                    }
                    scoped.insert(hit.category)
                    continue
                }
                // The same statement found twice (by its entry's tag and by a pattern starting
                // there) is kept once.
                if categories.contains(hit.category) && hits.contains(where: { $0.category == hit.category && $0.utf8Start == hit.utf8Start }) { continue }
                categories.insert(hit.category)
                hits.append(hit)
                if hit.category == .selfHarm && speakerAt >= 0 && !(quotedStart >= 0 && hit.utf8Start >= quotedStart && hit.utf8End <= quotedEnd) {
                    ownSelfHarm = true
                }
                tracer.record(.categoryFired(hit.entry, hit.category))
                if hit.category == .abuse || hit.category == .escalation || hit.category == .rude { hostile += 1 }
            }
        }
        if soft {
            // Only self-harm patterns go on: a disclosure often puts its parts either side of
            // a comma, while insults, threats and cues that did so would join clauses about
            // different people (你们赢了，我死了).
            var kept = 0
            for k in 0..<partialCount {
                var p = partials[k]
                let info = patterns.info[Int(p.pattern)]
                guard info.outputKind == 0, info.output == Category.selfHarm.rawValue else { continue }
                // Negators are counted per clause: one after a part, before the break, still
                // stands between that part and the next.
                if p.negatorsSeen != negators { p.negated = true }
                p.negatorsSeen = 0
                partials[kept] = p
                kept += 1
            }
            partialCount = kept
            carriedCues.formUnion(cues)
        } else {
            partialCount = 0
            carriedCues = ScopeCues()
            explainingSpans = PartSpans()
            explainsAll = false
        }
        candidateCount = 0
        if cues.rawValue == 0 {
            uncuedConcepts.formUnion(clauseConcepts)
        } else if !clauseConcepts.isEmpty {
            noteOpenToLearned()
        }
        clauseConcepts = EntryConcepts()
        fragmentCues.formUnion(cues)
        if speakerAt >= 0 && !speakerOnlyAsOwner { speakerSpoke = true }
        cues = ScopeCues()
        negators = 0
        speakerAt = -1
        speakerOnlyAsOwner = false
        quotedStart = -1
        quotedEnd = -1
        lastWasQuoted = false
        actingSpeakerEnd = -1
        reportedAt = -1
        actingOtherAt = -1
        speakerReturnsAt = -1
        joinEnd = -1
        returnedConcepts = EntryConcepts()
        sayEnd = -1
        speakerInside = ScopeCues()
        towardEnd = -1
        addresseeAt = -1
        clauseStart = next
    }
}

extension ClauseState {
    /// Whether some clause has a word that can carry `category` and no cue of its own that
    /// cancels it: a cue elsewhere in the fragment does not speak for that clause, so the
    /// learned layer's statement of the category stands ("活着太累了。……自杀的话是不是也赔？").
    func isOpenToLearned(_ category: Category) -> Bool {
        openToLearned.contains(category) || uncuedConcepts.intersects(patterns.learnedSupport[Int(category.rawValue)])
    }

    /// Whether a cue that explains a word stood over some of the statement's words.
    private func isExplained(_ hit: CategoryHit) -> Bool {
        if explainsAll { return true }
        for k in 0..<explainingSpans.count {
            let span = explainingSpans[k]
            if hit.utf8Start < span.end && span.start < hit.utf8End { return true }
        }
        return false
    }

    /// Notes the categories the closing clause, which has cues, carries a word for and no cue
    /// of its own cancels. Self-harm keeps the speaker's own part (see ``speakerInside``).
    private mutating func noteOpenToLearned() {
        let cancelled = cues.cancelled
        let selfHarmCancelled = cues.subtracting(speakerInside).cancelled
        for category in CategoryModel.categories where !openToLearned.contains(category) {
            let support = patterns.learnedSupport[Int(category.rawValue)]
            guard clauseConcepts.intersects(support) else { continue }
            let governing = category == .selfHarm ? selfHarmCancelled : cancelled
            if !governing.contains(category) { openToLearned.insert(category) }
        }
        // The speaker's own words after a report answer only to the clause's other cues.
        if !openToLearned.contains(.selfHarm) && returnedConcepts.intersects(patterns.learnedSupport[Int(Category.selfHarm.rawValue)]) {
            var ownCues = cues.subtracting(speakerInside)
            ownCues.remove(ScopeCues(.reported))
            if !ownCues.cancelled.contains(.selfHarm) { openToLearned.insert(.selfHarm) }
        }
    }

    /// How far (UTF-8 bytes: four Chinese characters, or a short English word or two) an act may
    /// follow the speaker's 我 or "I" to be told of the speaker (我刚吃了, 我在房间烧炭了, "I've
    /// been cutting again").
    static let actingGap: Int32 = 12
    /// The most UTF-8 bytes from the end of someone else's 说 to the end of the comma after it
    /// (，is three bytes) for the next clause to be the words said.
    static let saidThenComma: Int32 = 4
    /// The most UTF-8 bytes between a 说 and a fix for the fix to be what was said (说是已经修好了,
    /// 說派工程師處理好了: up to five characters).
    static let claimedFix: Int32 = 15
    /// The same for English, where a few words may stand between (told twice my loan was sorted).
    static let claimedFixLatin: Int32 = 32
}

/// The buffers a ``Scorer`` keeps for ``ClauseState`` between calls.
struct ClauseScratch {
    private var partials = [ClauseState.Progress](
        repeating: ClauseState.Progress(pattern: 0, next: 0, negated: false, negatorsSeen: 0, endUnit: 0, nextGap: 0, nextKey: .none, spans: PartSpans()),
        count: 64)
    private var candidates = [CategoryHit](
        repeating: CategoryHit(category: .thanks, entry: Lexicon.EntryID(rawValue: 0), utf8Start: 0, utf8End: 0), count: 16)

    mutating func withBuffers<R>(
        _ body: (UnsafeMutableBufferPointer<ClauseState.Progress>, UnsafeMutableBufferPointer<CategoryHit>) -> R
    ) -> R {
        partials.withUnsafeMutableBufferPointer { p in candidates.withUnsafeMutableBufferPointer { c in body(p, c) } }
    }
}
