import MoodlineCore

/// One transcript fragment, as wire schema v1 carries it.
public struct Fragment: Sendable, Equatable {
    public var session: String
    /// Increasing within a session.
    public var seq: Int64
    /// Event time, seconds since the epoch.
    public var ts: Double
    public var speaker: Speaker
    public var agent: String?
    public var team: String?
    public var channel: Channel?
    /// The BCP 47 tag as sent, if any.
    public var lang: String?
    public var text: String
    /// False for an interim speech-recognition result that a later fragment replaces.
    public var isFinal: Bool
    public var prosody: ProsodyReading?

    public init(
        session: String, seq: Int64, ts: Double, speaker: Speaker, text: String,
        agent: String? = nil, team: String? = nil, channel: Channel? = nil, lang: String? = nil,
        isFinal: Bool = true, prosody: ProsodyReading? = nil
    ) {
        self.session = session
        self.seq = seq
        self.ts = ts
        self.speaker = speaker
        self.text = text
        self.agent = agent
        self.team = team
        self.channel = channel
        self.lang = lang
        self.isFinal = isFinal
        self.prosody = prosody
    }
}

/// The start of a conversation.
public struct SessionStart: Sendable, Equatable {
    public var session: String
    public var seq: Int64?
    public var ts: Double
    public var agent: String?
    public var team: String?
    public var channel: Channel?
    public var customer: String?
    public var lang: String?

    public init(
        session: String, seq: Int64? = nil, ts: Double, agent: String? = nil, team: String? = nil,
        channel: Channel? = nil, customer: String? = nil, lang: String? = nil
    ) {
        self.session = session
        self.seq = seq
        self.ts = ts
        self.agent = agent
        self.team = team
        self.channel = channel
        self.customer = customer
        self.lang = lang
    }
}

/// The end of a conversation.
public struct SessionEnd: Sendable, Equatable {
    public var session: String
    public var seq: Int64?
    public var ts: Double

    public init(session: String, seq: Int64? = nil, ts: Double) {
        self.session = session
        self.seq = seq
        self.ts = ts
    }
}

/// One decoded wire message.
public enum WireEvent: Sendable, Equatable {
    case fragment(Fragment)
    case sessionStart(SessionStart)
    case sessionEnd(SessionEnd)

    public var session: String {
        switch self {
        case .fragment(let f): f.session
        case .sessionStart(let s): s.session
        case .sessionEnd(let e): e.session
        }
    }

    public var ts: Double {
        switch self {
        case .fragment(let f): f.ts
        case .sessionStart(let s): s.ts
        case .sessionEnd(let e): e.ts
        }
    }
}
