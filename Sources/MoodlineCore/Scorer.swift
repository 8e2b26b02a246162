#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Scores fragments of text against a lexicon. Keeps its scratch buffers between calls,
/// so scoring in the steady state allocates nothing: keep one scorer per thread and reuse it.
public struct Scorer: Sendable {
    public let lexicon: Lexicon
    private var units: [TextUnit] = Array(repeating: TextUnit(), count: 256)
    private var clause = ClauseScratch()

    public init(lexicon: Lexicon) {
        self.lexicon = lexicon
    }

    /// Scores a fragment. `language` is the caller's tag when known; it is detected otherwise.
    /// `learned` says whose line it is, and so what the learned layer may find in it.
    public mutating func score(_ text: String, language: Language? = nil, learned: LearnedReading = .customer) -> Score {
        var trace = NoTrace()
        return score(text, language: language, learned: learned, tracer: &trace)
    }

    /// Scores UTF-8 bytes directly, for callers that hold the text as bytes.
    public mutating func score(utf8 text: UnsafeBufferPointer<UInt8>, language: Language? = nil, learned: LearnedReading = .customer) -> Score {
        var trace = NoTrace()
        return score(utf8: text, language: language, learned: learned, tracer: &trace)
    }

    /// Scores a fragment and reports every step to `tracer`.
    public mutating func score<Tracer: ScoreTracer>(
        _ text: String, language: Language?, learned: LearnedReading = .customer, tracer: inout Tracer
    ) -> Score {
        // withUTF8 returns the score itself where withContiguousStorageIfAvailable would wrap
        // it in an Optional: one copy of a 156-byte value less per fragment.
        var text = text
        return text.withUTF8 { score(utf8: $0, language: language, learned: learned, tracer: &tracer) }
    }

    /// Scores UTF-8 bytes and reports every step to `tracer`.
    public mutating func score<Tracer: ScoreTracer>(
        utf8 text: UnsafeBufferPointer<UInt8>, language: Language?, learned: LearnedReading = .customer, tracer: inout Tracer
    ) -> Score {
        if units.count < text.count + 1 { units = Array(repeating: TextUnit(), count: max(text.count + 1, units.count * 2)) }
        let tables = lexicon.frozen
        return units.withUnsafeMutableBufferPointer { units in
            clause.withBuffers { partials, candidates in
                var resolver = tables.words
                let stats = Tokenizer.tokenize(text, scriptMap: tables.scriptMap, resolver: &resolver, into: units)
                let fragment = UnsafeBufferPointer(rebasing: units[..<stats.units])
                var rules = RuleState(
                    tables: tables, units: fragment, stats: stats,
                    clause: ClauseState(patterns: tables.patternsAddress, partials: partials, candidates: candidates)
                )
                rules.run(tracer: &tracer)
                // The learned layer's categories read only fragments with some sign of trouble: a
                // negative word, a category, or a concept only one category's patterns use. Calm
                // talk, most of any conversation, skips them. A Chinese line with no sentiment word
                // takes its lean from the layer.
                switch learned {
                case .customer where !tables.model.isEmpty && (rules.sawTrouble || (stats.cjk > 0 && rules.hasNoSentiment)):
                    let logits = tables.model.logits(fragment)
                    if rules.sawTrouble { rules.modelLogits = logits }
                    rules.positiveLogit = logits[CategoryModel.positiveColumn]
                case .agent where !tables.agentModel.isEmpty:
                    // Misconduct said politely has no negative word to wait for ("you do realise
                    // it says non-refundable, right?"): every agent line is read.
                    rules.rudeLogit = tables.agentModel.logits(fragment)[CategoryModel.rudeColumn]
                default:
                    break
                }
                return rules.finish(language: language ?? Self.detectLanguage(stats), tracer: &tracer)
            }
        }
    }

    /// The learned layer's features in `text` with their weight for `category`, strongest
    /// first: what `moodline score` names to explain the model's decision.
    public mutating func learnedFeatures(_ text: String, category: Category, count: Int = 5) -> [(feature: String, weight: Float)] {
        guard let column = category == .rude ? CategoryModel.rudeColumn : CategoryModel.categories.firstIndex(of: category) else { return [] }
        let tables = lexicon.frozen
        let model = category == .rude ? tables.agentModel : tables.model
        let names = category == .rude ? tables.agentModelFeatureNames : tables.modelFeatureNames
        var text = text
        var found: [(feature: String, weight: Float)] = []
        text.withUTF8 { utf8 in
            if units.count < utf8.count + 1 { units = Array(repeating: TextUnit(), count: utf8.count + 1) }
            units.withUnsafeMutableBufferPointer { units in
                var resolver = tables.words
                let stats = Tokenizer.tokenize(utf8, scriptMap: tables.scriptMap, resolver: &resolver, into: units)
                model.forEachFeature(UnsafeBufferPointer(rebasing: units[..<stats.units])) { row in
                    found.append((names[row], model.weights(row)[column]))
                }
            }
        }
        return Array(found.sorted { $0.weight > $1.weight }.prefix(count))
    }

    /// English, Chinese or both, by the share of ideographs and Latin words.
    static func detectLanguage(_ stats: TokenStats) -> Language {
        let chinese = Double(stats.cjk) / 2 // about two characters a word
        let english = Double(stats.words)
        switch (chinese > 0, english > 0) {
        case (false, false): return .unknown
        case (true, false): return .chinese
        case (false, true): return .english
        case (true, true):
            return min(chinese, english) / max(chinese, english) >= 0.2 ? .mixed : (chinese > english ? .chinese : .english)
        }
    }
}

/// The rules of one scoring pass: longest match over the units, then modifiers, negation,
/// emphasis and contrast, VADER-style, extended to Chinese.
private struct RuleState {
    let trie: FrozenTrie
    let entries: UnsafeBufferPointer<FrozenEntry>
    let units: UnsafeBufferPointer<TextUnit>
    let stats: TokenStats

    /// The last few slots of the clause, nearest first, for negation and intensifiers.
    var recent: (Slot, Slot, Slot) = (.plain, .plain, .plain)
    var recentCount = 0
    /// Inside a pair of quotation marks: the clauses are someone's quoted words
    /// (她跟我说：「再乱扣我钱，我就去找消保官！」), not the speaker's own statements.
    var inQuote = false
    /// The clause's last negator, which a disjunction carries on to the words after it.
    var clauseNegator: Lexicon.EntryID?

