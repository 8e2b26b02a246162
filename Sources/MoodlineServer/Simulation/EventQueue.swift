/// A binary min-heap of pending events keyed by event time, so the simulator can merge
/// thousands of concurrent conversations in O(log n) per event.
///
/// Ties on `ts` go to the lower `order`, so merging is deterministic.
struct EventQueue: Sendable {
    struct Entry: Sendable, Equatable {
        var ts: Double
        /// Breaks ties: a slot or file index.
        var order: Int

        func precedes(_ other: Entry) -> Bool {
            ts < other.ts || (ts == other.ts && order < other.order)
        }
    }

    private var entries: [Entry] = []

    init(capacity: Int = 0) {
        entries.reserveCapacity(capacity)
    }

    var isEmpty: Bool { entries.isEmpty }
    var count: Int { entries.count }

    mutating func push(_ entry: Entry) {
        entries.append(entry)
        var child = entries.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard entries[child].precedes(entries[parent]) else { break }
            entries.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> Entry? {
        guard let last = entries.popLast() else { return nil }
        guard !entries.isEmpty else { return last }
        let top = entries[0]
        entries[0] = last
        var parent = 0
        while true {
            let left = 2 * parent + 1
            guard left < entries.count else { break }
            let right = left + 1
            let child = right < entries.count && entries[right].precedes(entries[left]) ? right : left
            guard entries[child].precedes(entries[parent]) else { break }
            entries.swapAt(child, parent)
            parent = child
        }
        return top
    }
}
