/// An open-addressing hash table from a lower-case ASCII word to a dense word number,
/// looked up straight from bytes so scoring never builds a String.
struct WordTable: Sendable {
    private var arena: [UInt8] = []
    private var offsets: [UInt32] = []
    private var lengths: [UInt8] = []
    private var hashes: [UInt32] = []
    private var slots: [Int32] = Array(repeating: -1, count: 16)

    /// Longest word kept; longer ones are never in the lexicon.
    static let maxLength = 48

    var count: Int { offsets.count }

    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var h: UInt32 = 2_166_136_261
        for b in bytes { h = (h ^ UInt32(b)) &* 16_777_619 }
        return h
    }

    /// Whether a lower-case word has a letter three times running: the elongation rule.
    static func hasLetterRun(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var run = 0
        var previous: UInt8 = 0
        for a in bytes {
            if a == previous { run += 1 } else { run = 1; previous = a }
            if run >= 3 && a &- 0x61 < 26 { return true }
        }
        return false
    }

    /// The number of a word, or nil when the lexicon has no such word.
    @inline(__always)
    func find(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt32) -> UInt32? {
        let mask = slots.count - 1
        var i = Int(hash) & mask
        return arena.withUnsafeBufferPointer { arena in
            while true {
                let s = slots[i]
                if s < 0 { return nil }
                let id = Int(s)
                if hashes[id] == hash, Int(lengths[id]) == bytes.count {
                    let start = Int(offsets[id])
                    var same = true
                    for k in 0..<bytes.count where arena[start + k] != bytes[k] {
                        same = false
                        break
                    }
                    if same { return UInt32(id) }
                }
                i = (i + 1) & mask
            }
        }
    }

    /// The number of a word, adding it when new.
    mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        let h = Self.hash(bytes)
        if let id = find(bytes, hash: h) { return id }
        let id = UInt32(offsets.count)
        offsets.append(UInt32(arena.count))
        lengths.append(UInt8(bytes.count))
        hashes.append(h)
        arena.append(contentsOf: bytes)
        if offsets.count * 2 > slots.count { rehash(capacity: slots.count * 2) } else { place(Int(id)) }
        return id
    }

    private mutating func place(_ id: Int) {
        let mask = slots.count - 1
        var i = Int(hashes[id]) & mask
        while slots[i] >= 0 { i = (i + 1) & mask }
        slots[i] = Int32(id)
    }

    private mutating func rehash(capacity: Int) {
        slots = Array(repeating: -1, count: capacity)
        for id in 0..<offsets.count { place(id) }
    }

    var arenaBytes: [UInt8] { arena }
    var offsetTable: [UInt32] { offsets }
    var lengthTable: [UInt8] { lengths }
    var hashTable: [UInt32] { hashes }
    var slotTable: [Int32] { slots }
}
