/**
 * A rule the user broke or a state they hit. The code is stable: the bot maps it
 * to a translated message (`error-<code>` in locales/), with `params` as its
 * variables. Anything that is not a DomainError is a bug and reaches the log.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
    this.name = "DomainError";
  }
}
