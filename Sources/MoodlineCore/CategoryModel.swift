/// The learned category layer: a logistic regression per risk category over the units the
/// tokeniser produces (an English word and the pair it starts, a Chinese character and the
/// pair and triple it starts), read from a `*.model` file. It adds recall where no rule was
/// written for a phrasing; rules stay the explanation's backbone, and the model's decisions
/// go through the same clause scope. The model's strongest features are named in explanations.
struct CategoryModel: Sendable {
    /// The categories, in the order of a model file's weight columns.
    static let categories: [Category] = [.selfHarm, .abuse, .escalation, .churn, .repeatContact]
    /// The self-harm column, the first of `categories`.
    static let selfHarmColumn = 0
    /// The column after the categories': the log-odds of warm against sore, read only for a
    /// Chinese line no word of which has sentiment (`positive`; optional in a model file).
    static let positiveColumn = categories.count
    /// The column after `positive`: the log-odds of an agent's misconduct (``Category/rude``),
    /// read only for an agent's line (`rude`; optional in a model file).
    static let rudeColumn = positiveColumn + 1
    static let width = 8

    /// One feature as written: `1:kill`, `2:kill|myself`, `3:不|想|活`.
    struct Feature {
        var name: String
        var units: [UInt32]
        var weights: [Float]
    }

    var features: [Feature] = []
    var bias = [Float](repeating: 0, count: width)
    /// Per category, the log-odds above which it fires.
    var thresholds = [Float](repeating: .infinity, count: width)
    /// Per category, the log-odds above which the model alone may raise an alert in a live
    /// conversation (`alert` line; the `threshold` when absent). Most lines of a conversation
    /// are calm, so a guess needs more confidence there than in a list of statements, where
    /// risky lines are common: below it the guess is ``Score/tentativeCategories``. Empty:
    /// the thresholds.
    var alertThresholds: [Float] = []
    /// Per category, the log-odds under which the model overrules a rule's statement of it
    /// (`veto` line): a rule that fires where the model finds the category all but impossible
    /// is usually a trigger word in routine use. −∞ (a probability of 0) for a category the
    /// model may never overrule, as self-harm. Empty: no veto.
    var vetoes: [Float] = []

    var isEmpty: Bool { features.isEmpty }

    /// The features one reading needs, with only their weights for it: an agent's line reads
    /// the `rude` column alone, a customer's every other. Each reading's table then holds only
    /// its own features, so a line looks up fewer units in a smaller table.
    func features(for reading: LearnedReading) -> CategoryModel {
        var kept = self
        kept.features = features.compactMap { feature in
            var weights = feature.weights
            for k in weights.indices where (k == Self.rudeColumn) != (reading == .agent) { weights[k] = 0 }
            guard weights.contains(where: { $0 != 0 }) else { return nil }
            return Feature(name: feature.name, units: feature.units, weights: weights)
        }
        return kept
    }

    /// A unit as the model names it: a character by its (simplified) scalar, a word by its
    /// hash with the top bit set, so the two never meet.
    @inline(__always)
    static func unitKey(_ unit: TextUnit) -> UInt32 {
        unit.kind == .cjk ? unit.key : unit.hash | 0x8000_0000
    }

    /// A feature's key: its arity and its units, mixed.
    @inline(__always)
    static func key(_ a: UInt32, _ b: UInt32 = 0, _ c: UInt32 = 0, arity: UInt64) -> UInt64 {
        var h = arity &* 0x9E37_79B9_7F4A_7C15
        h = (h ^ UInt64(a)) &* 0xBF58_476D_1CE4_E5B9
        h = (h ^ UInt64(b)) &* 0x94D0_49BB_1331_11EB
        h = (h ^ UInt64(c)) &* 0x9E37_79B9_7F4A_7C15
        return h ^ (h >> 31)
    }
}

/// ``CategoryModel`` for reading, laid out for the cache: most lookups are for features the
/// model lacks, and they touch only a table of 32-bit tags (64 KB for 10,000 features, half
/// full); a hit reads its row of eight 8-bit weights (five used) from a table beside it.
struct FrozenCategoryModel {
    /// Per slot, the high half of a feature's key (never 0), or 0 for an empty slot.
    let tags: UnsafeBufferPointer<UInt32>
    /// Per slot, the weights in units of 1 / ``scale``.
    let weights: UnsafeBufferPointer<SIMD8<Int8>>
    let bias: SIMD8<Float>
    let thresholds: SIMD8<Float>
    let alertThresholds: SIMD8<Float>
    /// ``CategoryModel/vetoes`` (−∞ where none).
    let vetoes: SIMD8<Float>
    /// Per unit, which places in which features it may hold (``Role``): a unit no feature
    /// holds in that place needs no lookup, and most units are such. Characters below U+10000
    /// by scalar; words by 16 bits of their hash, so two words may share a bucket (a lookup that
    /// then misses, never a feature lost).
    let characterRoles: UnsafeBufferPointer<UInt8>
    let wordRoles: UnsafeBufferPointer<UInt8>

    /// A unit's places in the model's features, as bits.
    enum Role {
        static let unigram: UInt8 = 1
        static let bigramFirst: UInt8 = 2
        static let bigramSecond: UInt8 = 4
        static let trigramFirst: UInt8 = 8
        static let trigramSecond: UInt8 = 16
        static let trigramThird: UInt8 = 32
    }

    /// Weights are stored as multiples of 1/24: ±5.3 at most, to within 0.02.
    static let scale: Float = 24

