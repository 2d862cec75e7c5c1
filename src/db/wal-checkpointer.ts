// SQLite copies its write-ahead log back into the database file (a
// checkpoint) in whichever write fills the log past 1,000 pages, inside that
// write: with the impressions of every list shown being written, one write
// in three paid for it, 5 to 10 ms during which the process answered no one
// (measured). Here the checkpoints run on a thread of their own, on a
// connection of their own, and the process's connection no longer does them.
// A passive checkpoint waits for no one: it copies what no reader still
// needs, and a later one copies the rest.
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import type Database from "better-sqlite3";

/** How often the thread checkpoints: the log grows by a few megabytes a second at most between two. */
export const CHECKPOINT_EVERY_MS = 250;

const WORKER = `
const { workerData, parentPort } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.file);
const timer = setInterval(() => {
  try {
    db.pragma("wal_checkpoint(PASSIVE)");
  } catch {
    // Busy or closing: the next turn checkpoints.
  }
}, workerData.everyMs);
parentPort.on("message", () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export interface WalCheckpointer {
  stop(): Promise<void>;
}

/** Takes the checkpoints of `connection`'s database off it, onto a thread, until stopped (before the connection closes). */
export function checkpointElsewhere(connection: Database.Database, file: string): WalCheckpointer {
  const driver = createRequire(import.meta.url).resolve("better-sqlite3");
  const worker = new Worker(WORKER, { eval: true, workerData: { driver, file, everyMs: CHECKPOINT_EVERY_MS } });
  const exited = new Promise((resolve) => worker.once("exit", resolve));
  // A thread that fails (its file gone, say) hands the checkpoints back to the connection.
  worker.once("error", () => connection.open && connection.pragma("wal_autocheckpoint = 1000"));
  // A stopping process does not wait for it: closing the last connection checkpoints anyway.
  worker.unref();
  connection.pragma("wal_autocheckpoint = 0");
  return {
    async stop() {
      // Waited for now: a process whose last work is this wait would otherwise end with it unsettled.
      worker.ref();
      worker.postMessage("stop");
      await exited;
    },
  };
}
