// One bot instance in its own process, with its own database connection: what
// a second `npm start` on the same database is. Runs the checkout calls the
// test sends over IPC and answers with their outcome.
import { openDatabase } from "../../src/db/client.js";
import { createRepositories } from "../../src/db/repositories.js";
import { DomainError } from "../../src/domain/errors.js";
import { createServices } from "../../src/core/services.js";
import { silentMessaging } from "./silent-messaging.js";

export type InstanceCall =
  | { id: number; kind: "reserve"; buyerId: string; dealId: number }
  | { id: number; kind: "pay"; buyerId: string; orderId: number; totalMinor: number; chargeId: string };

export type InstanceReply = { id: number; ok: true; value: string } | { id: number; ok: false; error: string };

const [url, now] = process.argv.slice(2) as [string, string];
const send = (message: InstanceReply | "ready") => process.send!(message);
const db = openDatabase(url);
const services = createServices(createRepositories(db), {
  clock: () => new Date(now),
  messaging: silentMessaging,
  currency: "USD",
  needsApproval: false,
});

async function run(call: InstanceCall): Promise<string> {
  if (call.kind === "reserve") {
    const order = await services.checkout.reserve(BigInt(call.buyerId), call.dealId, 1, "nearby");
    return String(order.id);
  }
  return services.checkout.settlePayment({
    buyerId: BigInt(call.buyerId),
    payload: `order:${call.orderId}`,
    currency: "USD",
    totalMinor: call.totalMinor,
    telegramChargeId: call.chargeId,
    providerChargeId: `provider-${call.chargeId}`,
  });
}

process.on("message", (call: InstanceCall | "close") => {
  if (call === "close") {
    void db.$disconnect().then(() => process.exit(0));
    return;
  }
  run(call).then(
    (value) => send({ id: call.id, ok: true, value }),
    (error: unknown) =>
      send({
        id: call.id,
        ok: false,
        error: error instanceof DomainError ? error.code : String(error),
      }),
  );
});
send("ready");
