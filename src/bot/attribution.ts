// Where a user found a deal. Deal and Buy buttons carry it so that the card
// view and the order that follow are credited to the list, search, push or
// shared link that brought the user (the merchant's funnel by source).
import { z } from "zod";
import { friendsSource } from "../domain/share.js";
import { id } from "./callback-data.js";

/** Callback-data fields: `s` the channel, `r` the push or share id (0 when neither). */
export const via = { s: z.enum(["n", "s", "p", "l", "f"]), r: id };

export type Via = { s: "n" | "s" | "p" | "l" | "f"; r: number };

const CHANNELS = { n: "nearby", s: "search", p: "push", l: "link", f: "friends" } as const;

/** The source recorded on events and orders: nearby, search, link, push:<id> or friends:<share id>. */
export function sourceOf({ s, r }: Via): string {
  if (s === "p" && r > 0) return `push:${r}`;
  if (s === "f" && r > 0) return friendsSource(r);
  return CHANNELS[s];
}
