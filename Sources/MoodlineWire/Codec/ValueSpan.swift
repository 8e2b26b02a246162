/// The JSON type of a scanned value.
enum JSONKind: UInt8 {
    case absent
    case string
    /// A string with backslash escapes, which must be unescaped.
    case escapedString
    /// A number written as an integer (no fraction, no exponent).
    case integer
    /// Any other number.
    case number
    case object
    case array
    case `true`
    case `false`
    case null
}

/// Where a value lies in the message: for strings the contents between the quotes,
/// for everything else the value's own bytes.
struct ValueSpan {
    var start: Int = 0
    var end: Int = 0
    var kind: JSONKind = .absent

    var count: Int { end - start }
    var isPresent: Bool { kind != .absent }
    /// Absent and `null` both mean "not given".
    var isGiven: Bool { kind != .absent && kind != .null }
    var isString: Bool { kind == .string || kind == .escapedString }
    var isNumber: Bool { kind == .integer || kind == .number }

    /// The JSON type's name, for rejection details.
    var typeName: String {
        switch kind {
        case .absent: "nothing"
        case .string, .escapedString: "a string"
        case .integer, .number: "a number"
        case .object: "an object"
        case .array: "an array"
        case .true, .false: "a boolean"
        case .null: "null"
        }
    }
}
