import Foundation
import MoodlineEngine

extension Alert {
    /// Decodes an alert as `JSONWriter.write(_: Alert)` writes it, for tools and tests.
    /// Uses Foundation: fine for a subscriber's cold path, too slow for the ingest path.
    public static func decodeWire(_ json: [UInt8]) throws -> Alert {
        let decoder = JSONDecoder()
        // The writer's keys are the model's property names in snake_case (utf8_start, ...).
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(Alert.self, from: Data(json))
    }
}
