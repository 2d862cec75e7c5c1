// The app's texts are the bot's: the same Fluent files, served as they are so
// the app formats them with the same rules (plurals, variables).
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { LOCALES } from "../../bot/i18n.js";
import { parse } from "./api-error.js";

const LOCALES_DIR = path.resolve(import.meta.dirname, "../../../locales");

export function i18nRoutes(app: FastifyInstance) {
  app.get("/i18n/:locale", async (request, reply) => {
    const { locale } = parse(z.object({ locale: z.enum(LOCALES) }), request.params);
    const text = await readFile(path.join(LOCALES_DIR, `${locale}.ftl`), "utf8");
    return reply.type("text/plain; charset=utf-8").header("cache-control", "public, max-age=300").send(text);
  });
}
