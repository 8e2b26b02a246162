import Hummingbird
@testable import MoodlineConsole
import MoodlineEngine
import MoodlineServer
import Synchronization
import Testing

/// The event streams' buffers: bounded in bytes per page and per token, the oldest dropped,
/// counted and announced, and nothing lost by a page that keeps up.
@Suite("Console stream buffers")
struct ConsoleStreamBufferTests {
    static let lead = ConsoleAccess(name: "Lin", team: "t-1")
    static let tokenA = TokenID(index: 0), tokenB = TokenID(index: 1)

    /// Snapshot `i` of team t-1; every one encodes to the same number of bytes.
    static func numbered(_ i: Int) -> LiveEvent {
        let id = "s-" + String(repeating: "0", count: 5 - String(i).count) + String(i)
        return .snapshot(ConsoleHubTests.snapshot(id, team: "t-1"))
    }

    static func frame(_ i: Int) -> String {
        String(buffer: ConsoleHub.frame(for: numbered(i)))
    }

    static let frameSize = ConsoleHub.frame(for: numbered(0)).readableBytes

    static let opening = "retry: 2000\n\n"

    static func missed(_ count: Int) -> String {
        "event: missed\ndata: {\"type\":\"missed\",\"events\":\(count)}\n\n"
    }

    /// Everything a stream yields to its end (after ``ConsoleHub/close()``, what was queued).
    static func drain(_ stream: ConsoleEventStream) async -> [String] {
        var frames: [String] = []
        for await buffer in stream { frames.append(String(buffer: buffer)) }
        return frames
    }

    @Test("an unread page never holds more than its byte bound; the oldest go, counted, and the page is told")
    func pageBound() async {
        let bound = 64 << 10
        let hub = ConsoleHub(streamBufferBytes: bound, tokenBufferBytes: 1 << 20)
        let stream = hub.subscribe(Self.lead, token: Self.tokenA)
        let sent = 1_000
        #expect(sent * Self.frameSize > 2 * bound, "the test overflows the bound")
        var most = 0
        for i in 0..<sent {
            hub.receive(Self.numbered(i))
            most = max(most, hub.bufferedBytes)
        }
        #expect(most <= bound)
        let kept = bound / Self.frameSize
        #expect(hub.bufferedBytes == kept * Self.frameSize, "the bound is filled, not undercut")
        #expect(hub.droppedEvents == sent - kept)

        hub.close()
        let frames = await Self.drain(stream)
        #expect(frames.first == Self.opening)
        #expect(frames.dropFirst().first == Self.missed(sent - kept), "told before its next event")
        #expect(Array(frames.dropFirst(2)) == (sent - kept..<sent).map(Self.frame), "the newest, in order")
        #expect(hub.bufferedBytes == 0)
    }

    @Test("many pages of one token together never hold more than the token's bound")
    func tokenBound() async {
        let bound = 256 << 10
        let hub = ConsoleHub(streamBufferBytes: 64 << 10, tokenBufferBytes: bound)
        let pages = (0..<20).map { _ in hub.subscribe(Self.lead, token: Self.tokenA) }
        let sent = 600
        var most = 0
        for i in 0..<sent {
            hub.receive(Self.numbered(i))
            most = max(most, hub.bufferedBytes(of: Self.tokenA))
        }
        #expect(most <= bound)
        #expect(hub.bufferedBytes(of: Self.tokenA) > bound - Self.frameSize, "the bound is filled, not undercut")

        hub.close()
        var keptCounts: [Int] = []
        for page in pages {
            let frames = await Self.drain(page)
            let kept = frames.count - 2
            keptCounts.append(kept)
            #expect(frames.dropFirst().first == Self.missed(sent - kept))
            #expect(Array(frames.dropFirst(2)) == (sent - kept..<sent).map(Self.frame), "each page keeps its newest")
        }
        // The pages saw the same events, so dropping the token's oldest first evens them out.
        #expect((keptCounts.max() ?? 0) - (keptCounts.min() ?? 0) <= 1, "\(keptCounts)")
        #expect(hub.droppedEvents == pages.count * sent - keptCounts.reduce(0, +))
    }

