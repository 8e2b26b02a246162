import GRDB

extension TicketStore {
    /// The schema, one migration per released change. Never edit a shipped migration:
    /// files on operators' disks have run it already; add a new one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE alerts (
                    id INTEGER PRIMARY KEY,
                    session TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    episode INTEGER NOT NULL,
                    severity TEXT NOT NULL,
                    agent TEXT,
                    team TEXT,
                    speaker TEXT NOT NULL,
                    seq INTEGER NOT NULL,
                    ts REAL NOT NULL,
                    valence REAL,
                    arousal REAL,
                    smoothed_valence REAL,
                    smoothed_arousal REAL,
                    evidence_json TEXT NOT NULL,
                    recorded_at REAL NOT NULL,
                    UNIQUE (session, kind, episode)
                );
                -- No more indexes on alerts: every one costs on the hot insert path, and
                -- the unique key already serves lookups by session.

                CREATE TABLE tickets (
                    key TEXT PRIMARY KEY NOT NULL,
                    session TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    severity TEXT NOT NULL,
                    agent TEXT,
                    team TEXT,
                    speaker TEXT NOT NULL,
                    seq INTEGER NOT NULL,
                    ts REAL NOT NULL,
                    created_at REAL NOT NULL,
                    deadline REAL NOT NULL,
                    tier INTEGER NOT NULL,
                    tier_name TEXT NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('open', 'acknowledged', 'resolved')),
                    acknowledged_by TEXT,
                    acknowledged_at REAL,
                    resolved_by TEXT,
                    resolved_at REAL,
                    resolution_note TEXT,
                    escalations INTEGER NOT NULL DEFAULT 0,
                    republications INTEGER NOT NULL DEFAULT 0,
                    alert_json TEXT NOT NULL
                );
                -- escalateOverdue scans open tickets by deadline.
                CREATE INDEX tickets_by_status_deadline ON tickets (status, deadline);
                CREATE INDEX tickets_by_team_status ON tickets (team, status);
                CREATE INDEX tickets_by_ts ON tickets (ts);

                CREATE TABLE ticket_events (
                    id INTEGER PRIMARY KEY,
                    ticket_key TEXT NOT NULL REFERENCES tickets (key) ON DELETE CASCADE,
                    at REAL NOT NULL,
                    action TEXT NOT NULL
                        CHECK (action IN ('created', 'escalated', 'republished', 'acknowledged', 'resolved')),
                    actor TEXT,
                    tier INTEGER NOT NULL,
                    tier_name TEXT NOT NULL,
                    note TEXT
                );
                CREATE INDEX ticket_events_by_key ON ticket_events (ticket_key, id);

                CREATE TABLE session_summaries (
                    session TEXT PRIMARY KEY NOT NULL,
                    agent TEXT,
                    team TEXT,
                    channel TEXT,
                    start_ts REAL NOT NULL,
                    end_ts REAL NOT NULL,
                    end_reason TEXT NOT NULL,
                    fragments INTEGER NOT NULL,
                    customer_fragments INTEGER NOT NULL,
                    agent_fragments INTEGER NOT NULL,
                    customer_valence_start REAL,
                    customer_valence_end REAL,
                    customer_valence_min REAL,
                    agent_valence_mean REAL,
                    agent_arousal_max REAL,
                    agent_interruptions INTEGER NOT NULL,
                    alerts_json TEXT NOT NULL,
                    saved_at REAL NOT NULL
                );
                CREATE INDEX session_summaries_by_agent ON session_summaries (agent, end_ts);
                CREATE INDEX session_summaries_by_team ON session_summaries (team, end_ts);
                """)
        }
        migrator.registerMigration("v2-incidents") { db in
            // One incident per conversation: later urgent alerts of a session attach to its
            // open ticket instead of opening tickets of their own.
            try db.execute(sql: """
                ALTER TABLE tickets ADD COLUMN kinds TEXT NOT NULL DEFAULT '';
                CREATE INDEX tickets_by_session_status ON tickets (session, status);

                CREATE TABLE ticket_alerts (
                    alert_key TEXT PRIMARY KEY NOT NULL,
                    ticket_key TEXT NOT NULL REFERENCES tickets (key) ON DELETE CASCADE,
                    kind TEXT NOT NULL,
                    seq INTEGER NOT NULL,
                    ts REAL NOT NULL,
                    alert_json TEXT NOT NULL
                );
                CREATE INDEX ticket_alerts_by_ticket ON ticket_alerts (ticket_key, ts);

                -- SQLite cannot widen a CHECK in place: the history table is copied.
                CREATE TABLE ticket_events_v2 (
                    id INTEGER PRIMARY KEY,
                    ticket_key TEXT NOT NULL REFERENCES tickets (key) ON DELETE CASCADE,
                    at REAL NOT NULL,
                    action TEXT NOT NULL CHECK (action IN (
                        'created', 'attached', 'repaged', 'escalated', 'republished', 'acknowledged', 'resolved'
                    )),
                    actor TEXT,
                    tier INTEGER NOT NULL,
                    tier_name TEXT NOT NULL,
                    note TEXT
                );
                INSERT INTO ticket_events_v2 SELECT id, ticket_key, at, action, actor, tier, tier_name, note FROM ticket_events;
                DROP TABLE ticket_events;
                ALTER TABLE ticket_events_v2 RENAME TO ticket_events;
                CREATE INDEX ticket_events_by_key ON ticket_events (ticket_key, id);
                """)
        }
        migrator.registerMigration("v3-feedback") { db in
            try db.execute(sql: """
                CREATE TABLE feedback (
                    id INTEGER PRIMARY KEY,
                    target TEXT NOT NULL CHECK (target IN ('alert', 'ticket')),
                    key TEXT NOT NULL,
                    session TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    verdict TEXT NOT NULL CHECK (verdict IN ('false_alarm', 'helpful')),
                    actor TEXT NOT NULL,
                    at REAL NOT NULL,
                    note TEXT,
                    UNIQUE (target, key, actor)
                );
                CREATE INDEX feedback_by_session ON feedback (session);
                """)
        }
        migrator.registerMigration("v4-baselines") { db in
            try db.execute(sql: """
                CREATE TABLE speaker_baselines (
                    key TEXT PRIMARY KEY NOT NULL,
                    baseline_json TEXT NOT NULL,
                    ts REAL NOT NULL
                );
                CREATE INDEX speaker_baselines_by_ts ON speaker_baselines (ts);
                """)
        }
        return migrator
    }

    func migrate() throws(StoreError) {
        let migrator = Self.migrator
        do {
            let superseded = try writer.read { db in try migrator.hasBeenSuperseded(db) }
            if superseded {
                throw StoreError(
                    .newerSchema,
                    "the database at \(path ?? ":memory:") was written by a newer Moodline — upgrade this binary or use another file",
                    path: path
                )
            }
            try migrator.migrate(writer)
        } catch {
            throw mapped(error)
        }
    }
}
