// The language model port's adapter. Any OpenAI-compatible endpoint works
// (OpenAI, or a local model server through OPENAI_BASE_URL).
import OpenAI from "openai";
import { z } from "zod";
import type { LanguageModel } from "../core/ports/language-model.port.js";
import type { Logger } from "../logger.js";

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
