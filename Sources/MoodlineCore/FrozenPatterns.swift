/// ``Pattern``s and the entries' concepts for reading in the scoring loop: flat buffers, and
/// per distinct concept set the patterns it can begin, so an entry starts exactly those
/// without looking at the rest.
struct FrozenPatterns {
    /// How many fragment-wide patterns, of both scripts together, the scorer's bit mask of begun
    /// patterns holds. A lexicon with more is read pattern by pattern on every fragment, four
    /// times slower on the benchmark corpora: a test holds the shipped lexicons under it.
    static let fragmentWideCapacity = 1024

    struct Info {
        /// The pattern's first part in ``parts`` (and its gap in ``gaps``).
        var partOffset: UInt32
        var partCount: UInt8
        /// 0: a category, 1: a scope cue.
        var outputKind: UInt8
        /// The category's or the cue's raw value.
        var output: UInt8
        /// ``Pattern/Script``'s raw value.
        var script: UInt8
    }

    /// Per entry, the place of its concepts in ``conceptSets``; read only for entries tagged
    /// ``LexiconTags/hasConcepts``.
    let conceptIndex: UnsafeBufferPointer<UInt32>
    /// The distinct concept sets: thousands of entries share a few hundred (every way of
    /// saying "I" is `@self`), so the sets stay in cache where one per entry would not.
    let conceptSets: UnsafeBufferPointer<EntryConcepts>
    let parts: UnsafeBufferPointer<ConceptSet>
    /// `gaps[i]`: how many units may stand before part `i`; unused for first parts.
    let gaps: UnsafeBufferPointer<UInt8>
    /// `partKeys[i]`: part `i` folded, as ``PartKey`` says.
    let partKeys: UnsafeBufferPointer<PartKey>
    let info: UnsafeBufferPointer<Info>
    /// The patterns an entry whose concepts are `conceptSets[k]` begins:
    /// `starts[startOffsets[k]..<startOffsets[k + 1]]`, each once, in the order of the lowest
    /// concept it begins with, then of its number.
    let startOffsets: UnsafeBufferPointer<Int32>
    let starts: UnsafeBufferPointer<Start>
    /// The fragment-wide patterns (`@a & @b`), checked once against all the fragment's concepts.
    let fragmentWide: UnsafeBufferPointer<FragmentWide>
    /// Per script (English, then Chinese) and concept, the fragment-wide patterns whose first
    /// part holds it as that script sees it: `wideRules[wideOffsets[k]..<wideOffsets[k + 1]]`
    /// for `k = script * ConceptSet.capacity + concept`. A fragment looks only at the patterns
    /// its own concepts begin; reading every pattern's two sets cost a tenth of the scoring time.
    let wideOffsets: UnsafeBufferPointer<Int32>
    let wideRules: UnsafeBufferPointer<Int32>
    /// The concepts that begin some fragment-wide pattern, per script.
    let wideFirsts: EntryConcepts
    /// The concepts of the `scope:parting` and `scope:jumping` patterns: a self-harm statement
    /// that rests on them alone is what an earlier line of the conversation may explain.
    let partingWords: EntryConcepts
    let jumpingWords: EntryConcepts
    /// Per pattern, the concepts one of which its fragment must have for its category to
    /// stand (`needs:`); mostly empty.
    let needs: UnsafeBufferPointer<ConceptSet>
    /// Per category (by raw value), the concepts only its own patterns use: when one of them
    /// is negated in a fragment ("I'm not cancelling"), the learned layer may not state it.
    let families: UnsafeBufferPointer<EntryConcepts>
    /// All the families together: a concept that points at some one category.
    let familyConcepts: EntryConcepts
    /// Per category (by raw value), the concepts a fragment needs before the learned layer may
    /// state the category without a rule (`support:` lines); empty: no need.
    let learnedSupport: UnsafeBufferPointer<EntryConcepts>
    /// Per category (by raw value), the concepts that make a statement of it firm (`firm:`
    /// lines): without one in the fragment, the statement is weak; empty: every one is firm.
    let firmEvidence: UnsafeBufferPointer<EntryConcepts>
    /// The concept numbers of the speaker (`@self`: I, me, 我) and the listener (`@you`: you,
    /// 你); -1 when the lexicon has none. Numbers, not sets: this struct is copied into every
    /// scoring pass.
    let speaker: Int16
    let listener: Int16
    /// Concept numbers of someone else (`@third`, read in both scripts: 我老公, 朋友, "they";
    /// `@zh_kin`: 我妈) and of their saying it now (`@zh_saynow`: 说, 话, 讲), for words told
    /// after 说，; -1 when absent.
    let third: Int16
    let kin: Int16
    let sayNow: Int16
    /// Chinese concept number of a report going on (`@zh_goeson`: 还要, 还说, 说要) in the
    /// clause after someone else's words; -1 when absent.
    let goesOn: Int16
    /// Chinese concept number of a story told on (`@zh_storythen`: 结果, 后来, 然后) in the
    /// clause after one about someone else (我表哥之前也中过奖，结果……); -1 when absent.
    let storyThen: Int16
    /// Chinese concept number of a word turning to someone (`@zh_toward`: 跟, 同, 对): the one
    /// named right after it is spoken to, not speaking (跟房东说, 同医生讲); -1 when absent.
    let toward: Int16
    /// Concept number of saying or telling (`@say`: 说, 告诉我, 上次你们说, I was told), before a
    /// fix that is then a claim; -1 when absent.
    let say: Int16
    /// Concept numbers of a rival named (`@competitor` for English patterns, `@zh_comp` for
    /// Chinese: "another bank", 第二间, 别家); -1 when absent.
    let rivalLatin: Int16
    let rivalHan: Int16
    /// Concept numbers of the listener dropped (`@en_dropyou`, `@zh_dropyou`: "not using you
    /// anymore", 我唔用你哋喇); -1 when absent.
    let dropYouLatin: Int16
    let dropYouHan: Int16
    /// Concept numbers of advice given (`@en_advise`, `@zh_advise`: "you can", "they can refer
    /// it to", 建议您, 可以向); -1 when absent.
    let adviceLatin: Int16
    let adviceHan: Int16
    /// Concept numbers of a joke claim (`@jokeclaim`: "just kidding", 讲笑咋) and of one taken
    /// back (`@notjoking`: "actually not joking", 其实唔系讲笑); -1 when absent.
    let jokeClaim: Int16
    let jokeTakenBack: Int16

