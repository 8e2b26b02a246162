import MoodlineEngine
import MoodlineServer
import MoodlineStore
import MoodlineWire

/// The replay's ``PipelineSink``: where `serve` publishes, a replay records. It writes the
/// alerts file and the CSV tables as results arrive, and keeps what the report needs:
/// per-agent scorecards, the first sessions' rows, and the timelines of the sessions it draws.
///
/// Memory stays bounded whatever the input size: scorecards grow with the number of agents,
/// timelines and session rows are capped, and alert keys are kept only when asked for.
public struct ReplayRecorder: PipelineSink {
    /// Which alerts to remember as ``AlertKey``s, for scoring and comparing.
    public enum KeyRetention: Sendable {
        case none
        case all
        /// Only alerts of these sessions (those an expectations file names).
        case sessions(Set<String>)
    }

    /// What to keep and where to write.
    public struct Options: Sendable {
        /// The alerts JSON Lines file, or nil.
        public var alertsPath: String?
        /// The directory for alerts.csv, sessions.csv and agents.csv, or nil.
        public var csvDirectory: String?
        /// Sessions whose transcript and timeline are kept for the report (the first ones seen).
        public var timelineSessions = 100
        /// Transcript lines kept per drawn session.
        public var linesPerTimeline = 400
        /// Session rows kept for the report's table of sessions.
        public var sessionRows = 2_000
        public var keys = KeyRetention.none

        public init() {}
    }

    public let options: Options
    public private(set) var alertsByKind: [AlertKind: Int] = [:]
    public private(set) var alertsBySeverity: [Severity: Int] = [:]
    public private(set) var sessionsEnded = 0
    /// Scorecards by agent id (sessions without an agent under "(no agent)").
    public private(set) var agents: [String: AgentScorecard] = [:]
    /// The first ``Options/sessionRows`` sessions to end, in the order they ended.
    public private(set) var sessionRows: [SessionSummary] = []
    /// Drawn sessions, and their ids in the order they were first seen.
    public private(set) var timelines: [String: SessionTimeline] = [:]
    public private(set) var timelineOrder: [String] = []
    /// The alerts kept under ``Options/keys``, in the order they were raised.
    public private(set) var alertKeys: [AlertKey] = []

    private var alertLog: OutputFile?
    private var alertWriter = JSONWriter(capacity: 2048)
    private var csv: CSVTables?
    /// Where results also go: the publishing sink of a paced replay.
    private var downstream: (any PipelineSink)?

    static let noAgent = "(no agent)"

    /// Whether anything downstream receives the results (a paced replay that publishes).
    public var hasDownstream: Bool { downstream != nil }

    /// Opens the output files. `downstream` also receives every result (for publishing).
    public init(options: Options, downstream: (any PipelineSink)? = nil) throws(ReplayError) {
        self.options = options
        self.downstream = downstream
        if let path = options.alertsPath { alertLog = try OutputFile(path: path) }
        if let dir = options.csvDirectory { csv = try CSVTables(directory: dir) }
    }

    /// Agents' scorecards sorted by agent id.
    public var scorecards: [AgentScorecard] { agents.values.sorted { $0.agent < $1.agent } }

    /// Drawn sessions in the order they were first seen.
    public var drawnTimelines: [SessionTimeline] { timelineOrder.compactMap { timelines[$0] } }

    /// Flushes and closes the files (writing agents.csv).
    public mutating func finish() throws(ReplayError) {
        try alertLog?.close()
        try csv?.finish(agents: scorecards)
        alertLog = nil
        csv = nil
    }

    // MARK: PipelineSink

    public mutating func alert(_ alert: Alert, newTicket ticket: Ticket?) {
        alertsByKind[alert.kind, default: 0] += 1
        alertsBySeverity[alert.severity, default: 0] += 1
        let agent = alert.agent ?? Self.noAgent
        agents[agent, default: AgentScorecard(agent: agent, team: alert.team)].add(alert)
        if let log = alertLog {
            // The very object `serve` publishes inside {"type":"alert","alert":{…}}.
            alertWriter.removeAll()
            alertWriter.write(alert)
            alertWriter.newline()
            log.write(alertWriter.bytes)
        }
        csv?.add(alert)
        switch options.keys {
        case .none: break
        case .all: alertKeys.append(AlertKey(alert))
        case .sessions(let wanted): if wanted.contains(alert.session) { alertKeys.append(AlertKey(alert)) }
        }
        timelines[alert.session]?.alerts.append(alert)
        downstream?.alert(alert, newTicket: ticket)
    }

    public mutating func ticketChanged(_ ticket: Ticket, action: TicketAction, at: Double) {
        downstream?.ticketChanged(ticket, action: action, at: at)
    }

    public mutating func snapshot(_ snapshot: SessionSnapshot) {
        downstream?.snapshot(snapshot)
    }

    public mutating func sessionEnded(_ summary: SessionSummary) {
        sessionsEnded += 1
        let agent = summary.agent ?? Self.noAgent
        agents[agent, default: AgentScorecard(agent: agent, team: summary.team)].add(summary)
        if sessionRows.count < options.sessionRows { sessionRows.append(summary) }
        csv?.add(summary)
        if timelines[summary.session] != nil { timelines[summary.session]!.summary = summary }
        downstream?.sessionEnded(summary)
    }

    // MARK: Transcripts

    /// Notes an event the pipeline accepted, for the timelines of the drawn sessions: the
    /// first sessions seen are drawn, up to the cap. `engine` gives the levels after a fragment.
    mutating func note(_ event: WireEvent, engine: Engine) {
        let id = event.session
        if timelines[id] == nil {
            guard timelineOrder.count < options.timelineSessions else { return }
            timelineOrder.append(id)
            timelines[id] = SessionTimeline(session: id, startTs: event.ts)
        }
        switch event {
        case .sessionStart(let start):
            timelines[id]!.agent = start.agent ?? timelines[id]!.agent
            timelines[id]!.team = start.team ?? timelines[id]!.team
            timelines[id]!.channel = start.channel ?? timelines[id]!.channel
            timelines[id]!.customer = start.customer
            timelines[id]!.lang = start.lang ?? timelines[id]!.lang
        case .fragment(let f):
            if timelines[id]!.agent == nil { timelines[id]!.agent = f.agent }
            if timelines[id]!.team == nil { timelines[id]!.team = f.team }
            if timelines[id]!.channel == nil { timelines[id]!.channel = f.channel }
            if timelines[id]!.lang == nil { timelines[id]!.lang = f.lang }
            guard timelines[id]!.lines.count < options.linesPerTimeline else {
                timelines[id]!.omittedLines += 1
                return
            }
            // The history's newest point is this fragment's (final fragments only add one).
            let point = f.isFinal ? engine.snapshot(session: id)?.history.last : nil
            timelines[id]!.lines.append(SessionTimeline.Line(
                seq: f.seq, ts: f.ts, speaker: f.speaker, text: f.text, isFinal: f.isFinal, point: point))
        case .sessionEnd:
            break
        }
    }
}
