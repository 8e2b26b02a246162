/// The last few points of a session's emotion, for sparklines. The buffer is sized once, when
/// the session starts, and then overwritten in place.
struct HistoryRing: Sendable {
    private var points: ContiguousArray<SessionSnapshot.Point>
    private var next = 0
    let capacity: Int

    init(capacity: Int) {
        self.capacity = max(1, capacity)
        points = []
        points.reserveCapacity(self.capacity)
    }

    mutating func append(_ point: SessionSnapshot.Point) {
        if points.count < capacity {
            points.append(point)
        } else {
            points[next] = point
        }
        next += 1
        if next == capacity { next = 0 }
    }

    /// Oldest first.
    var ordered: [SessionSnapshot.Point] {
        guard points.count == capacity else { return Array(points) }
        return Array(points[next...] + points[..<next])
    }
}
