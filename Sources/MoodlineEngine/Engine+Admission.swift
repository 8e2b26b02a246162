import MoodlineCore

// Sequence validation. The rules of DESIGN.md "Interim results": seq increases within a
// session; the exact same message again is a duplicate, dropped idempotently; a fragment may
// reuse the seq of an interim one, which it replaces.

extension Engine {
    /// Validates a fragment against its session, starting the session if needed. Returns the
    /// session's slot, or nil when the fragment is rejected or dropped.
    mutating func admit(_ fragment: Fragment, into output: inout EngineOutput) -> Int32? {
        guard !fragment.session.isEmpty else {
            reject(Rejection(.missingField, "session"), into: &output)
            return nil
        }
        guard fragment.ts.isFinite else {
            reject(Rejection(.wrongType, "ts"), into: &output)
            return nil
        }
        let slot: Int32
        if let existing = self.slot(of: fragment.session) {
            slot = existing
        } else {
            slot = createSession(fragment.session, ts: fragment.ts, into: &output)
            let language = Self.language(ofTag: fragment.lang)
            modify(slot) { s in
                s.agent = fragment.agent
                s.team = fragment.team
                s.channel = fragment.channel
                s.language = language
            }
            warmStartBaselines(slot, now: fragment.ts)
        }

        let hash = Self.fingerprint(fragment.text)
        let maxInterims = configuration.interim.maxPerUtterance
        enum Verdict { case accept, reject(Rejection), dropInterim }
        let verdict: Verdict = modify(slot) { s in
            if fragment.seq < s.lastSeq {
                return .reject(Rejection(.seqNotIncreasing, "seq \(fragment.seq) after \(s.lastSeq)"))
            }
            if fragment.seq == s.lastSeq {
                if hash == s.lastTextHash && fragment.isFinal == s.lastWasFinal {
                    return .reject(Rejection(.duplicate, "seq \(fragment.seq)"))
                }
                // Only an interim result may be followed by another fragment with its seq.
                guard !s.lastWasFinal else {
                    return .reject(Rejection(.seqNotIncreasing, "seq \(fragment.seq) repeated"))
                }
                if !fragment.isFinal && Int(s.interimsForSeq) >= maxInterims { return .dropInterim }
                s.interimsForSeq = fragment.isFinal ? 0 : s.interimsForSeq &+ 1
            } else {
                s.interimsForSeq = fragment.isFinal ? 0 : 1
            }
            s.lastSeq = fragment.seq
            s.lastTextHash = hash
            s.lastWasFinal = fragment.isFinal
            s.lastTs = max(s.lastTs, fragment.ts)
            if s.agent == nil { s.agent = fragment.agent }
            if s.team == nil { s.team = fragment.team }
            if s.channel == nil { s.channel = fragment.channel }
            return .accept
        }
        switch verdict {
        case .accept:
            touch(slot)
            return slot
        case .reject(let rejection):
            reject(rejection, into: &output)
            return nil
        case .dropInterim:
            counters.interimDropped += 1
            return nil
        }
    }

    /// A 64-bit hash of the text, eight bytes a step: stable across processes (unlike `Hasher`),
    /// so duplicate detection does not depend on the run.
    static func fingerprint(_ text: String) -> UInt64 {
        if let hashed = text.utf8.withContiguousStorageIfAvailable(fingerprint(utf8:)) { return hashed }
        return Array(text.utf8).withUnsafeBufferPointer(fingerprint(utf8:))
    }

    static func fingerprint(utf8 bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let h = WordHash.absorb(bytes, into: 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count))
        return h ^ (h >> 29)
    }
}