    var beforeContrast: Float = 0
    var afterContrast: Float = 0
    /// Praise in clauses of how things usually were (``ScopeCue/backdrop``), on either side of
    /// a contrast; where the first of it begins; and whether a negative word came before it.
    var backdropPraise: Float = 0
    var backdropPraiseBefore: Float = 0
    var backdropFrom: Int32 = .max
    var backdropAfterComplaint = false
    /// Where the clause's first warm word begins (UTF-8 offset), -1 for none; and whether the
    /// fragment had a negative word when the clause began.
    var clausePositiveStart: Int32 = -1
    var clauseAfterNegative = false
    /// Sentiment of characters inside unknown words (``LexiconTags/morpheme``), used only
    /// when nothing else in the fragment has any.
    var morphemes: Float = 0
    /// The positive part of the sum, which sarcasm turns around.
    var praise: Float = 0
    /// The warm words inside a quoted phrase ("the 'express' delivery", 你们的“专业”客服), on
    /// either side of a contrast: a claim held up to doubt, or a name or a status read out.
    var quotedPraise: Float = 0
    var quotedPraiseBefore: Float = 0
    /// Where the first of it begins (UTF-8 offset).
    var quotedFrom: Int32 = .max
    /// Weighted entries that only acknowledge ("Fine.", 好。), and all the others.
    var acknowledgements = 0
    var otherSentiment = 0
    /// The negative part of the clause's words since the clause (or a contrast) began, which
    /// a procedural question scales down.
    var clauseNegative: Float = 0
    /// The warm part, which a clause of someone else's words scales down as it does the negative.
    var clausePositive: Float = 0
    /// The part of it that judges (good, fair, 专业, 合理), leaving out thanks, apologies,
    /// comfort and reply words: what a question asks about rather than says.
    var clauseAppraisal: Float = 0
    /// All negative words of the fragment, and those of clauses that were someone else's words
    /// or story: when the story holds most of them, the line is an aside.
    var negativeMass: Float = 0
    var reportedNegative: Float = 0
    /// Where the fragment's last negative word ends (UTF-8 offset), -1 for none.
    var lastNegativeEnd: Int32 = -1
    /// A negative word (other than a repeat-contact phrase's own) or a negator was seen anywhere
    /// in the fragment: praise beside it may be reported ("they said it'd be sorted. It's not.").
    var sawGrievance = false
    /// The learned layer's log-odds per category (``CategoryModel/categories``), when there is one.
    var modelLogits: SIMD8<Float>?
    /// The learned layer's log-odds of warm against sore, read when no word has sentiment.
    var positiveLogit: Float?
    /// The learned layer's log-odds of an agent's misconduct, read for an agent's line.
    var rudeLogit: Float?
    /// How many fragment-wide self-harm hits a fragment keeps, each made of its own words.
    static let wideSelfHarmHits = 3
    /// The total is the learned layer's lean.
    var isLean = false
    /// No entry of the fragment has sentiment, not even a reply word or a character.
    var hasNoSentiment: Bool { acknowledgements == 0 && otherSentiment == 0 && morphemes == 0 }
    /// The fragment's risk words were negated, asked about or put aside (我不會取消，只是想了解;
    /// 周六的预约我想取消，改到下周): the learned layer, which reads them as sore, gives no lean.
    var hasRiskWordsSetAside: Bool {
        let aside: ScopeCues = [ScopeCues(.negation), ScopeCues(.procedure), ScopeCues(.oneOff), ScopeCues(.hypothetical)]
        return !clause.scoped.isEmpty || !clause.fragmentCues.intersection(aside).isEmpty
            || clause.negatedConcepts.intersects(clause.patterns.familyConcepts)
    }
    /// A negative word, a category statement or a category's own concept was seen.
    var sawTrouble = false
    let modelThresholds: SIMD8<Float>
    let modelAlertThresholds: SIMD8<Float>
    let modelVetoes: SIMD8<Float>
    var sawContrast = false
    /// The words of feeling in the clause a contrast word turns from: its own clause, or the
    /// clause before when it begins one ("Pretty good. But…").
    var contrastPivot: Float = 0
    /// The words of feeling in the last clause that had any.
    var lastClauseSum: Float = 0
    /// Since the last contrast word: where it ended (unit index), whether a word with
    /// sentiment, a negator or a category came, and whether a clause asked.
    var contrastUnit = -1
    var weighedAfterContrast = false
    var askedAfterContrast = false
    /// A hyperbole entry (累死了, "this queue is killing me") matched.
    var sawHyperbole = false
    /// An angry hyperbole (气死我了, "you're killing me here") matched: a death word said in temper.
    var sawAngryHyperbole = false
    /// A fond hyperbole was seen (想死你们了: I've missed you so).
    var sawFondHyperbole = false
    var intensity: Float = 0
    var exclamations = 0
    var questions = 0
    var emphasis = 0
    var anger = 0
    /// Categories the learned layer stated in a fragment with no word that can carry them.
    var weak = CategorySet()
    /// Categories the learned layer stated below its alert threshold.
    var tentative = CategorySet()
    /// Categories whose patterns' `needs:` went unmet (``dropUncorroborated``).
    var uncorroborated = CategorySet()
    var sadness = 0
    /// Negative words that are not sorrow: a grievance, a fault, a price.
    var otherNegative = 0
    var hostile = 0
    var categories: CategorySet = []
    var hits = CategoryHits()
    /// Patterns under way, category statements waiting for their clause's scope, and its cues.
    var clause: ClauseState

    enum Slot {
        case plain
        /// A negator; a weak one (不太, "not very") also scales what it negates.
        case negator(Lexicon.EntryID, weakening: Float?)
        case intensifier(Float)
    }

    /// Negation reaches this many slots back within a clause.
    static let window = 3
    static let negatedPositive: Float = -0.74
    static let negatedNegative: Float = -0.5
    static let weakNegation: Float = -0.4
    static let capsBoost: Float = 0.733
    static let elongationBoost: Float = 0.293
    /// How much of the characters' sentiment a fragment without word-level evidence keeps.
    static let morphemeShare: Float = 0.5
    /// The total a Chinese line with no sentiment word takes from the learned layer's sign.
    static let learnedLean: Float = 0.6
    /// The total of a fragment whose only evidence is a risk statement ("I'm porting my number
    /// to Vodafone", 我要去消协): a customer leaving, threatening or chasing is unhappy, however
    /// flat the words. So is one whose other words happen to be warm: "raise what you like… the
    /// whole file goes to the ombudsman" is no praise.
    static let statementOnly: Float = -1.2
    /// The least negative total of a line that states a grievance (valence about -0.3).
    static let grievanceTotal: Float = -1.2
    /// The least negative total of a line the rules read as self-harm (valence about -0.6):
    /// "I've got my affairs in order" or 唔想再做大家嘅負擔 is despair, however quiet the words.
    static let despairTotal: Float = -3
    /// Warm words of courtesy, which a question does not put in doubt ("could you help, please? thanks").
    static let courtesy: CategorySet = [.init(.thanks), .init(.apology), .init(.empathy)]
    /// 吗 and 咩 (Cantonese), the particles that end a yes-no question.
    static let ma: UInt32 = 0x5417
    static let me: UInt32 = 0x54A9
    /// How strongly facts after a contrast word go against the praise before it, as a share of
    /// that praise: weighed one and a half against its half, the line ends up half as strong the
    /// other way.
    static let factsAfterContrast: Float = 2.0 / 3
    /// The categories that say a customer is in trouble or unhappy.
    static let riskCategories: CategorySet = [.init(.selfHarm), .init(.abuse), .init(.escalation), .init(.churn), .init(.repeatContact)]
    /// The most a sarcastic fragment's total may be.
    static let sarcasticFloor: Float = -1
    /// The total of a fragment whose only evidence is repeated question marks.
    static let insistentQuestion: Float = -0.6
    /// How much of its negative words a procedural question, a self-insult or swearing at a
    /// thing keeps.
    static let proceduralShare: Float = 0.3
    /// The share of a fragment's negative words in someone else's words or story from which the
    /// line is an aside.
    static let storyShare: Float = 0.6
    /// How much of its negative words a fragment said laughing keeps.
    static let jestShare: Float = 0.4
    /// The learned layer's self-harm logit (p ≈ 0.99) from which a cue of the clauses no longer
    /// cancels it when the speaker speaks: first-sight disclosures beside a story, a denial taken
    /// back or an ordinary word (我爸说…反正我听日之后都唔喺度, "I'm fine tho. wait no") scored
    /// above it, and the first-sight hard negatives under it.
    static let sureSelfHarm: Float = 4.6
    /// The learned layer's self-harm logit (p = 0.6) a guess needs when no word of the fragment
    /// can carry self-harm (`support:` lines): between the threshold and this, a line like 别跟我说
    /// 安排了！钱…从我卡里扣走了 leans on 走 and 别 alone.
    static let unsupportedSelfHarm: Float = 0.405
    /// The learned layer's self-harm logit (p = 0.96) from which a guess no word carries still
    /// explains a rule's leaving beside it as affairs put in order, when the alert line is higher.
    static let affairsInOrderSelfHarm: Float = 3.178

    init(tables: FrozenTables, units: UnsafeBufferPointer<TextUnit>, stats: TokenStats, clause: ClauseState) {
        self.clause = clause
        modelThresholds = tables.model.thresholds
        modelAlertThresholds = tables.model.alertThresholds
        modelVetoes = tables.model.vetoes
        trie = tables.trie
        entries = tables.entries
        self.units = units
        self.stats = stats
    }

    mutating func push(_ slot: Slot) {
        recent = (slot, recent.0, recent.1)
        recentCount = min(recentCount + 1, Self.window)
    }

