/// One CSV record (RFC 4180): fields joined by commas, quoted when they need it, ending in CRLF.
///
/// Built as bytes: the tables run to hundreds of thousands of rows, and character-by-character
/// `String` work would cost more than the replay itself.
struct CSVRow {
    private(set) var bytes: [UInt8] = []
    private var fields = 0

    init() {
        bytes.reserveCapacity(256)
    }

    init(_ fields: [String]) {
        self.init()
        for f in fields { add(f) }
    }

    mutating func add(_ field: String) {
        if fields > 0 { bytes.append(UInt8(ascii: ",")) }
        fields += 1
        let utf8 = field.utf8
        let needsQuotes = utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else {
            bytes.append(contentsOf: utf8)
            return
        }
        bytes.append(UInt8(ascii: "\""))
        for b in utf8 {
            if b == UInt8(ascii: "\"") { bytes.append(b) }
            bytes.append(b)
        }
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func add(_ value: Int) { add(String(value)) }

    mutating func add(_ value: Int64) { add(String(value)) }

    /// A number rounded for a spreadsheet; empty when absent.
    mutating func add(_ value: Double?, digits: Int = 4) {
        guard let value else { return add("") }
        add(ReportFormat.decimal(value, digits: digits))
    }

    mutating func add(_ value: String?) { add(value ?? "") }

    /// The record with its line ending.
    var line: [UInt8] { bytes + [0x0D, 0x0A] }
}
