import MoodlineCore
@testable import MoodlineEngine

/// A fragment with defaults for everything a rule test does not care about.
func fragment(
    _ seq: Int64, at ts: Double, _ speaker: Speaker, session: String = "s-1", text: String? = nil,
    final: Bool = true, overlap: Double? = nil, channel: Channel = .chat
) -> Fragment {
    Fragment(
        session: session, seq: seq, ts: ts, speaker: speaker, text: text ?? "text \(seq)",
        agent: "a-1", team: "t-1", channel: channel, lang: "en", isFinal: final,
        prosody: overlap.map { ProsodyReading(overlapS: $0, pauseBeforeS: 0) })
}

/// A synthetic score: the rules are tested on scores, not on the lexicon.
func score(_ valence: Float, arousal: Float = 0, _ categories: Category...) -> Score {
    var set = CategorySet()
    for c in categories { set.insert(c) }
    return Score(valence: valence, arousal: arousal, language: .english, categories: set)
}

/// Feeds fragments with their scores and returns every alert.
struct Harness {
    var engine: Engine
    var output = EngineOutput()
    var alerts: [Alert] = []
    var ended: [SessionSummary] = []
    var rejections: [Rejection] = []

    init(_ configure: (inout EngineConfig) -> Void = { _ in }) {
        var config = EngineConfig()
        configure(&config)
        engine = Engine(configuration: config)
    }

    @discardableResult
    mutating func send(_ f: Fragment, _ s: Score) -> [Alert] {
        output.removeAll(keepingCapacity: true)
        engine.handle(f, score: s, into: &output)
        collect()
        return output.alerts
    }

    mutating func send(_ event: WireEvent) {
        output.removeAll(keepingCapacity: true)
        engine.handle(event, into: &output)
        collect()
    }

    private mutating func collect() {
        alerts += output.alerts
        ended += output.endedSessions
        if let r = output.rejection { rejections.append(r) }
    }

    func kinds(_ kind: AlertKind) -> [Alert] { alerts.filter { $0.kind == kind } }
}

extension Harness {
    /// How many `kind` alerts `lines` customer lines raise, 20 s apart, each of `valence` and
    /// `arousal` and stating `categories`.
    static func customerAlerts(
        _ kind: AlertKind, lines: Int, valence: Float, arousal: Float, stating categories: [Category]
    ) -> Int {
        var h = Harness()
        var line = score(valence, arousal: arousal)
        for c in categories { line.categories.insert(c) }
        for i in 1...lines { h.send(fragment(Int64(i), at: Double(i) * 20, .customer), line) }
        return h.kinds(kind).count
    }
}
