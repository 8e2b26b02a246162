/// The episode state of one alert kind in one session: whether a condition is ongoing, how
/// long it has held, and how many episodes fired (the ticket numbering).
struct Episode: Sendable {
    /// An alert fired and the condition has not cleared yet.
    var isOpen = false
    /// Episodes that fired so far; the next alert is number `fired + 1`.
    var fired: UInt16 = 0
    /// Consecutive fragments at or above the enter level (sustained kinds); for one-shot kinds,
    /// weak statements (``Evidence/weak``) pending while the kind is quiet: they alert only
    /// when enough come within the cooldown.
    var holdCount: UInt16 = 0
    /// Event time the current run above the enter level began.
    var holdSince: Double = 0
    /// Event time of the last alert.
    var lastFired: Double = -.infinity
    /// Event time of the last statement (one-shot kinds).
    var lastStatement: Double = -.infinity
    /// The level at the speaker's previous fragment while open, and on how many fragments in
    /// a row it rose (sustained kinds with a critical level).
    var lastLevel: Float = 0
    var climbing: UInt8 = 0
    /// How strong the evidence of the episode's alert was (one-shot kinds): a statement with
    /// stronger evidence within it still fires, so a clear disclosure is never hidden behind
    /// a guess.
    var evidence = Evidence.rule
    /// The rules and patterns the episode's alerts told (``Engine/ruleSignals(_:of:)``).
    var told = ToldSignals()
    /// The open episode has alerted again on something new (abuse and misconduct do once).
    var retold = false
    /// The valence of the fragment the episode's last alert rested on (one-shot kinds): an insult
    /// that alerts again must be more negative.
    var toldValence: Float = 0

    enum Evidence: UInt8, Comparable, Sendable {
        /// A weak statement: the learned layer alone with no word of the category in the fragment
        /// or under its alert threshold, or any statement with none of the words that make its
        /// category firm (a repeat contact told only as time gone by).
        case weak
        /// The learned layer alone.
        case model
        /// A lexicon entry or a pattern.
        case rule

        static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
    }
    /// The open episode has already escalated to critical.
    var escalated = false
}

/// The episodes of all ten kinds, stored inline.
struct EpisodeTable: Sendable {
    private var storage: (Episode, Episode, Episode, Episode, Episode, Episode, Episode, Episode, Episode, Episode)

    init() {
        let e = Episode()
        storage = (e, e, e, e, e, e, e, e, e, e)
    }

    subscript(kind: AlertKind) -> Episode {
        get {
            switch kind {
            case .customerNegative: storage.0
            case .customerAnger: storage.1
            case .agentStress: storage.2
            case .agentMisconduct: storage.3
            case .abuse: storage.4
            case .selfHarm: storage.5
            case .escalationThreat: storage.6
            case .churnThreat: storage.7
            case .repeatContact: storage.8
            case .interruptions: storage.9
            }
        }
        set {
            switch kind {
            case .customerNegative: storage.0 = newValue
            case .customerAnger: storage.1 = newValue
            case .agentStress: storage.2 = newValue
            case .agentMisconduct: storage.3 = newValue
            case .abuse: storage.4 = newValue
            case .selfHarm: storage.5 = newValue
            case .escalationThreat: storage.6 = newValue
            case .churnThreat: storage.7 = newValue
            case .repeatContact: storage.8 = newValue
            case .interruptions: storage.9 = newValue
            }
        }
    }
}
