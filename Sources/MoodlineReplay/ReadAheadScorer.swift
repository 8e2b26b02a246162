import Foundation
import MoodlineCore
import MoodlineEngine
import MoodlineWire

/// Reads, decodes and scores a replay's recordings on a thread of its own, a batch ahead of
/// the engine, so a fast replay uses both cores: text scoring and JSON decoding are about
/// half of the work, the rules and reports the other half.
///
/// A fragment is scored here only when its own `lang` tag decides the language; one without
/// (its session's language applies, which only the engine knows) is left for the engine to
/// score, so the result is exactly that of a replay on one thread.
///
/// The two threads share the scoring: when the engine's thread finds nothing queued, this one
/// is the slower and leaves a larger share of the fragments for the engine to score; when
/// this one finds the queue full, it takes a larger share back. Scoring is pure, so who scores
/// a fragment never changes the result.
final class ReadAheadScorer: @unchecked Sendable {
    // @unchecked: `merge` and `scorer` are used by the reading thread only, from `start()` until
    // it signals the end; the queue is guarded by `condition`; `failures` is written before the
    // end is signalled and read after.

    /// Items handed over together, in order. Fragments, scores and other events lie in arrays
    /// of their own: a fragment and its score wrapped in one enum case (about 370 bytes) were
    /// copied whole at every step of the way, wrapping and unwrapping.
    struct Batch: Sendable {
        /// What each item is, in order; its payload is the next one in the matching array.
        enum Entry: UInt8, Sendable {
            case fragment
            case scoredFragment
            case event
            case rejection

            var isFragment: Bool { self == .fragment || self == .scoredFragment }
        }

        var entries: [Entry] = []
        var fragments: [Fragment] = []
        /// The scores of the `.scoredFragment` entries, in order.
        var scores: [Score] = []
        /// Session starts and ends.
        var events: [WireEvent] = []
        var rejections: [Rejection] = []
        /// Bytes read from the files when the batch was complete, for progress.
        var bytesRead = 0

        init(capacity: Int = 0) {
            entries.reserveCapacity(capacity)
            fragments.reserveCapacity(capacity)
        }

        /// Empties the batch for reuse, keeping its arrays' storage.
        mutating func clear() {
            entries.removeAll(keepingCapacity: true)
            fragments.removeAll(keepingCapacity: true)
            scores.removeAll(keepingCapacity: true)
            events.removeAll(keepingCapacity: true)
            rejections.removeAll(keepingCapacity: true)
            bytesRead = 0
        }

        var count: Int { entries.count }
    }

    private var merge: RecordingMerge
    private var scorer: Scorer
    private let batchSize: Int
    private let depth: Int
    private let condition = NSCondition()
    private var queue: [Batch] = []
    /// Batches the engine's thread is done with, for this thread to empty and fill again: the
    /// texts are freed by the thread that allocated them (a free from the other thread takes
    /// malloc's slow, locked path), and the arrays keep their storage.
    private var spent: [Batch] = []
    private var ended = false
    private var cancelled = false
    private var readFailures: [(path: String, message: String)] = []
    /// Set by ``next()`` when it had to wait for a batch; read and cleared at each hand-over.
    private var consumerWaited = false
    /// Eighths of the fragments this thread scores (see the type's notes); reading thread only.
    private var scoringShare = 8
    private let finished = DispatchSemaphore(value: 0)

    /// - Parameters:
    ///   - batchSize: items handed over at a time.
    ///   - depth: batches read ahead before the reader waits (bounds the memory used).
    init(merge: RecordingMerge, lexicon: Lexicon, batchSize: Int = 512, depth: Int = 4) {
        self.merge = merge
        scorer = Scorer(lexicon: lexicon)
        self.batchSize = max(1, batchSize)
        self.depth = max(1, depth)
    }

    /// Starts the reading thread.
    func start() {
        let thread = Thread { [self] in
            read()
            finished.signal()
        }
        thread.name = "moodline.replay-reader"
        thread.start()
    }

    /// The next batch in order; waits for it; nil once everything was handed over.
    func next() -> Batch? {
        condition.lock()
        defer { condition.unlock() }
        if queue.isEmpty && !ended { consumerWaited = true }
        while queue.isEmpty && !ended { condition.wait() }
        guard !queue.isEmpty else { return nil }
        let batch = queue.removeFirst()
        condition.broadcast()
        return batch
    }

    /// Hands back a batch taken from ``next()`` once its items were used, for reuse.
    func recycle(_ batch: consuming Batch) {
        condition.lock()
        defer { condition.unlock() }
        if spent.count < depth { spent.append(batch) }
    }

    /// Files that could not be read to the end; complete once ``next()`` returned nil.
    var failures: [(path: String, message: String)] {
        condition.lock()
        defer { condition.unlock() }
        return readFailures
    }

    /// Stops the reading thread early (the consumer failed) and waits for it.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
        finished.wait()
        finished.signal() // a second cancel, or the normal end, must not wait again
    }

    private func read() {
        var batch = Batch(capacity: batchSize)
        var fragments = 0
        while merge.next(
            event: { event in
                switch event {
                case .fragment(let fragment):
                    fragments &+= 1
                    if fragments & 7 < scoringShare, let language = Engine.language(ofTag: fragment.lang) {
                        batch.entries.append(.scoredFragment)
                        batch.scores.append(scorer.score(fragment.text, language: language, learned: fragment.speaker == .customer ? .customer : .agent))
                    } else {
                        batch.entries.append(.fragment)
                    }
                    batch.fragments.append(fragment)
                default:
                    batch.entries.append(.event)
                    batch.events.append(event)
                }
            },
            rejected: { rejection in
                batch.entries.append(.rejection)
                batch.rejections.append(rejection)
            })
        {
            if batch.count >= batchSize {
                batch.bytesRead = merge.bytesRead
                guard hand(batch) else { return }
                batch = reusedBatch() ?? Batch(capacity: batchSize)
            }
        }
        batch.bytesRead = merge.bytesRead
        let failures = merge.failures
        condition.lock()
        queue.append(batch) // even empty: it carries the final byte count
        readFailures = failures
        ended = true
        condition.broadcast()
        condition.unlock()
    }

    /// A spent batch, emptied on this thread, or nil when none is back yet.
    private func reusedBatch() -> Batch? {
        condition.lock()
        var batch = spent.popLast()
        condition.unlock()
        batch?.clear()
        return batch
    }

    /// Queues a batch, waiting while `depth` are queued; false when cancelled.
    private func hand(_ batch: Batch) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        if consumerWaited {
            scoringShare = max(0, scoringShare - 1)
            consumerWaited = false
        } else if queue.count >= depth {
            scoringShare = min(8, scoringShare + 1)
        }
        while queue.count >= depth && !cancelled { condition.wait() }
        guard !cancelled else {
            ended = true
            return false
        }
        queue.append(batch)
        condition.broadcast()
        return true
    }
}
