extension HTMLReport {
    /// The report's only stylesheet, inline so the file opens offline. System fonts only.
    static let styles = """
    :root { --customer: #2563eb; --agent: #d97706; --info: #64748b; --warning: #d97706; --critical: #dc2626;
            --ink: #0f172a; --muted: #64748b; --line: #e2e8f0; --bg: #f8fafc; }
    * { box-sizing: border-box; }
    body { margin: 0; padding: 0 28px 40px; font: 14px/1.45 -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: var(--ink); background: #fff; }
    header { position: sticky; top: 0; background: #fff; border-bottom: 1px solid var(--line); padding: 14px 0 8px; z-index: 2; }
    h1 { margin: 0; font-size: 22px; }
    h2 { margin: 28px 0 10px; font-size: 18px; border-bottom: 2px solid var(--ink); padding-bottom: 4px; }
    h3 { margin: 14px 0 6px; font-size: 15px; }
    .sub { margin: 2px 0 6px; color: var(--muted); }
    nav a { margin-right: 14px; color: var(--customer); text-decoration: none; font-weight: 600; }
    .note { color: var(--muted); max-width: 980px; }
    .caveat { max-width: 980px; border-left: 4px solid #b35c00; padding: 4px 10px; background: #fff6e8; }
    .verdict { font-size: 12px; border-radius: 8px; padding: 0 6px; border: 1px solid var(--line); }
    .v-matched { color: #1e7a3c; } .v-false, .v-outside { color: #b3261e; } .v-unscored { color: var(--muted); }
    .few { color: #b35c00; font-size: 12px; }
    .tiles { display: flex; flex-wrap: wrap; gap: 10px; margin: 8px 0 14px; }
    .tile { background: var(--bg); border: 1px solid var(--line); border-radius: 8px; padding: 8px 14px; min-width: 130px; }
    .tile b { display: block; font-size: 22px; }
    .tile span { color: var(--muted); font-size: 12px; }
    .cols { display: grid; grid-template-columns: minmax(420px, 1fr) minmax(320px, 1fr); gap: 28px; }
    table { border-collapse: collapse; }
    th, td { text-align: left; padding: 3px 10px 3px 0; border-bottom: 1px solid var(--line); vertical-align: top; }
    thead th { font-size: 12px; color: var(--muted); font-weight: 600; }
    .n { text-align: right; font-variant-numeric: tabular-nums; }
    .kv th { font-weight: 500; color: var(--muted); padding-right: 14px; }
    .barcell { width: 180px; }
    .bar { display: inline-block; height: 10px; border-radius: 3px; min-width: 1px; }
    .kind { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px; background: var(--bg); border: 1px solid var(--line); border-radius: 4px; padding: 0 4px; white-space: nowrap; }
    .kind.sev-warning { border-color: #fbbf24; background: #fffbeb; }
    .kind.sev-critical { border-color: #fca5a5; background: #fef2f2; }
    .sev { font-size: 12px; font-weight: 600; }
    .sev-info { color: var(--info); } .sev-warning { color: #b45309; } .sev-critical { color: var(--critical); }
    .sev-bg-info { background: var(--info); } .sev-bg-warning { background: var(--warning); } .sev-bg-critical { background: var(--critical); }
    .appears { color: var(--customer); font-weight: 600; } .disappears { color: var(--muted); font-weight: 600; }
    .good { color: #15803d; } .bad { color: var(--critical); } .flat { color: var(--muted); }
    .pill { font-weight: 600; border-radius: 10px; padding: 0 7px; background: var(--bg); border: 1px solid var(--line); }
    .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(330px, 1fr)); gap: 12px; }
    .card { border: 1px solid var(--line); border-radius: 8px; padding: 4px 12px 8px; background: #fff; }
    .card h3 .team { color: var(--muted); font-weight: 400; margin-left: 8px; font-size: 13px; }
    .card .kv th { width: 150px; }
    .sessions td, .sessions th { font-size: 13px; }
    .sessions td:nth-child(-n+5) { white-space: nowrap; }
    .problems li { margin: 2px 0; }
    .legend { color: var(--muted); }
    .sw { display: inline-block; width: 14px; height: 4px; border-radius: 2px; margin: 0 4px 3px 10px; vertical-align: middle; }
    .sw.customer { background: var(--customer); } .sw.agent { background: var(--agent); }
    .conv { border-top: 1px solid var(--line); padding-top: 6px; margin-top: 14px; }
    .conv h3 .meta { color: var(--muted); font-weight: 400; font-size: 13px; margin-left: 10px; }
    .conv-grid { display: grid; grid-template-columns: minmax(420px, 640px) minmax(360px, 1fr); gap: 18px; align-items: start; }
    .chart { position: sticky; top: 90px; }
    svg.timeline { width: 100%; height: auto; display: block; }
    svg .panel { fill: #fbfdff; stroke: var(--line); }
    svg .grid { stroke: #eef2f7; } svg .zero { stroke: #cbd5e1; stroke-dasharray: 3 3; }
    svg .line { fill: none; stroke-width: 2; } svg .line.customer { stroke: var(--customer); } svg .line.agent { stroke: var(--agent); }
    svg .dot.customer { fill: var(--customer); } svg .dot.agent { fill: var(--agent); }
    svg .axis { font-size: 10px; fill: var(--muted); } svg .axis-title { font-size: 11px; fill: var(--muted); font-weight: 600; }
    svg .tick { stroke: var(--muted); }
    svg .mk { stroke-width: 1.3; stroke-dasharray: 4 3; opacity: .8; }
    .sev-stroke-info { stroke: var(--info); } .sev-stroke-warning { stroke: var(--warning); } .sev-stroke-critical { stroke: var(--critical); }
    .sev-fill-info { fill: var(--info); } .sev-fill-warning { fill: var(--warning); } .sev-fill-critical { fill: var(--critical); }
    svg .mknum { font-size: 9px; font-weight: 700; fill: #fff; text-anchor: middle; }
    ol.alerts { list-style: none; padding: 0; margin: 8px 0; font-size: 13px; }
    ol.alerts li { margin: 4px 0; }
    .num { display: inline-block; min-width: 18px; height: 18px; border-radius: 9px; color: #fff; font-size: 11px; font-weight: 700; text-align: center; line-height: 18px; margin-right: 6px; }
    .evidence { color: var(--muted); margin-left: 24px; font-size: 12px; }
    .transcript { border-left: 1px solid var(--line); padding-left: 12px; }
    .line { display: flex; align-items: baseline; padding: 3px 0; border-bottom: 1px dotted var(--line); }
    .line .seq { flex: 0 0 22px; color: var(--muted); font-size: 11px; text-align: right; margin-right: 6px; }
    .line .t { flex: 0 0 44px; color: var(--muted); font-size: 11px; }
    .line .who { flex: 0 0 18px; height: 18px; line-height: 18px; text-align: center; border-radius: 9px; color: #fff; font-size: 11px; font-weight: 700; margin-right: 6px; }
    .line .text { flex: 1; }
    .line.customer .who { background: var(--customer); } .line.agent .who { background: var(--agent); }
    .line.agent .text { color: #3f3f46; }
    .line.interim { opacity: .6; }
    mark { background: #fde68a; border-radius: 3px; padding: 0 1px; }
    mark.sev-critical { background: #fecaca; } mark.sev-info { background: #e2e8f0; }
    .tag { color: #fff; font-size: 11px; font-weight: 600; border-radius: 4px; padding: 0 5px; margin-left: 6px; white-space: nowrap; }
    footer { margin-top: 30px; color: var(--muted); font-size: 12px; }
    @media print { header { position: static; } .chart { position: static; } }
    """
}
