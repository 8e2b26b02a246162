import Testing
import MoodlineRedaction

@Suite struct EmailRedactionTests {
    let redactor = Redactor()

    static let masked: [(String, String)] = [
        ("我的邮箱是 zhang.wei+cs@example.com.cn，谢谢", "我的邮箱是 [email]，谢谢"),
        ("email me at Amy_Chan@mail.example.hk.", "email me at [email]."),
        ("發到13812345678@qq.com就可以", "發到[email]就可以"),           // one e-mail, no phone
        ("ｌｅｅ＠ｅｘａｍｐｌｅ．ｃｏｍ", "[email]"),                            // typed in full width
        ("cc: ops-team@moodline-test.io, thanks", "cc: [email], thanks"),
        ("my email is john..doe@example.com", "my email is [email]"),      // mistyped, still masked
    ]

    @Test(arguments: masked)
    func masksAddresses(_ text: String, _ expected: String) {
        #expect(redactor.redact(text) == expected)
        #expect(redactor.redactions(in: text).map(\.kind) == [.email])
    }

    static let kept: [String] = [
        "send it to me@home",              // no TLD
        "thanks @support for nothing",
        "a@b.c is not an address",          // one-letter TLD
        "user@.com",
        "meet @ 3pm",
        "x@host.123",                       // numeric TLD
    ]

    @Test(arguments: kept)
    func leavesNonAddressesAlone(_ text: String) {
        #expect(redactor.redact(text) == text)
    }
}
