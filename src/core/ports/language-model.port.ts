// What the core asks of a language model: fill a schema from a user's text, or
// say it could not. The model never acts: it only proposes values for a
// schema, which the caller validates like typed input.
import type { z } from "zod";

export interface ModelTask<T> {
  /** Names the schema for the endpoint (letters, digits, _ and -). */
  name: string;
  /** What to do with the text; the text itself is sent apart, as data. */
  instructions: string;
  schema: z.ZodType<T>;
}

export interface LanguageModel {
  /** The schema filled from the text, or null when the model failed, was slow or answered out of shape. */
  fill<T>(task: ModelTask<T>, text: string): Promise<T | null>;
}
