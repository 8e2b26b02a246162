import MoodlineRedaction

/// The last few final turns of every live session, both speakers, for the context an urgent
/// alert carries: one flat buffer of `capacity` turns per slot, overwritten in place as a ring
/// (the layout of ``HistoryPool``). The texts are the fragments' own strings, kept, not copied;
/// they are redacted only when an alert takes them, which is rare.
struct TranscriptPool: Sendable {
    let capacity: Int
    private var turns: [TranscriptTurn] = []
    private var next: [UInt16] = []
    private var held: [UInt16] = []
    private let redactor: Redactor

    /// - Parameters:
    ///   - capacity: Turns kept per session; 0 keeps none.
    ///   - redacting: The kinds of personal data masked when an alert takes the turns.
    init(capacity: Int, redacting kinds: [RedactionKind] = RedactionKind.allCases) {
        self.capacity = max(0, capacity)
        redactor = Redactor(kinds: Set(kinds))
    }

    mutating func addSlot() {
        guard capacity > 0 else { return }
        turns.append(contentsOf: repeatElement(TranscriptTurn(seq: 0, ts: 0, speaker: .customer, text: ""), count: capacity))
        next.append(0)
        held.append(0)
    }

    /// Forgets a slot's turns (and lets go of their texts), for the session that takes it over.
    mutating func clear(_ slot: Int32) {
        guard capacity > 0 else { return }
        let s = Int(slot)
        for i in (s * capacity)..<((s + 1) * capacity) { turns[i].text = "" }
        next[s] = 0
        held[s] = 0
    }

    mutating func append(_ fragment: Fragment, to slot: Int32) {
        guard capacity > 0 else { return }
        let s = Int(slot)
        let i = Int(next[s])
        turns[s &* capacity &+ i] = TranscriptTurn(seq: fragment.seq, ts: fragment.ts, speaker: fragment.speaker, text: fragment.text)
        next[s] = i &+ 1 == capacity ? 0 : UInt16(i &+ 1)
        if Int(held[s]) < capacity { held[s] &+= 1 }
    }

    /// A slot's turns, oldest first, with personal data masked.
    func redacted(_ slot: Int32) -> [TranscriptTurn] {
        guard capacity > 0 else { return [] }
        let s = Int(slot)
        let count = Int(held[s]), start = s * capacity
        let split = count == capacity ? start + Int(next[s]) : start
        var out: [TranscriptTurn] = []
        out.reserveCapacity(count)
        for k in 0..<count {
            let i = start + (split - start + k) % capacity
            var turn = turns[i]
            turn.text = redactor.redact(turn.text)
            out.append(turn)
        }
        return out
    }
}
