/// The kinds of alert, the contract with consoles and QA (DESIGN.md).
public enum AlertKind: String, Sendable, Codable, CaseIterable {
    case customerNegative = "customer_negative"
    case customerAnger = "customer_anger"
    case agentStress = "agent_stress"
    case agentMisconduct = "agent_misconduct"
    case abuse
    case selfHarm = "self_harm"
    case escalationThreat = "escalation_threat"
    case churnThreat = "churn_threat"
    case repeatContact = "repeat_contact"
    case interruptions
}

/// How loud an alert is: `info` reaches the agent only, `warning` also the supervisor,
/// `critical` also raises an urgent ticket.
public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
    case info
    case warning
    case critical

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .critical: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// Why an alert fired: a matched word or phrase, or a prosody reading.
public struct Evidence: Sendable, Codable, Equatable {
    /// `term` (a lexicon match), `score` (a smoothed level), or `prosody` (a reading against the baseline).
    public var kind: String
    /// What it was: the matched term, the score name, or the prosody feature.
    public var label: String
    /// The value behind it: the valence of a term, the level, or the z-score.
    public var value: Double?
    /// The fragment it came from.
    public var seq: Int64?
    /// UTF-8 byte offsets of a matched term in that fragment's text.
    public var utf8Start: Int?
    public var utf8End: Int?

    public init(kind: String, label: String, value: Double? = nil, seq: Int64? = nil, utf8Start: Int? = nil, utf8End: Int? = nil) {
        self.kind = kind
        self.label = label
        self.value = value
        self.seq = seq
        self.utf8Start = utf8Start
        self.utf8End = utf8End
    }
}

/// The scores at the moment an alert fired.
public struct AlertScores: Sendable, Codable, Equatable {
    /// The fragment's own valence and arousal.
    public var valence: Double
    public var arousal: Double
    /// The speaker's smoothed valence and arousal.
    public var smoothedValence: Double
    public var smoothedArousal: Double

    public init(valence: Double, arousal: Double, smoothedValence: Double, smoothedArousal: Double) {
        self.valence = valence
        self.arousal = arousal
        self.smoothedValence = smoothedValence
        self.smoothedArousal = smoothedArousal
    }
}

/// One alert: what fired, where, when, and why.
public struct Alert: Sendable, Codable, Equatable {
    public var kind: AlertKind
    public var severity: Severity
    public var session: String
    public var agent: String?
    public var team: String?
    public var speaker: Speaker
    /// The fragment that tripped it.
    public var seq: Int64
    /// Its event time.
    public var ts: Double
    /// Counts the episodes of this kind in this session, from 1; with session and kind it names the ticket.
    public var episode: Int
    public var scores: AlertScores
    public var evidence: [Evidence]
    /// For a critical alert, the conversation's last turns up to and including the trigger,
    /// personal data masked; nil otherwise.
    public var transcript: [TranscriptTurn]?
    /// What it means for the agent and what to do next, in the conversation's language.
    public var guidance: AlertGuidance?

    public init(
        kind: AlertKind, severity: Severity, session: String, agent: String?, team: String?, speaker: Speaker,
        seq: Int64, ts: Double, episode: Int, scores: AlertScores, evidence: [Evidence], transcript: [TranscriptTurn]? = nil,
        guidance: AlertGuidance? = nil
    ) {
        self.kind = kind
        self.severity = severity
        self.session = session
        self.agent = agent
        self.team = team
        self.speaker = speaker
        self.seq = seq
        self.ts = ts
        self.episode = episode
        self.scores = scores
        self.evidence = evidence
        self.transcript = transcript
        self.guidance = guidance
    }

    /// The idempotency key of the ticket this alert raises: session, kind and episode.
    public var ticketKey: String { "\(session)/\(kind.rawValue)/\(episode)" }
}