    @Test("past the token's bound its oldest events go first, whichever page holds them")
    func tokenOldestFirst() async {
        let bound = 128 << 10
        let hub = ConsoleHub(streamBufferBytes: 1 << 20, tokenBufferBytes: bound)
        let early = hub.subscribe(Self.lead, token: Self.tokenA)
        let half = bound / Self.frameSize
        for i in 0..<half { hub.receive(Self.numbered(i)) }
        #expect(hub.droppedEvents == 0)
        let late = hub.subscribe(Self.lead, token: Self.tokenA)
        for i in half..<(2 * half) { hub.receive(Self.numbered(i)) }
        #expect(hub.bufferedBytes(of: Self.tokenA) <= bound)

        hub.close()
        let fromEarly = await Self.drain(early), fromLate = await Self.drain(late)
        let keptEarly = fromEarly.count - 2, keptLate = fromLate.count - 2
        // The early page's first events were the token's oldest: they went before any of the
        // late page's, which then lost its oldest in turn with the early page.
        #expect(!fromEarly.contains(Self.frame(half - 1)), "nothing from before the late page opened")
        #expect(abs(keptEarly - keptLate) <= 1, "\(keptEarly) against \(keptLate)")
        #expect(Array(fromEarly.dropFirst(2)) == (2 * half - keptEarly..<2 * half).map(Self.frame))
        #expect(Array(fromLate.dropFirst(2)) == (2 * half - keptLate..<2 * half).map(Self.frame))
    }

    @Test("a slow page may use its token's whole bound while the token's other page keeps up")
    func slowPageUsesTheWholeTokenBound() async {
        let bound = 128 << 10
        let hub = ConsoleHub(streamBufferBytes: 1 << 20, tokenBufferBytes: bound)
        let slow = hub.subscribe(Self.lead, token: Self.tokenA)
        let reader = hub.subscribe(Self.lead, token: Self.tokenA)
        var frames = reader.makeAsyncIterator()
        _ = await frames.next()
        let sent = 2 * bound / Self.frameSize
        for i in 0..<sent {
            hub.receive(Self.numbered(i))
            _ = await frames.next()
        }
        // Less one: each event waits in the reader's queue too until it is read.
        let kept = bound / Self.frameSize - 1
        #expect(hub.droppedEvents == sent - kept, "the slow page lost only what the whole bound cannot hold")
        hub.close()
        #expect(Array(await Self.drain(slow).dropFirst(2)) == (sent - kept..<sent).map(Self.frame))
    }

    @Test("a page that keeps up loses nothing, while unread pages of its own token overflow")
    func readerKeepsUp() async {
        let hub = ConsoleHub(streamBufferBytes: 64 << 10, tokenBufferBytes: 128 << 10)
        let unread = (0..<10).map { _ in hub.subscribe(Self.lead, token: Self.tokenA) }
        let reader = hub.subscribe(Self.lead, token: Self.tokenA)
        var frames = reader.makeAsyncIterator()
        #expect(await frames.next().map { String(buffer: $0) } == Self.opening)
        let sent = 2_000
        var lost = 0
        for i in 0..<sent {
            hub.receive(Self.numbered(i))
            if await frames.next().map({ String(buffer: $0) }) != Self.frame(i) { lost += 1 }
        }
        #expect(lost == 0)
        #expect(hub.droppedEvents > 0, "the unread pages did overflow")
        #expect(unread.count == 10)
    }

