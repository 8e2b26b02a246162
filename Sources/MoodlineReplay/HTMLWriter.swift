/// Builds HTML by appending pieces, escaping text as it goes.
///
/// Pieces rather than one big interpolated literal: the report is long, and small appends
/// keep both the compiler and the reader on firm ground.
struct HTMLWriter {
    private(set) var html = ""

    init(capacity: Int = 1 << 16) {
        html.reserveCapacity(capacity)
    }

    /// Markup written as is.
    mutating func raw(_ s: String) {
        html += s
    }

    /// Text, escaped.
    mutating func text(_ s: String) {
        html += Self.escape(s)
    }

    /// `<tag class="…">text</tag>`, the text escaped.
    mutating func element(_ tag: String, class cls: String? = nil, _ content: String) {
        open(tag, class: cls)
        text(content)
        close(tag)
    }

    /// An opening tag; `attributes` are added as `name="value"` with the values escaped.
    mutating func open(_ tag: String, class cls: String? = nil, _ attributes: [(String, String)] = []) {
        html += "<" + tag
        if let cls { html += " class=\"" + Self.escape(cls) + "\"" }
        for (name, value) in attributes {
            html += " " + name + "=\"" + Self.escape(value) + "\""
        }
        html += ">"
    }

    mutating func close(_ tag: String) {
        html += "</" + tag + ">"
    }

    /// Escapes the five characters that matter in text and in quoted attribute values.
    static func escape(_ s: String) -> String {
        guard s.contains(where: { $0 == "&" || $0 == "<" || $0 == ">" || $0 == "\"" || $0 == "'" }) else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }

    /// A fragment identifier safe for any session id.
    static func anchor(_ session: String) -> String {
        var out = "s-"
        for scalar in session.unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_" {
                out.unicodeScalars.append(scalar)
            } else {
                out += "_" + String(scalar.value, radix: 16)
            }
        }
        return out
    }
}
