import MoodlineCore
import Testing
@testable import MoodlineEngine

@Suite struct SpeechSecondsTests {
    /// The byte scan must count exactly what the per-scalar `isAlphabetic` walk counts.
    @Test func byteScanMatchesScalarWalk() {
        let texts = [
            "", "hello world", "I don't want to live anymore...", "我想退款，已经等了三天了！",
            "refund 退款 please 谢谢", "Café naïve résumé", "ｆｕｌｌｗｉｄｔｈ ＡＢＣ", "emoji 😡😡 now",
            "数字123和abc", "Привет мир", "こんにちは世界", "안녕하세요", "tab\tand\nnewline", "  !!!  ",
            "豈更車 (compat)", "𠀀𠀁 ext-B", "x2 4u", "“好的”，《合同》「第三条」『附件』：（一）；～……——？！、。",
        ]
        for text in texts {
            var copy = text
            let fast = copy.withUTF8 { Engine.syllables(utf8: $0) }
            #expect(fast == Engine.syllablesSlow(text), "\(text)")
        }
    }
}

extension SpeechSecondsTests {
    /// The shortcut may only name scalars the property lookup calls non-alphabetic.
    @Test func commonCJKPunctuationIsNotAlphabetic() {
        var named = 0
        for v in UInt32(0x2000)...UInt32(0xFFFF) where Engine.isCommonCJKPunctuation(v) {
            named += 1
            #expect(Unicode.Scalar(v)?.properties.isAlphabetic == false, "U+\(String(v, radix: 16))")
        }
        #expect(named == 22)
    }
}

@Suite struct LanguageTagTests {
    /// The byte parser must read every tag as `Language(bcp47:)` does.
    @Test func fastTagParserMatchesLanguageInit() {
        let tags = [
            "", "-", "-en", "en", "EN", "en-US", "En-gb", "zh", "zh-Hant", "ZH-tw", "cmn", "cmn-Hans", "yue-HK",
            "mul", "mixed", "MIXED-x", "mixedx", "e", "eng", "fr", "fr-CA", "zh_CN", "en--", "zhé", "\u{212A}en",
            "ｅｎ", "en\u{301}", "und", "x-en", " en",
        ]
        for tag in tags {
            #expect(Engine.language(ofTag: tag) == Language(bcp47: tag), "\(tag)")
            var bytes = Array(tag.utf8)
            #expect(bytes.withUnsafeMutableBufferPointer { Engine.language(ofUTF8Tag: UnsafeBufferPointer($0)) } == Language(bcp47: tag), "\(tag)")
        }
        #expect(Engine.language(ofTag: nil) == nil)
    }
}

@Suite struct FingerprintTests {
    /// Duplicate detection rests on it: equal texts hash equal, and a change of any one byte,
    /// at any position of the eight-byte steps or the tail, changes the hash.
    @Test func changesWithEveryByteAndOnlyWithTheText() {
        let base = Array("我想退款 refund now!! 已经等了三天了".utf8)
        let hash = base.withUnsafeBufferPointer(Engine.fingerprint(utf8:))
        #expect(Engine.fingerprint(String(decoding: base, as: UTF8.self)) == hash)
        var seen: Set<UInt64> = [hash]
        for i in base.indices {
            var changed = base
            changed[i] ^= 0x01
            seen.insert(changed.withUnsafeBufferPointer(Engine.fingerprint(utf8:)))
        }
        #expect(seen.count == base.count + 1)
        // Lengths differ even when the extra bytes are zero.
        #expect(Engine.fingerprint("") != Engine.fingerprint("\u{0}"))
        #expect(Engine.fingerprint("abc") != Engine.fingerprint("abc\u{0}"))
    }
}

@Suite struct EvidenceLabelTests {
    /// The spelled-out labels are the ones consoles and reports have always read.
    @Test func labelsNameTheSpeakerAndKind() {
        for speaker in Speaker.allCases {
            #expect(EvidenceLabel.valence(speaker) == "\(speaker.rawValue)_valence")
            #expect(EvidenceLabel.arousal(speaker) == "\(speaker.rawValue)_arousal")
            #expect(EvidenceLabel.arousalTrend(speaker) == "\(speaker.rawValue)_arousal_trend")
        }
        for kind in AlertKind.allCases {
            #expect(EvidenceLabel.level(kind) == "\(kind.rawValue)_level")
        }
    }
}
