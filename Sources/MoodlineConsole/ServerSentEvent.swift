import MoodlineWire
import Hummingbird

/// One frame of a `text/event-stream` response.
enum ServerSentEvent {
    /// `event: <name>` then `data: <json>`; the JSON writer never emits a newline, so one data line suffices.
    static func frame(_ name: String, json: [UInt8]) -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.reserveCapacity(json.count + name.utf8.count + 16)
        buffer.writeString("event: ")
        buffer.writeString(name)
        buffer.writeString("\ndata: ")
        buffer.writeBytes(json)
        buffer.writeString("\n\n")
        return buffer
    }

    /// The clock tick every subscriber gets each second; it also keeps idle connections alive.
    static func clock(now: Double) -> ByteBuffer {
        var writer = JSONWriter(capacity: 48)
        writer.beginObject()
        writer.key("type"); writer.string("clock")
        writer.key("now"); writer.double(now)
        writer.endObject()
        return frame("clock", json: writer.bytes)
    }

    /// Tells a page that `count` events were dropped because it read too slowly, so it re-reads
    /// the state (as after a reconnect) rather than trust a picture with holes in it.
    static func missed(_ count: Int) -> ByteBuffer {
        var writer = JSONWriter(capacity: 48)
        writer.beginObject()
        writer.key("type"); writer.string("missed")
        writer.key("events"); writer.int(count)
        writer.endObject()
        return frame("missed", json: writer.bytes)
    }

    /// Sent first: how long a browser waits before reconnecting.
    static let opening = ByteBuffer(string: "retry: 2000\n\n")
}
