import Testing
import MoodlineRedaction

/// Bank accounts after a cue word, and IBANs anywhere.
@Suite struct AccountRedactionTests {
    let redactor = Redactor()

    static let masked: [(String, String)] = [
        ("我的银行账号是 1234 5678 9012 3，请退款", "我的银行账号是 [account]，请退款"),
        ("帳戶號碼：012-345-678901", "帳戶號碼：[account]"),
        ("我個戶口號碼係 123-456789-001", "我個戶口號碼係 [account]"),
        ("acct no. 987654321012", "acct no. [account]"),
        ("Account number is 123456789", "Account number is [account]"),
        ("A/C 0123456789 at HSBC", "A/C [account] at HSBC"),
        ("我的卡號是 6228 4800 1234 5678", "我的卡號是 [account]"),           // fails Luhn, so no card
        ("IBAN: GB82 WEST 1234 5698 7654 32", "IBAN: [account]"),
        ("please wire it to GB68MOOD40051512345678 today", "please wire it to [account] today"),
        ("FR76 3000 6000 0112 3456 7890 189", "[account]"),
    ]

    @Test(arguments: masked)
    func masksAccounts(_ text: String, _ expected: String) {
        #expect(redactor.redact(text) == expected)
        #expect(redactor.redactions(in: text).map(\.kind) == [.bankAccount])
    }

    static let kept: [String] = [
        "订单号 123456789012 已退款",                // no account word
        "account 12345678",                          // too short
        "my account was charged 1,299.00 on 2024-03-15",
        "transfer to GB82 WEST 1234 5698 7654 33",   // IBAN check fails
        "in 12 languages and more besides",
        "account opened 2024-03-15 10:30",
    ]

    @Test(arguments: kept)
    func leavesOtherNumbersAlone(_ text: String) {
        #expect(redactor.redact(text) == text)
    }

    @Test func accountWordMustBeNear() {
        let far = "账号的问题我们之后再说，先看一下这个单子 123456789012"
        #expect(redactor.redact(far) == far)
    }
}
