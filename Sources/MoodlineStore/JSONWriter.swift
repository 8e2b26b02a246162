import MoodlineEngine

/// Writes the JSON of the store's JSON columns by hand: Foundation's `JSONEncoder` costs
/// 20–50 µs per alert on Linux, more than the SQLite insert it feeds. The output is what
/// `JSONEncoder` with `StoreJSON`'s settings writes (same keys, nil fields left out,
/// non-finite numbers as strings) so `StoreJSON.decoder()` reads it back; a test
/// compares the two.
struct JSONWriter {
    // Bytes rather than a String: appending to a String re-checks its UTF-8 and
    // capacity on every call, which profiled as a third of `record`.
    private var bytes: [UInt8] = []
    private var needsComma = false

    init(capacity: Int = 256) {
        bytes.reserveCapacity(capacity)
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
    }

    mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
        needsComma = false
    }

    mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// Keys are literals the writer controls and need no escaping.
    mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    mutating func field(_ name: StaticString, _ value: String?) {
        guard let value else { return }
        key(name)
        string(value)
    }

    mutating func field(_ name: StaticString, _ value: Double?) {
        guard let value else { return }
        key(name)
        number(value)
    }

    mutating func field(_ name: StaticString, _ value: Int64?) {
        guard let value else { return }
        key(name)
        integer(value)
    }

    mutating func field(_ name: StaticString, _ value: Int?) {
        field(name, value.map(Int64.init))
    }

    /// Writes `"name": value` for a key known only at run time (escaped like any string).
    mutating func field(dynamicKey name: String, _ value: Int) {
        string(name)
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
        integer(Int64(value))
    }

    mutating func integer(_ value: Int64) {
        separate()
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        // Digits of the magnitude, least significant first, then reversed in place.
        var magnitude = value.magnitude
        let start = bytes.count
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        bytes[start...].reverse()
        needsComma = true
    }

    mutating func string(_ value: String) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case UInt8(ascii: "\n"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case UInt8(ascii: "\r"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case UInt8(ascii: "\t"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            default:
                // Multi-byte UTF-8 sequences pass through unchanged: a String's UTF-8 is valid.
                bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
    }

    mutating func number(_ value: Double) {
        separate()
        if value.isFinite {
            // Swift prints the shortest text that reads back to the same Double, and
            // that text ("1e-05", "1763790000.25", "-0.0") is valid JSON.
            bytes.append(contentsOf: value.description.utf8)
        } else if value.isNaN {
            bytes.append(contentsOf: #""nan""#.utf8)
        } else {
            bytes.append(contentsOf: (value > 0 ? #""inf""# : #""-inf""#).utf8)
        }
        needsComma = true
    }

    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }
}

extension JSONWriter {
    mutating func write(_ evidence: [Evidence]) {
        beginArray()
        for item in evidence {
            beginObject()
            field("kind", item.kind)
            field("label", item.label)
            field("seq", item.seq)
            field("utf8End", item.utf8End)
            field("utf8Start", item.utf8Start)
            field("value", item.value)
            endObject()
        }
        endArray()
    }

    // Keys in sorted order, as `StoreJSON.encoder()` writes them.
    mutating func write(_ alert: Alert) {
        beginObject()
        field("agent", alert.agent)
        field("episode", alert.episode)
        key("evidence")
        write(alert.evidence)
        if let guidance = alert.guidance {
            key("guidance")
            beginObject()
            field("cue", guidance.cue)
            field("lang", guidance.lang)
            field("next", guidance.next)
            endObject()
        }
        field("kind", alert.kind.rawValue)
        key("scores")
        beginObject()
        field("arousal", alert.scores.arousal)
        field("smoothedArousal", alert.scores.smoothedArousal)
        field("smoothedValence", alert.scores.smoothedValence)
        field("valence", alert.scores.valence)
        endObject()
        field("seq", alert.seq)
        field("session", alert.session)
        field("severity", alert.severity.rawValue)
        field("speaker", alert.speaker.rawValue)
        field("team", alert.team)
        if let transcript = alert.transcript {
            key("transcript")
            beginArray()
            for turn in transcript {
                beginObject()
                field("seq", turn.seq)
                field("speaker", turn.speaker.rawValue)
                field("text", turn.text)
                field("ts", turn.ts)
                endObject()
            }
            endArray()
        }
        field("ts", alert.ts)
        endObject()
    }

    static func json(_ alert: Alert) -> String {
        var writer = JSONWriter(capacity: 384)
        writer.write(alert)
        return writer.text
    }

    /// A count map (a summary's alerts per kind) as `StoreJSON.encoder()` writes it: keys sorted.
    static func json(_ counts: [String: Int]) -> String {
        var writer = JSONWriter(capacity: 16 + 24 * counts.count)
        writer.beginObject()
        for name in counts.keys.sorted() { writer.field(dynamicKey: name, counts[name]!) }
        writer.endObject()
        return writer.text
    }

    static func json(_ evidence: [Evidence]) -> String {
        var writer = JSONWriter(capacity: 64 + 96 * evidence.count)
        writer.write(evidence)
        return writer.text
    }
}