    /// Ends the clause for scope as well: its statements are decided and committed.
    /// `asked`: the clause ends in a question mark or a question particle (吗, 咩).
    mutating func closeClause<Tracer: ScoreTracer>(
        soft: Bool = false, list: Bool = false, asked: Bool = false, next: Int32 = .max, tracer: inout Tracer
    ) {
        recentCount = 0
        clauseNegator = nil
        if inQuote { clause.cues.insert(ScopeCues(.reported)) }
        // Someone's angry words, quoted, told after their 说， or in a clause about them ("my
        // neighbour said she was furious", 我同事气得说要去投诉), are a report of them, not the
        // speaker's temper; unless the speaker is in it ("the last agent told me it was sorted").
        // So is someone's mood ("my husband was livid"), unless the speaker is in it ("they
        // made me so upset").
        let reported = inQuote || (clause.reportsOn && clause.speakerAt < 0)
            || (clause.cues.contains(ScopeCues(.reported)) && !clause.speakerInside.contains(ScopeCues(.reported)))
            || (clause.cues.contains(ScopeCues(.otherParty)) && clause.speakerAt < 0)
            || (clause.cues.contains(ScopeCues(.theirFeeling)) && !clause.speakerInside.contains(ScopeCues(.theirFeeling)))
            || clause.cues.contains(ScopeCues(.otherTarget))
        let discounting: ScopeCues = [ScopeCues(.procedure), ScopeCues(.oneOff), ScopeCues(.selfTarget), ScopeCues(.thingTarget), ScopeCues(.allayed)]
        if clauseNegative < 0 && (reported || !clause.cues.intersection(discounting).isEmpty) {
            // A question about a task names it ("can I cancel this order?"); an insult aimed at
            // oneself ("I'm so stupid, wrong address") is embarrassment; swearing at a device
            // ("the damn router keeps dropping") is annoyance; a fear that came to nothing ("I was
            // worried I'd have to pay the fee") is relief: none is a grievance as strong as its words.
            let kept = clauseNegative * Self.proceduralShare
            if reported { reportedNegative += clauseNegative }
            tracer.record(
                reported ? .reportedWords(from: clauseNegative, to: kept)
                    : !clause.cues.intersection([ScopeCues(.procedure), ScopeCues(.oneOff)]).isEmpty ? .procedural(from: clauseNegative, to: kept)
                    : clause.cues.contains(ScopeCues(.selfTarget)) ? .selfDirected(from: clauseNegative, to: kept)
                    : clause.cues.contains(ScopeCues(.allayed)) ? .allayed(from: clauseNegative, to: kept)
                    : .thingDirected(from: clauseNegative, to: kept))
            afterContrast -= clauseNegative - kept
            intensity += kept - clauseNegative
        }
        if asked { askedAfterContrast = true }
        let sarcastic = clause.cues.contains(ScopeCues(.sarcasm))
        if clauseAppraisal > 0 && !reported && (asked || sarcastic) {
            // Praise asked about is not given ("这样处理公平吗？", "is it any good?"): it counts for
            // nothing. Beside a marker of sarcasm ("这也叫五星级？", "you call this fast") it was
            // meant the other way round.
            tracer.record(.askedPraise(clauseAppraisal, turned: sarcastic))
            takeOutPraise(after: clauseAppraisal, before: 0, times: sarcastic ? 2 : 1)
            clausePositive -= clauseAppraisal
        }
        if clausePositive > 0 && reported {
            // Their reassurance is theirs too ('他跟我说的是"没问题，放心"').
            let kept = clausePositive * Self.proceduralShare
            tracer.record(.reportedWords(from: clausePositive, to: kept))
            afterContrast -= clausePositive - kept
            intensity -= clausePositive - kept
            praise -= clausePositive - kept
        }
        if clausePositive > 0 && !reported && clause.cues.contains(ScopeCues(.backdrop)) {
            backdropPraise += clausePositive
            backdropFrom = min(backdropFrom, clausePositiveStart)
            if clauseAfterNegative { backdropAfterComplaint = true }
        }
        if clausePositive + clauseNegative != 0 { lastClauseSum = clausePositive + clauseNegative }
        clauseNegative = 0
        clausePositive = 0
        clauseAppraisal = 0
        clausePositiveStart = -1
        clauseAfterNegative = negativeMass < 0
        clause.close(soft: soft, list: list, next: next, categories: &categories, hits: &hits, hostile: &hostile, tracer: &tracer)
    }

    /// Whether a negator stands among the last few slots of the clause.
    func negatorPrecedes() -> Bool {
        for k in 0..<recentCount {
            if case .negator = slot(k) { return true }
        }
        return false
    }

    func slot(_ k: Int) -> Slot {
        switch k {
        case 0: recent.0
        case 1: recent.1
        default: recent.2
        }
    }

    mutating func run<Tracer: ScoreTracer>(tracer: inout Tracer) {
        var i = 0
        let n = units.count
        while i < n {
            let u = units[i]
            switch u.kind {
            case .exclamation:
                exclamations += 1
                closeClause(tracer: &tracer)
                i += 1
                continue
            case .question:
                questions += 1
                closeClause(asked: true, tracer: &tracer)
                i += 1
                continue
            case .clauseBreak:
                closeClause(
                    soft: u.flags.contains(.softBreak), list: u.flags.contains(.listBreak),
                    asked: Self.endsInQuestionParticle(units, before: i), next: u.end, tracer: &tracer)
                i += 1
                continue
            case .quote:
                // The tokenizer keeps only the marks of quoted sentences, in pairs.
                closeClause(soft: !inQuote, next: u.end, tracer: &tracer)
                inQuote.toggle()
                i += 1
                continue
            case .other:
                push(.plain)
                i += 1
                continue
            case .word, .cjk, .emoji, .symbol:
                break
            }
            // Longest match from here. The first step goes through the root's direct word table,
            // and most words stop there: unknown words, and entries with no longer entry after them.
            var node: Int32, best: Int32, more: Bool
            if u.key >= TextUnit.wordBase {
                let record = trie.rootWord(u.key)
                if record == FrozenTrie.noRootWord {
                    push(.plain)
                    i += 1
                    continue
                }
                node = Int32(truncatingIfNeeded: record & 0x7FFF_FFFF)
                more = record & 0x8000_0000 != 0
                best = Int32(truncatingIfNeeded: record >> 32)
            } else {
                node = trie.rootChild(u.key)
                if node < 0 {
                    push(.plain)
                    i += 1
                    continue
                }
                best = trie.terminal[Int(node)]
                more = trie.hasChildren(node)
            }
            var j = i + 1
            var bestEnd = j
            // One filler inside a phrase is stepped over ("doesn't really matter"), and counted
            // on its own before the phrase.
            var filler = -1, skipped: Int32 = -1
            while more, j < n, units[j].isMatchable {
                var next = trie.child(node, units[j].key)
                if next < 0, filler < 0, j + 1 < n, units[j + 1].isMatchable {
                    let entry = fillerEntry(units[j], before: units[j + 1])
                    if entry >= 0 {
                        next = trie.child(node, units[j + 1].key)
                        if next >= 0 {
                            filler = j
                            skipped = entry
                            j += 1
                        }
                    }
                }
                node = next
                if node < 0 { break }
                j += 1
                let t = trie.terminal[Int(node)]
                if t >= 0 { best = t; bestEnd = j }
                more = trie.hasChildren(node)
            }
            if best < 0 {
                push(.plain)
                i += 1
                continue
            }
            if filler >= 0 && filler < bestEnd {
                apply(Lexicon.EntryID(rawValue: UInt32(skipped)), from: filler, to: filler + 1, tracer: &tracer)
            }
            apply(Lexicon.EntryID(rawValue: UInt32(best)), from: i, to: bestEnd, tracer: &tracer)
            i = bestEnd
        }
        closeClause(asked: Self.endsInQuestionParticle(units, before: n), tracer: &tracer)
    }

    /// Whether the unit before `i` is a question particle that ends a clause without a question
    /// mark (这样处理合理吗, 咁樣公平咩).
    static func endsInQuestionParticle(_ units: UnsafeBufferPointer<TextUnit>, before i: Int) -> Bool {
        guard i > 0 else { return false }
        let u = units[i - 1]
        return u.kind == .cjk && (u.key == Self.ma || u.key == Self.me)
    }

    /// The entry of a word that may stand inside a phrase (``LexiconTags/filler``), or -1; also
    /// -1 when the word begins a phrase with the next one ("damn router" is a phrase of its own).
    @inline(__always)
    func fillerEntry(_ unit: TextUnit, before next: TextUnit) -> Int32 {
        guard unit.key >= TextUnit.wordBase else { return -1 }
        let record = trie.rootWord(unit.key)
        guard record != FrozenTrie.noRootWord else { return -1 }
        let entry = Int32(truncatingIfNeeded: record >> 32)
        guard entry >= 0 && entries[Int(entry)].tags.contains(.filler) else { return -1 }
        if record & 0x8000_0000 != 0 && trie.child(Int32(truncatingIfNeeded: record & 0x7FFF_FFFF), next.key) >= 0 { return -1 }
        return entry
    }

