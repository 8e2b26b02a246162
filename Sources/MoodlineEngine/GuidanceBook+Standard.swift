// The shipped guidance, written for Moodline. Crisis lines are public numbers at the time of
// writing; a centre sets its own region's with `engine.guidance.self_harm.<lang>.next`.

extension GuidanceBook {
    public static let standard = GuidanceBook(texts: [
        .customerNegative: [
            .en: Text(cue: "The customer sounds unhappy.",
                      next: "Acknowledge how they feel in your own words, then say what you will do next."),
            .zhHans: Text(cue: "客户情绪不太好。",
                          next: "先用自己的话回应客户的感受，再说明你接下来会怎么处理。"),
            .zhHant: Text(cue: "客戶情緒不太好。",
                          next: "先用自己的話回應客戶的感受，再說明你接下來會怎麼處理。"),
        ],
        .customerAnger: [
            .en: Text(cue: "The customer is getting angry.",
                      next: "Slow down and let them finish. Acknowledge the problem and take ownership of one concrete step."),
            .zhHans: Text(cue: "客户越来越生气。",
                          next: "放慢语速，让客户说完。承认问题所在，并主动承担一个具体的处理步骤。"),
            .zhHant: Text(cue: "客戶越來越生氣。",
                          next: "放慢語速，讓客戶說完。承認問題所在，並主動承擔一個具體的處理步驟。"),
        ],
        .agentStress: [
            .en: Text(cue: "You sound under strain.",
                      next: "Take a breath before you answer. It is fine to pause, or to ask your supervisor for help."),
            .zhHans: Text(cue: "你听起来压力有点大。",
                          next: "回答前先深呼吸。可以稍作停顿，也可以向主管求助。"),
            .zhHant: Text(cue: "你聽起來壓力有點大。",
                          next: "回答前先深呼吸。可以稍作停頓，也可以向主管求助。"),
        ],
        .agentMisconduct: [
            .en: Text(cue: "Your last words may have sounded dismissive to the customer.",
                      next: "Let the customer finish, keep a neutral tone and restate what you will do for them."),
            .zhHans: Text(cue: "你刚才的话在客户听来可能有些不耐烦。",
                          next: "让客户把话说完，语气保持平和，再复述一遍你会为他做什么。"),
            .zhHant: Text(cue: "你剛才的話在客戶聽來可能有些不耐煩。",
                          next: "讓客戶把話說完，語氣保持平和，再複述一遍你會為他做什麼。"),
        ],
        .abuse: [
            .en: Text(cue: "The customer is being abusive towards you.",
                      next: "Stay calm and don't reply in kind. Give one clear, polite warning; you may end the call under the abuse policy. Your supervisor has been notified."),
            .zhHans: Text(cue: "客户正在辱骂你。",
                          next: "保持冷静，不要回击。礼貌而明确地提醒一次；如仍继续，可按辱骂处理规定结束通话。已通知你的主管。"),
            .zhHant: Text(cue: "客戶正在辱罵你。",
                          next: "保持冷靜，不要回擊。禮貌而明確地提醒一次；如仍繼續，可按辱罵處理規定結束通話。已通知你的主管。"),
        ],
        .selfHarm: [
            .en: Text(cue: "The customer may be at risk of harming themselves.",
                      next: "Stay with them: listen, take it seriously and ask if they are safe right now. Don't argue, judge or promise to keep it secret, and don't end the call. Give the crisis line: 988 (US) or Samaritans 116 123 (UK and Ireland). Your supervisor has been notified."),
            .zhHans: Text(cue: "客户可能有自我伤害的风险。",
                          next: "不要挂断，陪着他：认真倾听，重视他说的话，问他现在是否安全。不要争辩、评判，也不要答应保密。告诉他可以拨打心理援助热线 12356。已通知你的主管。"),
            .zhHant: Text(cue: "客戶可能有自我傷害的風險。",
                          next: "不要掛斷，陪著他：認真傾聽，重視他說的話，問他現在是否安全。不要爭辯、評判，也不要答應保密。告訴他可以撥打：台灣安心專線 1925、生命線 1995；香港撒瑪利亞防止自殺會 2389 2222。已通知你的主管。"),
        ],
        .escalationThreat: [
            .en: Text(cue: "The customer mentions a regulator, a lawyer or going public.",
                      next: "Acknowledge it, take ownership and offer a supervisor or a formal complaint reference. Don't argue about their rights. Your supervisor has been notified."),
            .zhHans: Text(cue: "客户提到要找监管部门、律师或公开曝光。",
                          next: "先表示理解，主动承担，提出转主管或提供正式投诉编号。不要和客户争论他的权利。已通知你的主管。"),
            .zhHant: Text(cue: "客戶提到要找主管機關、律師或公開爆料。",
                          next: "先表示理解，主動承擔，提出轉主管或提供正式申訴編號。不要和客戶爭論他的權利。已通知你的主管。"),
        ],
        .churnThreat: [
            .en: Text(cue: "The customer is thinking of leaving.",
                      next: "Ask what would make them stay, and offer what you can: a fix, a credit or a retention offer."),
            .zhHans: Text(cue: "客户在考虑离开。",
                          next: "问问客户怎样才愿意留下，并提供你能给的：解决方案、补偿或挽留优惠。"),
            .zhHant: Text(cue: "客戶在考慮離開。",
                          next: "問問客戶怎樣才願意留下，並提供你能給的：解決方案、補償或挽留優惠。"),
        ],
        .repeatContact: [
            .en: Text(cue: "The customer has contacted us about this before.",
                      next: "Apologise for the repeat, check the case history and own it to the end: give a reference and a time you will call back."),
            .zhHans: Text(cue: "客户之前已经为这件事联系过我们。",
                          next: "为反复联系致歉，查看历史记录，跟进到底：提供工单号和回电时间。"),
            .zhHant: Text(cue: "客戶之前已經為這件事聯絡過我們。",
                          next: "為反覆聯絡致歉，查看歷史紀錄，跟進到底：提供案件編號和回電時間。"),
        ],
        .interruptions: [
            .en: Text(cue: "You are talking over the customer.",
                      next: "Pause and let them finish, then sum up what you heard."),
            .zhHans: Text(cue: "你在打断客户说话。",
                          next: "先停下来让客户说完，再概括一下你听到的内容。"),
            .zhHant: Text(cue: "你在打斷客戶說話。",
                          next: "先停下來讓客戶說完，再概括一下你聽到的內容。"),
        ],
    ])

