/// Read-only copies of the compiled tables in memory the ``Lexicon`` owns, so the scoring
/// loop reads them through plain pointers: no reference counting and no bounds checks
/// per lookup. Built once when a lexicon loads; freed with it.
final class FrozenTables: @unchecked Sendable {
    // @unchecked: the buffers are written once in init and only read afterwards.
    let trie: FrozenTrie
    let words: FrozenWords
    let scriptMap: FrozenScriptMap
    /// Per entry, what the scoring loop reads of it, side by side.
    let entries: UnsafeBufferPointer<FrozenEntry>
    /// The patterns, at a fixed address: ``ClauseState`` reads them in place, where a copy of
    /// their 484 bytes per scoring pass cost several per cent of the scoring time.
    let patternsAddress: UnsafeMutablePointer<FrozenPatterns>
    /// The learned layer for a customer's line (every column but `rude`).
    let model: FrozenCategoryModel
    /// The model's feature names by table row, for explanations.
    let modelFeatureNames: [String]
    /// The learned layer for an agent's line: the `rude` column's features alone.
    let agentModel: FrozenCategoryModel
    let agentModelFeatureNames: [String]
    private var allocations: [UnsafeMutableRawPointer] = []

    init(
        trie: UnitTrie, words: WordTable, scriptMap: ScriptMap, weights: [Float], tags: [LexiconTags],
        concepts: [EntryConcepts], numbering: LexiconCompiler.ConceptNumbering, patterns: [Pattern], learnedSupport: [EntryConcepts], firmEvidence: [EntryConcepts],
        model: CategoryModel
    ) {
        var owned: [UnsafeMutableRawPointer] = []
        func copy<T>(_ array: [T]) -> UnsafeBufferPointer<T> {
            let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(array.count, 1))
            _ = buffer.initialize(from: array)
            owned.append(UnsafeMutableRawPointer(buffer.baseAddress!))
            return UnsafeBufferPointer(rebasing: buffer[..<array.count])
        }
        // Word keys are dense, so the root's word edges (one per unit matched) are a plain array.
        let rootWords = (0..<words.count).map { trie.child(UnitTrie.root, TextUnit.wordBase | UInt32($0)) }
        var childMasks = [UInt32](repeating: 0, count: trie.terminal.count)
        for key in trie.edgeKeyTable where key != .max {
            childMasks[Int(key >> 32)] |= FrozenTrie.maskBit(UInt32(truncatingIfNeeded: key))
        }
        let rootWordRecords = rootWords.map { node -> UInt64 in
            guard node >= 0 else { return FrozenTrie.noRootWord }
            let more: UInt64 = childMasks[Int(node)] != 0 ? 0x8000_0000 : 0
            return UInt64(UInt32(bitPattern: trie.terminal[Int(node)])) << 32 | more | UInt64(UInt32(node))
        }
        self.trie = FrozenTrie(
            terminal: copy(trie.terminal), childMasks: copy(childMasks),
            keys: copy(trie.edgeKeyTable), targets: copy(trie.edgeTargetTable), rootWordRecords: copy(rootWordRecords)
        )
        let arena = words.arenaBytes, offsets = words.offsetTable, lengths = words.lengthTable, hashes = words.hashTable
        let entries = arena.withUnsafeBufferPointer { arena in
            offsets.indices.map { id in
                let start = Int(offsets[id])
                let elongated = WordTable.hasLetterRun(UnsafeBufferPointer(rebasing: arena[start..<start + Int(lengths[id])]))
                return FrozenWords.Entry(offset: offsets[id], length: lengths[id], elongated: elongated)
            }
        }
        let layout = FrozenWords.Layout(count: offsets.count)
        let probes = layout.probes(hashes: hashes)
        self.words = FrozenWords(arena: copy(arena), probes: copy(probes), entries: copy(entries), layout: layout)
        self.scriptMap = FrozenScriptMap(table: copy(scriptMap.tableEntries), others: scriptMap.otherEntries)
        // Entries with concepts say so in their tags, so most entries never read their concept set.
        let speaker = numbering.numbers["self"].map { Int16($0) } ?? -1
        let listener = numbering.numbers["you"].map { Int16($0) } ?? -1
        let third = numbering.numbers["third"].map { Int16($0) } ?? -1
        let kin = numbering.numbers["zh_kin"].map { Int16($0) } ?? -1
        let sayNow = numbering.numbers["zh_saynow"].map { Int16($0) } ?? -1
        let goesOn = numbering.numbers["zh_goeson"].map { Int16($0) } ?? -1
        let storyThen = numbering.numbers["zh_storythen"].map { Int16($0) } ?? -1
        let toward = numbering.numbers["zh_toward"].map { Int16($0) } ?? -1
        let joinLatin = numbering.numbers["en_join"].map { Int16($0) } ?? -1
        let say = numbering.numbers["say"].map { Int16($0) } ?? -1
        let rivalLatin = numbering.numbers["competitor"].map { Int16($0) } ?? -1
        let rivalHan = numbering.numbers["zh_comp"].map { Int16($0) } ?? -1
        let dropYouLatin = numbering.numbers["en_dropyou"].map { Int16($0) } ?? -1
        let dropYouHan = numbering.numbers["zh_dropyou"].map { Int16($0) } ?? -1
        let adviceLatin = numbering.numbers["en_advise"].map { Int16($0) } ?? -1
        let adviceHan = numbering.numbers["zh_advise"].map { Int16($0) } ?? -1
        let jokeClaim = numbering.numbers["jokeclaim"].map { Int16($0) } ?? -1
        let jokeTakenBack = numbering.numbers["notjoking"].map { Int16($0) } ?? -1
        let supportConcepts = learnedSupport.reduce(into: EntryConcepts()) { $0.formUnion($1) }
        var usedConcepts = firmEvidence.reduce(into: supportConcepts) { $0.formUnion($1) }
        var neededConcepts = EntryConcepts()
        for pattern in patterns {
            for part in pattern.parts { usedConcepts.formUnion(EntryConcepts(part, script: pattern.script)) }
            neededConcepts.formUnion(EntryConcepts(pattern.needs, script: pattern.script))
        }
        for concept in [speaker, listener, say, jokeTakenBack] where concept >= 0 {
            usedConcepts.formUnion(EntryConcepts(ConceptSet(Int(concept)), script: .any))
        }
        for concept in [third, kin, sayNow, goesOn, storyThen, toward] where concept >= 0 {
            usedConcepts.formUnion(EntryConcepts(ConceptSet(Int(concept)), script: .han))
        }
        if third >= 0 {
            usedConcepts.formUnion(EntryConcepts(ConceptSet(Int(third)), script: .latin))
        }
        let join = joinLatin >= 0 ? EntryConcepts(ConceptSet(Int(joinLatin)), script: .latin) : EntryConcepts()
        let frozenTags = zip(tags, concepts).map { tags, concepts in
            var tags = concepts.intersects(supportConcepts) ? tags.union(.carriesLearnedSupport) : tags
            if concepts.intersects(join) { tags.insert(.joinsClause) }
            return concepts.intersects(usedConcepts) ? tags.union(.hasConcepts)
                : concepts.intersects(neededConcepts) ? tags.union(.hasNeededConcepts) : tags
        }
        let patternLayout = FrozenPatterns.Layout(patterns)
        let conceptTable = FrozenPatterns.deduplicated(concepts)
        self.entries = copy(frozenTags.indices.map {
            FrozenEntry(tags: frozenTags[$0], weight: weights[$0], conceptSet: conceptTable.index[$0])
        })
        let startTable = patternLayout.starts(for: conceptTable.sets)
        let wideTable = patternLayout.wideTable
        let frozenPatterns = FrozenPatterns(
            conceptIndex: copy(conceptTable.index), conceptSets: copy(conceptTable.sets), parts: copy(patternLayout.parts), gaps: copy(patternLayout.gaps), partKeys: copy(patternLayout.partKeys), info: copy(patternLayout.info),
            startOffsets: copy(startTable.offsets), starts: copy(startTable.starts),
            fragmentWide: copy(patternLayout.fragmentWide), wideOffsets: copy(wideTable.offsets), wideRules: copy(wideTable.rules),
            wideFirsts: patternLayout.wideFirsts, partingWords: patternLayout.partingWords, jumpingWords: patternLayout.jumpingWords, needs: copy(patterns.map(\.needs)), families: copy(patternLayout.families),
            familyConcepts: patternLayout.families.reduce(into: EntryConcepts()) { $0.formUnion($1) },
            learnedSupport: copy(learnedSupport), firmEvidence: copy(firmEvidence), speaker: speaker, listener: listener, third: third, kin: kin, sayNow: sayNow, goesOn: goesOn, storyThen: storyThen, toward: toward, say: say,
            rivalLatin: rivalLatin, rivalHan: rivalHan, dropYouLatin: dropYouLatin, dropYouHan: dropYouHan, adviceLatin: adviceLatin, adviceHan: adviceHan,
            jokeClaim: jokeClaim, jokeTakenBack: jokeTakenBack
        )
        patternsAddress = .allocate(capacity: 1)
        patternsAddress.initialize(to: frozenPatterns)
        func vector(_ values: [Float]) -> SIMD8<Float> {
            var v = SIMD8<Float>.zero
            for (k, x) in values.prefix(CategoryModel.width).enumerated() { v[k] = x }
            return v
        }
        func freeze(_ model: CategoryModel) -> (FrozenCategoryModel, names: [String]) {
            let table = FrozenCategoryModel.layout(model)
            let roles = FrozenCategoryModel.roles(model)
            let frozen = FrozenCategoryModel(
                tags: copy(table.tags), weights: copy(table.weights), bias: vector(model.bias), thresholds: vector(model.thresholds),
                alertThresholds: vector(model.alertThresholds.isEmpty ? model.thresholds : model.alertThresholds),
                vetoes: model.vetoes.isEmpty ? SIMD8(repeating: -.infinity) : vector(model.vetoes + [Float](repeating: -.infinity, count: CategoryModel.width)),
                characterRoles: copy(roles.characters), wordRoles: copy(roles.words))
            return (frozen, table.names)
        }
        (self.model, modelFeatureNames) = freeze(model.features(for: .customer))
        (agentModel, agentModelFeatureNames) = freeze(model.features(for: .agent))
        allocations = owned
    }

    deinit {
        patternsAddress.deinitialize(count: 1)
        patternsAddress.deallocate()
        for pointer in allocations { pointer.deallocate() }
    }
}

