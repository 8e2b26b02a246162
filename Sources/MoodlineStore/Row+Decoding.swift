import GRDB

extension Row {
    /// A text column holding an enum's raw value; an unknown value is an `unreadableRow`
    /// error rather than a crash, since another version may have written the file.
    func decodeRaw<E: RawRepresentable>(_ type: E.Type = E.self, forColumn column: String, table: String) throws -> E
    where E.RawValue == String {
        let raw: String = try decode(forColumn: column)
        guard let value = E(rawValue: raw) else {
            throw StoreError(.unreadableRow, "\(table).\(column) holds '\(raw)', which this version does not know — upgrade Moodline")
        }
        return value
    }

    /// The same, by position; `column` names it in the error.
    func decodeRaw<E: RawRepresentable>(_ type: E.Type = E.self, atIndex index: Int, column: String, table: String) throws -> E
    where E.RawValue == String {
        let raw: String = try decode(atIndex: index)
        guard let value = E(rawValue: raw) else {
            throw StoreError(.unreadableRow, "\(table).\(column) holds '\(raw)', which this version does not know — upgrade Moodline")
        }
        return value
    }

    /// A REAL column that may hold NULL because SQLite stores NaN as NULL.
    func decodeDouble(forColumn column: String) throws -> Double {
        let value: Double? = try decode(forColumn: column)
        return value ?? .nan
    }
}
