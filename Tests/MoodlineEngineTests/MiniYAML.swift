/// Just enough YAML for the documented defaults: nested block mappings of plain or
/// double-quoted scalars, `#` comments. Turns it into the JSON-like tree JSONSerialization understands, so the test
/// can decode it with the config's own Decodable and need no YAML library.
enum MiniYAML {
    struct ParseError: Error, CustomStringConvertible {
        var line: Int
        var message: String
        var description: String { "line \(line): \(message)" }
    }

    /// Keys in order of appearance, with the dotted path and whether the line had a comment.
    struct KeyLine { var path: String; var hasComment: Bool }

    static func parse(_ text: String) throws -> (tree: [String: Any], keys: [KeyLine]) {
        var root: [String: Any] = [:]
        // Stack of (indent, path) for open mappings.
        var stack: [(indent: Int, path: [String])] = [(-1, [])]
        var keys: [KeyLine] = []
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = Substring(raw)
            var hasComment = false
            if let hash = line.firstIndex(of: "#") {
                hasComment = true
                line = line[..<hash]
            }
            guard !line.allSatisfy({ $0 == " " }) else { continue }
            let indent = line.prefix(while: { $0 == " " }).count
            let body = line.dropFirst(indent)
            guard let colon = body.firstIndex(of: ":") else { throw ParseError(line: n + 1, message: "no colon") }
            let key = String(body[..<colon]).trimmingCharacters(in: " ")
            let value = String(body[body.index(after: colon)...]).trimmingCharacters(in: " ")
            while let top = stack.last, top.indent >= indent { stack.removeLast() }
            let path = stack.last!.path + [key]
            keys.append(KeyLine(path: path.joined(separator: "."), hasComment: hasComment))
            if value.isEmpty {
                set(&root, path, [String: Any]())
                stack.append((indent, path))
            } else {
                set(&root, path, scalar(value))
            }
        }
        return (root, keys)
    }

    private static func scalar(_ s: String) -> Any {
        // A flow list of plain scalars, `[a, b]`: the only kind the documented defaults use.
        if s.first == "[", s.last == "]" {
            let inner = s.dropFirst().dropLast().trimmingCharacters(in: .whitespaces)
            return inner.isEmpty ? [Any]() : inner.split(separator: ",").map { scalar($0.trimmingCharacters(in: .whitespaces)) }
        }
        if s.count >= 2, s.first == "\"", s.last == "\"" {
            var out = ""
            var escaping = false
            for character in s.dropFirst().dropLast() {
                if escaping || character != "\\" {
                    out.append(character)
                    escaping = false
                } else {
                    escaping = true
                }
            }
            return out
        }
        if s == "true" { return true }
        if s == "false" { return false }
        if let i = Int(s) { return i }
        if let d = Double(s) { return d }
        return s
    }

    private static func set(_ dict: inout [String: Any], _ path: [String], _ value: Any) {
        if path.count == 1 {
            dict[path[0]] = value
            return
        }
        var child = dict[path[0]] as? [String: Any] ?? [:]
        set(&child, Array(path.dropFirst()), value)
        dict[path[0]] = child
    }
}

extension String {
    func trimmingCharacters(in set: Character) -> String {
        var s = Substring(self)
        while s.first == set { s.removeFirst() }
        while s.last == set { s.removeLast() }
        return String(s)
    }
}
