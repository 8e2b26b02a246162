import Foundation
import MoodlineCore

/// `moodline score --jsonl`: one JSON object in, one out, per line; a bad line never stops the run.
struct JSONLScoring {
    var scorer: Scorer

    mutating func run() throws {
        var output = FileHandleWriter(handle: .standardOutput)
        while let line = readLine(strippingNewline: true) {
            if line.allSatisfy(\.isWhitespace) { continue }
            output.write(Self.result(for: line, scorer: &scorer))
            output.write("\n")
        }
        output.flush()
    }

    static func result(for line: String, scorer: inout Scorer) -> String {
        guard let data = line.data(using: .utf8),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return errorLine(id: nil, "not a JSON object") }
        let id = object["id"]
        guard let text = object["text"] as? String else {
            return errorLine(id: id, object["text"] == nil ? "missing field: text" : "text must be a string")
        }
        var language: Language?
        if let tag = object["lang"] {
            guard let tag = tag as? String, let parsed = Language(bcp47: tag) else {
                return errorLine(id: id, "lang must be a language tag such as en, zh or zh-Hant")
            }
            language = parsed
        }
        let score = scorer.score(text, language: language)
        let categories = score.categories.members.map { "\"\($0.tag)\"" }.joined(separator: ",")
        return "{\"id\":\(jsonValue(id)),\"valence\":\(rounded(score.valence)),\"arousal\":\(rounded(score.arousal)),\"lang\":\"\(score.language.tag)\",\"categories\":[\(categories)]}"
    }

    static func errorLine(id: Any?, _ message: String) -> String {
        "{\"id\":\(jsonValue(id)),\"error\":\(jsonString(message))}"
    }

    static func rounded(_ x: Float) -> String { String((Double(x) * 10_000).rounded() / 10_000) }

    static func jsonValue(_ value: Any?) -> String {
        switch value {
        case nil, is NSNull: return "null"
        case let s as String: return jsonString(s)
        case let n as NSNumber:
            if String(cString: n.objCType) == "c" { return n.boolValue ? "true" : "false" }
            return n.stringValue
        default: return "null"
        }
    }

    static func jsonString(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

/// Buffers writes to a file handle, so thousands of lines are not thousands of syscalls.
struct FileHandleWriter {
    let handle: FileHandle
    private var buffer: [UInt8] = []

    init(handle: FileHandle) {
        self.handle = handle
        buffer.reserveCapacity(1 << 16)
    }

    mutating func write(_ s: String) {
        buffer.append(contentsOf: s.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        handle.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}
