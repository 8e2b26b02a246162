extension Scanner {
    /// The longest candidate any pattern accepts has 34 characters (an IBAN).
    static let maxCandidateLength = 34
    /// A mobile read out digit by digit has 11 segments, an IBAN in fours at most 9; the bound
    /// keeps a long stretch like "1 2 3 4 …" linear with a small factor.
    static let maxCandidateSegments = 12

    /// Walks the text run by run. A run is groups joined by at most three separators
    /// (space, '-', '.', '(', ')', '+'); only runs with a digit are examined.
    mutating func scanNumbers() {
        var groups: [NumberGroup] = []
        var i = 0
        while i < glyphs.count {
            guard glyphs[i].isAlphanumeric else {
                i += 1
                continue
            }
            groups.removeAll(keepingCapacity: true)
            var group = makeGroup(at: i, gapStart: leadStart(before: i))
            groups.append(group)
            while let next = nextGroup(after: group) {
                groups.append(next)
                group = next
            }
            if groups.contains(where: { $0.digits > 0 }) { scanRun(groups) }
            i = group.end
        }
    }

    /// Splits a run into segments where a split is plausible (a space, a bracket or a '+', or
    /// "No." and "Tel." before a number) and tries, from each segment, the longest stretch of
    /// segments first. '-' and '.' between digits never split: "3.14159265358" is no phone.
    private mutating func scanRun(_ groups: [NumberGroup]) {
        var segments: [Range<Int>] = []
        var segmentStart = 0
        for j in 1..<groups.count where splits(groups, at: j) {
            segments.append(segmentStart..<j)
            segmentStart = j
        }
        segments.append(segmentStart..<groups.count)
        let isDate = segments.map { looksLikeDate(groups[$0]) }
        let lengths = segments.map { groups[$0].reduce(0) { $0 + $1.count } }

        var chars: [UInt8] = []
        var ends: [Int] = []
        var s = 0
        while s < segments.count {
            // Every pattern starts with a digit or with a token holding letters and digits.
            guard groups[segments[s].lowerBound].digits > 0 else {
                s += 1
                continue
            }
            // The characters of the longest stretch from s, and where each segment ends in them:
            // every shorter candidate's characters are a prefix.
            chars.removeAll(keepingCapacity: true)
            ends.removeAll(keepingCapacity: true)
            var e = s
            while e < segments.count, e - s < Self.maxCandidateSegments,
                  chars.count + lengths[e] <= Self.maxCandidateLength || e == s {
                for group in groups[segments[e]] {
                    for i in group.start..<group.end { chars.append(glyphs[i].byte) }
                }
                ends.append(chars.count)
                e += 1
            }
            let start = groups[segments[s].lowerBound]
            let plus = plusSign(before: start) != nil
            // Looked up once for every candidate from this start, and only when one needs it.
            var accountCue: Bool?
            var matched = false
            e -= 1
            while e >= s {
                let slice = groups[segments[s].lowerBound..<segments[e].upperBound]
                let candidate = Candidate(
                    groups: slice, chars: chars[..<ends[e - s]], plus: plus,
                    hasDate: isDate[s...e].contains(true)
                )
                if let (kind, range) = classify(candidate, accountCue: &accountCue) {
                    record(kind, glyphs: range)
                    matched = true
                    break
                }
                e -= 1
            }
            s = matched ? e + 1 : s + 1
        }
    }

    /// The kind and glyph range of a candidate, trying the patterns with the strongest
    /// evidence first: check characters before prefixes, prefixes before cue words.
    private func classify(_ c: Candidate, accountCue: inout Bool?) -> (RedactionKind, Range<Int>)? {
        if c.isDigits {
            // No digit-only pattern is longer than 20 digits.
            if c.hasDate || c.chars.count > 20 { return nil }
            if c.plus { return isPhone(c) ? (.phone, phoneSpan(c)) : nil }
            if isChineseResidentID(c) { return (.cnResidentID, c.span) }
            if isCard(c) { return (.card, c.span) }
            if isPhone(c) { return (.phone, phoneSpan(c)) }
            if isBankAccount(c, cue: &accountCue) { return (.bankAccount, c.span) }
            return nil
        }
        if c.plus { return nil }
        if isTaiwanID(c) { return (.twID, c.span) }
        if let span = hongKongIDSpan(c) { return (.hkID, span) }
        if isChineseResidentID(c) { return (.cnResidentID, c.span) }
        if isIBAN(c) { return (.bankAccount, c.span) }
        return nil
    }

    /// The '+' of an international number before `group`; not one right after a letter or
    /// digit, which is arithmetic ("2+12345678").
    func plusSign(before group: NumberGroup) -> Int? {
        guard let plus = group.gap.first(where: { glyphs[$0].scalar == 0x2B }) else { return nil }
        return plus > 0 && glyphs[plus - 1].isAlphanumeric ? nil : plus
    }

    private func makeGroup(at start: Int, gapStart: Int) -> NumberGroup {
        var group = NumberGroup(gapStart: gapStart, start: start, end: start, digits: 0, letters: 0, hasLowercase: false)
        while group.end < glyphs.count, glyphs[group.end].isAlphanumeric {
            let g = glyphs[group.end]
            if g.isDigit {
                group.digits += 1
            } else {
                group.letters += 1
                if !g.isUppercase { group.hasLowercase = true }
            }
            group.end += 1
        }
        return group
    }

    private func nextGroup(after previous: NumberGroup) -> NumberGroup? {
        var k = previous.end
        while k < glyphs.count, k - previous.end < 3, glyphs[k].isSeparator { k += 1 }
        guard k > previous.end, k < glyphs.count, glyphs[k].isAlphanumeric else { return nil }
        return makeGroup(at: k, gapStart: previous.end)
    }

    /// A run's first group may be preceded by "+", "(" or "(+", which belong to a phone number.
    private func leadStart(before start: Int) -> Int {
        var k = start
        while k > 0, start - k < 2, glyphs[k - 1].scalar == 0x2B || glyphs[k - 1].scalar == 0x28 { k -= 1 }
        return k
    }

    private func splits(_ groups: [NumberGroup], at j: Int) -> Bool {
        let gap = groups[j].gap
        for k in gap {
            switch glyphs[k].scalar {
            case 0x20, 0x28, 0x29, 0x2B: return true
            default: continue
            }
        }
        return groups[j - 1].digits == 0 && gap.count == 1 && glyphs[gap.lowerBound].scalar == 0x2E
    }

    /// 2024-03-15, 2024.3.5, 15-03-2024: three digit groups with one repeated separator and
    /// a plausible year, month and day.
    private func looksLikeDate(_ groups: ArraySlice<NumberGroup>) -> Bool {
        guard groups.count == 3 else { return false }
        let a = groups[groups.startIndex], b = groups[groups.startIndex + 1], c = groups[groups.startIndex + 2]
        guard a.letters == 0, b.letters == 0, c.letters == 0, b.gap.count == 1, c.gap.count == 1,
              glyphs[b.gapStart].scalar == glyphs[c.gapStart].scalar
        else { return false }
        let (x, y, z) = (value(a), value(b), value(c))
        if a.count == 4, (1...2).contains(b.count), (1...2).contains(c.count) {
            return (1900...2099).contains(x) && (1...12).contains(y) && (1...31).contains(z)
        }
        if (1...2).contains(a.count), (1...2).contains(b.count), c.count == 4 {
            return (1900...2099).contains(z) && (1...31).contains(x) && (1...31).contains(y) && min(x, y) <= 12
        }
        return false
    }

    func value(_ group: NumberGroup) -> Int {
        var v = 0
        for i in group.start..<group.end { v = v * 10 + Int(glyphs[i].scalar &- 0x30) }
        return v
    }
}
