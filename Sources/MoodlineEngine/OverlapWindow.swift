/// The agent's recent talk-overs: event times and fragment seqs of the last few, in a fixed ring.
/// Only the newest `capacity` are kept, which is enough because an episode needs only a handful.
struct OverlapWindow: Sendable {
    static let capacity = 8
    private var times: (Double, Double, Double, Double, Double, Double, Double, Double) = (0, 0, 0, 0, 0, 0, 0, 0)
    private var seqs: (Int64, Int64, Int64, Int64, Int64, Int64, Int64, Int64) = (0, 0, 0, 0, 0, 0, 0, 0)
    private var overlaps: (Float, Float, Float, Float, Float, Float, Float, Float) = (0, 0, 0, 0, 0, 0, 0, 0)
    private var next = 0
    private(set) var stored = 0
    /// All talk-overs in the session, for the summary.
    private(set) var total: Int32 = 0

    mutating func record(ts: Double, seq: Int64, overlapS: Double) {
        withUnsafeMutableBytes(of: &times) { $0.storeBytes(of: ts, toByteOffset: next * 8, as: Double.self) }
        withUnsafeMutableBytes(of: &seqs) { $0.storeBytes(of: seq, toByteOffset: next * 8, as: Int64.self) }
        withUnsafeMutableBytes(of: &overlaps) { $0.storeBytes(of: Float(overlapS), toByteOffset: next * 4, as: Float.self) }
        next = (next + 1) % Self.capacity
        stored = min(stored + 1, Self.capacity)
        total &+= 1
    }

    /// The i-th newest entry (0 is the newest).
    func entry(_ i: Int) -> (ts: Double, seq: Int64, overlapS: Float) {
        let slot = (next - 1 - i + 2 * Self.capacity) % Self.capacity
        let ts = withUnsafeBytes(of: times) { $0.load(fromByteOffset: slot * 8, as: Double.self) }
        let seq = withUnsafeBytes(of: seqs) { $0.load(fromByteOffset: slot * 8, as: Int64.self) }
        let o = withUnsafeBytes(of: overlaps) { $0.load(fromByteOffset: slot * 4, as: Float.self) }
        return (ts, seq, o)
    }

    /// Talk-overs within `window` seconds before `now` (inclusive).
    func count(now: Double, window: Double) -> Int {
        var n = 0
        for i in 0..<stored where now - entry(i).ts <= window { n += 1 }
        return n
    }
}
