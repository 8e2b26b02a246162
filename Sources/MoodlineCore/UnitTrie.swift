/// A trie over text units (a Chinese character, an emoji, or a whole English word by its
/// number), so one longest-match walk serves Chinese words, English phrases and mixed text.
///
/// Edges live in one open-addressing table keyed by (node, unit): no per-node allocations,
/// and a miss costs one probe.
struct UnitTrie: Sendable {
    static let root: Int32 = 0

    /// The entry that ends at each node, or -1.
    private(set) var terminal: [Int32] = [-1]
    /// Whether each node has children, so leaves skip the edge lookup.
    private(set) var hasChildren: [Bool] = [false]
    private(set) var edgeKeys: [UInt64] = Array(repeating: .max, count: 16)
    private(set) var edgeTargets: [Int32] = Array(repeating: -1, count: 16)
    private var edgeCount = 0

    var nodeCount: Int { terminal.count }

    @inline(__always)
    private static func key(_ node: Int32, _ unit: UInt32) -> UInt64 { UInt64(UInt32(bitPattern: node)) << 32 | UInt64(unit) }

    @inline(__always)
    private func slot(for key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & (edgeKeys.count - 1)
    }

    /// The child of `node` along `unit`, or -1.
    @inline(__always)
    func child(_ node: Int32, _ unit: UInt32) -> Int32 {
        guard hasChildren[Int(node)] else { return -1 }
        let k = Self.key(node, unit)
        let mask = edgeKeys.count - 1
        var i = slot(for: k)
        while true {
            let stored = edgeKeys[i]
            if stored == k { return edgeTargets[i] }
            if stored == .max { return -1 }
            i = (i + 1) & mask
        }
    }

    /// The entry that ends exactly at the end of `units`, or nil.
    func entry(at units: some Collection<UInt32>) -> Int32? {
        var node = Self.root
        for unit in units {
            node = child(node, unit)
            if node < 0 { return nil }
        }
        let entry = terminal[Int(node)]
        return entry >= 0 ? entry : nil
    }

    /// Adds a path of units ending in `entry`; returns the entry it replaced, if any.
    mutating func insert(_ units: some Collection<UInt32>, entry: Int32) -> Int32? {
        var node = Self.root
        for unit in units {
            var next = child(node, unit)
            if next < 0 {
                next = Int32(terminal.count)
                terminal.append(-1)
                hasChildren.append(false)
                addEdge(Self.key(node, unit), next)
                hasChildren[Int(node)] = true
            }
            node = next
        }
        let previous = terminal[Int(node)]
        terminal[Int(node)] = entry
        return previous >= 0 ? previous : nil
    }

    private mutating func addEdge(_ key: UInt64, _ target: Int32) {
        if (edgeCount + 1) * 2 > edgeKeys.count { grow() }
        let mask = edgeKeys.count - 1
        var i = slot(for: key)
        while edgeKeys[i] != .max { i = (i + 1) & mask }
        edgeKeys[i] = key
        edgeTargets[i] = target
        edgeCount += 1
    }

    private mutating func grow() {
        let oldKeys = edgeKeys, oldTargets = edgeTargets
        edgeKeys = Array(repeating: .max, count: oldKeys.count * 2)
        edgeTargets = Array(repeating: -1, count: oldKeys.count * 2)
        edgeCount = 0
        for (k, t) in zip(oldKeys, oldTargets) where k != .max { addEdge(k, t) }
    }

    var hasChildrenTable: [Bool] { hasChildren }
    var edgeKeyTable: [UInt64] { edgeKeys }
    var edgeTargetTable: [Int32] { edgeTargets }
}
