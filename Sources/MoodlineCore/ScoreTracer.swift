/// One thing the scorer did, recorded when explaining a score.
public enum ScoreStep: Sendable, Equatable {
    /// An entry matched units of the text (byte offsets into the original UTF-8).
    case matched(Lexicon.EntryID, utf8Start: Int32, utf8End: Int32)
    /// A rule changed an entry's valence.
    case adjusted(Lexicon.EntryID, rule: ScoreRule, from: Float, to: Float)
    /// A negator cancelled a category statement.
    case categoryNegated(Lexicon.EntryID, Category)
    /// A category fired.
    case categoryFired(Lexicon.EntryID, Category)
    /// A fragment-wide pattern (`@a & @b`) stated a category: no one entry carries it.
    case patternFired(Lexicon.PatternID, Category)
    /// A pattern matched: where each of its parts matched (byte offsets).
    case patternMatched(Lexicon.PatternID, parts: PartSpans)
    /// A fragment-wide scope pattern resting on a joke claim did not apply: the fragment takes
    /// the joke back ("jk… actually not joking").
    case jokeTakenBack(Lexicon.PatternID)
    /// A pattern's category was cancelled by a negator within or just before it.
    case patternNegated(Lexicon.PatternID, Category)
    /// A category was cancelled by a scope cue of its clause (reported speech, a denial, …).
    case categoryScoped(CategoryHit, ScopeCue)
    /// A category was dropped because a graver one of the same fragment explains its words:
    /// closing accounts beside a self-harm disclosure is putting affairs in order, not leaving.
    case categorySuperseded(CategoryHit, by: Category)
    /// A pattern's category was left out: its fragment has none of the concepts the pattern
    /// `needs:` ("I called last week" with nothing unresolved beside it is a follow-up).
    case categoryUncorroborated(CategoryHit)
    /// Punctuation moved the total.
    case punctuation(ScoreRule, from: Float, to: Float)
    /// The learned layer stated a category, with its probability.
    case learned(Category, probability: Float)
    /// The learned layer's category stands on the model alone: the fragment has none of the
    /// words that can carry it (`support:` lines), as when distress reads like self-harm.
    case learnedUnsupported(Category)
    /// A category was stated in a fragment with none of the words that make it firm (`firm:`
    /// lines): a repeat contact told only as time gone by names no earlier contact.
    case unfirm(Category)
    /// The learned layer's category is under its alert threshold: in a live conversation it
    /// raises no alert alone.
    case learnedTentative(Category)
    /// The learned layer's abuse was a faint guess: under its alert threshold, with no insult,
    /// curse or threat, in a fragment that never addresses the listener ("got the wrong model
    /// like an idiot"), and was left out. A threat with "you" in it ("I know where you work")
    /// stays. A self-harm guess under 0.6 with no word that can carry self-harm is left out too.
    case learnedFaint(Category)
    /// The learned layer's category stood on the model alone in a fragment of angry hyperbole
    /// (气死我了), and was left out.
    case learnedHyperbole(Category)
    /// The learned layer was all but sure of self-harm in a fragment where the speaker speaks,
    /// and a cue that would cancel the guess (someone else's story, an ordinary use, a denial)
    /// did not: the cue explains a word, the model reads the whole line.
    case learnedOverrulesCue(Category, ScopeCue)
    /// The learned layer overruled a rule's category: it gave it a probability under its veto.
    case learnedVeto(Category, probability: Float)
    /// Sarcastic praise turned the total around.
    case sarcasm(from: Float, to: Float)
    /// No entry had sentiment: the characters inside unknown words gave the total.
    case morphemes(total: Float)
    /// No entry of a Chinese line had sentiment: the learned layer's lean (its probability of
    /// warm) gave the total's sign.
    case learnedLean(total: Float, probability: Float)
    /// No word had sentiment, but the fragment states a risk (leaving, a threat, chasing): the
    /// statement gives the total.
    case statementOnly(total: Float)
    /// A grievance said without feeling words ("nobody told me", 没有人通知我): the total is at
    /// most the grievance's own.
    case grievance(from: Float, to: Float)
    /// A self-harm statement in quiet words ("my affairs are in order"): the total is at most
    /// despair's own.
    case despair(from: Float, to: Float)
    /// Negative words of someone else's, quoted or told after their 说，: counted for less.
    case reportedWords(from: Float, to: Float)
    /// The line only acknowledges ("Fine.", 好。): its warm word is a reply, not a mood.
    case acknowledgement(from: Float)
    /// A question about procedure ("can I cancel one order?"): its clause's negative words
    /// name the task, not a feeling, and count for less.
    case procedural(from: Float, to: Float)
    /// An insult aimed at the speaker ("I'm so stupid, I typed the wrong code"): embarrassment,
    /// not a grievance; its clause's negative words count for less.
    case selfDirected(from: Float, to: Float)
    /// Swearing at a device or an app ("the damn router keeps dropping"): annoyance at a
    /// thing; its clause's negative words count for less.
    case thingDirected(from: Float, to: Float)
    /// A fear told that came to nothing ("I was worried I'd have to pay the fee"): relief; its
    /// clause's negative words count for less.
    case allayed(from: Float, to: Float)
    /// Laughter or a joke marker: the fragment's negative total is banter and counts for less.
    case jest(from: Float, to: Float)
    /// Every negative word comes before the matter was settled ("took three calls, but it's all
    /// fixed"): a past trouble, which counts for less.
    case settledPast(from: Float, to: Float)
    /// Warm words inside a quoted phrase: beside a complaint a claim held up to doubt ("the
    /// 'express' delivery took 9 days"), which makes the fragment's praise sarcastic; alone a
    /// name or a status read out ("prize pending"), left out of the total.
    case quotedPraise(Float, doubted: Bool)
    /// Praise in a clause that asks ("这样处理公平吗？"): not given, left out of the total; turned
    /// around beside a marker of sarcasm ("这也叫五星级？", "you call this fast").
    case askedPraise(Float, turned: Bool)
    /// Praise of how things usually were ("you've always been great"), beside a complaint: the
    /// standard the complaint falls short of, taken out of the total.
    case backdrop(praise: Float)
    /// Praise, "but", then facts alone, no word of feeling ("nice hotel, but the pool was
    /// closed"): the facts are the letdown, and the line ends up half as negative as the praise.
    case contrastOnFacts(before: Float)
    /// "but": the clause before weighs half, the clause after one and a half.
    case contrast(before: Float, after: Float)
}

/// The rules that change scores, named for explanations.
public enum ScoreRule: String, Sendable, Equatable {
    case negation = "negation"
    case weakNegation = "negation before an intensifier (weak)"
    case intensifier = "intensifier"
    case allCaps = "ALL CAPS emphasis"
    case elongation = "elongated word"
    case exclamation = "exclamation marks"
    case questionMarks = "question marks"
}

/// Receives the scorer's steps. The hot path uses ``NoTrace``, which compiles away.
public protocol ScoreTracer {
    mutating func record(_ step: @autoclosure () -> ScoreStep)
}

/// Records nothing.
public struct NoTrace: ScoreTracer {
    public init() {}
    @inline(__always)
    public mutating func record(_ step: @autoclosure () -> ScoreStep) {}
}

/// Keeps every step, for `moodline score`'s explanation.
public struct StepRecorder: ScoreTracer {
    public private(set) var steps: [ScoreStep] = []
    public init() {}
    public mutating func record(_ step: @autoclosure () -> ScoreStep) { steps.append(step()) }
}
