// The language model behind a small interface: fill a schema from a user's
// text, or say it could not. Any OpenAI-compatible endpoint works (OpenAI, or a
// local model server through OPENAI_BASE_URL). The model never acts: it only
// proposes values for a schema, which the caller validates like typed input.
import OpenAI from "openai";
import { z } from "zod";
import type { Logger } from "../logger.js";

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

export interface OpenAiModelOptions {
  apiKey: string;
  /** Undefined: OpenAI's own endpoint. */
  baseURL?: string;
  model: string;
  timeoutMs: number;
  logger: Logger;
}

/** A JSON schema the endpoint accepts in strict mode (no $schema key). */
function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema) as Record<string, unknown>;
  return rest;
}

export function createOpenAiModel({ apiKey, baseURL, model, timeoutMs, logger }: OpenAiModelOptions): LanguageModel {
  // No retries: the user is waiting, and the built-in parser is a fine answer.
  const client = new OpenAI({ apiKey, baseURL, timeout: timeoutMs, maxRetries: 0 });
  return {
    async fill(task, text) {
      try {
        const completion = await client.chat.completions.create({
          model,
          temperature: 0,
          messages: [
            { role: "system", content: task.instructions },
            { role: "user", content: text },
          ],
          response_format: {
            type: "json_schema",
            json_schema: { name: task.name, strict: true, schema: jsonSchemaOf(task.schema) },
          },
        });
        const content = completion.choices[0]?.message?.content;
        if (!content) throw new Error(`no content (finish_reason ${completion.choices[0]?.finish_reason ?? "none"})`);
        const parsed = task.schema.safeParse(JSON.parse(content));
        if (!parsed.success) throw new Error(`answer out of shape: ${parsed.error.issues[0]?.message ?? ""}`);
        return parsed.data;
      } catch (error) {
        const status = error instanceof OpenAI.APIError ? error.status : undefined;
        logger.warn({ task: task.name, status, err: error instanceof Error ? error.message : String(error) }, "language model failed");
        return null;
      }
    },
  };
}
