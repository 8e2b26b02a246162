import Yams

/// The keys a configuration file may use, read from the documented defaults themselves, so
/// the check and `moodline config --defaults` cannot drift apart. Finds every unknown key at
/// once, with its line and the nearest known key.
enum ConfigurationKeys {
    /// Keys the documented defaults show only in a comment, because they have no default.
    static let optionalKeys: [String: [String]] = [
        "": ["lexicons"],
    ]

    /// Lists whose items are mappings the documented defaults show no item of.
    static let itemKeys: [String: [String]] = [
        "console.tokens": ["token", "name", "team", "agent"],
        "curve.clients": ["name", "public_key", "sockets"],
    ]

    /// Every key of `node` that the configuration does not have, as problems to report.
    static func unknownKeys(in node: Node) -> [ConfigurationProblem] {
        let known = (try? Yams.compose(yaml: ServerConfiguration.documentedDefaultsYAML)) ?? Node.mapping([:])
        var problems: [ConfigurationProblem] = []
        walk(node, known: known, path: [], into: &problems)
        return problems
    }

    private static func walk(_ node: Node, known: Node?, path: [String], into problems: inout [ConfigurationProblem]) {
        switch node {
        case .mapping(let mapping):
            guard let knownMapping = known?.mapping else {
                if let known, known.scalar != nil || known.sequence != nil {
                    problems.append(ConfigurationProblem(
                        line: node.mark?.line, key: path.joined(separator: "."),
                        message: "expected \(known.sequence != nil ? "a list" : "a single value"), found a mapping"))
                }
                return
            }
            for (key, value) in mapping {
                let name = key.string ?? "\(key)"
                if let child = knownMapping[Node(name)] {
                    walk(value, known: child, path: path + [name], into: &problems)
                    continue
                }
                if optionalKeys[path.joined(separator: "."), default: []].contains(name) { continue }
                let candidates: [String] = Array(knownMapping.keys.compactMap(\.string))
                var message = "unknown key `\(name)`"
                if let near = nearest(name, among: candidates) { message += "; did you mean `\(near)`?" } else if !candidates.isEmpty {
                    message += "; known here: \(candidates.joined(separator: ", "))"
                }
                problems.append(ConfigurationProblem(line: key.mark?.line, key: (path + [name]).joined(separator: "."), message: message))
            }
        case .sequence(let sequence):
            let dotted = path.joined(separator: ".")
            let template: Node?
            if let first = known?.sequence?.first {
                template = first
            } else if let keys = itemKeys[dotted] {
                template = Node.mapping(Node.Mapping(keys.map { (Node($0), Node("")) }))
            } else {
                template = nil
            }
            guard let template else { return }
            for item in sequence { walk(item, known: template, path: path, into: &problems) }
        default:
            return
        }
    }

    /// The known key closest to `name` by edit distance, when it is close enough to be a typo.
    static func nearest(_ name: String, among candidates: [String]) -> String? {
        let scored = candidates.map { ($0, distance(Array(name), Array($0))) }.min { $0.1 < $1.1 }
        guard let (best, d) = scored, d <= max(2, best.count / 3) else { return nil }
        return best
    }

    /// Edits (insert, delete, replace, swap two neighbours) from `a` to `b`: `prot` is one from `port`.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[a.count][b.count]
    }

    /// The node at a dotted path (integer parts index lists), for reporting a value and its line.
    static func node(at path: [String], in root: Node) -> Node? {
        var node: Node? = root
        for part in path {
            if let index = Int(part), let sequence = node?.sequence {
                node = index < sequence.count ? sequence[index] : nil
            } else {
                node = node?.mapping?[Node(part)]
            }
        }
        return node
    }
}

/// One thing wrong with a configuration: where, which key, and what.
public struct ConfigurationProblem: Sendable, Equatable, CustomStringConvertible {
    /// The line in the file, when the key came from one (not from `--set`).
    public var line: Int?
    public var key: String
    public var message: String

    public var description: String { "\(key): \(message)" }
}
