import MoodlineEngine
import MoodlineWire

/// Several recordings merged by event time into one stream, as they would have arrived live.
///
/// A k-way merge over streaming readers: each file's own order is kept, and the next event
/// is always the earliest head among the open files (ties go to the file named first). A
/// file is opened only when the merge reaches its first event time, so a directory of a
/// hundred thousand calls holds open only the calls that overlap.
struct RecordingMerge {
    /// One merged item: an event, or a line that was refused while reading. The reader's own
    /// type, so an item passes through the merge without being re-wrapped.
    typealias Item = RecordingReader.Item

    private struct Pending {
        var file: RecordingFile
        var order: Int
        /// Event time of the file's first event; nil when it has none (opened at once, to count its rejections).
        var firstTs: Double?
    }

    private struct Head {
        var ts: Double
        var order: Int
        var event: WireEvent
        var reader: RecordingReader

        func precedes(_ other: Head) -> Bool { ts < other.ts || (ts == other.ts && order < other.order) }
    }

    private let decoder: WireDecoder
    private var pending: [Pending]
    private var nextPending = 0
    private var heap: [Head] = []
    /// The last open file once no other is open or pending: read straight through, without
    /// moving each event in and out of the heap.
    private var solo: RecordingReader?
    private var rejections: [Rejection] = []
    /// Bytes read from the files already finished, and the readers still open (for progress).
    private var bytesOfClosedFiles = 0
    private var openReaders: [ObjectIdentifier: RecordingReader] = [:]
    /// Files that could not be read to the end, with why.
    private(set) var failures: [(path: String, message: String)] = []
    /// Files opened so far.
    private(set) var filesOpened = 0

    /// Prepares the merge. With several files, each one's first event time is read first
    /// (a few lines each) to know when to open it.
    init(files: [RecordingFile], decoder: WireDecoder) {
        self.decoder = decoder
        var pending = files.enumerated().map { Pending(file: $1, order: $0, firstTs: nil) }
        if files.count > 1 {
            for i in pending.indices {
                pending[i].firstTs = Self.firstEventTime(of: pending[i].file, decoder: decoder)
            }
            // Files with no event first, then by first event time, then in the order named.
            pending.sort { a, b in
                switch (a.firstTs, b.firstTs) {
                case (nil, nil): return a.order < b.order
                case (nil, _): return true
                case (_, nil): return false
                case (let x?, let y?): return x < y || (x == y && a.order < b.order)
                }
            }
        }
        self.pending = pending
    }

    /// Bytes read so far over all files (decompressed bytes for gzip).
    var bytesRead: Int {
        bytesOfClosedFiles + openReaders.values.reduce(0) { $0 + $1.bytesRead }
    }

    /// The next item in event-time order; nil when every file is done.
    mutating func next() -> Item? {
        var item: Item?
        _ = next(event: { item = .event($0) }, rejected: { item = .rejected($0) })
        return item
    }

    /// Hands the next item in event-time order to one of the closures (the event lent, not
    /// copied out, as ``RecordingReader/next(event:rejected:)`` does); false when every file is done.
    mutating func next(event: (WireEvent) -> Void, rejected: (Rejection) -> Void) -> Bool {
        if let reader = solo {
            if reader.next(event: event, rejected: rejected) { return true }
            solo = nil
            finished(reader)
            return false
        }
        while true {
            if let rejection = rejections.popLast() {
                rejected(rejection)
                return true
            }
            openDueFiles()
            if !rejections.isEmpty { continue }
            guard !heap.isEmpty else { return false }
            if heap.count == 1 && nextPending == pending.count {
                let head = heap.removeLast()
                solo = head.reader
                event(head.event)
                return true
            }
            let head = popMin()
            advance(head.reader, order: head.order)
            event(head.event)
            return true
        }
    }

    /// Opens every file whose first event is due: at or before the earliest head.
    private mutating func openDueFiles() {
        while nextPending < pending.count {
            let p = pending[nextPending]
            if let first = p.firstTs, let top = heap.first, first > top.ts { return }
            nextPending += 1
            filesOpened += 1
            do {
                let reader = try RecordingReader(file: p.file, decoder: decoder)
                openReaders[ObjectIdentifier(reader)] = reader
                advance(reader, order: p.order)
            } catch {
                failures.append((p.file.path, error.message))
            }
        }
    }

    /// Reads the reader's next event into the heap, collecting rejections on the way.
    private mutating func advance(_ reader: RecordingReader, order: Int) {
        var pushed = false
        while !pushed {
            let more = reader.next(
                event: { event in
                    push(Head(ts: event.ts, order: order, event: event, reader: reader))
                    pushed = true
                },
                rejected: { rejections.append($0) })
            if !more { break }
        }
        if !pushed { finished(reader) }
    }

    private mutating func finished(_ reader: RecordingReader) {
        if let failure = reader.failure { failures.append((reader.file.path, failure)) }
        bytesOfClosedFiles += reader.bytesRead
        openReaders[ObjectIdentifier(reader)] = nil
    }

    /// Reads lines of `file` until one decodes; its event time. A few lines, then the file is closed.
    private static func firstEventTime(of file: RecordingFile, decoder: WireDecoder) -> Double? {
        guard let reader = try? RecordingReader(file: file, decoder: decoder) else { return nil }
        defer { reader.close(cancelling: true) }
        for _ in 0..<1_000 {
            switch reader.next() {
            case .event(let event)?: return event.ts
            case .rejected?: continue
            case nil: return nil
            }
        }
        return nil
    }

    // MARK: Binary heap on (ts, order)

    private mutating func push(_ head: Head) {
        heap.append(head)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].precedes(heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func popMin() -> Head {
        if heap.count == 1 { return heap.removeLast() }
        let top = heap[0]
        heap[0] = heap.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var best = parent
            if left < heap.count, heap[left].precedes(heap[best]) { best = left }
            if right < heap.count, heap[right].precedes(heap[best]) { best = right }
            if best == parent { break }
            heap.swapAt(parent, best)
            parent = best
        }
        return top
    }
}
