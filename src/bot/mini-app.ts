// Where the bot's buttons open the Mini App (MINI_APP_URL): the app's start,
// or straight at one deal's page (the app reads `?deal=<id>`; Telegram keeps
// the query and puts its launch data in the hash).
export function miniAppLink(base: string, dealId?: number): string {
  if (dealId === undefined) return base;
  const url = new URL(base);
  url.searchParams.set("deal", String(dealId));
  return url.toString();
}
