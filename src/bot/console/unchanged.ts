/**
 * Pressing the button of what is already shown (the same period, the same
 * state) edits nothing, and Telegram refuses such an edit: not a failure.
 */
export function ignoreUnchanged(error: unknown): void {
  if (error instanceof Error && error.message.includes("message is not modified")) return;
  throw error;
}
