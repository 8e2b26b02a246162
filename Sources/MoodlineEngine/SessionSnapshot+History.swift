extension SessionSnapshot {
    /// This snapshot with `previous`'s history and one more point for its own levels: how a
    /// listener builds sparklines from the history-less snapshots published about once a second.
    public func extendingHistory(of previous: SessionSnapshot?, keeping limit: Int) -> SessionSnapshot {
        var next = self
        var history = previous?.history ?? []
        if history.count >= limit { history.removeFirst(history.count - limit + 1) }
        history.append(Point(
            ts: lastTs, customerValence: customerValence, customerArousal: customerArousal,
            agentValence: agentValence, agentArousal: agentArousal
        ))
        next.history = history
        return next
    }
}