    /// The defaults as the `guidance` section of the `engine` configuration.
    static var standardYAML: String {
        var lines = [
            "# What agents are told, per kind and language (en, zh-Hans, zh-Hant): cue, then next step.",
            "# Set your region's crisis line in self_harm.<lang>.next.",
            "guidance:",
        ]
        for kind in AlertKind.allCases {
            guard let byLanguage = standard.texts[kind] else { continue }
            lines.append("  \(kind.rawValue):")
            for language in GuidanceLanguage.allCases {
                guard let text = byLanguage[language] else { continue }
                lines.append("    \(language.rawValue):")
                lines.append("      cue: \(yamlQuoted(text.cue))")
                lines.append("      next: \(yamlQuoted(text.next))")
            }
        }
        return lines.joined(separator: "\n")
    }

    private static func yamlQuoted(_ text: String) -> String {
        var out = "\""
        for character in text {
            if character == "\"" || character == "\\" { out.append("\\") }
            out.append(character)
        }
        return out + "\""
    }
}

extension GuidanceBook: Codable {
    /// Patches the standard texts: a file need only name what it changes, and every key
    /// (kind, language, `cue`/`next`) is checked.
    public init(from decoder: any Decoder) throws {
        self = .standard
        let kinds = try decoder.container(keyedBy: ConfigKey.self)
        for kindKey in kinds.allKeys {
            guard let kind = AlertKind(rawValue: kindKey.stringValue) else {
                throw DecodingError.dataCorruptedError(
                    forKey: kindKey, in: kinds,
                    debugDescription: "unknown alert kind '\(kindKey.stringValue)'; known: \(AlertKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let languages = try kinds.superDecoder(forKey: kindKey).strictContainer(keyedBy: GuidanceLanguage.self)
            for language in languages.allKeys {
                var text = texts[kind]?[language] ?? texts[kind]?[.en] ?? Text(cue: "", next: "")
                let fields = try languages.superDecoder(forKey: language).strictContainer(keyedBy: Text.CodingKeys.self)
                try fields.update(&text.cue, .cue)
                try fields.update(&text.next, .next)
                texts[kind, default: [:]][language] = text
            }
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var kinds = encoder.container(keyedBy: ConfigKey.self)
        for kind in AlertKind.allCases {
            guard let byLanguage = texts[kind] else { continue }
            var languages = kinds.nestedContainer(keyedBy: GuidanceLanguage.self, forKey: ConfigKey(stringValue: kind.rawValue))
            for language in GuidanceLanguage.allCases {
                if let text = byLanguage[language] { try languages.encode(text, forKey: language) }
            }
        }
    }
}

