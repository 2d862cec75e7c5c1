// Every API request names its user through Telegram's signed launch data, and
// only through it: `Authorization: tma <initData>`.
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { User } from "../../domain/user.js";
import { displayName } from "../../domain/validation.js";
import type { Clock } from "../../util/clock.js";
import { checkInitData } from "../init-data.js";
import { ApiError } from "./api-error.js";
import type { UserRepository } from "../../core/ports/user.port.js";

const users = new WeakMap<FastifyRequest, User>();

/** The user the request's launch data names (set by the hook before any route runs). */
export function userOf(request: FastifyRequest): User {
  const user = users.get(request);
  if (!user) throw new ApiError(401, "unauthorized");
  return user;
}

export function authenticate(
  app: FastifyInstance,
  { botToken, maxAgeSeconds, clock, ensure }: { botToken: string; maxAgeSeconds: number; clock: Clock; ensure: UserRepository["ensure"] },
): void {
  app.addHook("onRequest", async (request) => {
    const [scheme, initData] = (request.headers.authorization ?? "").split(" ", 2);
    const check = checkInitData(scheme === "tma" ? initData : undefined, { botToken, maxAgeSeconds, now: clock() });
    if (!check.ok) throw new ApiError(401, "unauthorized");
    const { id, firstName, username, languageCode } = check.data.user;
    // The user is created or refreshed as the bot does on an update.
    users.set(request, await ensure({ id, firstName: displayName(firstName, `#${id}`), username, languageCode }));
  });
}
