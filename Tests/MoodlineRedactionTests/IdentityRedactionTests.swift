import Testing
import MoodlineRedaction

/// Mainland, Taiwan and Hong Kong IDs. Apart from the specifications' own examples
/// (11010519491231002X, A123456789, A123456(3)) the numbers are made up here, with check
/// characters computed by the published algorithms.
@Suite struct IdentityRedactionTests {
    let redactor = Redactor()

    static let masked: [(String, String, RedactionKind)] = [
        ("身份证号11010519491231002X", "身份证号[id]", .cnResidentID),
        ("我的身份證是 44030419900307123x", "我的身份證是 [id]", .cnResidentID),   // lower-case x
        ("ID 310104 19851122 4568 thanks", "ID [id] thanks", .cnResidentID),
        ("证件号码：110101200002290018", "证件号码：[id]", .cnResidentID),           // 29 Feb 2000
        ("身份证号：4403 0419 9003 0712 3X", "身份证号：[id]", .cnResidentID),
        ("身分證字號 A123456789", "身分證字號 [id]", .twID),
        ("我的身分證F223456786，麻煩幫我查", "我的身分證[id]，麻煩幫我查", .twID),
        ("居留證號碼 A800123450", "居留證號碼 [id]", .twID),                        // new resident certificate
        ("身份證號碼 A123456(3)", "身份證號碼 [id]", .hkID),
        ("我張身份證係 K765432（4）", "我張身份證係 [id]", .hkID),
        ("HKID AB987654(3) please", "HKID [id] please", .hkID),
        ("HKID Z683365A", "HKID [id]", .hkID),                                      // check A, no brackets
        ("C668668 (9) 係我嘅", "[id] 係我嘅", .hkID),
    ]

    @Test(arguments: masked)
    func masksIDs(_ text: String, _ expected: String, _ kind: RedactionKind) {
        #expect(redactor.redact(text) == expected)
        #expect(redactor.redactions(in: text).map(\.kind) == [kind])
    }

    static let kept: [String] = [
        "身份证号310104198511224567",     // wrong check digit
        "身份证号310104198513224561",     // check digit right, month 13
        "身份证号310104198502304566",     // 30 February
        "身份证号110101190002290011",     // 1900 was no leap year
        "身分證字號 F223456787",           // wrong checksum
        "身分證字號 A323456783",           // checksum right, 3 is no sex digit
        "身份證號碼 A123456(4)",          // wrong check digit
        "order A55301920X",
    ]

    @Test(arguments: kept)
    func leavesInvalidIDsAlone(_ text: String) {
        #expect(redactor.redact(text) == text)
    }
}
