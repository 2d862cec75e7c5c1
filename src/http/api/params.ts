// Path and query parameters shared by the routes.
import { z } from "zod";

export const dealId = z.object({ id: z.coerce.number().int().positive().max(2 ** 31 - 1) });

/**
 * A number from the query string. An empty value ("lat=") counts as absent,
 * not as the 0 that Number("") makes of it: a required one is refused, an
 * optional one takes its default.
 */
export function queryNumber<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), schema);
}
