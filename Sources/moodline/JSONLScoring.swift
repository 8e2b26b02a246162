#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MoodlineCore
import MoodlineEngine
import MoodlineWire

/// `moodline score --jsonl`: one JSON object in, one out, per line; a bad line gets an error
/// line of its own and never stops the run. Decoding and writing go through the wire codec
/// (its scanner and its JSON writer), reading standard input in large blocks.
struct JSONLScoring {
    var scorer: Scorer
    private var decoder = ScoreRequestDecoder()
    private var writer = JSONWriter(capacity: 1 << 17)

    init(scorer: Scorer) {
        self.scorer = scorer
    }

    mutating func run() {
        var block = [UInt8](repeating: 0, count: 1 << 20)
        var kept = 0 // bytes of an unfinished line at the block's start
        while true {
            if kept == block.count { block += [UInt8](repeating: 0, count: block.count) } // a line longer than the block
            let got = block.withUnsafeMutableBytes { read(0, $0.baseAddress! + kept, $0.count - kept) }
            if got < 0 && errno == EINTR { continue }
            let end = kept + max(got, 0)
            let consumed = block.withUnsafeBufferPointer { buffer in
                lines(in: UnsafeBufferPointer(rebasing: buffer[..<end]), final: got <= 0)
            }
            if got <= 0 { break }
            // Move the unfinished line to the front.
            kept = end - consumed
            if kept > 0 && consumed > 0 {
                block.withUnsafeMutableBytes { b in _ = memmove(b.baseAddress!, b.baseAddress! + consumed, kept) }
            }
        }
        flush()
    }

    /// Scores every complete line of `buffer` (and the last one too when `final`); returns the
    /// bytes consumed.
    private mutating func lines(in buffer: UnsafeBufferPointer<UInt8>, final: Bool) -> Int {
        var start = 0
        while start < buffer.count {
            guard let newline = buffer[start...].firstIndex(of: 0x0A) else {
                if final { line(UnsafeBufferPointer(rebasing: buffer[start...])) }
                return final ? buffer.count : start
            }
            line(UnsafeBufferPointer(rebasing: buffer[start..<newline]))
            start = newline + 1
        }
        return start
    }

    private mutating func line(_ raw: UnsafeBufferPointer<UInt8>) {
        var line = raw
        if line.last == 0x0D { line = UnsafeBufferPointer(rebasing: line.dropLast()) }
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return }
        var idOnError = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        do throws(Rejection) {
            try decoder.decode(line, idOnError: { idOnError = $0 }) { request in
                let score = scorer.score(utf8: request.text, language: request.language)
                writer.beginObject()
                writer.key("id")
                if request.id.isEmpty { writer.null() } else { writer.raw(request.id) }
                writer.key("valence")
                writer.fixed(Double(score.valence), decimals: 4)
                writer.key("arousal")
                writer.fixed(Double(score.arousal), decimals: 4)
                writer.key("lang")
                writer.string(score.language.tag)
                writer.key("categories")
                writer.beginArray()
                for category in Category.allCases where score.categories.contains(category) { writer.string(category.tag) }
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
        if writer.bytes.count >= 1 << 16 { flush() }
    }

    private mutating func flush() {
        writer.bytes.withUnsafeBytes { bytes in
            var done = 0
            while done < bytes.count {
                let n = write(1, bytes.baseAddress! + done, bytes.count - done)
                if n < 0 { if errno == EINTR { continue }; return }
                done += n
            }
        }
        writer.removeAll()
    }
}
