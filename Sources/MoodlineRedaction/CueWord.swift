/// Words that make a bare number more likely to be personal data. English cues match whole
/// words, case-insensitively; Chinese cues match anywhere.
enum CueWord {
    /// Near a bare 8-digit Hong Kong number, which alone looks like any other count or code.
    static let phone = CueList([
        "電話", "电话", "手機", "手机", "手提", "聯絡", "联络", "聯繫", "联系", "打", "致電", "致电",
        "號碼", "号码", "call", "phone", "tel", "mobile", "cell", "whatsapp",
    ])

    /// Before a bank account number, which has no check digit to recognise it by.
    static let account = CueList([
        "账号", "帳號", "帐号", "賬號", "账户", "帳戶", "帐户", "賬戶", "卡号", "卡號", "戶口", "户口",
        "account", "acct", "acc", "a/c", "iban",
    ])
}
