// The open journey's insights and the plan's links into it, fetched after its view once edits
// (and panning) pause: one fetch at a time, each a patch on the insights held. Moved out of
// state.svelte.ts, which shows what the feed brings.
import { api, toApiError } from "./api";
import { createLatestOnly } from "./latest";
import { createSettleTimer } from "./settle";
import { patchedInsights } from "./insightsPatch";
import type { ApiError, DocHandle, Id, JourneyInsights, PlanLinks } from "./types";

/** What the feed reads of the screen and where it brings its answers. */
export interface InsightsHost {
  doc(): DocHandle | null;
  journeyId(): Id | null;
  showInsights(insights: JourneyInsights | null): void;
  insightsFailed(e: ApiError): void;
  showPlanLinks(links: PlanLinks): void;
}

/** How long edits must pause before the insights are computed again. */
const INSIGHTS_SETTLE_MS = 250;

export class InsightsFeed {
  /** The last insights received, and the shell's token for them: the next answer is a patch
   * on them. Not always those shown: an answer overtaken by a newer request is not shown. */
  private held: { doc: string; journeyId: Id; token: number; insights: JourneyInsights } | null = null;

  /** How many times insights were asked for (each view shown asks), and up to which ask the
   * insights shown answer: while they differ the insights on screen are being computed again. */
  private asked = $state(0);
  private answered = $state(0);
  /** The ask the fetch running now answers (fetches run one at a time). */
  private fetching = 0;
  /** Fresh insights are being computed: those shown (if any) predate the last change. */
  readonly pending: boolean = $derived(this.answered < this.asked);

  private readonly fetch = createLatestOnly(
    () => this.fetchInsights(),
    (ins) => {
      this.answered = this.fetching;
      // An answer for a journey no longer open is dropped (the user moved on meanwhile).
      if (ins && ins.journey_id !== this.host.journeyId()) return;
      this.host.showInsights(ins);
    },
    (e) => {
      this.answered = this.fetching;
      this.host.insightsFailed(toApiError(e));
    },
  );

  /** Insights wait for edits, and panning and zooming, to pause: their work (copying the file
   * in Rust, applying the answer here) would otherwise take frames from what the user is doing. */
  private readonly settle = createSettleTimer(INSIGHTS_SETTLE_MS, () => {
    this.fetch.request();
    void this.fetchPlanLinks();
  });

  constructor(private readonly host: InsightsHost) {}

  /** Ask for fresh insights once edits settle: copying the file for them, analysing it and
   * applying the answer must not delay the next edit of a burst. While one request runs, later
   * ones collapse into one re-run. */
  refresh(): void {
    this.asked += 1;
    this.settle.request();
  }

  /** The map is being panned or zoomed: insights waiting for a pause wait on. */
  postpone(): void {
    this.settle.postpone();
  }

  /** The file closed: nothing held is a base for the next answer. */
  forget(): void {
    this.held = null;
  }

  /** The plan's links into the open journey; fetched with the insights, once edits pause. */
  private async fetchPlanLinks(): Promise<void> {
    const doc = this.host.doc();
    const journeyId = this.host.journeyId();
    if (!doc || !journeyId) return;
    try {
      const links = await api().planLinks(doc.doc, journeyId);
      if (this.host.doc() !== doc || this.host.journeyId() !== journeyId) return;
      this.host.showPlanLinks(links);
    } catch {
      // Markers are a hint: a failed read leaves the last ones, and the next pause asks again.
    }
  }

  /** The open journey's insights, as a patch on those held. Fetches run one at a time
   * (`createLatestOnly`), so each patch meets the insights it was made for. */
  private async fetchInsights(): Promise<JourneyInsights | null> {
    this.fetching = this.asked;
    const doc = this.host.doc()?.doc;
    const journeyId = this.host.journeyId();
    if (!doc || !journeyId) return null;
    const last = this.held;
    const held = last && last.doc === doc && last.journeyId === journeyId ? last : null;
    const { token, insights } = await patchedInsights(doc, journeyId, held);
    this.held = { doc, journeyId, token, insights };
    return insights;
  }
}