    @Test("a page waiting for events gets each one as it comes, none dropped")
    func waitingReader() async throws {
        let hub = ConsoleHub(streamBufferBytes: 64 << 10, tokenBufferBytes: 64 << 10)
        let stream = hub.subscribe(Self.lead, token: Self.tokenA)
        let sent = (3 * (64 << 10)) / Self.frameSize
        let received = Mutex<[String]>([])
        let reading = Task {
            for await buffer in stream {
                received.withLock { $0.append(String(buffer: buffer)) }
            }
        }
        for i in 0..<sent {
            hub.receive(Self.numbered(i))
            // The next only once the page has this one, as a browser that keeps up would.
            while received.withLock({ $0.count }) < i + 2 { try await Task.sleep(for: .milliseconds(1)) }
        }
        hub.close()
        await reading.value
        #expect(received.withLock { $0 } == [Self.opening] + (0..<sent).map(Self.frame))
        #expect(hub.droppedEvents == 0)
    }

    @Test("another token's pages are unaffected by one token's overflow; a page that goes takes its queue")
    func otherTokens() async {
        let bound = 256 << 10
        let hub = ConsoleHub(streamBufferBytes: bound, tokenBufferBytes: bound)
        var crowd: [ConsoleEventStream]? = (0..<30).map { _ in hub.subscribe(Self.lead, token: Self.tokenA) }
        let other = hub.subscribe(Self.lead, token: Self.tokenB)
        let sent = (200 << 10) / Self.frameSize
        for i in 0..<sent { hub.receive(Self.numbered(i)) }
        #expect(hub.bufferedBytes(of: Self.tokenA) <= bound)
        #expect(hub.droppedEvents > 0, "token A overflowed")
        #expect(hub.bufferedBytes(of: Self.tokenB) == sent * Self.frameSize, "token B holds all it was sent")

        crowd = nil
        #expect(hub.bufferedBytes(of: Self.tokenA) == 0, "pages that went took their queues")
        #expect(hub.bufferedBytes == sent * Self.frameSize)
        _ = crowd
        hub.close()
        #expect(await Self.drain(other) == [Self.opening] + (0..<sent).map(Self.frame))
    }

    /// The token's list of arrivals, through which its oldest event is found, lets go of the
    /// entries of events sent or dropped: unread, read, at the page's bound or the token's.
    @Test(arguments: [(64 << 10, 1 << 20, false), (64 << 10, 1 << 20, true), (1 << 20, 64 << 10, false), (1 << 20, 64 << 10, true)])
    func arrivalsStayBounded(streamLimit: Int, tokenLimit: Int, reading: Bool) {
        var buffers = StreamBuffers(streamLimit: streamLimit, tokenLimit: tokenLimit)
        let frame = ConsoleHub.frame(for: Self.numbered(0))
        buffers.open(1, token: Self.tokenA)
        buffers.open(2, token: Self.tokenA)
        var most = 0
        for i in 0..<20_000 {
            buffers.push(frame, to: 1)
            buffers.push(frame, to: 2)
            if reading, i.isMultiple(of: 3) { _ = buffers.take(2) }
            most = max(most, buffers.arrivalEntries(of: Self.tokenA) - 2 * buffers.events(of: Self.tokenA))
        }
        #expect(most <= 64)
        #expect(buffers.dropped > 10_000)
        #expect(buffers.bytes(ofStream: 1) <= streamLimit && buffers.bytes(of: Self.tokenA) <= tokenLimit)
        buffers.close(1)
        buffers.close(2)
        #expect(buffers.bytes == 0 && buffers.arrivalEntries(of: Self.tokenA) == 0)
    }

    @Test("a page whose reading task is cancelled ends, and is forgotten with what it had queued")
    func cancelledReaderEnds() async {
        let hub = ConsoleHub()
        let stream = hub.subscribe(Self.lead, token: Self.tokenA)
        let reading = Task { await Self.drain(stream) }
        try? await Task.sleep(for: .milliseconds(20))
        reading.cancel()
        #expect(await reading.value == [Self.opening])
        #expect(hub.subscriberCount == 0)
        hub.receive(Self.numbered(1))
        #expect(hub.bufferedBytes == 0, "nothing is queued for it any more")
        withExtendedLifetime(stream) {}
    }
}
