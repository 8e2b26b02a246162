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
        let slot = slot(of: start.session) ?? createSession(start.session, ts: start.ts, into: &output)
        let language = Self.language(ofTag: start.lang)
        // A repeated or late session_start (after fragments started it implicitly) only fills in
        // what the session does not know yet.
        modify(slot) { s in
            s.agent = start.agent ?? s.agent
            s.team = start.team ?? s.team
            s.channel = start.channel ?? s.channel
            s.customerID = start.customer ?? s.customerID
            s.language = language ?? s.language
            if let tag = start.lang, Self.isTraditionalTag(tag) { s.prefersTraditional = true }
            if let seq = start.seq, s.lastSeq == .min { s.lastSeq = seq }
            s.lastTs = max(s.lastTs, start.ts)
        }
        warmStartBaselines(slot, now: start.ts)
        touch(slot)
    }

    /// Starts the session's speakers from their last calls' baselines, where the book has them
    /// and the speaker has not spoken yet in this call.
    mutating func warmStartBaselines(_ slot: Int32, now: Double) {
        guard configuration.prosody.carryBaselines, baselines.count > 0 else { return }
        let agentBaseline = slots[Int(slot)].agent.flatMap { baselines.baseline(for: BaselineBook.agentKey($0), now: now) }
        let customerBaseline = slots[Int(slot)].customerID.flatMap { baselines.baseline(for: BaselineBook.customerKey($0), now: now) }
        guard agentBaseline != nil || customerBaseline != nil else { return }
        let tuning = configuration.prosody.baseline
        modify(slot) { s in
            if let agentBaseline, s.agentState.baseline.speechSeconds == 0 {
                s.agentState.baseline = ProsodyBaseline(configuration: tuning, carrying: agentBaseline)
            }
            if let customerBaseline, s.customer.baseline.speechSeconds == 0 {
                s.customer.baseline = ProsodyBaseline(configuration: tuning, carrying: customerBaseline)
            }
        }
    }

    mutating func endSession(_ end: SessionEnd, into output: inout EngineOutput) {
        guard let slot = slot(of: end.session) else {
            counters.unknownSessionEnds += 1
            return
        }
        let summary = slots[Int(slot)].summary(endTs: max(end.ts, slots[Int(slot)].lastTs), reason: .ended)
        remove(slot: slot)
        counters.sessionsEnded += 1
        output.endedSessions.append(summary)
    }

    /// Creates a live session, evicting the least recently active one if the cap is reached.
    mutating func createSession(_ id: String, ts: Double, into output: inout EngineOutput) -> Int32 {
        while index.count >= max(1, configuration.sessions.maxLive), oldest >= 0 {
            let victim = oldest
            output.endedSessions.append(slots[Int(victim)].summary(endTs: slots[Int(victim)].lastTs, reason: .evicted))
            remove(slot: victim)
            counters.evictions += 1
        }
        let state = SessionState(id: id, startTs: ts, configuration: configuration)
        let slot: Int32
        if let free = freeSlots.popLast() {
            slot = free
            slots[Int(slot)] = state
            history.clear(slot)
            transcripts.clear(slot)
        } else {
            slot = Int32(slots.count)
            slots.append(state)
            older.append(-1)
            newer.append(-1)
            history.addSlot()
            transcripts.addSlot()
            idle.addSlot()
        }
        index.insert(id, slot: slot)
        link(slot)
        idle.open(slot, lastTs: ts)
        counters.sessionsStarted += 1
        return slot
    }

    /// The slot of a live session.
    func slot(of session: String) -> Int32? {
        index.slot(of: session) { slots[Int($0)].id == session }
    }

    /// Runs `body` on a session in place, in its slot: nothing is moved or copied. `body` must
    /// not touch the engine (exclusive access to `slots`); the rules get the engine's other
    /// members as arguments instead (see `process`).
    mutating func modify<R>(_ slot: Int32, _ body: (inout SessionState) throws -> R) rethrows -> R {
        try body(&slots[Int(slot)])
    }

    /// Marks a session the most recently active.
    mutating func touch(_ slot: Int32) {
        guard newest != slot else { return }
        unlink(slot)
        link(slot)
    }

    mutating func remove(slot: Int32) {
        if configuration.prosody.carryBaselines {
            for entry in slots[Int(slot)].carriedBaselines(endTs: slots[Int(slot)].lastTs) { baselines.put(entry) }
        }
        unlink(slot)
        idle.close(slot)
        index.remove(slots[Int(slot)].id, slot: slot)
        slots[Int(slot)] = .vacant
        freeSlots.append(slot)
    }

    private mutating func link(_ slot: Int32) {
        older[Int(slot)] = newest
        newer[Int(slot)] = -1
        if newest >= 0 { newer[Int(newest)] = slot }
        newest = slot
        if oldest < 0 { oldest = slot }
    }

    private mutating func unlink(_ slot: Int32) {
        let before = older[Int(slot)]
        let after = newer[Int(slot)]
        if before >= 0 { newer[Int(before)] = after } else { oldest = after }
        if after >= 0 { older[Int(after)] = before } else { newest = before }
        older[Int(slot)] = -1
        newer[Int(slot)] = -1
    }

    mutating func reject(_ rejection: Rejection, into output: inout EngineOutput) {
        counters.rejections[rejection.reason, default: 0] += 1
        output.rejection = rejection
    }
}
