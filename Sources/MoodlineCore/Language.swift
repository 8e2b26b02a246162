/// The language of a fragment, as far as scoring is concerned.
public enum Language: UInt8, Sendable, Codable, CaseIterable {
    case english
    case chinese
    /// Chinese and English in one fragment (code switching).
    case mixed
    /// No letters or ideographs to judge by.
    case unknown

    /// Reads a BCP 47 tag such as `en-US`, `zh`, `zh-Hant` or `zh-TW`; nil for tags Moodline does not score.
    public init?(bcp47 tag: some StringProtocol) {
        let primary = tag.split(separator: "-", maxSplits: 1).first.map { $0.lowercased() } ?? ""
        switch primary {
        case "en": self = .english
        case "zh", "cmn", "yue": self = .chinese
        case "mul", "mixed": self = .mixed
        default: return nil
        }
    }

    /// A short tag for output: `en`, `zh`, `mixed` or `und`.
    public var tag: String {
        switch self {
        case .english: "en"
        case .chinese: "zh"
        case .mixed: "mixed"
        case .unknown: "und"
        }
    }
}
