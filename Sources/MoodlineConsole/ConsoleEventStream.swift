import NIOCore

/// One console page's server-sent events, from ``ConsoleHub/subscribe(_:token:)``: the opening
/// frame, then the page's events as the hub queues them, with a `missed` event where the hub
/// dropped some because the page read too slowly. Ends when the hub closes (after what was
/// queued) or the reading task is cancelled; dropping the stream and its iterators unsubscribes.
public struct ConsoleEventStream: AsyncSequence, Sendable {
    public typealias Element = ByteBuffer

    /// Unsubscribes the page once neither the stream nor an iterator of it is left.
    final class Subscription: Sendable {
        let hub: ConsoleHub
        let id: Int

        init(hub: ConsoleHub, id: Int) {
            self.hub = hub
            self.id = id
        }

        deinit { hub.unsubscribe(id) }
    }

    let subscription: Subscription

    public struct AsyncIterator: AsyncIteratorProtocol {
        let subscription: Subscription
        var opened = false

        public mutating func next() async -> ByteBuffer? {
            // Outside the queue, so that it is never dropped nor counted against the bounds.
            guard opened else {
                opened = true
                return ServerSentEvent.opening
            }
            return await subscription.hub.next(for: subscription.id)
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(subscription: subscription)
    }
}