    /// Whether the fragment-wide `rule` rests on a joke claim that the fragment takes back
    /// (火车那么多班，总有一班会带我走吧，哈哈开玩笑的啦…其实没有在开玩笑): the claim then
    /// denies nothing.
    func restsOnJokeTakenBack(_ rule: FragmentWide, seen: ConceptSet) -> Bool {
        guard jokeClaim >= 0 && jokeTakenBack >= 0 && seen.contains(Int(jokeTakenBack)) else { return false }
        return rule.first.contains(Int(jokeClaim)) || rule.second.contains(Int(jokeClaim))
    }

    /// Whether the pattern `info` begins with advice (`@en_advise ..6 @regulator`).
    func beginsWithAdvice(_ info: Info) -> Bool {
        let advice = info.script == Pattern.Script.latin.rawValue ? adviceLatin : adviceHan
        return advice >= 0 && parts[Int(info.partOffset)].contains(Int(advice))
    }

    /// A part folded to one word per script (``ConceptSet/folded``), zero for a script whose
    /// patterns it does not serve: an entry whose folded concepts share no bit with it cannot
    /// match the part. A prefilter only; a shared bit is then checked on the whole sets.
    struct PartKey {
        var latin: UInt64
        var han: UInt64

        static let none = PartKey(latin: 0, han: 0)

        init(latin: UInt64, han: UInt64) {
            self.latin = latin
            self.han = han
        }

