/// Builds a page in the Prometheus text exposition format (version 0.0.4).
struct PrometheusText {
    private(set) var text = ""

    enum Kind: String {
        case counter, gauge, histogram
    }

    /// `# HELP` and `# TYPE` lines; each metric family once, before its samples.
    mutating func family(_ name: String, _ kind: Kind, help: String) {
        text += "# HELP \(name) \(help)\n# TYPE \(name) \(kind.rawValue)\n"
    }

    mutating func sample(_ name: String, _ labels: [(String, String)], _ value: Double) {
        text += name
        if !labels.isEmpty {
            text += "{"
            text += labels.map { "\($0.0)=\"\(Self.escape($0.1))\"" }.joined(separator: ",")
            text += "}"
        }
        text += " \(Self.format(value))\n"
    }

    mutating func sample(_ name: String, _ labels: [(String, String)], _ value: Int) {
        sample(name, labels, Double(value))
    }

    mutating func sample(_ name: String, _ value: Int) {
        sample(name, [], Double(value))
    }

    /// A histogram from non-cumulative bucket counts; Prometheus wants them cumulative.
    mutating func histogram(_ name: String, boundsInSeconds: [Double], counts: [UInt64], sum: Double, count: UInt64) {
        var cumulative: UInt64 = 0
        for (bound, n) in zip(boundsInSeconds, counts) {
            cumulative += n
            sample(name + "_bucket", [("le", Self.format(bound))], Double(cumulative))
        }
        sample(name + "_bucket", [("le", "+Inf")], Double(count))
        sample(name + "_sum", [], sum)
        sample(name + "_count", [], Double(count))
    }

    static func escape(_ value: String) -> String {
        var out = ""
        for c in value {
            switch c {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.append(c)
            }
        }
        return out
    }

    static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}
