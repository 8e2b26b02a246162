/// One Unicode scalar of the text with its UTF-8 byte range. Full-width forms, the ideographic
/// and no-break spaces and the typographic dashes are folded to ASCII, because Chinese input
/// methods in full-width mode type "１３８－１２３４" as readily as "138-1234".
struct Glyph: Sendable {
    var scalar: UInt32
    var start: Int
    var end: Int

    init(scalar: UInt32, start: Int, end: Int) {
        self.scalar = Self.fold(scalar)
        self.start = start
        self.end = end
    }

    var isDigit: Bool { scalar &- 0x30 < 10 }
    var isLetter: Bool { (scalar | 0x20) &- 0x61 < 26 }
    var isAlphanumeric: Bool { isDigit || isLetter }
    var isUppercase: Bool { scalar &- 0x41 < 26 }
    /// Characters that may sit between the groups of a number: "138 1234", "0912-345", "(02) 2345".
    var isSeparator: Bool {
        switch scalar {
        case 0x20, 0x2D, 0x2E, 0x28, 0x29, 0x2B: true // space - . ( ) +
        default: false
        }
    }

    /// The upper-cased ASCII byte of an alphanumeric glyph.
    var byte: UInt8 { UInt8(truncatingIfNeeded: isLetter ? scalar & ~0x20 : scalar) }
    /// The scalar with ASCII letters lower-cased, for matching cue words.
    var lowered: UInt32 { isLetter ? scalar | 0x20 : scalar }

    /// Stands in for glyphs already claimed by an e-mail address, so no number reuses them.
    static let claimed: UInt32 = 0xFFFC

    static func fold(_ scalar: UInt32) -> UInt32 {
        switch scalar {
        case 0xFF01...0xFF5E: scalar - 0xFEE0
        case 0x3000, 0x00A0, 0x2000...0x200A, 0x202F: 0x20
        case 0x2010...0x2015, 0x2212, 0xFE63: 0x2D
        default: scalar
        }
    }
}
