/// A person's verdict on an alert or a ticket: the labels `moodline tune` learns from.
public struct Feedback: Sendable, Codable, Equatable {
    /// What was judged.
    public enum Target: String, Sendable, Codable, CaseIterable {
        /// One alert, by its key (session/kind/episode).
        case alert
        /// A ticket (an incident), by its key: the verdict covers every alert it holds.
        case ticket
    }

    public enum Verdict: String, Sendable, Codable, CaseIterable {
        /// It should not have fired.
        case falseAlarm = "false_alarm"
        /// It was right and worth having.
        case helpful
    }

    public var target: Target
    public var key: String
    /// The conversation and alert kind the target belongs to (a ticket's: its raising alert's).
    public var session: String
    public var kind: String
    public var verdict: Verdict
    /// Who gave it (a console token's name, the control client's `by`).
    public var actor: String
    /// When, on the server's clock.
    public var at: Double
    public var note: String?

    public init(target: Target, key: String, session: String, kind: String, verdict: Verdict, actor: String, at: Double, note: String?) {
        self.target = target
        self.key = key
        self.session = session
        self.kind = kind
        self.verdict = verdict
        self.actor = actor
        self.at = at
        self.note = note
    }
}
