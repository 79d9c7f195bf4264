// Choices made by one key (after `L`, a lane's kind; after `T`, a touchpoint's channel): which
// key picks which value, shown in the picker and in the `?` list.
import { LANE_KIND_LABELS } from "./labels";
import { CHANNEL_LABELS } from "./icons";
import type { Channel, LaneKind } from "./types";

export interface KeyChoice<T extends string> {
  /** Lower-case `KeyboardEvent.key`. */
  key: string;
  value: T;
  label: string;
}

export const LANE_KIND_CHOICES: readonly KeyChoice<LaneKind>[] = (
  [
    ["c", "customer"],
    ["a", "actor"],
    ["e", "emotion"],
    ["t", "thoughts"],
    ["p", "pains"],
    ["o", "opportunities"],
    ["h", "channels"],
    ["n", "notes"],
  ] as const
).map(([key, value]) => ({ key, value, label: LANE_KIND_LABELS[value] }));

export const CHANNEL_CHOICES: readonly KeyChoice<Channel>[] = (
  [
    ["p", "phone"],
    ["c", "chat"],
    ["e", "email"],
    ["w", "web"],
    ["a", "app"],
    ["i", "in_person"],
    ["m", "mail"],
    ["s", "social"],
    ["o", "other"],
  ] as const
).map(([key, value]) => ({ key, value, label: CHANNEL_LABELS[value] }));

/** The choice `key` picks, if any (case ignored). */
export function choiceFor<T extends string>(choices: readonly KeyChoice<T>[], key: string): KeyChoice<T> | undefined {
  return choices.find((c) => c.key === key.toLowerCase());
}

/** The `?` list's line for a set of choices ("C Customer, A Actor, …"). */
export function describeChoices(choices: readonly KeyChoice<string>[]): string {
  return choices.map((c) => `${c.key.toUpperCase()} ${c.label}`).join(", ");
}