/// ``UnitTrie`` for reading.
struct FrozenTrie {
    let terminal: UnsafeBufferPointer<Int32>
    /// Per node, one bit per child edge's unit (see ``maskBit(_:)``); zero for a leaf. Most
    /// probes are for a unit the node has no edge along ("not" + a word that makes no phrase):
    /// this small table answers most of them without touching the large edge table, whose
    /// cache miss was the costliest step of the phrase walk.
    let childMasks: UnsafeBufferPointer<UInt32>
    let keys: UnsafeBufferPointer<UInt64>
    let targets: UnsafeBufferPointer<Int32>
    /// Per word (or emoticon) number: the root's child along it, with what the phrase walk reads
    /// next, in one load: the node (bits 0–30), whether it has children (bit 31), its terminal
    /// entry (bits 32–63); ``noRootWord`` when the word starts no entry. Saves a probe of the
    /// edge table per word, and most words end the walk at once, after this one load instead of
    /// three from three tables.
    let rootWordRecords: UnsafeBufferPointer<UInt64>

    static let noRootWord = UInt64.max

    /// The root's record for a word key (see ``rootWordRecords``).
    @inline(__always)
    func rootWord(_ unit: UInt32) -> UInt64 {
        let id = Int(unit &- TextUnit.wordBase)
        return id < rootWordRecords.count ? rootWordRecords[id] : Self.noRootWord
    }

