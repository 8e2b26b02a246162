extension EngineConfig {
    /// The defaults as YAML, one comment per key: the `engine` section of the config file.
    /// Equal in value to `EngineConfig()` (a test proves it); a file needs only the keys it changes.
    public static let documentedDefaultsYAML = """
    # Smoothing runs on event time (seconds of `ts`), so chat and voice move alike per second.
    smoothing:
      half_life_seconds: 20          # half-life of each speaker's smoothed valence and arousal
      trend_half_life_seconds: 90    # half-life of the slow average; trend = smoothed - slow
      minimum_weight: 0.4            # least weight a fragment gets, however soon after the last
      maximum_weight: 0.75           # most weight a fragment gets, however long the gap before it

    # Sustained kinds fire when the level stays >= enter for hold_fragments consecutive fragments
    # of the speaker and hold_seconds; the episode ends when the level drops below exit, and a new
    # one may fire after cooldown_seconds. One-shot kinds fire on one statement; the episode stays
    # open while further statements follow within cooldown_seconds. Severity: info (agent only),
    # warning (agent and supervisor), critical (also an urgent ticket).
    rules:
      customer_negative:             # level: minus the customer's smoothed valence
        severity: info               # common and mild: the agent's cue, not a supervisor's
        enter: 0.2                   # level that opens an episode
        exit: 0.05                   # level below which the episode ends
        hold_fragments: 2            # customer fragments at or above enter before it fires ...
        hold_seconds: 0              # event-time seconds at or above enter before it fires
        cooldown_seconds: 120        # least time between two alerts of the kind
        immediate_level: 0.5         # ... unless one pointed fragment is this negative: a risk, rudeness, agitation, an echo of the agent, or after negative lines (null: always hold)
      customer_anger:                # level: sqrt(negativity x (arousal + rising trend)); quiet while self_harm is open
        severity: warning            # a supervisor may want to listen in
        enter: 0.35                  # level that opens an episode
        exit: 0.2                    # level below which the episode ends
        hold_fragments: 2            # customer fragments at or above enter before it fires ...
        hold_seconds: 0              # event-time seconds at or above enter before it fires
        cooldown_seconds: 120        # least time between two alerts of the kind
        immediate_level: 0.7         # ... unless one fragment alone is this angry (null: always hold)
        critical_level: 0.65         # an open episode at this level, after each of the last ...
        climbing_fragments: 2        # ... this many customer fragments was angrier than the one before: critical, a ticket (null: never)
      agent_stress:                  # level: max(-valence, arousal x (1 - positive valence)); empathy/apology excluded
        severity: info               # a cue to the agent; supervisors see the trend on the console
        enter: 0.3                   # level that opens an episode
        exit: 0.15                   # level below which the episode ends
        hold_fragments: 2            # agent fragments at or above enter before it fires
        hold_seconds: 0              # event-time seconds at or above enter before it fires
        cooldown_seconds: 180        # least time between two alerts of the kind
      interruptions:                 # level: agent talk-overs inside interruptions.window_seconds
        severity: info               # coaching cue for the agent
        enter: 3                     # talk-overs in the window that open an episode
        exit: 1                      # fewer talk-overs than this in the window end it
        hold_fragments: 1            # agent fragments at or above enter before it fires
        hold_seconds: 0              # event-time seconds at or above enter before it fires
        cooldown_seconds: 120        # least time between two alerts of the kind
      self_harm:                     # customer speaks of suicide or self-harm; never capped
        severity: critical           # always critical: a person must see it at once
        cooldown_seconds: 300        # further statements within this stay one episode (one ticket)
      abuse:                         # customer insults or threatens the agent
        severity: critical           # the agent needs backing from a supervisor now
        cooldown_seconds: 300        # further insults within this stay one episode
      escalation_threat:             # regulators, lawyers, courts, media, complaint sites
        severity: critical           # legal and reputational risk: urgent ticket
        cooldown_seconds: 600        # further threats within this stay one episode
      churn_threat:                  # cancel, return everything, leave for a competitor
        severity: warning            # retention can step in; not an emergency
        cooldown_seconds: 600        # further threats within this stay one episode
      repeat_contact:                # issue still unresolved after earlier contacts
        severity: info               # context for the agent, counted for first-contact resolution
        cooldown_seconds: 1800       # further mentions within this stay one episode
      agent_misconduct:              # agent rude, mocking or insulting to the customer
        severity: warning            # the supervisor must know; the agent sees it too
        cooldown_seconds: 300        # further remarks within this stay one episode

    interruptions:
      window_seconds: 90             # sliding window of event time the agent's talk-overs are counted in
      minimum_overlap_seconds: 0.3   # shortest agent overlap_s that counts (customer overlaps never do)

    sessions:
      max_live: 100000               # live sessions; beyond it the least recently active is evicted with a summary
      idle_timeout_seconds: 900      # event-time seconds without a message before expireIdle ends a session
      snapshot_interval_seconds: 1   # a session's snapshot is due at most this often (event time)
      max_non_critical_alerts: 12    # info and warning alerts per session; later ones are counted and dropped
      history_points: 20             # points of recent history per session, for sparklines
      transcript_turns: 6            # last turns (both speakers, redacted) a critical alert carries to its ticket; 0: none
      redact: [phone, email, card, cn_id, tw_id, hk_id, bank_account]   # personal data masked in transcripts and reports; drop a kind to keep it

    interim:
      raise_urgent: true             # interim text may raise self_harm and abuse before the final text
      max_per_utterance: 16          # interim revisions of one seq that are scored; later ones are dropped

    prosody:
      baseline_half_life_seconds: 120  # half-life of each speaker's baseline, seconds of speech
      warm_up_seconds: 8             # seconds of speech before prosody counts
      z_clamp: 3                     # z-scores are clamped to plus or minus this
      calm_agitation: 0.8            # after warm-up the baseline learns only from calmer readings
      energy_weight: 0.35            # weight of loudness in prosodic agitation
      pitch_weight: 0.3              # weight of mean pitch
      pitch_sd_weight: 0.15          # weight of pitch range
      rate_weight: 0.2               # weight of speech rate
      share: 0.6                     # share of prosody in a voice fragment's arousal once warm
      calm_text_valence: -0.3        # text at or below this valence is not calm (baseline does not learn)
      calm_text_arousal: 0.5         # text at or above this arousal is not calm either
      default_rate_sps: 4.5          # syllables per second assumed without rate_sps (duration estimate)
      carry_baselines: true          # an agent's (or named customer's) next call starts from their last warm baseline
      carried_max_age_seconds: 2592000  # baselines older than this (30 days) are not carried
      carried_max_kept: 20000        # speakers whose baselines are kept (memory and database)

    """ + GuidanceBook.standardYAML
}
