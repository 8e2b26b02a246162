/// What the ``StoreWriter`` has committed and published, for `stats` and the logs.
struct StoreWriterCounters: Sendable, Equatable {
    var alertsPublished = 0
    var ticketsOpened = 0
    /// Urgent alerts that joined their conversation's open incident.
    var alertsAttached = 0
    var ticketsEscalated = 0
    /// Alerts the store already had (a re-sent stream), not published again.
    var alertsAlreadyRecorded = 0

    /// `counters` with the writer's figures in place of the pipeline's (whose pipeline has no
    /// store, so it counts alerts queued rather than published).
    func merged(into counters: PipelineCounters) -> PipelineCounters {
        var c = counters
        c.alertsPublished = alertsPublished
        c.ticketsOpened = ticketsOpened
        c.alertsAttached = alertsAttached
        c.ticketsEscalated = ticketsEscalated
        c.alertsAlreadyRecorded = alertsAlreadyRecorded
        return c
    }
}