    mutating func apply<Tracer: ScoreTracer>(_ id: Lexicon.EntryID, from: Int, to: Int, tracer: inout Tracer) {
        let e = Int(id.rawValue)
        let record = entries[e]
        let tags = record.tags
        let start = units[from].start, end = units[to - 1].end
        tracer.record(.matched(id, utf8Start: start, utf8End: end))
        // The concepts are read in place where needed: an optional copy of them cost a memcpy per entry.
        let hasConcepts = tags.contains(.hasConcepts)
        if tags.contains(.consequence) {
            recentCount = 0
            clauseNegator = nil
            // A step that names the speaker (以后我也) begins the speaker's own part of the clause.
            let namesSpeaker = hasConcepts && clause.patterns.conceptSets[Int(record.conceptSet)].union.contains(Int(clause.patterns.speaker))
            clause.consequenceBegins(namingTheSpeakerAt: namesSpeaker ? start : nil)
        }

        if tags.contains(.joinsClause) { clause.joinEnd = end }
        let quoted = units[from].flags.contains(.quotedPhrase)
        clause.noteEntry(utf8Start: start, utf8End: end, quoted: quoted)
        if hasConcepts {
            let concepts = clause.patterns.conceptSets[Int(record.conceptSet)]
            if !sawTrouble && clause.patterns.familyConcepts.intersects(concepts) { sawTrouble = true }
            clause.advance(
                entry: id, concepts: concepts, carriesLearnedSupport: tags.contains(.carriesLearnedSupport), from: Int32(from), to: Int32(to),
                utf8Start: start, utf8End: end, isNegator: tags.contains(.negator),
                negatorPrecedes: negatorPrecedes(), quoted: quoted,
                starting: clause.patterns.startRange(conceptSet: record.conceptSet), tracer: &tracer
            )
        } else {
            if tags.contains(.hasNeededConcepts) { clause.fragmentConcepts.formUnion(clause.patterns.conceptSets[Int(record.conceptSet)]) }
            if tags.contains(.negator) { clause.negators &+= 1 }
        }

        if tags.contains(.negator) {
            sawGrievance = true
            weighedAfterContrast = true
            clauseNegator = id
            push(.negator(id, weakening: tags.contains(.intensifier) ? record.weight : nil))
            return
        }
        if tags.contains(.disjunction) {
            if let negator = clauseNegator { push(.negator(negator, weakening: nil)) }
            return
        }
        if tags.contains(.intensifier) {
            push(.intensifier(record.weight))
            return
        }
        if tags.contains(.contrast) {
            beforeContrast += afterContrast
            afterContrast = 0
            backdropPraiseBefore += backdropPraise
            backdropPraise = 0
            quotedPraiseBefore += quotedPraise
            quotedPraise = 0
            contrastPivot = clausePositive + clauseNegative != 0 ? clausePositive + clauseNegative : lastClauseSum
            clauseNegative = 0
            clausePositive = 0
            clauseAppraisal = 0
            sawContrast = true
            contrastUnit = to
            weighedAfterContrast = false
            askedAfterContrast = false
            closeClause(tracer: &tracer)
            return
        }

        // What precedes in the clause: the nearest negator, and intensifiers on either side of it.
        var negator: Lexicon.EntryID?
        var negatorIsFar = false
        var multiplier: Float = 1
        for k in 0..<recentCount {
            switch slot(k) {
            case .negator(let n, let weakening):
                if negator == nil {
                    negator = n
                    negatorIsFar = multiplier != 1 || weakening != nil
                }
                if let weakening { multiplier *= weakening }
            case .intensifier(let m):
                multiplier *= m
            case .plain:
                break
            }
        }

        let categoryTags = tags.categories
        if categoryTags.rawValue != 0 {
            sawTrouble = true
            weighedAfterContrast = true
            for category in Category.allCases where categoryTags.contains(category) {
                if negator != nil && category.isNegatable {
                    tracer.record(.categoryNegated(id, category))
                    continue
                }
                clause.propose(CategoryHit(category: category, entry: id, utf8Start: start, utf8End: end))
            }
        }

        let weight = record.weight
        // A negated good word is a complaint complete in itself, and the negator's reach ends
        // there: in 没看清楚怪谁 or "not happy cancel it" the word after it is said, not denied.
        // A negated bad word is part of what is denied (不是要去法院告你们) and the reach goes on.
        if negator != nil && weight > 0 && !tags.contains(.morpheme) { recentCount = 0 }
        push(.plain)
        guard weight != 0 else { return }
        weighedAfterContrast = true
        if weight < 0 { sawTrouble = true }
        var v = weight
        if multiplier != 1 {
            tracer.record(.adjusted(id, rule: .intensifier, from: v, to: v * multiplier))
            v *= multiplier
        }
        if let _ = negator {
            let factor: Float = negatorIsFar ? Self.weakNegation : (v > 0 ? Self.negatedPositive : Self.negatedNegative)
            tracer.record(.adjusted(id, rule: negatorIsFar ? .weakNegation : .negation, from: v, to: v * factor))
            v *= factor
        }
        if tags.contains(.morpheme) {
            morphemes += v
            return
        }
        let sign: Float = v < 0 ? -1 : 1
        if stats.capsWords < stats.words, Self.allCaps(units, from: from, to: to) {
            tracer.record(.adjusted(id, rule: .allCaps, from: v, to: v + sign * Self.capsBoost))
            v += sign * Self.capsBoost
            emphasis += 1
        }
        if units[from].flags.contains(.elongated) {
            tracer.record(.adjusted(id, rule: .elongation, from: v, to: v + sign * Self.elongationBoost))
            v += sign * Self.elongationBoost
            emphasis += 1
        }
        if v < 0 {
            if tags.contains(.anger) { anger += 1 }
            if tags.contains(.sadness) { sadness += 1 } else { otherNegative += 1 }
            if tags.contains(.hyperbole) {
                sawHyperbole = true
                if tags.contains(.anger) { sawAngryHyperbole = true }
            }
        }
        if v > 0 && tags.contains(.hyperbole) { sawFondHyperbole = true }
        if v != 0 {
            // An intensified reply word is an evaluation ("really fine", 很好).
            let isReply = tags.contains(.acknowledgement) && multiplier == 1 && negator == nil
            if isReply { acknowledgements += 1 } else { otherSentiment += 1 }
        }
        intensity += abs(v)
        afterContrast += v
        if v > 0 {
            praise += v
            if units[from].flags.contains(.quotedPhrase) {
                quotedPraise += v
                quotedFrom = min(quotedFrom, start)
            }
            if clausePositive == 0 { clausePositiveStart = start }
            clausePositive += v
            if !tags.contains(.acknowledgement) && tags.categories.intersection(Self.courtesy).isEmpty { clauseAppraisal += v }
        } else {
            clauseNegative += v
            negativeMass += v
            lastNegativeEnd = end
        }
        // A repeat-contact phrase's own weight (之前投诉过) is the count, not a grievance beside it.
        if v < 0 && !tags.categories.contains(.repeatContact) { sawGrievance = true }
    }

    /// Static, so that the check reads the units alone: as a method it copied the whole state.
    static func allCaps(_ units: UnsafeBufferPointer<TextUnit>, from: Int, to: Int) -> Bool {
        for k in from..<to where units[k].kind == .word {
            if !units[k].flags.contains(.allCaps) { return false }
        }
        return units[from].kind == .word
    }

    /// The fragment-wide patterns (`@a & @b`): their categories join the fragment's, and their
    /// cues apply to all of it, as does the sarcasm of praise held up in quotation marks beside a
    /// complaint. Returns the cues found.
    mutating func applyFragmentWide<Tracer: ScoreTracer>(tracer: inout Tracer) -> ScopeCues {
        var cues = ScopeCues()
        var statedSelfHarm = false
        var explained = EntryConcepts()
        if quotedPraise + quotedPraiseBefore > 0 {
            // Praise held up in quotation marks beside a complaint ("a 'sincere apology' and a £5
            // voucher for ruining our dinner. Thanks so much.") is doubted, and the thanks beside
            // it with it; thanks said before the doubt ("Thanks. … every time it's 'fixed' it lasts
            // a week") answered the agent, and only the quoted claim turns. Without a complaint it
            // is a name or a status read out ("prize pending"), which says nothing of the mood.
            let doubted = negativeMass < 0
            let thankedFirst = hits.contains { $0.category == .thanks && $0.utf8End <= quotedFrom }
            tracer.record(.quotedPraise(quotedPraise + quotedPraiseBefore, doubted: doubted))
            if doubted && !thankedFirst {
                cues.insert(ScopeCues(.sarcasm))
            } else {
                // Doubted, the claim turns (taken out twice) and still stirs; read out, it counts
                // for nothing.
                takeOutPraise(after: quotedPraise, before: quotedPraiseBefore, times: doubted ? 2 : 1)
                if doubted { intensity += quotedPraise + quotedPraiseBefore }
            }
        }
        let seen = clause.fragmentConcepts
        guard !seen.isEmpty || !cues.isEmpty else { return cues }
        let patterns = clause.patterns
        let wide = patterns.fragmentWide
        // The patterns the fragment's concepts begin, as bits in pattern order (so that the
        // first of a category to fire is the one named, as when all were read in turn); a
        // lexicon with more patterns than the mask holds reads them all.
        if wide.count > FrozenPatterns.fragmentWideCapacity {
            for rule in wide { fireWide(rule, seen: seen, cues: &cues, explained: &explained, statedSelfHarm: &statedSelfHarm, tracer: &tracer) }
        } else {
            var begun = SIMD16<UInt64>.zero
            let keys = seen.intersection(patterns.wideFirsts)
            func mark(_ set: ConceptSet, script slot: Int) {
                set.forEachMember { c in
                    let k = slot * ConceptSet.capacity + c
                    for place in Int(patterns.wideOffsets[k])..<Int(patterns.wideOffsets[k + 1]) {
                        let r = Int(patterns.wideRules[place])
                        begun[r >> 6] |= 1 << UInt64(r & 63)
                    }
                }
            }
            mark(keys.latin, script: 0)
            mark(keys.han, script: 1)
            for word in 0..<begun.scalarCount {
                var bits = begun[word]
                while bits != 0 {
                    let r = word << 6 + bits.trailingZeroBitCount
                    bits &= bits &- 1
                    fireWide(wide[r], seen: seen, cues: &cues, explained: &explained, statedSelfHarm: &statedSelfHarm, tracer: &tracer)
                }
            }
        }
        // A question about the listener's safety frames its whole fragment: an agent who
        // quotes the customer first (你说“要是我不在了”，我想认真问一下：你是不是…) is still asking.
        if clause.fragmentCues.contains(ScopeCues(.concern)) { cues.insert(ScopeCues(.concern)) }
        if cues.contains(ScopeCues(.recovered)) { dropSelfHarmBeforeRecovery(cues: &cues, tracer: &tracer) }
        guard cues.rawValue != 0 else { return cues }
        var cancelled = cues.cancelled
        // A policy's wording about suicide beside the speaker's own ("the policy wording says no
        // payout… if I kill myself?"): the wording is reported, the disclosure is not. Nor is a
        // self-harm pattern across the fragment, which joins the risk to the speaker's resolve
        // ("does it pay out on suicide after two years? …and I'm ready").
        var others = cues
        others.remove(ScopeCues(.reported))
        if (clause.ownSelfHarm || statedSelfHarm) && !others.cancelled.contains(.selfHarm) { cancelled.remove(CategorySet(.selfHarm)) }
        // An ordinary use of a word (a loan paid off at last, 一了百了) answers for the
        // statements made of its own words, not for one told beside it (…我也不想活了).
        let bySource = cancelled.contains(.selfHarm) && !cues.subtracting(ScopeCues.explainWords).cancelled.contains(.selfHarm)
        if categories.rawValue & cancelled.rawValue != 0 {
            var kept = CategoryHits()
            var keptSelfHarm = false
            for hit in hits {
                if bySource && hit.category == .selfHarm && !concepts(of: hit).intersects(explained) {
                    kept.append(hit)
                    keptSelfHarm = true
                } else if cancelled.contains(hit.category) {
                    if let cue = cues.cue(cancelling: hit.category) {
                        tracer.record(.categoryScoped(hit, cue))
                    }
                    clause.scoped.insert(hit.category)
                } else {
                    kept.append(hit)
                }
            }
            hits = kept
            if keptSelfHarm { cancelled.remove(CategorySet(.selfHarm)) }
            categories.rawValue &= ~cancelled.rawValue
        }
        return cues
    }

