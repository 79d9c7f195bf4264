// What the map's editing keys do to the selection: Alt+arrows move a card, stage or lane; V, R
// and T mark a card (or, on a handoff, V and R its re-verification and retelling); digits set an
// emotion point; B, A and U a handoff's mode. Each key is one edit, built when it runs from the
// entity as it is then (see `app.apply`). The choices by key (a lane's kind, a touchpoint's
// channel) are shown by the picker this holds. Declared with their keys in lib/actions.ts.
import { app } from "../lib/state.svelte";
import { provide, type ActionId, type Handler } from "../lib/actions";
import { CHANNEL_CHOICES, LANE_KIND_CHOICES, type KeyChoice } from "../lib/choices";
import { api } from "../lib/api";
import type { Direction } from "../lib/cursor";
import * as E from "../lib/edits";
import type { Channel, Edit, Handoff, HandoffMode, Id, LaneKind, Step } from "../lib/types";
import type { MapData } from "./data.svelte";

/** A choice by key waiting on screen. */
export interface Picking {
  title: string;
  choices: readonly KeyChoice<string>[];
  pick: (value: string) => void;
}

export class KeyEdits {
  /** The choice by key on screen, if any (map/KeyPicker.svelte draws it). */
  picking = $state<Picking | null>(null);
  /** `-` was pressed on an emotion point: the next digit is negative. */
  private negative = false;

  constructor(
    private readonly data: MapData,
    private readonly addLane: (kind: LaneKind) => void,
  ) {}

  provide(): () => void {
    const on = (run: () => void, when: () => boolean): Handler => ({ run, enabled: () => !!this.data.model && when() });
    const step = () => app.selection?.kind === "step";
    const handoff = () => app.selection?.kind === "handoff";
    const point = () => this.selectedStep()?.emotion != null;
    const emotion = (n: number): Handler => on(() => this.setEmotion(n), point);
    const mode = (m: HandoffMode): Handler => on(() => this.updateHandoff({ mode: m }), handoff);
    const actions: Partial<Record<ActionId, Handler>> = {
      add_lane: on(() => this.chooseLaneKind(), () => true),
      nudge_left: on(() => this.nudge("left"), () => !!app.selection),
      nudge_right: on(() => this.nudge("right"), () => !!app.selection),
      nudge_up: on(() => this.nudge("up"), () => !!app.selection),
      nudge_down: on(() => this.nudge("down"), () => !!app.selection),
      toggle_verification: on(() => this.toggle("verification", "reverify"), () => step() || handoff()),
      toggle_resolution: on(() => this.toggle("resolution", "customer_repeats"), () => step() || handoff()),
      touchpoint: on(() => this.chooseChannel(), () => step() && !point()),
      emotion_negative: on(() => (this.negative = true), point),
      emotion_0: emotion(0),
      emotion_1: emotion(1),
      emotion_2: emotion(2),
      emotion_3: emotion(3),
      handoff_blind: mode("blind"),
      handoff_assisted: mode("assisted"),
      handoff_automated: mode("automated"),
    };
    return provide(actions);
  }

  /** L: the new lane's kind by key, then its name in place. */
  chooseLaneKind(): void {
    this.picking = {
      title: "Add a lane of kind…",
      choices: LANE_KIND_CHOICES,
      pick: (kind) => this.addLane(kind as LaneKind),
    };
  }

  /** T: the selected card becomes a touchpoint; its channel is chosen by key. */
  chooseChannel(): void {
    const id = this.selectedStep()?.id;
    if (!id) return;
    this.picking = {
      title: "Touchpoint by channel…",
      choices: CHANNEL_CHOICES,
      pick: (channel) => this.updateStep(id, { touchpoint: channel as Channel }),
    };
  }

  /** Runs the picker's choice (or none) and closes it. */
  pick(value: string | null): void {
    const p = this.picking;
    this.picking = null;
    if (p && value !== null) p.pick(value);
  }

  private selectedStep(): Step | undefined {
    const s = app.selection;
    return s?.kind === "step" ? this.data.steps.get(s.id) : undefined;
  }

  private setEmotion(n: number): void {
    const id = this.selectedStep()?.id;
    const felt = this.negative ? -n : n;
    this.negative = false;
    if (id) this.updateStep(id, { emotion: felt });
  }

  /** V or R: a card's flag, or on a handoff its counterpart, switched. */
  private toggle(stepField: "verification" | "resolution", handoffField: "reverify" | "customer_repeats"): void {
    const s = app.selection;
    if (s?.kind === "step") {
      const id = s.id;
      void app.apply(() => {
        const step = this.data.steps.get(id);
        return step ? E.updateStep(step, { [stepField]: !step[stepField] }) : null;
      }, id);
    } else if (s?.kind === "handoff") {
      const h = this.data.handoffs.get(s.id);
      if (h) this.updateHandoff({ [handoffField]: !h[handoffField] });
    }
  }

  private updateStep(id: Id, patch: Partial<Step>): void {
    void app.apply(() => {
      const step = this.data.steps.get(id);
      return step ? E.updateStep(step, patch) : null;
    }, id);
  }

  private updateHandoff(patch: Partial<Handoff>): void {
    const s = app.selection;
    if (s?.kind !== "handoff") return;
    const id = s.id;
    void app.apply(() => {
      const h = this.data.handoffs.get(id);
      return h ? E.updateHandoff(h, patch) : null;
    }, id);
  }

  /** Alt+arrow: a card to the neighbouring place in its cell, or the neighbouring cell (baton-core's
   * `move_card` decides where, asked when the edits before it have landed); a stage left or
   * right; a lane up or down. */
  nudge(dir: Direction): void {
    const s = app.selection;
    const doc = app.doc?.doc;
    if (s?.kind === "step" && doc) {
      const id = s.id;
      void app.apply(() => api().moveCardEdit(doc, id, dir), id);
      return;
    }
    const edit = this.headerMove(dir);
    if (edit && s && s.kind !== "cell") void app.apply(edit, s.id);
  }

  /** A stage header moved left or right, a lane header up or down, one place. */
  private headerMove(dir: Direction): Edit | null {
    const s = app.selection;
    const grid = this.data.grid;
    if (!s || !grid) return null;
    const shift = dir === "left" || dir === "up" ? -1 : 1;
    if (s.kind === "stage" && (dir === "left" || dir === "right")) {
      const at = grid.stages.indexOf(s.id) + shift;
      return at >= 0 && at < grid.stages.length ? { op: "move_stage", id: s.id, position: at } : null;
    }
    if (s.kind === "lane" && (dir === "up" || dir === "down")) {
      const at = grid.lanes.indexOf(s.id) + shift;
      return at >= 0 && at < grid.lanes.length ? { op: "move_lane", id: s.id, position: at } : null;
    }
    return null;
  }
}
