import Testing
import MoodlineRedaction

/// Card numbers are test numbers or made up here with a Luhn digit computed for them.
@Suite struct CardRedactionTests {
    let redactor = Redactor()

    static let masked: [(String, String)] = [
        ("my card 4111 1111 1111 1111 was charged twice", "my card [card] was charged twice"),
        ("卡号 6212 3456 7890 1232 被扣了两次", "卡号 [card] 被扣了两次"),   // a card even after 卡号
        ("Amex 3782-822463-10005 please", "Amex [card] please"),
        ("信用卡5555555555554444過期了", "信用卡[card]過期了"),
        ("張卡 6225 8812 3456 7890 120 用唔到", "張卡 [card] 用唔到"),      // 19 digits
        ("JCB 3566002020360505", "JCB [card]"),
        ("４１１１１１１１１１１１１１１１", "[card]"),
    ]

    @Test(arguments: masked)
    func masksCardNumbers(_ text: String, _ expected: String) {
        #expect(redactor.redact(text) == expected)
        #expect(redactor.redactions(in: text).map(\.kind) == [.card])
    }

    static let kept: [String] = [
        "my card 4111 1111 1111 1112 was charged twice",   // fails Luhn
        "order 2024031512345672",                            // passes Luhn, but no issuer starts 2024
        "运单 7301 2345 6789 0120",                          // passes Luhn, no issuer starts 7
        "serial 1234567890123452",
    ]

    @Test(arguments: kept)
    func leavesOtherLongNumbersAlone(_ text: String) {
        #expect(redactor.redact(text) == text)
    }
}