        init(_ part: ConceptSet, script: Pattern.Script) {
            let folded = part.folded
            latin = script == .han ? 0 : folded
            han = script == .latin ? 0 : folded
        }
    }

    /// A pattern an entry begins, with what its second part needs copied in: an entry starts
    /// tens of patterns, and reading each one's ``Info``, gap and key from three tables cost a
    /// cache miss apiece, where a start range read in order streams.
    struct Start {
        var nextKey: PartKey
        var pattern: Int32
        var partCount: UInt8
        var nextGap: UInt8
    }

    struct FragmentWide {
        var first: ConceptSet
        var second: ConceptSet
        var pattern: Int32
        var info: Info
    }

    /// The arrays to freeze, built from the patterns.
    struct Layout {
        var parts: [ConceptSet] = []
        var gaps: [UInt8] = []
        var partKeys: [PartKey] = []
        var info: [Info] = []
        /// Per concept, the patterns whose first part holds it.
        var byConcept = [[Int32]](repeating: [], count: ConceptSet.capacity)
        var fragmentWide: [FragmentWide] = []
        /// ``FrozenPatterns/wideOffsets`` and ``FrozenPatterns/wideRules`` before flattening.
        var wideByConcept = [[Int32]](repeating: [], count: 2 * ConceptSet.capacity)
        var wideFirsts = EntryConcepts()
        var partingWords = EntryConcepts()
        var jumpingWords = EntryConcepts()
        var families = [EntryConcepts](repeating: EntryConcepts(), count: Category.allCases.count)

        init(_ patterns: [Pattern]) {
            // A concept more than one category's patterns use (the self, the listener) says
            // nothing of any one of them. Each script's concepts are owned apart: the same
            // number may name an English and a Chinese concept.
            for script in [Pattern.Script.latin, .han] {
                var owners = [CategorySet](repeating: [], count: ConceptSet.capacity)
                for pattern in patterns where pattern.script == script || pattern.script == .any {
                    guard case .category(let category) = pattern.output else { continue }
                    for part in pattern.parts { for c in part.members { owners[c].insert(category) } }
                }
                for (c, categories) in owners.enumerated() where categories.members.count == 1 {
                    families[Int(categories.members[0].rawValue)].formUnion(EntryConcepts(ConceptSet(c), script: script))
                }
            }
            for (id, pattern) in patterns.enumerated() {
                if case .scope(let cue) = pattern.output, cue == .parting || cue == .jumping {
                    for part in pattern.parts {
                        let words = EntryConcepts(part, script: pattern.script)
                        if cue == .parting { partingWords.formUnion(words) } else { jumpingWords.formUnion(words) }
                    }
                }
                let kind: UInt8, value: UInt8
                switch pattern.output {
                case .category(let c): (kind, value) = (0, c.rawValue)
                case .scope(let cue): (kind, value) = (1, cue.rawValue)
                }
                let patternInfo = Info(
                    partOffset: UInt32(parts.count), partCount: UInt8(pattern.parts.count), outputKind: kind, output: value,
                    script: pattern.script.rawValue)
                info.append(patternInfo)
                if pattern.isFragmentWide {
                    // Kept in the part tables for numbering only: it never starts in a clause.
                    let rule = Int32(fragmentWide.count)
                    fragmentWide.append(FragmentWide(first: pattern.parts[0], second: pattern.parts[1], pattern: Int32(id), info: patternInfo))
                    let firsts = EntryConcepts(pattern.parts[0], script: pattern.script)
                    wideFirsts.formUnion(firsts)
                    for (slot, set) in [firsts.latin, firsts.han].enumerated() {
                        for c in set.members { wideByConcept[slot * ConceptSet.capacity + c].append(rule) }
                    }
                    for (k, part) in pattern.parts.enumerated() {
                        parts.append(part)
                        partKeys.append(PartKey(part, script: pattern.script))
                        gaps.append(k == 0 ? 0 : pattern.gaps[k - 1])
                    }
                    continue
                }
                for (k, part) in pattern.parts.enumerated() {
                    parts.append(part)
                    partKeys.append(PartKey(part, script: pattern.script))
                    gaps.append(k == 0 ? 0 : pattern.gaps[k - 1])
                }
                for c in pattern.parts[0].members { byConcept[c].append(Int32(id)) }
            }
        }

