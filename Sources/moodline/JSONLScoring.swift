#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import MoodlineCore
import MoodlineWire

/// `moodline score --jsonl`: one JSON object in, one out, per line; a bad line gets an error
/// line of its own and never stops the run.
///
/// The calling thread reads standard input in chunks of whole lines and writes the results;
/// worker threads, one per processor, score the chunks (``JSONLLineScorer``). Results are
/// written in input order, and a fragment's score does not depend on the thread that scored
/// it, so the output is byte for byte that of one thread. The workers do all of a line's work
/// (decoding, scoring, its result's JSON) and the reading thread little but system calls, so a
/// second processor, when it is free, nearly doubles the rate.
final class JSONLScoring: @unchecked Sendable {
    // @unchecked: a chunk belongs to the reading thread while free or scored and to one worker
    // while filled or scoring; each hand-over goes through `condition`, which guards the
    // chunks' `state`, `filled`, `claimed` and `ended`.

    /// Input bytes read per chunk: about a thousand request lines, so the hand-overs cost
    /// nothing next to the scoring, and the ring of chunks stays small.
    static let chunkBytes = 128 * 1024

    private final class Chunk {
        enum State { case free, filled, scoring, scored }
        var state = State.free
        var input = [UInt8](repeating: 0, count: JSONLScoring.chunkBytes)
        /// The bytes of `input` to score: whole lines, or everything left at the end of input.
        var count = 0
        var output = JSONWriter(capacity: JSONLScoring.chunkBytes)
    }

    private let lexicon: Lexicon
    private let workers: Int
    /// A ring: chunk `n` of the input goes to `chunks[n % chunks.count]`.
    private let chunks: [Chunk]
    private let condition = NSCondition()
    /// Chunks handed to the workers so far, and taken by them.
    private var filled = 0
    private var claimed = 0
    private var ended = false

    init(lexicon: Lexicon, workers: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.lexicon = lexicon
        self.workers = max(1, min(workers, 16))
        // Two chunks per worker, one being scored and one waiting, and two for the reader.
        chunks = (0..<(2 * self.workers + 2)).map { _ in Chunk() }
    }

    func run() {
        let done = DispatchSemaphore(value: 0)
        for index in 0..<workers {
            let thread = Thread { [self] in
                work()
                done.signal()
            }
            thread.name = "moodline.jsonl-\(index)"
            thread.start()
        }
        var carry: [UInt8] = [] // an unfinished line, for the next chunk
        var next = 0, written = 0
        var more = true
        while more {
            // The chunk to fill is free once the output it held last is written.
            writeOutputs(waitingBelow: next - chunks.count + 1, written: &written, next: next)
            let chunk = chunks[next % chunks.count]
            more = fill(chunk, carry: &carry)
            if chunk.count == 0 { break } // nothing left
            condition.lock()
            chunk.state = .filled
            filled += 1
            condition.broadcast()
            condition.unlock()
            next += 1
            writeOutputs(waitingBelow: 0, written: &written, next: next)
        }
        writeOutputs(waitingBelow: next, written: &written, next: next)
        condition.lock()
        ended = true
        condition.broadcast()
        condition.unlock()
        for _ in 0..<workers { done.wait() }
    }

    /// Reads into `chunk` the unfinished line carried from the chunk before, then at least one
    /// line break's worth of input; what follows the last line break is carried on. Returns
    /// false at the end of input, when the chunk takes everything left.
    private func fill(_ chunk: Chunk, carry: inout [UInt8]) -> Bool {
        var end = carry.count
        if chunk.input.count < 2 * end { chunk.input = [UInt8](repeating: 0, count: 2 * end) } // room to read after a long line
        if end > 0 {
            chunk.input.withUnsafeMutableBufferPointer { input in
                carry.withUnsafeBufferPointer { _ = memcpy(input.baseAddress!, $0.baseAddress!, end) }
            }
        }
        carry.removeAll(keepingCapacity: true)
        while true {
            if end == chunk.input.count { chunk.input += [UInt8](repeating: 0, count: chunk.input.count) } // a line longer than the chunk
            let got = chunk.input.withUnsafeMutableBytes { read(0, $0.baseAddress! + end, $0.count - end) }
            if got < 0 && errno == EINTR { continue }
            if got <= 0 {
                chunk.count = end
                return false
            }
            let start = end
            end += got
            // The last line break read, looked for backwards: it is rarely a line's length away.
            var last = end - 1
            while last >= start && chunk.input[last] != 0x0A { last -= 1 }
            if last >= start {
                chunk.count = last + 1
                carry.append(contentsOf: chunk.input[(last + 1)..<end])
                return true
            }
        }
    }

    /// Writes the scored chunks' output in input order, from chunk `written` up to `next`:
    /// waits for those below `waitingBelow`, and stops at the first later one not scored yet.
    private func writeOutputs(waitingBelow: Int, written: inout Int, next: Int) {
        while written < next {
            let chunk = chunks[written % chunks.count]
            condition.lock()
            if written < waitingBelow {
                while chunk.state != .scored { condition.wait() }
            }
            let scored = chunk.state == .scored
            condition.unlock()
            guard scored else { return }
            Self.writeAll(chunk.output.bytes)
            chunk.output.removeAll()
            condition.lock()
            chunk.state = .free
            condition.unlock()
            written += 1
        }
    }

    /// A worker: takes the filled chunks in order and scores them, until the reader ends.
    private func work() {
        var scorer = JSONLLineScorer(scorer: Scorer(lexicon: lexicon))
        while true {
            condition.lock()
            while claimed == filled && !ended { condition.wait() }
            guard claimed < filled else {
                condition.unlock()
                return
            }
            let chunk = chunks[claimed % chunks.count]
            claimed += 1
            chunk.state = .scoring
            condition.unlock()
            let count = chunk.count
            chunk.input.withUnsafeBufferPointer { input in
                scorer.scoreLines(in: UnsafeBufferPointer(rebasing: input[..<count]), into: &chunk.output)
            }
            condition.lock()
            chunk.state = .scored
            condition.broadcast()
            condition.unlock()
        }
    }

    /// Writes to standard output; gives up on an error other than an interruption, as a
    /// closed output leaves nobody to read the rest.
    private static func writeAll(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { bytes in
            var done = 0
            while done < bytes.count {
                let n = write(1, bytes.baseAddress! + done, bytes.count - done)
                if n < 0 { if errno == EINTR { continue }; return }
                done += n
            }
        }
    }
}
