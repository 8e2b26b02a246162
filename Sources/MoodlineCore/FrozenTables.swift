/// Read-only copies of the compiled tables in memory the ``Lexicon`` owns, so the scoring
/// loop reads them through plain pointers: no reference counting and no bounds checks
/// per lookup. Built once when a lexicon loads; freed with it.
final class FrozenTables: @unchecked Sendable {
    // @unchecked: the buffers are written once in init and only read afterwards.
    let trie: FrozenTrie
    let words: FrozenWords
    let scriptMap: FrozenScriptMap
    let weights: UnsafeBufferPointer<Float>
    let tags: UnsafeBufferPointer<LexiconTags>
    private var allocations: [UnsafeMutableRawPointer] = []

    init(trie: UnitTrie, words: WordTable, scriptMap: ScriptMap, weights: [Float], tags: [LexiconTags]) {
        var owned: [UnsafeMutableRawPointer] = []
        func copy<T>(_ array: [T]) -> UnsafeBufferPointer<T> {
            let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(array.count, 1))
            _ = buffer.initialize(from: array)
            owned.append(UnsafeMutableRawPointer(buffer.baseAddress!))
            return UnsafeBufferPointer(rebasing: buffer[..<array.count])
        }
        // Word keys are dense, so the root's word edges (one per unit matched) are a plain array.
        let rootWords = (0..<words.count).map { trie.child(UnitTrie.root, TextUnit.wordBase | UInt32($0)) }
        self.trie = FrozenTrie(
            terminal: copy(trie.terminal), hasChildren: copy(trie.hasChildrenTable),
            keys: copy(trie.edgeKeyTable), targets: copy(trie.edgeTargetTable), rootWords: copy(rootWords)
        )
        let arena = words.arenaBytes, offsets = words.offsetTable, lengths = words.lengthTable
        let elongated = arena.withUnsafeBufferPointer { arena in
            offsets.indices.map { id in
                let start = Int(offsets[id])
                return WordTable.hasLetterRun(UnsafeBufferPointer(rebasing: arena[start..<start + Int(lengths[id])]))
            }
        }
        self.words = FrozenWords(
            arena: copy(arena), offsets: copy(offsets), lengths: copy(lengths),
            hashes: copy(words.hashTable), slots: copy(words.slotTable), elongated: copy(elongated)
        )
        self.scriptMap = FrozenScriptMap(table: copy(scriptMap.tableEntries), others: scriptMap.otherEntries)
        self.weights = copy(weights)
        self.tags = copy(tags)
        allocations = owned
    }

    deinit {
        for pointer in allocations { pointer.deallocate() }
    }
}

/// ``UnitTrie`` for reading.
struct FrozenTrie {
    let terminal: UnsafeBufferPointer<Int32>
    let hasChildren: UnsafeBufferPointer<Bool>
    let keys: UnsafeBufferPointer<UInt64>
    let targets: UnsafeBufferPointer<Int32>
    /// The root's child along word (or emoticon) number `id`, or -1: saves a probe per word.
    let rootWords: UnsafeBufferPointer<Int32>

    /// The root's child along a unit's key, or -1.
    @inline(__always)
    func rootChild(_ unit: UInt32) -> Int32 {
        if unit >= TextUnit.wordBase {
            let id = Int(unit &- TextUnit.wordBase)
            return id < rootWords.count ? rootWords[id] : -1
        }
        return unit == TextUnit.unknownWord ? -1 : child(UnitTrie.root, unit)
    }

    /// The child of `node` along `unit`, or -1.
    @inline(__always)
    func child(_ node: Int32, _ unit: UInt32) -> Int32 {
        guard hasChildren[Int(node)] else { return -1 }
        let k = UInt64(UInt32(bitPattern: node)) << 32 | UInt64(unit)
        let mask = keys.count - 1
        var i = Int(truncatingIfNeeded: (k &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
        while true {
            let stored = keys[i]
            if stored == k { return targets[i] }
            if stored == .max { return -1 }
            i = (i + 1) & mask
        }
    }
}

/// ``WordTable`` for reading.
struct FrozenWords: WordResolver {
    let arena: UnsafeBufferPointer<UInt8>
    let offsets: UnsafeBufferPointer<UInt32>
    let lengths: UnsafeBufferPointer<UInt8>
    let hashes: UnsafeBufferPointer<UInt32>
    let slots: UnsafeBufferPointer<Int32>
    /// Per word: has a letter three times running, so a hit need not scan for it.
    let elongated: UnsafeBufferPointer<Bool>

    @inline(__always)
    func find(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt32) -> UInt32? {
        let mask = slots.count - 1
        var i = Int(hash) & mask
        while true {
            let s = slots[i]
            if s < 0 { return nil }
            let id = Int(s)
            if hashes[id] == hash, Int(lengths[id]) == bytes.count,
               memoryEquals(arena.baseAddress! + Int(offsets[id]), bytes.baseAddress!, bytes.count) {
                return UInt32(id)
            }
            i = (i + 1) & mask
        }
    }

    @inline(__always)
    func resolve(_ word: UnsafeBufferPointer<UInt8>, hash: UInt32) -> UInt32? { find(word, hash: hash) }

    @inline(__always)
    func isElongated(_ id: UInt32, _ word: UnsafeBufferPointer<UInt8>) -> Bool { elongated[Int(id)] }

    /// Compares with whole-word loads: two overlapping loads cover any length from 4 to 16
    /// (most words) without reading outside either buffer.
    @inline(__always)
    private func memoryEquals(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        @inline(__always) func same<T: FixedWidthInteger>(_ offset: Int, _: T.Type) -> Bool {
            UnsafeRawPointer(a + offset).loadUnaligned(as: T.self) == UnsafeRawPointer(b + offset).loadUnaligned(as: T.self)
        }
        if count >= 8 {
            var k = 0
            while k + 8 < count {
                if !same(k, UInt64.self) { return false }
                k += 8
            }
            return same(count - 8, UInt64.self)
        }
        if count >= 4 { return same(0, UInt32.self) && same(count - 4, UInt32.self) }
        if count >= 2 { return same(0, UInt16.self) && same(count - 2, UInt16.self) }
        return count == 0 || a[0] == b[0]
    }
}

/// ``ScriptMap`` for reading.
struct FrozenScriptMap {
    let table: UnsafeBufferPointer<UInt32>
    let others: [UInt32: UInt32]

    @inline(__always)
    func simplified(_ scalar: UInt32) -> UInt32? {
        if scalar >= ScriptMap.base && scalar < ScriptMap.limit {
            let s = table[Int(scalar - ScriptMap.base)]
            return s == 0 ? nil : s
        }
        return others.isEmpty ? nil : others[scalar]
    }
}
