import MoodlineEngine
import Testing
@testable import MoodlineStore

@Suite struct TicketStoreTransitionTests {
    private func storeWithTicket() throws -> (TicketStore, String) {
        let store = try TicketStore.inMemory()
        let key = try #require(try store.record([makeAlert()], policy: .standard)[0].ticket).key
        return (store, key)
    }

    @Test func acknowledgeThenResolve() throws {
        let (store, key) = try storeWithTicket()
        let acknowledged = try store.acknowledge(key: key, by: "  lead-1 ", at: 1_050)
        #expect(acknowledged.status == .acknowledged)
        #expect(acknowledged.acknowledgedBy == "lead-1")
        #expect(acknowledged.acknowledgedAt == 1_050)
        #expect(try store.ticket(key: key) == acknowledged)

        let resolved = try store.resolve(key: key, by: "lead-1", note: "customer safe, referred", at: 1_200)
        #expect(resolved.status == .resolved)
        #expect(resolved.acknowledgedBy == "lead-1")
        #expect(resolved.resolutionNote == "customer safe, referred")
        #expect(try store.ticket(key: key) == resolved)

        let history = try store.history(key: key)
        #expect(history.map(\.action) == [.created, .acknowledged, .resolved])
        #expect(history.map(\.actor) == [nil, "lead-1", "lead-1"])
        #expect(history.last?.note == "customer safe, referred")
    }

    @Test func anOpenTicketCanBeResolvedDirectly() throws {
        let (store, key) = try storeWithTicket()
        let resolved = try store.resolve(key: key, by: "duty", at: 1_100)
        #expect(resolved.status == .resolved)
        #expect(resolved.acknowledgedBy == nil)
        #expect(try store.openTicketCounts().isEmpty)
    }

    @Test func acknowledgingTwiceIsAnInvalidTransition() throws {
        let (store, key) = try storeWithTicket()
        try store.acknowledge(key: key, by: "lead-1", at: 1_050)
        let error = #expect(throws: StoreError.self) { try store.acknowledge(key: key, by: "lead-2", at: 1_060) }
        #expect(error?.code == .invalidTransition)
        #expect(error?.message.contains("lead-1") == true)
        // The failed attempt left no trace.
        #expect(try store.ticket(key: key)?.acknowledgedBy == "lead-1")
        #expect(try store.history(key: key).count == 2)
    }

    @Test func acknowledgingAResolvedTicketIsAnInvalidTransition() throws {
        let (store, key) = try storeWithTicket()
        try store.resolve(key: key, by: "lead-1", at: 1_050)
        let error = #expect(throws: StoreError.self) { try store.acknowledge(key: key, by: "lead-2", at: 1_060) }
        #expect(error?.code == .invalidTransition)
        #expect(try store.ticket(key: key)?.status == .resolved)
    }

    @Test func resolvingTwiceIsAlreadyResolved() throws {
        let (store, key) = try storeWithTicket()
        try store.resolve(key: key, by: "lead-1", note: "first", at: 1_050)
        let error = #expect(throws: StoreError.self) { try store.resolve(key: key, by: "lead-2", note: "second", at: 1_060) }
        #expect(error?.code == .alreadyResolved)
        #expect(try store.ticket(key: key)?.resolutionNote == "first")
    }

    @Test func unknownKeysAreNotFound() throws {
        let (store, _) = try storeWithTicket()
        let ack = #expect(throws: StoreError.self) { try store.acknowledge(key: "nope/self_harm/1", by: "x", at: 1) }
        #expect(ack?.code == .notFound)
        let resolve = #expect(throws: StoreError.self) { try store.resolve(key: "nope/self_harm/1", by: "x", at: 1) }
        #expect(resolve?.code == .notFound)
        #expect(try store.ticket(key: "nope/self_harm/1") == nil)
        #expect(try store.history(key: "nope/self_harm/1").isEmpty)
    }

    @Test func anActorIsRequired() throws {
        let (store, key) = try storeWithTicket()
        let error = #expect(throws: StoreError.self) { try store.acknowledge(key: key, by: "   ", at: 1_050) }
        #expect(error?.code == .invalidArgument)
        let badTime = #expect(throws: StoreError.self) { try store.resolve(key: key, by: "lead", at: .infinity) }
        #expect(badTime?.code == .invalidArgument)
        #expect(try store.ticket(key: key)?.status == .open)
    }
}
