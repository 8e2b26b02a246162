/// What a masked span was; the raw value is the name used in logs and exports.
public enum RedactionKind: String, CaseIterable, Sendable, Codable {
    case phone
    case email
    case card
    case cnResidentID = "cn_id"
    case twID = "tw_id"
    case hkID = "hk_id"
    case bankAccount = "bank_account"

    /// The text that replaces a match. The three ID kinds share one token: which region an ID
    /// came from is itself a hint about the person.
    public var token: String {
        switch self {
        case .phone: "[phone]"
        case .email: "[email]"
        case .card: "[card]"
        case .cnResidentID, .twID, .hkID: "[id]"
        case .bankAccount: "[account]"
        }
    }
}