        /// ``wideByConcept`` flattened: offsets (one more than the lists) and the rules.
        var wideTable: (offsets: [Int32], rules: [Int32]) {
            var offsets: [Int32] = [], rules: [Int32] = []
            for list in wideByConcept {
                offsets.append(Int32(rules.count))
                rules.append(contentsOf: list)
            }
            offsets.append(Int32(rules.count))
            return (offsets, rules)
        }

        /// For each concept set, the patterns an entry holding it begins (``FrozenPatterns/starts``).
        func starts(for sets: [EntryConcepts]) -> (offsets: [Int32], starts: [Start]) {
            var offsets: [Int32] = [], starts: [Start] = []
            for set in sets {
                offsets.append(Int32(starts.count))
                for c in set.union.members {
                    for id in byConcept[c] {
                        let script = info[Int(id)].script
                        // Listed under each concept of its first part: begun once, under the lowest.
                        let seen = parts[Int(info[Int(id)].partOffset)].intersection(set.seen(by: script))
                        guard !seen.isEmpty && seen.first == c else { continue }
                        let first = Int(info[Int(id)].partOffset), count = info[Int(id)].partCount
                        starts.append(Start(
                            nextKey: count > 1 ? partKeys[first + 1] : .none, pattern: id, partCount: count,
                            nextGap: count > 1 ? gaps[first + 1] : 0))
                    }
                }
            }
            offsets.append(Int32(starts.count))
            return (offsets, starts)
        }
    }
}

extension FrozenPatterns {
    /// An entry's concepts.
    @inline(__always)
    func concepts(_ entry: Int) -> EntryConcepts { conceptSets[Int(conceptIndex[entry])] }

    /// The places in ``starts`` of the patterns an entry whose concepts are `conceptSets[set]` begins.
    @inline(__always)
    func startRange(conceptSet set: UInt32) -> Range<Int> {
        let k = Int(set)
        return Int(startOffsets[k])..<Int(startOffsets[k + 1])
    }

    /// Each entry's concepts as an index into a table of the distinct sets.
    static func deduplicated(_ concepts: [EntryConcepts]) -> (index: [UInt32], sets: [EntryConcepts]) {
        var place: [EntryConcepts: UInt32] = [:]
        var sets: [EntryConcepts] = []
        let index = concepts.map { set in
            if let k = place[set] { return k }
            let k = UInt32(sets.count)
            place[set] = k
            sets.append(set)
            return k
        }
        return (index, sets)
    }
}

extension ConceptSet {
    /// Calls `body` with each concept number in the set, in increasing order.
    @inline(__always)
    func forEachMember(_ body: (Int) -> Void) {
        @inline(__always)
        func visit(_ third: SIMD4<UInt64>, from base: Int) {
            for k in 0..<4 {
                var bits = third[k]
                while bits != 0 {
                    body(base + k << 6 + bits.trailingZeroBitCount)
                    bits &= bits &- 1
                }
            }
        }
        visit(low, from: 0)
        visit(middle, from: 256)
        visit(high, from: 512)
    }

    /// The lowest concept in the set; the set must not be empty.
    @inline(__always)
    var first: Int {
        for k in 0..<4 where low[k] != 0 { return k << 6 + low[k].trailingZeroBitCount }
        for k in 0..<4 where middle[k] != 0 { return 256 + k << 6 + middle[k].trailingZeroBitCount }
        for k in 0..<4 where high[k] != 0 { return 512 + k << 6 + high[k].trailingZeroBitCount }
        return Self.capacity
    }
}
