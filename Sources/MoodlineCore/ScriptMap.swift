/// Maps traditional Chinese characters to simplified ones, so 「我真的很生氣」 scores as 「我真的很生气」.
struct ScriptMap: Sendable {
    /// Covers the CJK blocks where nearly all mapped characters live; 0 means unchanged.
    static let base: UInt32 = 0x3400
    static let limit: UInt32 = 0xA000
    private var table: [UInt32] = Array(repeating: 0, count: Int(limit - base))
    private var others: [UInt32: UInt32] = [:]

    var count = 0

    mutating func add(traditional: UInt32, simplified: UInt32) {
        if traditional >= Self.base && traditional < Self.limit {
            table[Int(traditional - Self.base)] = simplified
        } else {
            others[traditional] = simplified
        }
        count += 1
    }

    /// The simplified form of a scalar, or nil when it has none.
    @inline(__always)
    func simplified(_ scalar: UInt32) -> UInt32? {
        if scalar >= Self.base && scalar < Self.limit {
            let s = table[Int(scalar - Self.base)]
            return s == 0 ? nil : s
        }
        return others.isEmpty ? nil : others[scalar]
    }

    var tableEntries: [UInt32] { table }
    var otherEntries: [UInt32: UInt32] { others }
}
