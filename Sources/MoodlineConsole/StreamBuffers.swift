import NIOCore

/// The events waiting to be sent to the open console pages: a queue per page, bounded in bytes
/// per page and per token (all the pages opened with one token together). Beyond either bound
/// the oldest events go: the page's own, or the oldest of all the token's pages, which are the
/// slowest reader's. Drops are counted, and a page hears how many it missed before its next
/// event, so it can re-read the state.
///
/// Bytes are those of the queued frames. Pages given the same frame each count it, since each
/// would keep it alive if the others read theirs. Not thread-safe: the hub holds it under its lock.
struct StreamBuffers {
    /// Bytes one page may hold.
    let streamLimit: Int
    /// Bytes the pages of one token may hold together.
    let tokenLimit: Int

    private struct Queued {
        /// When it was queued, across every page: the token's oldest has the lowest.
        var order: UInt64
        var frame: ByteBuffer
    }

    /// One page's unsent events, oldest first.
    private struct Queue {
        let token: TokenID
        var events = CircularBuffer<Queued>()
        var bytes = 0
        /// Events dropped since the page last read; it is told before its next event.
        var missed = 0

        init(token: TokenID) {
            self.token = token
        }

        mutating func append(_ frame: ByteBuffer, order: UInt64) {
            events.append(Queued(order: order, frame: frame))
            bytes += frame.readableBytes
        }

        mutating func removeOldest() -> ByteBuffer? {
            guard let oldest = events.popFirst() else { return nil }
            bytes -= oldest.frame.readableBytes
            return oldest.frame
        }
    }

    /// An event queued for a page of a token, in the token's order of arrivals.
    private struct Arrival {
        var stream: Int
        var order: UInt64
    }

    /// What the pages of one token hold together.
    private struct TokenShare {
        /// The token's events in the order they were queued. An entry whose event has since been
        /// sent or dropped stays until it reaches the front or a sweep, and is skipped when met,
        /// so the first live entry is always the token's oldest event.
        var arrivals = CircularBuffer<Arrival>()
        var bytes = 0
        /// Events queued (live entries of `arrivals`).
        var events = 0
        var pages = 0
    }

    private var queues: [Int: Queue] = [:]
    private var tokens: [TokenID: TokenShare] = [:]
    private var lastOrder: UInt64 = 0
    /// Events dropped since the start.
    private(set) var dropped = 0
    /// Bytes held now, every page together.
    private(set) var bytes = 0

    init(streamLimit: Int, tokenLimit: Int) {
        self.streamLimit = streamLimit
        self.tokenLimit = tokenLimit
    }

    /// Starts an empty queue for page `stream`, opened with `token`.
    mutating func open(_ stream: Int, token: TokenID) {
        queues[stream] = Queue(token: token)
        tokens[token, default: TokenShare()].pages += 1
    }

    /// Forgets a page's queue and what it held.
    mutating func close(_ stream: Int) {
        guard let queue = queues.removeValue(forKey: stream) else { return }
        bytes -= queue.bytes
        guard let pages = tokens[queue.token]?.pages, pages > 1 else {
            tokens[queue.token] = nil
            return
        }
        tokens[queue.token]?.pages -= 1
        tokens[queue.token]?.bytes -= queue.bytes
        tokens[queue.token]?.events -= queue.events.count
        sweep(queue.token)
    }

    /// Queues `frame` for a page, then drops the oldest events beyond the page's and its
    /// token's bounds. Nothing when the page has gone.
    mutating func push(_ frame: ByteBuffer, to stream: Int) {
        guard let token = queues[stream]?.token else { return }
        lastOrder += 1
        queues[stream]?.append(frame, order: lastOrder)
        tokens[token]?.arrivals.append(Arrival(stream: stream, order: lastOrder))
        tokens[token]?.bytes += frame.readableBytes
        tokens[token]?.events += 1
        bytes += frame.readableBytes
        while let held = queues[stream]?.bytes, held > streamLimit, dropOldest(of: stream) {}
        while let held = tokens[token]?.bytes, held > tokenLimit, dropOldest(ofToken: token) {}
        // A page dropping its own oldest leaves their entries behind, even with nobody reading.
        sweep(token)
    }

    /// The next frame for a page: first a notice of the events it missed, if any, then its
    /// oldest event. Nil when it has nothing (or has gone).
    mutating func take(_ stream: Int) -> ByteBuffer? {
        // Field by field: a copy of the whole queue kept alive would make the removal below
        // copy its buffer.
        guard let token = queues[stream]?.token else { return nil }
        if let missed = queues[stream]?.missed, missed > 0 {
            queues[stream]?.missed = 0
            return ServerSentEvent.missed(missed)
        }
        guard let frame = queues[stream]?.removeOldest() else { return nil }
        forget(frame, of: token)
        sweep(token)
        return frame
    }

    /// Bytes the pages of `token` hold now.
    func bytes(of token: TokenID) -> Int {
        tokens[token]?.bytes ?? 0
    }

    /// Bytes page `stream` holds now.
    func bytes(ofStream stream: Int) -> Int {
        queues[stream]?.bytes ?? 0
    }

    /// Entries in a token's list of arrivals, stale ones included (for tests: sweeps keep it
    /// within twice the events held).
    func arrivalEntries(of token: TokenID) -> Int {
        tokens[token]?.arrivals.count ?? 0
    }

    /// Events the pages of `token` hold now.
    func events(of token: TokenID) -> Int {
        tokens[token]?.events ?? 0
    }

    // MARK: Dropping

    private mutating func dropOldest(of stream: Int) -> Bool {
        guard let token = queues[stream]?.token, let frame = queues[stream]?.removeOldest() else { return false }
        queues[stream]?.missed += 1
        dropped += 1
        forget(frame, of: token)
        return true
    }

    /// Drops the token's oldest event, whichever of its pages holds it.
    private mutating func dropOldest(ofToken token: TokenID) -> Bool {
        while let arrival = tokens[token]?.arrivals.popFirst() {
            if isQueued(arrival) { return dropOldest(of: arrival.stream) }
        }
        return false
    }

    private mutating func forget(_ frame: ByteBuffer, of token: TokenID) {
        bytes -= frame.readableBytes
        tokens[token]?.bytes -= frame.readableBytes
        tokens[token]?.events -= 1
    }

    /// Whether an arrival's event is still queued: a page's events leave from the front, so it
    /// is while the page's oldest came no later.
    private func isQueued(_ arrival: Arrival) -> Bool {
        guard let oldest = queues[arrival.stream]?.events.first?.order else { return false }
        return oldest <= arrival.order
    }

    /// Lets go of the entries of events already gone: those at the front at once, and all of
    /// them once they outnumber the live ones, so the list stays within twice the events held
    /// and each event pays O(1) for it, amortized.
    private mutating func sweep(_ token: TokenID) {
        while let first = tokens[token]?.arrivals.first, !isQueued(first) {
            _ = tokens[token]?.arrivals.popFirst()
        }
        guard let entries = tokens[token]?.arrivals.count, let events = tokens[token]?.events, entries > 2 * events + 64 else { return }
        let queues = queues
        tokens[token]?.arrivals.removeAll { arrival in
            guard let oldest = queues[arrival.stream]?.events.first?.order else { return true }
            return oldest > arrival.order
        }
    }
}
