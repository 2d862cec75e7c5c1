// A load balancer in front of several bot instances, as a deployment puts one
// behind its TLS proxy: Telegram's webhook requests go to the instances in
// turn (round robin), headers and body as they came. A test can have it send
// an update to two instances at once, as Telegram's retry of an update whose
// answer was lost may reach another instance.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import type { Update } from "grammy/types";

export interface LoadBalancer {
  url: string;
  /** The instances' base URLs, in turn. */
  backends: string[];
  /** Requests each backend got, by index. */
  forwarded: number[];
  /** Updates matching this go to two instances at once. */
  twiceWhen: ((update: Update) => boolean) | undefined;
  close(): Promise<void>;
}

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export async function startLoadBalancer(): Promise<LoadBalancer> {
  let next = 0;
  const balancer: LoadBalancer = { url: "", backends: [], forwarded: [], twiceWhen: undefined, close: async () => {} };
  const server = createServer(async (req, res) => {
    const text = await body(req);
    const update = JSON.parse(text) as Update;
    const copies = balancer.twiceWhen?.(update) ? 2 : 1;
    const targets = Array.from({ length: copies }, () => next++ % balancer.backends.length);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string" && name !== "host" && name !== "content-length") headers[name] = value;
    try {
      const answers = await Promise.all(
        targets.map((i) => {
          balancer.forwarded[i] = (balancer.forwarded[i] ?? 0) + 1;
          return fetch(new URL(req.url!, balancer.backends[i]), { method: req.method, headers, body: text });
        }),
      );
      res.writeHead(answers[0]!.status, { "content-type": "application/json" });
      res.end(await answers[0]!.text());
    } catch {
      res.writeHead(502).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  balancer.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  balancer.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return balancer;
}