    /// A dark time told as past and over (a fragment-wide `recovered`): the self-harm statements
    /// that end before the recovery was told are that time; one told after it stands. When none
    /// stands, the fragment denies the risk, for the learned layer too.
    mutating func dropSelfHarmBeforeRecovery<Tracer: ScoreTracer>(cues: inout ScopeCues, tracer: inout Tracer) {
        guard clause.recoveredEnd >= 0 else { return }
        if !dropStatements(of: .selfHarm, endingBy: clause.recoveredEnd, cue: .recovered, tracer: &tracer) {
            categories.remove(CategorySet(.selfHarm))
            cues.insert(ScopeCues(.denial))
        }
    }

    /// Drops the `category` statements that end by `end` (a UTF-8 offset), `cue` having
    /// cancelled them; returns whether one of the category still stands.
    mutating func dropStatements<Tracer: ScoreTracer>(of category: Category, endingBy end: Int32, cue: ScopeCue, tracer: inout Tracer) -> Bool {
        var kept = CategoryHits()
        var stands = false
        for hit in hits {
            if hit.category == category && hit.utf8End <= end {
                tracer.record(.categoryScoped(hit, cue))
                clause.scoped.insert(category)
            } else {
                if hit.category == category { stands = true }
                kept.append(hit)
            }
        }
        hits = kept
        return stands
    }

    /// The concepts a category statement was made of: its first entry's, and its pattern's parts.
    func concepts(of hit: CategoryHit) -> EntryConcepts {
        let patterns = clause.patterns
        let e = Int(hit.entry.rawValue)
        // A fragment-wide pattern's hit and the learned layer's name no word of their own.
        let namesWord = hit.utf8End > hit.utf8Start
        var made = namesWord && entries[e].tags.contains(.hasConcepts) ? patterns.concepts(e) : EntryConcepts()
        if hit.patternIndex >= 0 {
            let info = patterns.info[Int(hit.patternIndex)]
            var parts = ConceptSet()
            for k in Int(info.partOffset)..<Int(info.partOffset) + Int(info.partCount) { parts.formUnion(patterns.parts[k]) }
            made.formUnion(EntryConcepts(parts, script: Pattern.Script(rawValue: info.script) ?? .any))
        }
        return made
    }

    /// A fragment-wide pattern begun by the fragment's concepts: when its second part is seen
    /// too, its cue joins `cues` or its category the fragment's.
    @inline(__always)
    mutating func fireWide<Tracer: ScoreTracer>(
        _ rule: FrozenPatterns.FragmentWide, seen: EntryConcepts, cues: inout ScopeCues, explained: inout EntryConcepts,
        statedSelfHarm: inout Bool, tracer: inout Tracer
    ) {
        let visible = seen.seen(by: rule.info.script)
        guard visible.intersects(rule.first) && visible.intersects(rule.second) else { return }
        let id = Lexicon.PatternID(rawValue: UInt32(rule.pattern))
        if rule.info.outputKind == 1 && clause.patterns.restsOnJokeTakenBack(rule, seen: visible) {
            tracer.record(.jokeTakenBack(id))
            return
        }
        tracer.record(.patternMatched(id, parts: PartSpans()))
        if rule.info.outputKind == 1 {
            guard let cue = ScopeCue(rawValue: rule.info.output) else { return }
            // A change of job or a move told beside a rival named (我换工作了…销户换到招商银行) is still
            // leaving for the rival. Chinese only: English rivals share names with places (Halifax).
            if cue == .oneOff && rule.info.script == Pattern.Script.han.rawValue && namesRival { return }
            cues.insert(ScopeCues(cue))
            if ScopeCues.explainWords.contains(ScopeCues(cue)) {
                var parts = rule.first
                parts.formUnion(rule.second)
                explained.formUnion(EntryConcepts(parts, script: Pattern.Script(rawValue: rule.info.script) ?? .any))
            }
        } else if let category = Category(rawValue: rule.info.output) {
            if category == .selfHarm { statedSelfHarm = true }
            // A self-harm pattern across the fragment keeps its own hit beside a clause's: an
            // ordinary use that explains the clause's words (burned my arm on the iron) does not
            // explain the fragment's (…on purpose). Up to three such hits: an ordinary use may
            // explain one pattern's words (giving my guitar away… moving house) and not another's
            // (…where I'm going, and I don't mean moving house).
            let wideSelfHarm = category == .selfHarm && hits.lazy.filter {
                $0.category == .selfHarm && $0.patternIndex >= 0 && $0.utf8End == $0.utf8Start
            }.count < Self.wideSelfHarmHits
            guard !categories.contains(category) || wideSelfHarm else { return }
            let hit = CategoryHit(category: category, entry: Lexicon.EntryID(rawValue: 0), utf8Start: 0, utf8End: 0, pattern: id)
            // The fragment's patterns come after the clauses' `needs:` were checked: check their own.
            let needs = clause.patterns.needs[Int(rule.pattern)]
            guard needs.isEmpty || visible.intersects(needs) else {
                tracer.record(.categoryUncorroborated(hit))
                return
            }
            categories.insert(category)
            hits.append(hit)
            tracer.record(.patternFired(id, category))
        }
    }

    /// The rules' categories the learned layer finds all but impossible here (under its `veto`
    /// line): a trigger word in routine use or in someone else's words ("my flatmate called the
    /// last agent an idiot, sorry about that"). The words still count as spoken of. Self-harm
    /// has no veto.
    mutating func applyVeto<Tracer: ScoreTracer>(tracer: inout Tracer) {
        guard let logits = modelLogits, categories.rawValue != 0 else { return }
        let under = logits .< modelVetoes
        guard any(under) else { return }
        var vetoed = CategorySet()
        for (k, category) in CategoryModel.categories.enumerated() where under[k] && categories.contains(category) {
            vetoed.insert(category)
            tracer.record(.learnedVeto(category, probability: 1 / (1 + expf(-logits[k]))))
        }
        guard vetoed.rawValue != 0 else { return }
        var kept = CategoryHits()
        for hit in hits where !vetoed.contains(hit.category) { kept.append(hit) }
        hits = kept
        categories.rawValue &= ~vetoed.rawValue
        clause.scoped.rawValue |= vetoed.rawValue
    }

