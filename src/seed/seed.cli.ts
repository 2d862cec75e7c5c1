// npm run seed: fills the configured database with the demo data, once.
import { loadConfig } from "../config.js";
import { openDatabase } from "../db/client.js";
import { createRepositories } from "../db/repositories.js";
import { seedDemoData } from "./demo-data.js";

const config = loadConfig();
const db = openDatabase(config.DATABASE_URL);
try {
  const started = Date.now();
  const result = await seedDemoData(createRepositories(db), new Date());
  if (result.created) {
    console.log(`Seeded ${result.shops} shops, ${result.deals} deals and ${result.reviews} reviews into ${config.DATABASE_URL} in ${Date.now() - started} ms.`);
  } else {
    console.log(`${config.DATABASE_URL} already has shops; nothing seeded.`);
  }
} finally {
  await db.$disconnect();
}
