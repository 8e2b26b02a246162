import Foundation
import MoodlineEngine
import MoodlineWire

/// Recorded conversations (JSON Lines in wire schema v1) merged into one stream by `ts`,
/// for pushing recordings into a running service.
///
/// Each file is kept in its own order (a recording's interim and final results, or two
/// messages with the same `ts`, never swap); across files the earliest `ts` goes first, and
/// ties go to the file named first. Files are read and decoded up front, so a bad line is
/// reported before anything is sent.
public struct RecordedStream: WireEventSource {
    /// The files read, in the order given (a directory's `*.jsonl` files sorted by name).
    public let files: [String]
    private let recordings: [[WireEvent]]
    private var positions: [Int]
    private var queue: EventQueue

    /// Reads `paths`: files, or directories whose `*.jsonl` files are all read.
    public init(paths: [String]) throws(RecordingError) {
        var files: [String] = []
        for path in paths {
            files += try Self.expand(path)
        }
        guard !files.isEmpty else {
            throw RecordingError(location: paths.joined(separator: ", "), message: "no recordings (*.jsonl) found")
        }
        var recordings: [[WireEvent]] = []
        for file in files {
            recordings.append(try Self.read(file))
        }
        self.init(files: files, recordings: recordings)
    }

    /// Merges recordings already in memory; `files` names them for messages.
    public init(files: [String], recordings: [[WireEvent]]) {
        self.files = files
        self.recordings = recordings
        positions = Array(repeating: 0, count: recordings.count)
        queue = EventQueue(capacity: recordings.count)
        for (index, events) in recordings.enumerated() where !events.isEmpty {
            queue.push(.init(ts: events[0].ts, order: index))
        }
    }

    /// Messages in all recordings.
    public var count: Int { recordings.reduce(0) { $0 + $1.count } }

    public mutating func next() -> WireEvent? {
        guard let entry = queue.pop() else { return nil }
        let index = entry.order
        let events = recordings[index]
        let event = events[positions[index]]
        positions[index] += 1
        if positions[index] < events.count {
            // A recording whose ts goes backwards keeps its own order: its next message
            // enters the merge no earlier than the one just given out.
            queue.push(.init(ts: max(event.ts, events[positions[index]].ts), order: index))
        }
        return event
    }

    private static func expand(_ path: String) throws(RecordingError) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw RecordingError(location: path, message: "no such file or directory")
        }
        guard isDirectory.boolValue else { return [path] }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            throw RecordingError(location: path, message: "cannot list the directory: \(error.localizedDescription)")
        }
        return names.filter { $0.hasSuffix(".jsonl") }.sorted().map { (path as NSString).appendingPathComponent($0) }
    }

    private static func read(_ file: String) throws(RecordingError) -> [WireEvent] {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            throw RecordingError(location: file, message: "cannot read: \(error.localizedDescription)")
        }
        let decoder = WireDecoder()
        var events: [WireEvent] = []
        var lineNumber = 0
        // Split bytes, not Characters: Swift treats "\r\n" as one Character, and the decoder
        // should see invalid UTF-8 as it is rather than repaired.
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            let bytes = [UInt8](line)
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            do {
                events.append(try decoder.decode(bytes))
            } catch {
                throw RecordingError(location: "\(file):\(lineNumber)", message: "\(error)")
            }
        }
        return events
    }
}