    /// The learned layer's categories the rules did not state, unless a cue cancels them in
    /// every clause with a word that can carry them.
    mutating func applyModel<Tracer: ScoreTracer>(fragmentCues: ScopeCues, tracer: inout Tracer) {
        guard let logits = modelLogits else { return }
        let over = logits .> modelThresholds
        guard any(over) else { return }
        let allCues = clause.fragmentCues.union(fragmentCues)
        let cancelled = allCues.cancelled
        let wideCancelled = fragmentCues.cancelled
        for (k, category) in CategoryModel.categories.enumerated() where over[k] && !categories.contains(category) && !uncorroborated.contains(category) {
            let hit = CategoryHit(learned: category)
            tracer.record(.learned(category, probability: 1 / (1 + expf(-logits[k]))))
            if category.isNegatable && clause.negatedConcepts.intersects(clause.patterns.families[Int(category.rawValue)]) {
                tracer.record(.categoryScoped(hit, .negation))
                continue
            }
            // A cue cancels the guess only when it speaks for every clause with a word that can
            // carry it; a cue of the fragment's wide patterns speaks for all of them.
            if cancelled.contains(category) && (wideCancelled.contains(category) || !clause.isOpenToLearned(category)) {
                let cue = allCues.cue(cancelling: category)
                // A recovery the speaker told (几年前我试过好想死，不过而家已经冇事) is not overruled:
                // the model reads the dark time's words, which the recovery puts in the past.
                if category == .selfHarm, logits[k] >= Self.sureSelfHarm, let cue, allCues.allYieldToSureModel(cancelling: category),
                   clause.recoveredEnd < 0,
                   clause.fragmentConcepts.union.contains(Int(clause.patterns.speaker)) {
                    tracer.record(.learnedOverrulesCue(category, cue))
                } else {
                    if let cue { tracer.record(.categoryScoped(hit, cue)) }
                    continue
                }
            }
            let support = clause.patterns.learnedSupport[Int(category.rawValue)]
            let unsupported = !support.isEmpty && !clause.fragmentConcepts.intersects(support)
            if unsupported && category == .selfHarm && logits[k] < Self.unsupportedSelfHarm {
                tracer.record(.learnedFaint(category))
                continue
            }
            // 气死我了 beside a squashed parcel, 想死你们了 to a shop missed: the death word the
            // model leans on is said in temper or fondness, and no word of the fragment carries
            // self-harm. A weary hyperbole (饿死, 想死的心都有了) may be meant, and stays.
            if unsupported && category == .selfHarm && (sawAngryHyperbole || sawFondHyperbole) {
                tracer.record(.learnedHyperbole(category))
                continue
            }
            // Abuse is aimed at the listener: a guess under the alert line with no insult, curse or
            // threat, in a fragment that never addresses the listener ("got the wrong model like an
            // idiot"), has nothing aimed at anyone.
            if unsupported && category == .abuse && logits[k] <= modelAlertThresholds[k] && !addressesListener {
                tracer.record(.learnedFaint(category))
                continue
            }
            categories.insert(category)
            hits.append(hit)
            if category == .abuse || category == .escalation { hostile += 1 }
            if logits[k] <= modelAlertThresholds[k] {
                tracer.record(.learnedTentative(category))
                tentative.insert(category)
            }
            if unsupported {
                tracer.record(.learnedUnsupported(category))
                weak.insert(category)
            }
        }
    }

    /// The learned layer's misconduct in an agent's line the rules found neither rude nor
    /// abusive: under the model's alert line, a guess that waits for more in a conversation.
    mutating func applyRudeModel<Tracer: ScoreTracer>(tracer: inout Tracer) {
        guard let logit = rudeLogit, logit > modelThresholds[CategoryModel.rudeColumn],
              !categories.contains(.rude), !categories.contains(.abuse) else { return }
        tracer.record(.learned(.rude, probability: 1 / (1 + expf(-logit))))
        categories.insert(.rude)
        hits.append(CategoryHit(learned: .rude))
        if logit <= modelAlertThresholds[CategoryModel.rudeColumn] {
            tracer.record(.learnedTentative(.rude))
            tentative.insert(.rude)
        }
    }

    /// The speaker's own death wish (我已经好几天没睡了，脑子里只有一个念头，就是去死; 我活着就是浪费空气)
    /// in a fragment that names the speaker and never the listener is self-harm, not abuse: the
    /// death word that also curses (去死) has no one to curse. One who names nobody (早点消失吧，
    /// 世界会更美好) may be speaking to the one addressed, and keeps the abuse.
    mutating func dropOwnDeathWishAsAbuse<Tracer: ScoreTracer>(tracer: inout Tracer) {
        guard categories.contains(.abuse), categories.subtracting(weak).contains(.selfHarm),
              namesSpeaker, !addressesListener else { return }
        scopeOut(.abuse, by: .selfTarget, tracer: &tracer)
    }

    /// A death wish in a fragment that insults the listener, names them and never names the
    /// speaker (像你这种没用的东西，怎么不干脆去死一死; "you useless lump, do us all a favour and
    /// drop dead") is aimed at the listener: abuse, not self-harm. Whoever speaks of their own
    /// death while insulting the listener says I or 我 somewhere; one who names nobody (不如早点
    /// 去死) keeps the self-harm.
    mutating func dropListenersDeathWish<Tracer: ScoreTracer>(tracer: inout Tracer) {
        guard categories.contains(.selfHarm), categories.contains(.abuse) else { return }
        let seen = clause.fragmentConcepts.union
        let speaker = Int(clause.patterns.speaker), listener = Int(clause.patterns.listener)
        guard speaker >= 0, seen.contains(listener), !seen.contains(speaker) else { return }
        scopeOut(.selfHarm, by: .listenerTarget, tracer: &tracer)
    }

    /// Drops every hit of `category`, `cue` saying whose words they are not.
    mutating func scopeOut<Tracer: ScoreTracer>(_ category: Category, by cue: ScopeCue, tracer: inout Tracer) {
        var kept = CategoryHits()
        for hit in hits {
            if hit.category == category {
                tracer.record(.categoryScoped(hit, cue))
            } else {
                kept.append(hit)
            }
        }
        hits = kept
        let dropped = CategorySet(category)
        categories.remove(dropped)
        weak.remove(dropped)
        tentative.remove(dropped)
    }

    /// Stopping the phone, settling the broadband or giving the gym card away beside a self-harm
    /// disclosure (手机也停了吧，以后用不着了; "cancel it, I won't be around") is putting affairs
    /// in order: the self-harm alert carries it, and a churn alert beside it would only be noise
    /// on the supervisor's screen. So it is when only the learned layer reads the self-harm ("I've
    /// written something for my mum, cancel this account, I won't use it again"): in the statement
    /// suites a churn word beside such a guess was never a churn threat.
    mutating func dropChurnBesideSelfHarm<Tracer: ScoreTracer>(tracer: inout Tracer) {
        guard categories.contains(.selfHarm), categories.contains(.churn) else { return }
        // A faint self-harm guess (no word carries it, and the model under 0.96) does not make a
        // rule's leaving into affairs in order. A fixed line, not the alert line: raising when a
        // guess may alert alone must not turn "cancel it all, I'm about to exit life" into leaving.
        let column = CategoryModel.selfHarmColumn
        let selfHarmLogit = modelLogits.map { $0[column] } ?? -.infinity
        let faint = weak.contains(.selfHarm) && tentative.contains(.selfHarm)
            && selfHarmLogit < min(modelAlertThresholds[column], Self.affairsInOrderSelfHarm)
        // A guess no word carries beside a rival named (我唔想再等……我去第二间gym) or the listener
        // dropped ("I'm not using you anymore, cancel my account", 我唔用你哋喇) is leaving: the
        // rival is where the customer goes, the listener whom they leave, and the guess goes
        // instead. Not when the leaving is denied (沒有要換電信，就是不需要了): no rival is where
        // they go. A faint guess stays beside a rival's churn, for the rival words include everyday
        // ones (gym, target, chase), and "cancel the gym, streaming, the lot… I'm just finishing"
        // is a disclosure; the words that drop the listener are none of them.
        let leavingDenied = clause.negatedConcepts.intersects(clause.patterns.families[Int(Category.churn.rawValue)])
        let leaving = weak.contains(.selfHarm) && !weak.contains(.churn) && !leavingDenied
        if leaving && (sees(clause.patterns.dropYouLatin, clause.patterns.dropYouHan) || (!faint && namesRival)) {
            supersede(.selfHarm, by: .churn, tracer: &tracer)
            return
        }
        guard !faint || weak.contains(.churn) else { return }
        supersede(.churn, by: .selfHarm, tracer: &tracer)
    }

    /// Whether the fragment names the listener (`@you`).
    var addressesListener: Bool {
        let listener = Int(clause.patterns.listener)
        return listener >= 0 && clause.fragmentConcepts.union.contains(listener)
    }

    /// Whether the fragment names the speaker (`@self`).
    var namesSpeaker: Bool {
        let speaker = Int(clause.patterns.speaker)
        return speaker >= 0 && clause.fragmentConcepts.union.contains(speaker)
    }

    /// Whether the fragment names a rival (`@competitor`, `@zh_comp`).
    var namesRival: Bool { sees(clause.patterns.rivalLatin, clause.patterns.rivalHan) }

