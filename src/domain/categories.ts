/** The fixed list of shop and deal categories; their names are translated in locales/. */
export const CATEGORIES = ["food", "cafe", "beauty", "fitness", "fun", "retail", "services", "hotel"] as const;
export type Category = (typeof CATEGORIES)[number];

export function isCategory(value: string): value is Category {
  return (CATEGORIES as readonly string[]).includes(value);
}
