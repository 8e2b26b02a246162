/// Several in-process listeners as one ``LiveFeed``, each given every event in order.
struct FeedFanOut: LiveFeed {
    private let feeds: [any LiveFeed]

    init(_ feeds: [(any LiveFeed)?]) {
        self.feeds = feeds.compactMap { $0 }
    }

    func receive(_ event: LiveEvent) {
        for feed in feeds { feed.receive(event) }
    }
}
