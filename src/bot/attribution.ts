// Where a user found a deal. Deal and Buy buttons carry it so that the card
// view and the order that follow are credited to the list, search, push or
// shared link that brought the user (the merchant's funnel by source).
import { z } from "zod";
import { id } from "./callback-data.js";

/** Callback-data fields: `s` the channel, `r` the push id (0 when not a push). */
export const via = { s: z.enum(["n", "s", "p", "l"]), r: id };

export type Via = { s: "n" | "s" | "p" | "l"; r: number };

const CHANNELS = { n: "nearby", s: "search", p: "push", l: "link" } as const;

/** The source recorded on events and orders: nearby, search, link, or push:<id>. */
export function sourceOf({ s, r }: Via): string {
  return s === "p" && r > 0 ? `push:${r}` : CHANNELS[s];
}
