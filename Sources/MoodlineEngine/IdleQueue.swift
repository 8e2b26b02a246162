/// Live sessions ordered by their own last event time, for the idle sweep: a binary min-heap
/// with lazy updates, so that a fragment, which only moves its session's `lastTs` forward,
/// costs nothing here.
///
/// Each live session has one entry, pushed when it opens. An entry's key may lag the session's
/// real `lastTs`, since fragments do not touch the heap; the sweep re-keys such an entry when
/// it comes to the top rather than expiring it (``rekeyFirst(lastTs:)``). An ended session's
/// entry stays until it comes to the top or a compaction sweeps it out, so ending is O(1) too.
///
/// Sessions are told apart by a serial number given as they open, so the entry of a session
/// that ended is never taken for a later session in the same slot.
struct IdleQueue: Sendable {
    /// A session due for the idle check: its slot and the last event time it was queued with.
    struct Entry: Sendable {
        /// The session's last event time when the entry was keyed; never ahead of the real one.
        var lastTs: Double
        /// The session's serial: equal times expire in the order the sessions opened, so the
        /// order depends on the input alone.
        var serial: UInt64
        var slot: Int32

        func precedes(_ other: Entry) -> Bool {
            (lastTs, serial) < (other.lastTs, other.serial)
        }
    }

    private var heap: [Entry] = []
    /// Per slot: the serial of the session in it, 0 while the slot is free.
    private var serials: [UInt64] = []
    private var lastSerial: UInt64 = 0
    /// Entries of ended sessions still in the heap.
    private var stale = 0

    /// Entries in the heap, stale ones included (for tests: compaction keeps it near the live count).
    var entryCount: Int { heap.count }

    /// Adds room for one more slot (the next slot number), free.
    mutating func addSlot() {
        serials.append(0)
    }

    /// Queues the session just opened in `slot`, last active at `lastTs`.
    mutating func open(_ slot: Int32, lastTs: Double) {
        lastSerial &+= 1
        serials[Int(slot)] = lastSerial
        heap.append(Entry(lastTs: lastTs, serial: lastSerial, slot: slot))
        siftUp(heap.count - 1)
    }

    /// Forgets the session in `slot`, which has ended: its entry goes stale.
    mutating func close(_ slot: Int32) {
        serials[Int(slot)] = 0
        stale += 1
        // Swept once stale entries are the majority, so the heap stays within twice the live
        // sessions and each ended session pays O(1) for the sweep, amortized.
        if stale >= 64, stale * 2 > heap.count { compact() }
    }

    /// The live session with the oldest key, after dropping stale entries from the top.
    mutating func first() -> Entry? {
        while let top = heap.first {
            if serials[Int(top.slot)] == top.serial { return top }
            removeFirst()
            stale -= 1
        }
        return nil
    }

    /// Moves the first entry to its session's later `lastTs`.
    mutating func rekeyFirst(lastTs: Double) {
        heap[0].lastTs = lastTs
        siftDown(0)
    }

    private mutating func removeFirst() {
        let last = heap.removeLast()
        guard !heap.isEmpty else { return }
        heap[0] = last
        siftDown(0)
    }

    private mutating func compact() {
        let serials = serials
        heap.removeAll { serials[Int($0.slot)] != $0.serial }
        stale = 0
        // Bottom-up heap construction, O(n).
        var i = heap.count / 2
        while i > 0 {
            i -= 1
            siftDown(i)
        }
    }

    private mutating func siftUp(_ start: Int) {
        var child = start
        let entry = heap[child]
        while child > 0 {
            let parent = (child - 1) / 2
            guard entry.precedes(heap[parent]) else { break }
            heap[child] = heap[parent]
            child = parent
        }
        heap[child] = entry
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        let entry = heap[parent]
        let count = heap.count
        while true {
            var child = 2 * parent + 1
            guard child < count else { break }
            if child + 1 < count, heap[child + 1].precedes(heap[child]) { child += 1 }
            guard heap[child].precedes(entry) else { break }
            heap[parent] = heap[child]
            parent = child
        }
        heap[parent] = entry
    }
}
