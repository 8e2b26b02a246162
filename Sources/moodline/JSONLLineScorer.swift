#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MoodlineCore
import MoodlineEngine
import MoodlineWire

/// Scores the JSON lines of one chunk of `moodline score --jsonl` input, one result line or
/// error line per request line, through the wire codec's decoder and JSON writer. Keeps its
/// scorer's and decoder's buffers between chunks: one per thread.
struct JSONLLineScorer {
    private var scorer: Scorer
    private var decoder = ScoreRequestDecoder()
    /// Each category's name as JSON (`"thanks"`), by raw value, and each language's tag:
    /// copied as they are, where `string(_:)` would scan them for escapes on every line.
    private let categoryJSON: [[UInt8]] = Category.allCases.map { Self.quoted($0.tag) }
    private let languageJSON: [[UInt8]] = Language.allCases.map { Self.quoted($0.tag) }

    init(scorer: Scorer) {
        self.scorer = scorer
    }

    private static func quoted(_ text: String) -> [UInt8] {
        var writer = JSONWriter(capacity: text.utf8.count + 2)
        writer.string(text)
        return writer.bytes
    }

    /// Scores every line of `buffer`, the last one too when no line break ends it, and
    /// appends the results to `writer`.
    mutating func scoreLines(in buffer: UnsafeBufferPointer<UInt8>, into writer: inout JSONWriter) {
        guard let base = buffer.baseAddress else { return }
        var start = 0
        while start < buffer.count {
            // memchr looks at 16 or 32 bytes a step; a byte loop here cost as much as decoding.
            guard let found = memchr(base + start, 0x0A, buffer.count - start) else {
                line(UnsafeBufferPointer(rebasing: buffer[start...]), into: &writer)
                return
            }
            let newline = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            line(UnsafeBufferPointer(rebasing: buffer[start..<newline]), into: &writer)
            start = newline + 1
        }
    }

    private mutating func line(_ raw: UnsafeBufferPointer<UInt8>, into writer: inout JSONWriter) {
        var line = raw
        if line.last == 0x0D { line = UnsafeBufferPointer(rebasing: line.dropLast()) }
        // A line that starts with neither a space nor a tab is not blank.
        if line.first.map({ $0 == 0x20 || $0 == 0x09 }) ?? true, line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return }
        var idOnError = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        do throws(Rejection) {
            try decoder.decode(line, idOnError: { idOnError = $0 }) { request in
                let score = scorer.score(utf8: request.text, language: request.language, learned: request.speaker == .agent ? .agent : .customer)
                writer.beginObject()
                writer.key("id")
                if request.id.isEmpty { writer.null() } else { writer.raw(request.id) }
                writer.key("valence")
                writer.fixed(Double(score.valence), decimals: 4)
                writer.key("arousal")
                writer.fixed(Double(score.arousal), decimals: 4)
                writer.key("lang")
                languageJSON[Int(score.language.rawValue)].withUnsafeBufferPointer { writer.raw($0) }
                writer.key("categories")
                writer.beginArray()
                var categories = score.categories.rawValue
                while categories != 0 {
                    // Lowest bit first: declaration order, as `Category.allCases` lists them.
                    let index = categories.trailingZeroBitCount
                    if index < categoryJSON.count { categoryJSON[index].withUnsafeBufferPointer { writer.raw($0) } }
                    categories &= categories &- 1
                }
                writer.endArray()
                writer.endObject()
                writer.newline()
            }
        } catch {
            writer.beginObject()
            writer.key("id")
            if idOnError.isEmpty { writer.null() } else { writer.raw(idOnError) }
            writer.key("error")
            writer.string(error.description)
            writer.endObject()
            writer.newline()
        }
    }
}
