/// The regular inflections of English words, for lexicon terms written `kill+`: so one line
/// covers "kill", "kills", "killed" and "killing", and a phrase (`give+ away`) covers
/// "gives away" and "giving away". Irregular forms ("gave") are listed as terms of their own.
enum EnglishInflection {
    /// Every form of a term whose words may end in `+`; empty when a `+` follows no word.
    static func expand(_ term: String) -> [String] {
        var forms: [[Substring]] = [[]]
        for word in term.split(separator: " ", omittingEmptySubsequences: false) {
            let variants: [Substring]
            if word.hasSuffix("+") {
                let base = word.dropLast()
                guard !base.isEmpty, base.allSatisfy({ $0.isASCII && $0.isLetter }) else { return [] }
                variants = Self.forms(of: String(base)).map { Substring($0) }
            } else {
                variants = [word]
            }
            forms = forms.flatMap { prefix in variants.map { prefix + [$0] } }
        }
        var seen = Set<String>()
        return forms.map { $0.joined(separator: " ") }.filter { seen.insert($0).inserted }
    }

    /// A word with -s, -ed and -ing added by the regular spelling rules.
    static func forms(of w: String) -> [String] {
        let chars = Array(w)
        guard let last = chars.last else { return [] }
        func isVowel(_ c: Character) -> Bool { "aeiou".contains(c) }
        let beforeLast = chars.count >= 2 ? chars[chars.count - 2] : nil
        var out = [w]
        // -s
        if w.hasSuffix("s") || w.hasSuffix("x") || w.hasSuffix("z") || w.hasSuffix("ch") || w.hasSuffix("sh") {
            out.append(w + "es")
        } else if last == "y", let b = beforeLast, !isVowel(b) {
            out.append(String(chars.dropLast()) + "ies")
        } else {
            out.append(w + "s")
        }
        // Short words ending consonant-vowel-consonant double the consonant: stop → stopped.
        // So do words ending vowel-l in British spelling: cancel → cancelled (and canceled).
        let endsCVC = chars.count >= 3 && !isVowel(last) && !"wxy".contains(last)
            && beforeLast.map(isVowel) == true && !isVowel(chars[chars.count - 3])
        let doubles = endsCVC && (chars.count <= 5 || last == "l")
        // -ed
        if last == "e" {
            out.append(w + "d")
        } else if last == "y", let b = beforeLast, !isVowel(b) {
            out.append(String(chars.dropLast()) + "ied")
        } else {
            out.append(w + "ed")
            if doubles { out.append(w + String(last) + "ed") }
        }
        // -ing
        if w.hasSuffix("ie") {
            out.append(String(chars.dropLast(2)) + "ying")
        } else if last == "e", w.count > 2, !w.hasSuffix("ee") {
            out.append(String(chars.dropLast()) + "ing")
        } else {
            out.append(w + "ing")
            if doubles { out.append(w + String(last) + "ing") }
        }
        return out
    }
}
