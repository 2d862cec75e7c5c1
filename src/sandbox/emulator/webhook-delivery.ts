// Posting updates to the bot's webhook, as Telegram does once setWebhook named
// one: each update as an HTTPS POST with the secret token in its header,
// several at once, and again after a failed or refused request. Here the
// webhook URL's host stands for a public name: the updates go to `target`
// (the reverse proxy or load balancer in front of the bot), with the URL's path.
import type { Update } from "grammy/types";

const SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
/** Telegram keeps trying for a long time; a test gives up sooner. */
const ATTEMPTS = 20;
const RETRY_MS = 250;

export class WebhookDelivery {
  constructor(private readonly target: string) {}

  /** Posts the update until the bot's side answers 2xx; resolves with whether it did. */
  async post(webhook: { url: string; secretToken?: string }, update: Update): Promise<boolean> {
    const url = new URL(new URL(webhook.url).pathname, this.target);
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (webhook.secretToken) headers[SECRET_HEADER] = webhook.secretToken;
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      const ok = await fetch(url, { method: "POST", headers, body: JSON.stringify(update) }).then(
        (response) => response.ok,
        () => false,
      );
      if (ok) return true;
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
    return false;
  }
}
