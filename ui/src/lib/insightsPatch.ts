// Applies the shell's insights updates: after an edit the shell sends only what changed in the
// journey's insights (src-tauri/src/insights_patch.rs), since a big journey's are megabytes
// the page would parse again after every pause.

import { api } from "./api";
import type { Id, InsightsUpdate, JourneyInsights } from "./types";
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

/** The journey's insights from the shell as a patch on `held` (the last received for it, with
 * the shell's token for them, or null); a patch that no longer fits them is asked for whole. */
export async function patchedInsights(
  doc: string,
  journeyId: Id,
  held: { token: number; insights: JourneyInsights } | null,
): Promise<{ token: number; insights: JourneyInsights }> {
  let update = await api().journeyInsights(doc, journeyId, held?.token ?? null);
  try {
    return { token: update.token, insights: applyInsightsUpdate(held?.insights ?? null, update) };
  } catch (e) {
    if (!(e instanceof StalePatch)) throw e;
    update = await api().journeyInsights(doc, journeyId, null);
    return { token: update.token, insights: applyInsightsUpdate(null, update) };
  }
}
