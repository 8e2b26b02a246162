/// PUB messages already encoded, topic and body, back to back in one buffer.
///
/// The pipeline thread encodes each pass's session snapshots into one of these, so the writer
/// thread, which also commits every alert and is the server's busier thread, only sends them.
struct EncodedMessages {
    private var bytes: [UInt8] = []
    /// Where each message's topic ends and its body ends, in `bytes`.
    private var bounds: [(topicEnd: Int, end: Int)] = []

    /// Appends `topicPrefix` + `id` as the topic and `body` as the body.
    mutating func append(topicPrefix: StaticString, _ id: String, body: [UInt8]) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: topicPrefix.utf8Start, count: topicPrefix.utf8CodeUnitCount))
        bytes.append(contentsOf: id.utf8)
        let topicEnd = bytes.count
        bytes.append(contentsOf: body)
        bounds.append((topicEnd, bytes.count))
    }

    /// Calls `body` with each message's topic and body, in the order appended.
    func forEach(_ body: (_ topic: UnsafeRawBufferPointer, _ body: UnsafeRawBufferPointer) -> Void) {
        bytes.withUnsafeBytes { all in
            var start = 0
            for (topicEnd, end) in bounds {
                body(UnsafeRawBufferPointer(rebasing: all[start..<topicEnd]), UnsafeRawBufferPointer(rebasing: all[topicEnd..<end]))
                start = end
            }
        }
    }
}
