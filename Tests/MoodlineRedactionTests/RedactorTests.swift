import Testing
import MoodlineRedaction

/// The redactor as a whole: several items in one text, untouched text, the prefilter, the
/// kinds switch and the byte ranges.
@Suite struct RedactorTests {
    let redactor = Redactor()

    @Test func masksEveryItemInOneText() {
        let text = "客户张先生，手机13812345678，邮箱zhang@example.com，身份证11010519491231002X，卡号4111111111111111"
        #expect(redactor.redact(text) == "客户张先生，手机[phone]，邮箱[email]，身份证[id]，卡号[card]")
        #expect(redactor.redactions(in: text).map(\.kind) == [.phone, .email, .cnResidentID, .card])
    }

    @Test func masksAMixedEnglishAndCantoneseText() {
        let text = "Hi, call me on +852 9123 4567 or email amy@example.hk; my HKID is A123456(3) and my card 4111-1111-1111-1111."
        #expect(redactor.redact(text)
            == "Hi, call me on [phone] or email [email]; my HKID is [id] and my card [card].")
    }

    @Test func returnsTheSameStringWhenNothingMatches() {
        for text in [
            "你们的服务太差了，我已经等了三个小时了！",
            "I've been waiting for 3 hours and order A55301920X still hasn't arrived",
            "",
        ] {
            var original = text
            var result = redactor.redact(text)
            #expect(result == text)
            // No copy: the result shares the original's storage (long strings are not inline).
            if text.utf8.count > 15 {
                let same = original.withUTF8 { a in result.withUTF8 { b in a.baseAddress == b.baseAddress } }
                #expect(same)
            }
        }
    }

    @Test func prefilterNeedsADigitOrAnAt() {
        func may(_ text: String, _ redactor: Redactor = Redactor()) -> Bool {
            var text = text
            return text.withUTF8 { redactor.mayContainPII(UnsafeRawBufferPointer($0)) }
        }
        #expect(!may("你们的服务太差了，我要投诉！"))
        #expect(!may("我打了三次電話都冇人聽"))
        #expect(!may("This is the third time I've called."))
        #expect(may("等了3天"))
        #expect(may("等了３天"))                      // full-width digit
        #expect(may("me@home"))
        #expect(may("me＠home"))                     // full-width at sign
        #expect(!may("等了3天", Redactor(kinds: [.email])))
        #expect(!may("me@home", Redactor(kinds: [.phone])))
    }

    @Test func onlyTheChosenKindsAreMasked() {
        let text = "手机13812345678，邮箱zhang@example.com"
        #expect(Redactor(kinds: [.email]).redact(text) == "手机13812345678，邮箱[email]")
        #expect(Redactor(kinds: [.phone]).redact(text) == "手机[phone]，邮箱zhang@example.com")
        #expect(Redactor(kinds: []).redact(text) == text)
    }

    @Test func aSwitchedOffKindIsNotMaskedAsAnotherKind() {
        // A card after 卡号 stays a card, so an accounts-only redactor leaves it alone.
        let text = "卡号 4111 1111 1111 1111"
        #expect(Redactor(kinds: [.bankAccount]).redact(text) == text)
    }

    @Test func rangesAreUTF8ByteOffsets() {
        #expect(redactor.redactions(in: "call 13812345678 now")
            == [Redaction(kind: .phone, range: 5..<16)])
        // 手机 is six bytes; the full-width digits are three bytes each.
        #expect(redactor.redactions(in: "手机１３８１２３４５６７８")
            == [Redaction(kind: .phone, range: 6..<39)])
        #expect(redactor.redactions(in: "x A123456(3) y") == [Redaction(kind: .hkID, range: 2..<12)])
    }

    @Test func tokensPerKind() {
        #expect(RedactionKind.allCases.map(\.token)
            == ["[phone]", "[email]", "[card]", "[id]", "[id]", "[id]", "[account]"])
        #expect(RedactionKind.allCases.map(\.rawValue)
            == ["phone", "email", "card", "cn_id", "tw_id", "hk_id", "bank_account"])
    }
}