    /// Whether the fragment holds the concept numbered `latin` in English patterns or `han` in
    /// Chinese ones (-1: the lexicons lack it).
    func sees(_ latin: Int16, _ han: Int16) -> Bool {
        let seen = clause.fragmentConcepts
        return (latin >= 0 && seen.latin.contains(Int(latin))) || (han >= 0 && seen.han.contains(Int(han)))
    }

    /// Drops every hit of `category`, recording that `winner` supersedes it.
    mutating func supersede<Tracer: ScoreTracer>(_ category: Category, by winner: Category, tracer: inout Tracer) {
        var kept = CategoryHits()
        for hit in hits {
            if hit.category == category {
                tracer.record(.categorySuperseded(hit, by: winner))
            } else {
                kept.append(hit)
            }
        }
        hits = kept
        let dropped = CategorySet(category)
        categories.remove(dropped)
        weak.remove(dropped)
        tentative.remove(dropped)
    }

    /// A returning customer who thanks or praises ("calling again just to say thanks, the engineer
    /// fixed it"; 上次嗰位同事好好，一次过帮我搞掂，所以今次又搵返你哋) tells of earlier contacts that
    /// worked: no repeat contact, when the fragment is warm on the whole and not sarcastic. Praise
    /// beside a negative word or a negator may be someone's promise told ("they said it'd be
    /// sorted. It's not."; 你们说修好了，现在又坏了), so only thanks outweighs those.
    mutating func dropRepeatBesidePraise<Tracer: ScoreTracer>(tracer: inout Tracer) {
        guard categories.contains(.repeatContact) else { return }
        let praise: Category
        if categories.contains(.thanks) && !categories.contains(.grievance) {
            // A curt "thx" after "still no internet" signs off a complaint; it thanks no one.
            praise = .thanks
        } else if categories.contains(.satisfaction) && !sawGrievance {
            praise = .satisfaction
        } else {
            return
        }
        supersede(.repeatContact, by: praise, tracer: &tracer)
    }

    /// Categories of patterns with a `needs:` whose fragment has none of the needed concepts:
    /// "I rang last week" is a follow-up until something beside it says the matter is still
    /// open ("…and nobody came back to me", 上周打过，到现在还没人理). A category another hit of
    /// the fragment states stays; the learned layer may not state one left out here, except
    /// self-harm: a narrow pattern's unmet need says nothing against a disclosure told otherwise.
    mutating func dropUncorroborated<Tracer: ScoreTracer>(tracer: inout Tracer) {
        guard !hits.isEmpty else { return }
        var unmet = CategorySet(), met = CategorySet()
        for hit in hits {
            guard let id = hit.pattern else {
                met.insert(hit.category)
                continue
            }
            let needs = clause.patterns.needs[Int(id.rawValue)]
            let script = clause.patterns.info[Int(id.rawValue)].script
            if needs.isEmpty || clause.fragmentConcepts.seen(by: script).intersects(needs) {
                met.insert(hit.category)
            } else {
                unmet.insert(hit.category)
            }
        }
        unmet.rawValue &= ~met.rawValue
        guard unmet.rawValue != 0 else { return }
        var kept = CategoryHits()
        for hit in hits {
            if unmet.contains(hit.category) {
                tracer.record(.categoryUncorroborated(hit))
            } else {
                kept.append(hit)
            }
        }
        hits = kept
        categories.rawValue &= ~unmet.rawValue
        unmet.remove(CategorySet(.selfHarm))
        uncorroborated = unmet
    }

    /// Contacts told before the matter was settled ("last time it took three calls, but it got
    /// sorted"; 之前打过两次，后来办好了) ended in a fix: no repeat contact. A repeat told after the
    /// fix ("…it got sorted, and now it's broken again") stands.
    mutating func dropRepeatBeforeSettled<Tracer: ScoreTracer>(tracer: inout Tracer) {
        guard clause.settledEnd >= 0, categories.contains(.repeatContact) else { return }
        if !dropStatements(of: .repeatContact, endingBy: clause.settledEnd, cue: .settled, tracer: &tracer) {
            categories.remove(CategorySet(.repeatContact))
        }
    }

    /// A category stated by patterns or the learned layer alone, in a fragment with none of its
    /// `firm:` concepts, is weak: a repeat contact told only as time gone by or a fault still
    /// there ("three weeks, and the assessor still hasn't come"; 今天都五十天了，一张都没收到)
    /// names no earlier contact, and in a conversation waits for more before it alerts. A
    /// lexicon phrase of the category with no concepts of its own (第三次联系) says it outright;
    /// one with concepts ("still hasn't") is judged by them, with the rest of the fragment.
    mutating func markUnfirm<Tracer: ScoreTracer>(tracer: inout Tracer) {
        var phrased = CategorySet()
        for hit in hits where hit.pattern == nil && !hit.isLearned && clause.patterns.concepts(Int(hit.entry.rawValue)).isEmpty {
            phrased.insert(hit.category)
        }
        for category in CategoryModel.categories where categories.contains(category) && !weak.contains(category) && !phrased.contains(category) {
            let firm = clause.patterns.firmEvidence[Int(category.rawValue)]
            guard !firm.isEmpty, !clause.fragmentConcepts.intersects(firm) else { continue }
            tracer.record(.unfirm(category))
            weak.insert(category)
        }
    }

    /// Praise of how things usually were ("honestly you've always been great, so it's a bit
    /// disheartening", 有点失望，平时你们挺准时的) is the standard a complaint falls short of: with a
    /// negative word before it or after its first warm word, it is taken out of the total. Alone
    /// ("I've always been happy with you"), or after a trouble told in its own clause (之前的问题
    /// 解决了，谢谢), it stays praise.
    mutating func setBackdropAside<Tracer: ScoreTracer>(tracer: inout Tracer) {
        let held = backdropPraise + backdropPraiseBefore
        guard held > 0, backdropAfterComplaint || lastNegativeEnd > backdropFrom else { return }
        tracer.record(.backdrop(praise: held))
        takeOutPraise(after: backdropPraise, before: backdropPraiseBefore)
    }

    /// Whether words follow the last contrast word ("nice, but" says nothing more).
    var saysMoreAfterContrast: Bool {
        guard contrastUnit >= 0 else { return false }
        for k in contrastUnit..<units.count where units[k].kind == .word || units[k].kind == .cjk { return true }
        return false
    }

    /// Takes warm words out of the total, `times` over, from the side of the contrast each
    /// stood on, and out of the praise and the intensity they added.
    mutating func takeOutPraise(after: Float, before: Float, times: Float = 1) {
        afterContrast -= times * after
        beforeContrast -= times * before
        praise -= after + before
        intensity -= after + before
    }

