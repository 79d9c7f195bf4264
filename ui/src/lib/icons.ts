// One icon set: 24x24 stroked outlines, drawn inline (no icon font, no network).
import type { Channel } from "./types";

export const ICONS = {
  plus: ["M12 5v14", "M5 12h14"],
  minus: ["M5 12h14"],
  undo: ["M9 14 4 9l5-5", "M4 9h10.5a5.5 5.5 0 0 1 0 11H11"],
  redo: ["m15 14 5-5-5-5", "M20 9H9.5a5.5 5.5 0 0 0 0 11H13"],
  play: ["M7 4v16l13-8z"],
  fit: ["M4 9V4h5", "M20 9V4h-5", "M4 15v5h5", "M20 15v5h-5"],
  search: ["M11 4a7 7 0 1 0 0 14a7 7 0 1 0 0-14", "m21 21-5-5"],
  trash: ["M4 7h16", "M10 11v6", "M14 11v6", "M6 7l1 13h10l1-13", "M9 7V4h6v3"],
  copy: ["M8 8h12v12H8z", "M4 16V4h12"],
  import: ["M12 3v12", "m7 10 5 5 5-5", "M4 20h16"],
  export: ["M12 15V3", "m7 8 5-5 5 5", "M4 20h16"],
  file: ["M6 3h8l4 4v14H6z", "M14 3v4h4"],
  folder: ["M3 6h6l2 2h10v11H3z"],
  sparkle: ["M12 3l2 6 6 2-6 2-2 6-2-6-6-2 6-2z"],
  template: ["M4 4h16v5H4z", "M4 13h7v7H4z", "M15 13h5v7h-5z"],
  close: ["M6 6l12 12", "M18 6 6 18"],
  help: ["M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18", "M9.5 9.5a2.5 2.5 0 0 1 5 0c0 2-2.5 2-2.5 4", "M12 17h.01"],
  sidebar: ["M3 4h18v16H3z", "M9 4v16"],
  edit: ["M4 20h4L19 9l-4-4L4 16z", "M14 6l4 4"],
  user: ["M12 4a4 4 0 1 0 0 8a4 4 0 1 0 0-8", "M4 21c1-4 4.5-6 8-6s7 2 8 6"],
  map: ["M3 6l6-2 6 2 6-2v14l-6 2-6-2-6 2z", "M9 4v14", "M15 6v14"],
  chevronRight: ["m9 6 6 6-6 6"],
  chevronLeft: ["m15 6-6 6 6 6"],
  chevronUp: ["m6 15 6-6 6 6"],
  chevronDown: ["m6 9 6 6 6-6"],
  gauge: ["M4 19a8 8 0 1 1 16 0", "M12 19l4-6"],
  warning: ["M12 3 2 20h20z", "M12 10v4", "M12 17h.01"],
  lock: ["M6 11h12v10H6z", "M8.5 11V8a3.5 3.5 0 0 1 7 0v3"],
  shield: ["M12 3 5 6v5c0 5 3 8 7 10 4-2 7-5 7-10V6z"],
  bubble: ["M4 5h16v11H10l-4 4v-4H4z"],
  check: ["m5 12 5 5 9-10"],
  handle: ["M12 5v14", "M5 12h14"],
  insights: ["M4 20V10", "M10 20V4", "M16 20v-7", "M22 20H2"],
  friction: ["M3 17c3-6 6 2 9-4s6 2 9-4", "M3 21h18"],
  chain: ["M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1", "M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1"],
  target: ["M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18", "M12 8a4 4 0 1 0 0 8a4 4 0 1 0 0-8"],
  // Channels.
  phone: ["M5 4h4l2 5-3 2a11 11 0 0 0 5 5l2-3 5 2v4a2 2 0 0 1-2 2A17 17 0 0 1 3 6a2 2 0 0 1 2-2"],
  chat: ["M4 5h16v11H9l-5 4z", "M8 10h8"],
  email: ["M3 6h18v12H3z", "m3 7 9 6 9-6"],
  web: ["M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18", "M3 12h18", "M12 3c3 3 3 15 0 18", "M12 3c-3 3-3 15 0 18"],
  app: ["M7 3h10v18H7z", "M11 18h2"],
  in_person: ["M9 4a3 3 0 1 0 0 6a3 3 0 1 0 0-6", "M3 20c.5-3.5 3-5.5 6-5.5s5.5 2 6 5.5", "M16 5a3 3 0 0 1 0 6", "M18 15c1.6.7 2.7 2.4 3 5"],
  mail: ["M4 10h16v10H4z", "M4 10l8-6 8 6", "M8 14h8"],
  social: ["M6 9a3 3 0 1 0 0 6a3 3 0 1 0 0-6", "M18 3a3 3 0 1 0 0 6a3 3 0 1 0 0-6", "M18 15a3 3 0 1 0 0 6a3 3 0 1 0 0-6", "m8.6 10.5 6.8-4", "m8.6 13.5 6.8 4"],
  other: ["M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18", "M8 12h.01", "M12 12h.01", "M16 12h.01"],
} as const;

export type IconName = keyof typeof ICONS;

export function channelIcon(c: Channel): IconName {
  return c;
}

export const CHANNEL_LABELS: Record<Channel, string> = {
  phone: "Phone",
  chat: "Chat",
  email: "Email",
  web: "Web",
  app: "App",
  in_person: "In person",
  mail: "Mail",
  social: "Social",
  other: "Other",
};