    /// The root's child along a key below ``TextUnit/wordBase`` (a character), or -1; words go
    /// through ``rootWord(_:)``.
    @inline(__always)
    func rootChild(_ unit: UInt32) -> Int32 {
        unit == TextUnit.unknownWord ? -1 : child(UnitTrie.root, unit)
    }

    /// Whether the node has children at all.
    @inline(__always)
    func hasChildren(_ node: Int32) -> Bool { childMasks[Int(node)] != 0 }

    /// The bit of `unit` in a node's child mask.
    @inline(__always)
    static func maskBit(_ unit: UInt32) -> UInt32 { 1 << ((unit &* 0x9E37_79B1) >> 27) }

    /// The child of `node` along `unit`, or -1.
    @inline(__always)
    func child(_ node: Int32, _ unit: UInt32) -> Int32 {
        guard childMasks[Int(node)] & Self.maskBit(unit) != 0 else { return -1 }
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
///
/// Laid out for the cache: a probe slot holds part of the word's hash beside its id, so a miss
/// or a collision costs one memory access; the id's offset, length and elongation flag share
/// one 8-byte entry. (Five separate arrays cost up to five cache misses per word, the largest
/// single cost of scoring English.) Slots are 32 bits, as few ids need more than 14, and the
/// table is half full: 64 KB for the embedded English words, where 64-bit slots at a quarter
/// full took 256 KB, half a core's L2, and the wait for a probe was a tenth of English scoring.
struct FrozenWords: WordResolver {
    /// How a 32-bit slot splits into a hash tag (high bits) and an id (low bits), and how many
    /// slots there are.
    struct Layout {
        let idBits: UInt32
        let slots: Int

        /// For `count` ids: enough id bits to leave all-ones free for an empty slot, and at
        /// least twice as many slots as ids.
        init(count: Int) {
            var bits: UInt32 = 1
            while (1 << bits) - 1 <= count { bits += 1 }
            idBits = min(bits, 31)
            var slots = 16
            while slots < 2 * count { slots *= 2 }
            self.slots = slots
        }

        var idMask: UInt32 { (1 << idBits) - 1 }

        /// The tag a word's hash leaves in its slot: the hash's high bits (the low ones pick the slot).
        @inline(__always)
        func tag(_ hash: UInt32) -> UInt32 { hash &>> idBits }

        /// The open-addressed table of `hashes[id]`, linear probing.
        func probes(hashes: [UInt32]) -> [UInt32] {
            var table = [UInt32](repeating: FrozenWords.emptyProbe, count: slots)
            let mask = slots - 1
            for (id, hash) in hashes.enumerated() {
                var i = Int(hash) & mask
                while table[i] != FrozenWords.emptyProbe { i = (i + 1) & mask }
                table[i] = tag(hash) &<< idBits | UInt32(id)
            }
            return table
        }
    }

    struct Entry {
        var offset: UInt32
        var length: UInt8
        /// Has a letter three times running, so a hit need not scan for it.
        var elongated: Bool
    }

    /// An empty probe slot (its id bits are all ones, which no id has).
    static let emptyProbe = UInt32.max

    let arena: UnsafeBufferPointer<UInt8>
    /// Open addressing by hash: `tag << idBits | id`, or ``emptyProbe`` (see ``Layout``).
    let probes: UnsafeBufferPointer<UInt32>
    let entries: UnsafeBufferPointer<Entry>
    let layout: Layout

    @inline(__always)
    func find(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt32) -> UInt32? {
        let mask = probes.count - 1
        let idBits = layout.idBits, tag = layout.tag(hash)
        var i = Int(hash) & mask
        while true {
            let probe = probes[i]
            if probe == Self.emptyProbe { return nil }
            if probe &>> idBits == tag {
                let id = probe & layout.idMask
                let entry = entries[Int(id)]
                if Int(entry.length) == bytes.count,
                   memoryEquals(arena.baseAddress! + Int(entry.offset), bytes.baseAddress!, bytes.count) {
                    return id
                }
            }
            i = (i + 1) & mask
        }
    }

    @inline(__always)
    func resolve(_ word: UnsafeBufferPointer<UInt8>, hash: UInt32) -> UInt32? { find(word, hash: hash) }

    @inline(__always)
    func isElongated(_ id: UInt32, _ word: UnsafeBufferPointer<UInt8>) -> Bool { entries[Int(id)].elongated }

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

/// One lexicon entry as the scoring loop reads it: its tags, weight and place in
/// ``FrozenPatterns/conceptSets`` in one record, so a matched entry costs one cache miss, not three.
struct FrozenEntry {
    var tags: LexiconTags
    var weight: Float
    var conceptSet: UInt32
}
