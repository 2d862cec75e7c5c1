// A refused Bot API call, answered as Telegram answers it: the HTTP status as
// error_code and a description such as "Bad Request: message is too long".

export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
    readonly parameters?: { retry_after?: number; migrate_to_chat_id?: number },
  ) {
    super(description);
  }
}

export const badRequest = (what: string) => new ApiError(400, `Bad Request: ${what}`);
export const forbidden = (what: string) => new ApiError(403, `Forbidden: ${what}`);

/** Throws a 400 when one of Telegram's rules (telegram-rules.ts) refused the request. */
export function enforce(refusal: string | undefined): void {
  if (refusal) throw badRequest(refusal);
}
