import Testing
@testable import MoodlineEngine

@Suite struct SessionIndexTests {
    /// Random inserts and removals, checked against a dictionary: removal shifts later buckets
    /// back, and a wrong shift loses an id that is still in the table. The ids of the slots are
    /// kept beside it, as the engine keeps them in its session states.
    @Test(arguments: [UInt64(1), 42, 0xDEAD_BEEF])
    func agreesWithADictionary(seed: UInt64) {
        var index = SessionIndex(seed: seed)
        var model: [String: Int32] = [:]
        var freeSlots: [Int32] = []
        var idOfSlot: [String] = Array(repeating: "", count: 600)
        var nextSlot: Int32 = 0
        // Few distinct ids, so that removals hit ids in the table and runs of buckets form.
        let ids = (0..<600).map { i in i % 3 == 0 ? "sim-42-\(i)" : "a much longer session id, past the small-string limit #\(i)" }
        for step in 0..<6_000 {
            // A fixed walk over the ids (7919 is prime to 600), inserting two times in three.
            let id = ids[(step &* 7919) % ids.count]
            if model[id] == nil, step % 3 != 0 {
                let slot = freeSlots.popLast() ?? { defer { nextSlot += 1 }; return nextSlot }()
                index.insert(id, slot: slot)
                idOfSlot[Int(slot)] = id
                model[id] = slot
            } else if let slot = model[id] {
                index.remove(id, slot: slot)
                idOfSlot[Int(slot)] = ""
                model[id] = nil
                freeSlots.append(slot)
            }
            #expect(index.count == model.count)
            if step % 500 == 0 || step == 5_999 {
                for id in ids {
                    #expect(index.slot(of: id) { idOfSlot[Int($0)] == id } == model[id], "\(id) at step \(step)")
                }
            }
        }
        #expect(index.slot(of: "never inserted") { idOfSlot[Int($0)] == "never inserted" } == nil)
    }

    /// The hash depends on the seed and on every byte, and equal ids hash equal however their
    /// strings were built (small or native, bridged or not).
    @Test func hashIsSeededAndCoversEveryByte() {
        let id = "session-0123456789-abcdef"
        #expect(SessionIndex.hash(id, seed: 1) != SessionIndex.hash(id, seed: 2))
        let built = String(decoding: Array(id.utf8), as: UTF8.self)
        #expect(SessionIndex.hash(built, seed: 7) == SessionIndex.hash(id, seed: 7))
        var seen: Set<UInt32> = []
        for i in id.utf8.indices {
            var bytes = Array(id.utf8)
            bytes[id.utf8.distance(from: id.utf8.startIndex, to: i)] ^= 0x01
            seen.insert(SessionIndex.hash(String(decoding: bytes, as: UTF8.self), seed: 7))
        }
        #expect(seen.count == id.utf8.count)
        #expect(SessionIndex.hash("", seed: 7) != SessionIndex.hash("\u{0}", seed: 7))
    }
}
