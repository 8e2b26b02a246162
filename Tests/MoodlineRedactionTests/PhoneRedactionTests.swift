import Testing
import MoodlineRedaction

/// Phone numbers of the mainland, Taiwan and Hong Kong, and international ones, in the ways
/// callers and agents type them; and the numbers that look like phones but are not.
@Suite struct PhoneRedactionTests {
    let redactor = Redactor()

    static let masked: [(String, String)] = [
        ("我的手机是138 1234 5678", "我的手机是[phone]"),
        ("我的手机是13812345678，有事打给我", "我的手机是[phone]，有事打给我"),
        ("手机号：+86 139-0000-1111", "手机号：[phone]"),
        ("请拨打0086 158 8888 9999", "请拨打[phone]"),
        ("(+86) 138 1234 5678 这个号码", "[phone] 这个号码"),
        ("办公室电话 010-8123 4567 转 302", "办公室电话 [phone] 转 302"),
        ("深圳座机(0755) 8123-4567", "深圳座机[phone]"),
        ("手机：１３８１２３４５６７８", "手机：[phone]"),
        ("請打0912-345-678找我", "請打[phone]找我"),
        ("台北辦公室 (02) 2345-6789", "台北辦公室 [phone]"),
        ("高雄分店 07-345-6789", "高雄分店 [phone]"),
        ("my Taiwan mobile is +886 912 345 678", "my Taiwan mobile is [phone]"),
        ("call me on +852 9123 4567", "call me on [phone]"),
        ("你打 9123 4567 搵我啦", "你打 [phone] 搵我啦"),
        ("我嘅電話係 51234567", "我嘅電話係 [phone]"),
        ("whatsapp me at 6123-4567 after 6pm", "whatsapp me at [phone] after 6pm"),
        ("9123 4567 係我手提", "[phone] 係我手提"),
        ("UK office: +44 20 7946 0958", "UK office: [phone]"),
        ("US line +1 (415) 555-2671", "US line [phone]"),
        ("tel: (852) 9123-4567", "tel: [phone]"),
        ("＋８６ １３８ １２３４ ５６７８", "[phone]"),
        ("My number is 138.1234.5678.", "My number is [phone]."),
        ("Tel.13812345678", "Tel.[phone]"),
        ("either 0912345678 0933111222 works", "either [phone] [phone] works"),
    ]

    @Test(arguments: masked)
    func masksPhoneNumbers(_ text: String, _ expected: String) {
        #expect(redactor.redact(text) == expected)
        #expect(redactor.redactions(in: text).allSatisfy { $0.kind == .phone })
    }

    static let kept: [String] = [
        "订单号A13812345678，请查收",              // digits inside a longer token
        "order A55301920X shipped yesterday",
        "快递单号 SF1234567890123 还没到",
        "tracking 1Z999AA10123456784",
        "总共￥12,999.00元，运费1,299.00",
        "2024-03-15 14:30 到店",
        "下午 14:30 或者 15.45 都可以",
        "我哋 2024-03-15 打過電話",                // a date next to a phone word
        "单号 12345678 已发货",                     // eight digits, no phone word
        "ticket 23456789 is closed",
        "invoice 2312345678 was sent",             // ten digits, no phone pattern
        "reference 1234567890",
        "pi is 3.14159265358",
        "等了3天，打了5次电话，还是没人理",
        "version 10.2.14 fixed it",
        "room 1203, 12 people",
        "2+12345678 = 12345680",                    // arithmetic, not a '+' prefix
    ]

    @Test(arguments: kept)
    func leavesLookalikesAlone(_ text: String) {
        #expect(redactor.redact(text) == text)
        #expect(redactor.redactions(in: text).isEmpty)
    }

    @Test func plus852MakesABareNumberAPhoneWithoutACueWord() {
        #expect(redactor.redact("+852 2345 6789") == "[phone]")
        #expect(redactor.redact("00852 23456789") == "[phone]")
        #expect(redactor.redact("see 2345 6789") == "see 2345 6789")
    }

    @Test func cueWordsAreWholeEnglishWords() {
        #expect(redactor.redact("hotel 91234567") == "hotel 91234567")
        #expect(redactor.redact("Tel 91234567") == "Tel [phone]")
        #expect(redactor.redact("PHONE: 91234567") == "PHONE: [phone]")
    }

    @Test func hongKongNumberNeedsAPhoneLayout() {
        // The same eight digits as a date, with a phone word nearby.
        #expect(redactor.redact("打 2024.03.15") == "打 2024.03.15")
        #expect(redactor.redact("打 2024 0315") == "打 [phone]")
    }
}
