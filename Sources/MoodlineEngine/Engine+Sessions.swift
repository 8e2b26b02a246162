import MoodlineCore

// Session lifecycle: implicit start, the live cap with least-recently-active eviction, end,
// and the slot table behind them.

extension Engine {
    mutating func startSession(_ start: SessionStart, into output: inout EngineOutput) {
        guard !start.session.isEmpty else {
            reject(Rejection(.missingField, "session"), into: &output)
            return
        }
        guard start.ts.isFinite else {
            reject(Rejection(.wrongType, "ts"), into: &output)
            return
        }
        let slot = index[start.session] ?? createSession(start.session, ts: start.ts, into: &output)
        // A repeated or late session_start (after fragments started it implicitly) only fills in
        // what the session does not know yet.
        modify(slot) { s in
            s.agent = start.agent ?? s.agent
            s.team = start.team ?? s.team
            s.channel = start.channel ?? s.channel
            s.customerID = start.customer ?? s.customerID
            s.language = start.lang.flatMap { Language(bcp47: $0) } ?? s.language
            if let seq = start.seq, s.lastSeq == .min { s.lastSeq = seq }
            s.lastTs = max(s.lastTs, start.ts)
        }
        touch(slot)
    }

    mutating func endSession(_ end: SessionEnd, into output: inout EngineOutput) {
        guard let slot = index[end.session], let state = slots[Int(slot)] else {
            counters.unknownSessionEnds += 1
            return
        }
        let summary = state.summary(endTs: max(end.ts, state.lastTs), reason: .ended)
        remove(slot: slot)
        counters.sessionsEnded += 1
        output.endedSessions.append(summary)
    }

    /// Creates a live session, evicting the least recently active one if the cap is reached.
    mutating func createSession(_ id: String, ts: Double, into output: inout EngineOutput) -> Int32 {
        while index.count >= max(1, configuration.sessions.maxLive), oldest >= 0 {
            let victim = oldest
            let state = slots[Int(victim)]!
            output.endedSessions.append(state.summary(endTs: state.lastTs, reason: .evicted))
            remove(slot: victim)
            counters.evictions += 1
        }
        let state = SessionState(id: id, startTs: ts, configuration: configuration)
        let slot: Int32
        if let free = freeSlots.popLast() {
            slot = free
            slots[Int(slot)] = state
        } else {
            slot = Int32(slots.count)
            slots.append(state)
        }
        index[id] = slot
        link(slot)
        counters.sessionsStarted += 1
        return slot
    }

    /// Runs `body` on a session in place. The state is moved out of its slot while `body` runs,
    /// so the engine's other members stay usable and nothing is copied on write.
    mutating func modify<R>(_ slot: Int32, _ body: (inout SessionState) throws -> R) rethrows -> R {
        var state = slots[Int(slot)].take()!
        defer { slots[Int(slot)] = state }
        return try body(&state)
    }

    /// Marks a session the most recently active.
    mutating func touch(_ slot: Int32) {
        guard newest != slot else { return }
        unlink(slot)
        link(slot)
    }

    mutating func remove(slot: Int32) {
        unlink(slot)
        if let id = slots[Int(slot)]?.id { index[id] = nil }
        slots[Int(slot)] = nil
        freeSlots.append(slot)
    }

    private mutating func link(_ slot: Int32) {
        slots[Int(slot)]!.older = newest
        slots[Int(slot)]!.newer = -1
        if newest >= 0 { slots[Int(newest)]!.newer = slot }
        newest = slot
        if oldest < 0 { oldest = slot }
    }

    private mutating func unlink(_ slot: Int32) {
        let older = slots[Int(slot)]!.older
        let newer = slots[Int(slot)]!.newer
        if older >= 0 { slots[Int(older)]!.newer = newer } else { oldest = newer }
        if newer >= 0 { slots[Int(newer)]!.older = older } else { newest = older }
        slots[Int(slot)]!.older = -1
        slots[Int(slot)]!.newer = -1
    }

    mutating func reject(_ rejection: Rejection, into output: inout EngineOutput) {
        counters.rejections[rejection.reason, default: 0] += 1
        output.rejection = rejection
    }
}