    mutating func finish<Tracer: ScoreTracer>(language: Language, tracer: inout Tracer) -> Score {
        dropUncorroborated(tracer: &tracer)
        dropRepeatBeforeSettled(tracer: &tracer)
        let fragmentCues = applyFragmentWide(tracer: &tracer)
        applyVeto(tracer: &tracer)
        applyModel(fragmentCues: fragmentCues, tracer: &tracer)
        applyRudeModel(tracer: &tracer)
        dropListenersDeathWish(tracer: &tracer)
        dropOwnDeathWishAsAbuse(tracer: &tracer)
        dropChurnBesideSelfHarm(tracer: &tracer)
        markUnfirm(tracer: &tracer)
        setBackdropAside(tracer: &tracer)
        var total: Float
        if sawContrast && !weighedAfterContrast && !askedAfterContrast && contrastPivot > 0 && saysMoreAfterContrast {
            // "Nice hotel on paper, but the pool was closed the whole stay": facts alone after
            // praise and a "but" are the letdown. After a complaint they are as often its
            // rebuttal ("banned for fraud, but it was someone else") as the good side, so a
            // complaint keeps its sign.
            tracer.record(.contrastOnFacts(before: contrastPivot))
            afterContrast = -contrastPivot * Self.factsAfterContrast
        }
        if sawContrast {
            total = beforeContrast * 0.5 + afterContrast * 1.5
            tracer.record(.contrast(before: beforeContrast, after: afterContrast))
        } else {
            total = afterContrast
        }
        if total > 0 && acknowledgements > 0 && otherSentiment == 0 && categories.isEmpty {
            // "Fine." or 好，好。 takes the turn; it tells nothing of how the caller feels.
            tracer.record(.acknowledgement(from: total))
            intensity = max(0, intensity - total)
            total = 0
        }
        if total > 0 && !fragmentCues.contains(ScopeCues(.sarcasm)) { dropRepeatBesidePraise(tracer: &tracer) }
        if total < 0 && clause.fragmentCues.union(fragmentCues).contains(ScopeCues(.jest)) {
            // "the damn thing just dies lol": banter, not a grievance; it stays a little negative.
            tracer.record(.jest(from: total, to: total * Self.jestShare))
            total *= Self.jestShare
            intensity *= Self.jestShare
            anger /= 2
        }
        // Trouble told and then settled ("took three calls, but it's all fixed", 一开始好嬲，结果真係搞掂咗)
        // is a past trouble; a fresh complaint after the fix ("…and now it's broken again") is not.
        let isSettledPast = total < 0 && clause.settledEnd >= 0 && lastNegativeEnd <= clause.settledEnd
        if isSettledPast {
            tracer.record(.settledPast(from: total, to: total * Self.proceduralShare))
            total *= Self.proceduralShare
            intensity *= Self.proceduralShare
            anger /= 2
        }
        // A whole line asked only to know ("just curious: if someone had a billing dispute, where
        // would they go?", 随便问一句，一般家长要是有意见找谁？) names its troubles as topics.
        if total < 0 && fragmentCues.contains(ScopeCues(.procedure))
            && categories.rawValue & Self.riskCategories.rawValue == 0 {
            tracer.record(.procedural(from: total, to: total * Self.proceduralShare))
            total *= Self.proceduralShare
            intensity *= Self.proceduralShare
            anger /= 2
        }
        if total == 0 && morphemes != 0 {
            tracer.record(.morphemes(total: morphemes * Self.morphemeShare))
            total = morphemes * Self.morphemeShare
            intensity += abs(total)
        }
        // A stated category gives the total itself (a risk statement is at least its own weight).
        if total == 0 && categories.isEmpty && language == .chinese && hasNoSentiment && !hasRiskWordsSetAside, let logit = positiveLogit,
           abs(logit) >= modelThresholds[CategoryModel.positiveColumn] {
            // A Chinese line in words the lexicon lacks (收到老家寄来的腊肉，满满都是年味) takes
            // the learned layer's sign, weakly: it says how the line leans, not how strongly.
            total = logit > 0 ? Self.learnedLean : -Self.learnedLean
            tracer.record(.learnedLean(total: total, probability: 1 / (1 + expf(-logit))))
            intensity += abs(total)
            isLean = true
        }
        let stated = total == 0 ? categories : categories.subtracting(weak)
        if total > Self.statementOnly && stated.rawValue & Self.riskCategories.rawValue != 0 {
            tracer.record(.statementOnly(total: Self.statementOnly))
            total = Self.statementOnly
            intensity += abs(total)
        }
        // A guess of the learned layer too weak to alert on is no disclosure to read as despair.
        if categories.subtracting(weak).subtracting(tentative).contains(.selfHarm) && total > Self.despairTotal {
            tracer.record(.despair(from: total, to: Self.despairTotal))
            // Only the strength the floor adds counts towards agitation.
            intensity += Self.despairTotal.magnitude - max(0, -total)
            total = Self.despairTotal
        }
        if stated.contains(.grievance) && total > Self.grievanceTotal && !categories.contains(.thanks) {
            tracer.record(.grievance(from: total, to: Self.grievanceTotal))
            total = Self.grievanceTotal
            intensity += abs(total)
        }
        if fragmentCues.contains(ScopeCues(.sarcasm)) && praise > 0 {
            // The praise was meant the other way round, and the letdown stands.
            let turned = min(total - 2 * praise, Self.sarcasticFloor)
            tracer.record(.sarcasm(from: total, to: turned))
            total = turned
        }
        if total == 0 && questions >= 2 {
            // "退款呢？？", "where's my refund??": insistence with nothing else to go on.
            tracer.record(.punctuation(.questionMarks, from: 0, to: Self.insistentQuestion))
            total = Self.insistentQuestion
        }
        if total != 0 {
            let sign: Float = total < 0 ? -1 : 1
            if exclamations > 0 {
                let next = total + sign * 0.292 * Float(min(exclamations, 4))
                tracer.record(.punctuation(.exclamation, from: total, to: next))
                total = next
            }
            if questions > 1 {
                let next = total + sign * (questions <= 3 ? 0.18 * Float(questions) : 0.96)
                tracer.record(.punctuation(.questionMarks, from: total, to: next))
                total = next
            }
        }
        let valence = max(-1, min(1, total / (total * total + 15).squareRoot()))
        // How strong the words are counts a little: despair said plainly ("I just feel so
        // ashamed") is not agitation; the marks, anger words and hostility below are.
        let raw = 0.07 * intensity
            + 0.12 * Float(min(exclamations, 4))
            + 0.08 * Float(min(questions, 4))
            + 0.15 * Float(min(emphasis, 3))
            + 0.35 * Float(min(anger, 3))
            + 0.3 * Float(min(hostile, 3))
            - 0.1 * Float(min(sadness, 3))
        let arousal = max(0, min(1, 1 - expf(-max(0, raw))))
        // Self-directed insults are left out: "觉得自己就是个废物" is despair, not embarrassment.
        // A line that states a risk or insults someone is never an aside; a guess of the learned
        // layer that no word can carry (its sorrow read as despair) does not count as stating one.
        // So is a line about a document's words or a dose, which the fragment-wide patterns mark
        // reported (a policy's suicide clause quoted, 安眠药一次可以吃几颗): the words are the
        // document's, not the customer's feeling. A clause telling what someone said is not: "the
        // last agent told me it was settled" is the grievance itself.
        let asideCues: ScopeCues = [ScopeCues(.thingTarget), ScopeCues(.jest), ScopeCues(.procedure), ScopeCues(.oneOff)]
        // Sorrow about one's life told calmly (这些天跑手续真的挺累的，心里一直挺难受; "the whole
        // team got made redundant"): only sad words, no anger, fault, grievance or insistence.
        // The caller is not complaining about the service.
        let isSorrow = total < 0 && sadness > 0 && otherNegative == 0 && anger == 0 && hostile == 0
            && exclamations == 0 && questions == 0 && !categories.contains(.grievance)
        // So is a line whose negative words are mostly someone else's words or story (我表姐气得说要打12315;
        // "when the brother drowns himself, I bawled"), or a trouble since settled.
        let isStory = reportedNegative < 0 && reportedNegative <= Self.storyShare * negativeMass
        // A clause about someone else's deed or an outside dispute told to its end ("my sister
        // had a nightmare with another app and ended up filing with the BBB") is a story too.
        let storyCues: ScopeCues = [ScopeCues(.otherParty), ScopeCues(.elsewhere)]
        let allCues = clause.fragmentCues.union(fragmentCues)
        let toldAsStory = isStory || isSettledPast || fragmentCues.contains(ScopeCues(.reported))
            || !allCues.intersection(storyCues).isEmpty
        let isAside = (!allCues.intersection(asideCues).isEmpty
                || sawHyperbole || isSorrow || toldAsStory)
            && categories.rawValue & ~weak.rawValue & (Self.riskCategories.rawValue | CategorySet(.rude).rawValue) == 0
        return Score(
            valence: valence, arousal: arousal, language: language, isTraditional: stats.traditional,
            categories: categories, hits: hits, rawSum: total, weakCategories: weak,
            tentativeCategories: tentative.intersection(categories), isAside: isAside,
            isStory: isAside && toldAsStory,
            scopedCategories: clause.scoped, isLean: isLean,
            asksAfterSafety: allCues.contains(ScopeCues(.concern)),
            pointsOutside: clause.advised,
            tells: told(allCues),
            // A move to be near the family ("…rather be with her family in Leeds") is no joining.
            speaksOfJoiningTheDead: allCues.contains(ScopeCues(.joiningTheDead)) && !allCues.contains(ScopeCues(.harmlessUse)),
            explainableBy: explainable(allCues)
        )
    }

    /// What the fragment tells of that later lines may rest on.
    func told(_ cues: ScopeCues) -> ToldContext {
        var told = ToldContext()
        if cues.contains(ScopeCues(.bereavement)) { told.insert(.death) }
        if cues.contains(ScopeCues(.moveAway)) { told.insert(.move) }
        if cues.contains(ScopeCues(.sportJump)) { told.insert(.sportJump) }
        return told
    }

    /// What told earlier would explain the fragment's self-harm: goodbyes a move, a jump a sport.
    func explainable(_ cues: ScopeCues) -> ToldContext {
        var explainable = ToldContext()
        if cues.contains(ScopeCues(.parting)) && selfHarmRests(on: clause.patterns.partingWords) { explainable.insert(.move) }
        if cues.contains(ScopeCues(.jumping)) && selfHarmRests(on: clause.patterns.jumpingWords) { explainable.insert(.sportJump) }
        return explainable
    }

    /// Whether every rule statement of self-harm in the fragment is made with `words` (a goodbye,
    /// a thing given away, a jump): what an earlier line may explain. A burden or a means beside
    /// them is not.
    func selfHarmRests(on words: EntryConcepts) -> Bool {
        for k in 0..<hits.count {
            let hit = hits[k]
            guard hit.category == .selfHarm && !hit.isLearned else { continue }
            guard concepts(of: hit).intersects(words) else { return false }
        }
        return true
    }
}
