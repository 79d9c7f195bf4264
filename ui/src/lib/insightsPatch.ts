// Applies the shell's insights updates: after an edit the shell sends only what changed in the
// journey's insights (src-tauri/src/insights_patch.rs), since a big journey's are megabytes
// the page would parse again after every pause.

import type { InsightsUpdate, JourneyInsights } from "./types";
import { applyList, StalePatch } from "./viewPatch";

/** The insights after `update`: whole, or `held` patched. Unchanged lists stay the same arrays. */
export function applyInsightsUpdate(held: JourneyInsights | null, update: InsightsUpdate): JourneyInsights {
  if (update.kind === "full") return update.insights;
  const p = update.patch;
  if (!held) throw new StalePatch("a patch needs the insights it was made for");
  return {
    journey_id: held.journey_id,
    revision: p.revision,
    analysis: {
      summary: p.summary,
      crossings: p.crossings,
      handoffs: applyList(held.analysis.handoffs, p.handoffs, (h) => h.handoff_id),
      chains: p.chains ?? held.analysis.chains,
      hotspots: p.hotspots ?? held.analysis.hotspots,
      suggestions: applyList(held.analysis.suggestions, p.suggestions, (s) => s.key),
    },
    scores: {
      journey_id: held.journey_id,
      granularity: p.granularity,
      subjects: applyList(held.scores.subjects, p.subjects, (s) => s.subject.id),
    },
  };
}
