//! The appendix: every figure the report shows, in plain words (after DOMAIN.md). Shared by the
//! PDF appendix and the XLSX Definitions sheet.

/// (term, definition) in the order the report uses them.
pub const DEFINITIONS: &[(&str, &str)] = &[
    ("Touchpoint", "A step the customer experiences directly, on a channel (phone, chat, web...)."),
    ("Handoff", "The case passing from one lane to another: assisted (warm, the first party briefs the second), blind (a cold transfer) or automated (a system passes it)."),
    ("Parties", "How many different teams (actor lanes, one per department) own a touchpoint: how many parties the customer deals with. The ideal is one."),
    ("Re-verification", "Each time the customer has to prove who they are again after the first time."),
    ("Retelling", "A handoff after which the customer has to tell their story again."),
    ("Transfer chain", "A run of handoffs the customer notices, with no resolved need in between. Two transfers or more is flagged: flag the case after the second transfer and route it to a senior or special lane."),
    ("Friction score", "0 to 100 per handoff, the sum of: blind 25; no context passed on 20, part of it 10; re-verification 15; the customer tells the story again 15; waiting 1 per 6 minutes, at most 10; 5 per boundary crossed (department, in-house/outsourced, manual/automated); sensitive data without a secure channel 10; a satisfaction drop across it, up to 20."),
    ("Satisfaction drop", "The receiving step's latest score minus the sending step's, same metric, both put on a 0 to 1 scale."),
    ("CSAT", "Share of respondents who answer in the top two points of the scale, 0 to 100."),
    ("NPS", "Share of promoters (9-10) minus share of detractors (0-6), -100 to 100."),
    ("CES", "The mean effort answer on its scale; lower is better."),
    ("Latest score", "The score of the most recent period (a month by default), or a later score entered directly."),
    ("Gap", "Latest score minus target, so that positive is better whatever the metric's direction."),
    ("Status", "Meets: at or better than the target. Near: worse by at most 5 % of the metric's range. Misses: worse than that."),
    ("Quadrant", "From impact and effort (1 to 5): quick win (impact 3+, effort 2 or less), big bet (impact 3+, effort 3+), fill-in (impact 2 or less, effort 2 or less), money pit (impact 2 or less, effort 3+)."),
    ("Evidence", "The friction an initiative addresses: the friction of its handoffs, plus for each of its touchpoints that misses a target, its gap as points of the metric's range."),
    ("Measured progress", "(current - baseline) / (expected - baseline): the baseline is the latest reading before the initiative started, the current reading the latest since. Progress is measured, not declared."),
];
