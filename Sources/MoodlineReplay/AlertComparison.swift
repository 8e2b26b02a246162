/// How the alerts of two configurations differ on the same recordings (`--compare`): the
/// alerts only the other configuration raises appear, those only the base raises disappear.
/// Alerts are matched by session, kind and seq, as a multiset.
public struct AlertComparison: Sendable, Equatable {
    public var appeared: [AlertKey]
    public var disappeared: [AlertKey]
    /// Alerts both configurations raise.
    public var unchanged: Int

    public init(base: [AlertKey], other: [AlertKey]) {
        var remaining: [AlertKey: Int] = [:]
        for key in base { remaining[key, default: 0] += 1 }
        var appeared: [AlertKey] = []
        var unchanged = 0
        for key in other {
            if let n = remaining[key], n > 0 {
                remaining[key] = n - 1
                unchanged += 1
            } else {
                appeared.append(key)
            }
        }
        var disappeared: [AlertKey] = []
        for (key, n) in remaining where n > 0 {
            disappeared.append(contentsOf: repeatElement(key, count: n))
        }
        self.appeared = appeared.sorted()
        self.disappeared = disappeared.sorted()
        self.unchanged = unchanged
    }

    /// Net change by kind: positive when the other configuration raises more.
    public var changeByKind: [String: Int] {
        var out: [String: Int] = [:]
        for k in appeared { out[k.kind, default: 0] += 1 }
        for k in disappeared { out[k.kind, default: 0] -= 1 }
        return out.filter { $0.value != 0 }
    }

    /// The comparison as printed on stdout, listing at most `limit` alerts each way.
    public func rendered(baseName: String, otherName: String, limit: Int = 60) -> String {
        var lines: [String] = []
        lines.append("compare \(baseName) → \(otherName): \(unchanged) alerts in both, \(appeared.count) appear, \(disappeared.count) disappear")
        let change = changeByKind.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value > 0 ? "+" : "")\($0.value)" }
        if !change.isEmpty { lines.append("  net change by kind: " + change.joined(separator: ", ")) }
        for key in appeared.prefix(limit) { lines.append("  + \(key)") }
        if appeared.count > limit { lines.append("  + … \(appeared.count - limit) more") }
        for key in disappeared.prefix(limit) { lines.append("  - \(key)") }
        if disappeared.count > limit { lines.append("  - … \(disappeared.count - limit) more") }
        return lines.joined(separator: "\n")
    }
}
