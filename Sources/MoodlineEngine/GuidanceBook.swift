/// The guidance text for every alert kind in every ``GuidanceLanguage``: shipped defaults an
/// operator may override key by key (`engine.guidance.self_harm.en.next`), for instance to
/// give the crisis line of their own region.
public struct GuidanceBook: Sendable, Equatable {
    /// One kind's text in one language.
    public struct Text: Sendable, Equatable, Codable {
        public var cue: String
        public var next: String

        public init(cue: String, next: String) {
            self.cue = cue
            self.next = next
        }

        enum CodingKeys: String, CodingKey, CaseIterable {
            case cue, next
        }
    }

    public var texts: [AlertKind: [GuidanceLanguage: Text]]

    public init(texts: [AlertKind: [GuidanceLanguage: Text]]) {
        self.texts = texts
    }

    /// The guidance for `kind` in `language`, English when that language has none.
    func guidance(_ kind: AlertKind, _ language: GuidanceLanguage) -> AlertGuidance? {
        if let text = texts[kind]?[language] { return AlertGuidance(cue: text.cue, next: text.next, lang: language.rawValue) }
        if let text = texts[kind]?[.en] { return AlertGuidance(cue: text.cue, next: text.next, lang: GuidanceLanguage.en.rawValue) }
        return nil
    }
}
