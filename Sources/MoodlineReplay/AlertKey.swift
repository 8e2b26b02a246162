import MoodlineEngine

/// What identifies an alert when scoring or comparing runs: the session, the kind and the
/// fragment that tripped it.
public struct AlertKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var session: String
    /// The kind's wire name (`customer_negative`), so expectations may name kinds this build lacks.
    public var kind: String
    public var seq: Int64

    public init(session: String, kind: String, seq: Int64) {
        self.session = session
        self.kind = kind
        self.seq = seq
    }

    public init(_ alert: Alert) {
        self.init(session: alert.session, kind: alert.kind.rawValue, seq: alert.seq)
    }

    /// By session, then seq, then kind: the order a person reads a diff in.
    public static func < (a: AlertKey, b: AlertKey) -> Bool {
        if a.session != b.session { return a.session < b.session }
        if a.seq != b.seq { return a.seq < b.seq }
        return a.kind < b.kind
    }

    public var description: String { "\(session) \(kind) seq \(seq)" }
}
