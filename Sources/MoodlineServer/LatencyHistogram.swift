/// Counts of durations in fixed buckets, as Prometheus histograms report them.
///
/// Recording is a few compares and an add: no allocation, so it can sit on the per-fragment path.
public struct LatencyHistogram: Sendable, Equatable {
    /// Upper bounds of the buckets in nanoseconds, ascending; a last `+Inf` bucket is implied.
    public static let boundsNanoseconds: [UInt64] = [
        1_000, 2_500, 5_000, 10_000, 25_000, 50_000, 100_000, 250_000, 500_000, 1_000_000, 5_000_000, 25_000_000,
    ]

    /// Non-cumulative counts, one per bound plus the `+Inf` bucket.
    public private(set) var counts: [UInt64]
    public private(set) var totalNanoseconds: UInt64 = 0
    public private(set) var count: UInt64 = 0

    public init() {
        counts = Array(repeating: 0, count: Self.boundsNanoseconds.count + 1)
    }

    public mutating func record(nanoseconds: UInt64) {
        var bucket = 0
        let bounds = Self.boundsNanoseconds
        while bucket < bounds.count && nanoseconds > bounds[bucket] { bucket += 1 }
        counts[bucket] &+= 1
        totalNanoseconds &+= nanoseconds
        count &+= 1
    }
}
