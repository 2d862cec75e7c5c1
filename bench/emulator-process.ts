// The Bot API emulator in its own process for the send benchmark, so the rate
// it measures is the rate requests arrive, not the rate the sender's thread
// gets round to handling them (synchronous SQLite work would bunch them).
import path from "node:path";
import { BotApiEmulator } from "../src/sandbox/bot-api-emulator.js";

const { token, dir, firstId, users } = JSON.parse(process.argv[2]!) as { token: string; dir: string; firstId: number; users: number };
const emulator = await new BotApiEmulator({ token, filesDir: path.join(dir, "files"), rateLimit: { globalPerSecond: 30, perChatPerSecond: 1 } }).start();
for (let i = 0; i < users; i++) emulator.addUser({ id: firstId + i, firstName: `U${firstId + i}`, started: true });
process.send!({ url: emulator.url });
process.on("message", async (message) => {
  if (message !== "stop") return;
  const received = emulator.events.filter((e) => e.type === "message").length;
  const refused = emulator.events.filter((e) => e.type === "api-error" && e.code === 429).length;
  await emulator.close();
  process.send!({ received, refused }, () => process.exit(0));
});
