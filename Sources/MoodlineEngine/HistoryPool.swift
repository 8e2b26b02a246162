internal import CMoodlinePrefetch

/// The last few points of every live session's emotion, for sparklines: one flat buffer of
/// `capacity` points per slot, overwritten in place as a ring.
///
/// One buffer for all sessions rather than an array in each session's state: appending a point
/// then writes one place, where a per-session array first read its header (count, capacity,
/// reference count) from a line of its own, two cache misses a fragment at 10,000 sessions.
struct HistoryPool: Sendable {
    typealias Point = SessionSnapshot.Point

    let capacity: Int
    private var points: [Point] = []
    /// Per slot: where the next point goes, and how many are held.
    private var next: [UInt16] = []
    private var held: [UInt16] = []

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Adds room for one more slot (the next slot number), empty.
    mutating func addSlot() {
        points.append(contentsOf: repeatElement(Point(ts: 0, customerValence: 0, customerArousal: 0, agentValence: 0, agentArousal: 0), count: capacity))
        next.append(0)
        held.append(0)
    }

    /// Forgets a slot's points, for the session that takes it over.
    mutating func clear(_ slot: Int32) {
        next[Int(slot)] = 0
        held[Int(slot)] = 0
    }

    mutating func append(_ point: Point, to slot: Int32) {
        let s = Int(slot)
        let i = Int(next[s])
        points[s &* capacity &+ i] = point
        next[s] = i &+ 1 == capacity ? 0 : UInt16(i &+ 1)
        if Int(held[s]) < capacity { held[s] &+= 1 }
    }

    /// Starts loading the place a slot's next point goes (see ``Engine/prefetch(session:)``).
    func prefetch(_ slot: Int32) {
        let s = Int(slot)
        guard s < next.count else { return }
        points.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            moodline_prefetch_for_write(UnsafeRawPointer(base + (s &* capacity &+ Int(next[s]))))
        }
    }

    /// A slot's points, oldest first.
    func ordered(_ slot: Int32) -> [Point] {
        let s = Int(slot)
        let count = Int(held[s]), start = s * capacity
        guard count == capacity else { return Array(points[start..<(start + count)]) }
        let split = start + Int(next[s])
        return Array(points[split..<(start + capacity)]) + Array(points[start..<split])
    }
}
