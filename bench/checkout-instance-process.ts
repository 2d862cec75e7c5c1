// One bot instance of the checkout benchmark in its own process, with its own
// database client: buys `count` units for its own buyers, `inFlight` at a time,
// when the parent says go, and says done.
import { openDatabase } from "../src/db/client.js";
import { createCheckoutDriver } from "./checkout.bench.js";

const { url, dealId, firstBuyer, count, inFlight } = JSON.parse(process.argv[2]!) as {
  url: string; dealId: number; firstBuyer: number; count: number; inFlight: number;
};
const db = openDatabase(url);
const driver = createCheckoutDriver(db);
driver.useDeal(dealId);
await db.$connect();

process.on("message", (m) => {
  if (m !== "go") return;
  let next = 0;
  const buyer = async () => {
    while (next < count) {
      const b = firstBuyer + next++;
      await driver.purchase(b, `c-${b}`);
    }
  };
  void Promise.all(Array.from({ length: inFlight }, buyer)).then(
    async () => {
      await db.$disconnect();
      process.send!("done");
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
});
process.send!("ready");