    var isEmpty: Bool { tags.isEmpty }

    @inline(__always)
    static func tag(_ key: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: key >> 32) | 1 }

    /// Each unit's ``Role`` bits: characters below U+10000 in the first table, words by hash
    /// bucket in the second. Characters above have every bit set, so they are always looked up.
    static func roles(_ model: CategoryModel) -> (characters: [UInt8], words: [UInt8]) {
        guard !model.isEmpty else { return ([], []) }
        var characters = [UInt8](repeating: 0, count: 0x10000)
        var wordTable = [UInt8](repeating: 0, count: 0x10000)
        let places: [[UInt8]] = [[Role.unigram], [Role.bigramFirst, Role.bigramSecond], [Role.trigramFirst, Role.trigramSecond, Role.trigramThird]]
        for feature in model.features {
            for (k, unit) in feature.units.enumerated() {
                let bit = places[feature.units.count - 1][k]
                if unit >= 0x8000_0000 {
                    wordTable[Self.wordBucket(unit)] |= bit
                } else if unit < 0x10000 {
                    characters[Int(unit)] |= bit
                }
            }
        }
        return (characters, wordTable)
    }

    @inline(__always)
    static func wordBucket(_ key: UInt32) -> Int { Int((key ^ (key >> 16)) & 0xFFFF) }

    @inline(__always)
    func role(_ unit: UInt32) -> UInt8 {
        if unit >= 0x8000_0000 { return wordRoles[Self.wordBucket(unit)] }
        return unit < 0x10000 ? characterRoles[Int(unit)] : 0xFF
    }

    /// The tables to freeze, and the feature name at each slot (for explanations).
    static func layout(_ model: CategoryModel) -> (tags: [UInt32], weights: [SIMD8<Int8>], names: [String]) {
        guard !model.isEmpty else { return ([], [], []) }
        var slots = 16
        while slots < 2 * model.features.count { slots *= 2 }
        var tags = [UInt32](repeating: 0, count: slots)
        var weights = [SIMD8<Int8>](repeating: .zero, count: slots)
        var names = [String](repeating: "", count: slots)
        for feature in model.features {
            let u = feature.units
            let key = CategoryModel.key(u[0], u.count > 1 ? u[1] : 0, u.count > 2 ? u[2] : 0, arity: UInt64(u.count))
            let tag = Self.tag(key)
            var i = Int(truncatingIfNeeded: key) & (slots - 1)
            while tags[i] != 0 && tags[i] != tag { i = (i + 1) & (slots - 1) }
            tags[i] = tag
            names[i] = feature.name
            for (k, w) in feature.weights.enumerated() where k < CategoryModel.width {
                weights[i][k] = Int8(max(-127, min(127, (w * scale).rounded())))
            }
        }
        return (tags, weights, names)
    }

    /// The slot of a feature, or -1 when the model does not have it.
    @inline(__always)
    func row(_ key: UInt64) -> Int {
        let mask = tags.count - 1
        let tag = Self.tag(key)
        var i = Int(truncatingIfNeeded: key) & mask
        while true {
            let stored = tags[i]
            if stored == tag { return i }
            if stored == 0 { return -1 }
            i = (i + 1) & mask
        }
    }

    /// A slot's weights as numbers.
    @inline(__always)
    func weights(_ row: Int) -> SIMD8<Float> { SIMD8<Float>(SIMD8<Int32>(truncatingIfNeeded: weights[row])) / Self.scale }

    /// Calls `body` with the table row of every feature of the units that the model has.
    @inline(__always)
    func forEachFeature(_ units: UnsafeBufferPointer<TextUnit>, _ body: (Int) -> Void) {
        // The last two word or character units, and whether each is a character; other units
        // (punctuation, emoji) are passed over. A word too long to keep has no hash and breaks
        // the chain.
        var p1: UInt32 = 0, p2: UInt32 = 0
        var role1: UInt8 = 0, role2: UInt8 = 0
        var han1 = false, han2 = false
        for u in units {
            let han: Bool
            switch u.kind {
            case .cjk: han = true
            case .word: han = false
            default: continue
            }
            if !han && u.hash == 0 {
                role1 = 0; role2 = 0
                continue
            }
            let k = CategoryModel.unitKey(u)
            let role = role(k)
            if role & Role.unigram != 0 {
                let r = row(CategoryModel.key(k, arity: 1))
                if r >= 0 { body(r) }
            }
            if role1 & Role.bigramFirst != 0 && role & Role.bigramSecond != 0 {
                let r = row(CategoryModel.key(p1, k, arity: 2))
                if r >= 0 { body(r) }
            }
            if role2 & Role.trigramFirst != 0 && role1 & Role.trigramSecond != 0 && role & Role.trigramThird != 0 && han && han1 && han2 {
                let r = row(CategoryModel.key(p2, p1, k, arity: 3))
                if r >= 0 { body(r) }
            }
            p2 = p1; han2 = han1; role2 = role1
            p1 = k; han1 = han; role1 = role
        }
    }

    /// The log-odds of each category for a fragment's units.
    @inline(__always)
    func logits(_ units: UnsafeBufferPointer<TextUnit>) -> SIMD8<Float> {
        var sum = SIMD8<Int32>.zero
        forEachFeature(units) { sum &+= SIMD8<Int32>(truncatingIfNeeded: weights[$0]) }
        return bias + SIMD8<Float>(sum) / Self.scale
    }
}
