import MoodlineRedaction

/// Text from a peer, made fit for a log line: personal data masked, and control characters
/// (newlines, ANSI escapes) written as escapes, so a message can neither leak a customer's
/// phone number into the log nor forge a line of its own.
enum LogText {
    static let redactor = Redactor()

    /// `text` masked and escaped.
    static func safe(_ text: String) -> String {
        escaped(redactor.redact(text))
    }

    /// `text` with every control character (C0, DEL, C1) and the line and paragraph
    /// separators as `\u{…}`; a backslash is doubled so an escape cannot be faked either.
    static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\\" {
                out.append(contentsOf: "\\\\".unicodeScalars)
            } else if needsEscape(scalar) {
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (0x7F...0x9F).contains(v) || v == 0x2028 || v == 0x2029 || v == 0x5C
    }
}
