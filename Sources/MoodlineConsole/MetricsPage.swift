import MoodlineEngine
import MoodlineServer
import MoodlineStore

/// `/metrics`: the server's figures in the Prometheus text format.
enum MetricsPage {
    /// What the console's event streams hold and have dropped.
    struct StreamFigures {
        var bytes = 0
        var droppedEvents = 0
    }

    static func render(
        _ f: ServerStatus.Figures, openTicketsByTier: [String: Int], tiers: [String], consoleStreams: Int,
        feedback: [FeedbackCount] = [], consoleBuffers: StreamFigures = StreamFigures()
    ) -> String {
        var page = PrometheusText()
        page.family("moodline_fragments_received_total", .counter, help: "Messages taken from the ingest socket, accepted or not.")
        page.sample("moodline_fragments_received_total", f.received)

        page.family("moodline_fragments_rejected_total", .counter, help: "Messages refused, by reason.")
        for reason in RejectionReason.allCases {
            page.sample("moodline_fragments_rejected_total", [("reason", reason.rawValue)], f.rejections[reason] ?? 0)
        }

        page.family("moodline_alerts_total", .counter, help: "Alerts raised by the rules, by kind.")
        for kind in AlertKind.allCases {
            page.sample("moodline_alerts_total", [("kind", kind.rawValue)], f.alertsRaised[kind] ?? 0)
        }
        page.family("moodline_alerts_published_total", .counter, help: "Alerts committed and published (a re-sent stream's repeats excluded).")
        page.sample("moodline_alerts_published_total", f.alertsPublished)
        page.family("moodline_tickets_opened_total", .counter, help: "Urgent tickets created.")
        page.sample("moodline_tickets_opened_total", f.ticketsOpened)
        page.family("moodline_alerts_attached_total", .counter, help: "Urgent alerts that joined their conversation's open incident.")
        page.sample("moodline_alerts_attached_total", f.alertsAttached)
        page.family("moodline_tickets_escalated_total", .counter, help: "Deadlines missed: tickets moved to the next tier or re-published at the last.")
        page.sample("moodline_tickets_escalated_total", f.ticketsEscalated)

        page.family("moodline_open_tickets", .gauge, help: "Unacknowledged tickets, by the tier that owns them.")
        var names = tiers
        for name in openTicketsByTier.keys.sorted() where !names.contains(name) { names.append(name) }
        for name in names {
            page.sample("moodline_open_tickets", [("tier", name)], openTicketsByTier[name] ?? 0)
        }

        page.family("moodline_feedback_total", .counter, help: "Verdicts people gave on alerts and tickets, by alert kind and verdict.")
        for count in feedback {
            page.sample("moodline_feedback_total", [("kind", count.kind), ("verdict", count.verdict.rawValue)], count.count)
        }

        page.family("moodline_event_time_ahead_seconds", .gauge, help: "How far the furthest-ahead message ts led the server's clock over the last minute or so.")
        page.sample("moodline_event_time_ahead_seconds", [], f.skew.aheadSeconds)
        page.family("moodline_event_time_behind_seconds", .gauge, help: "How far the furthest-behind message ts lagged the server's clock over the last minute or so.")
        page.sample("moodline_event_time_behind_seconds", [], f.skew.behindSeconds)

        page.family("moodline_live_sessions", .gauge, help: "Conversations being tracked now.")
        page.sample("moodline_live_sessions", f.liveSessions)
        page.family("moodline_session_evictions_total", .counter, help: "Sessions dropped because the live-session cap was reached.")
        page.sample("moodline_session_evictions_total", f.evictions)

        page.family("moodline_scoring_latency_seconds", .histogram, help: "Time to decode, score and run the rules on one message.")
        page.histogram(
            "moodline_scoring_latency_seconds",
            boundsInSeconds: LatencyHistogram.boundsNanoseconds.map { Double($0) / 1e9 },
            counts: f.processing.counts, sum: Double(f.processing.totalNanoseconds) / 1e9, count: f.processing.count
        )

        page.family("moodline_console_streams", .gauge, help: "Console pages connected to the event stream.")
        page.sample("moodline_console_streams", consoleStreams)
        page.family("moodline_console_stream_buffered_bytes", .gauge, help: "Bytes of events queued for console pages that have not read them yet.")
        page.sample("moodline_console_stream_buffered_bytes", consoleBuffers.bytes)
        page.family(
            "moodline_console_stream_dropped_events_total", .counter,
            help: "Events dropped from console pages' streams past their byte bounds (per page, per token); the page is told to re-read."
        )
        page.sample("moodline_console_stream_dropped_events_total", consoleBuffers.droppedEvents)
        page.family("moodline_up", .gauge, help: "1 while the pipeline loop runs.")
        page.sample("moodline_up", f.running ? 1 : 0)
        return page.text
    }
}
