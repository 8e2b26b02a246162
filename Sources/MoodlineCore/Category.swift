/// A kind of statement the alert rules care about, found through lexicon tags.
public enum Category: UInt8, CaseIterable, Sendable, Codable {
    /// Suicide or self-harm: "I don't want to live", 不想活了.
    case selfHarm
    /// Insult or threat aimed at a person: "useless idiot", 废物, 弄死你.
    case abuse
    /// Rude, mocking or dismissive service language: "calm down", 你听不懂吗.
    case rude
    /// Threat to go to regulators, lawyers, courts, media or complaint sites.
    case escalation
    /// Threat to cancel, return everything or leave for a competitor.
    case churn
    /// The issue is still unresolved after earlier contacts.
    case repeatContact
    /// Thanks.
    case thanks
    /// Satisfaction or praise.
    case satisfaction
    /// Apology.
    case apology
    /// Empathy or reassurance ("I understand how you feel", 我理解您的心情).
    case empathy
    /// The speaker's own load or rush: a long queue, many chats open, a slow system, too few
    /// staff ("I've got nine chats open", 咨询量比较大, 我这边线上很多人在等). An agent who
    /// says it is strained, apologising or not.
    case strain
    /// A customer's grievance said without feeling words: nobody told them, what they already
    /// did, what they are asked to do ("nobody ever told me", "so you're telling me to wait",
    /// 从头到尾没有人通知我, 所以现在是要我自己去查？). Its line is negative however calm its words.
    case grievance

    /// The tag that marks this category in a lexicon file.
    public var tag: String {
        switch self {
        case .selfHarm: "self_harm"
        case .abuse: "abuse"
        case .rude: "rude"
        case .escalation: "escalation"
        case .churn: "churn"
        case .repeatContact: "repeat"
        case .thanks: "thanks"
        case .satisfaction: "satisfaction"
        case .apology: "apology"
        case .empathy: "empathy"
        case .strain: "strain"
        case .grievance: "grievance"
        }
    }

    /// The category a lexicon tag names, if any.
    public init?(tag: some StringProtocol) {
        guard let match = Category.allCases.first(where: { $0.tag == tag }) else { return nil }
        self = match
    }

    /// Whether a preceding negator cancels the statement. Self-harm never is:
    /// "I don't want to live" must not be negated away.
    public var isNegatable: Bool { self != .selfHarm }
}

/// A set of categories, one bit each.
public struct CategorySet: OptionSet, Hashable, Sendable {
    public var rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }
    public init(_ category: Category) { self.rawValue = 1 << UInt16(category.rawValue) }

    public func contains(_ category: Category) -> Bool { rawValue & (1 << UInt16(category.rawValue)) != 0 }
    public mutating func insert(_ category: Category) { rawValue |= 1 << UInt16(category.rawValue) }

    /// The categories in the set, in declaration order.
    public var members: [Category] { Category.allCases.filter { contains($0) } }
}
