// The only reader of process.env. A bad value stops the process at boot with a
// message that names the variable.
import cron from "node-cron";
import { z } from "zod";
import { isCurrency } from "./domain/currency.js";
import { MESSAGES_PER_SECOND, PAID_MESSAGES_PER_SECOND } from "./jobs/send-pacer.js";

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const cronSchedule = (fallback: string) =>
  z
    .string()
    .trim()
    .refine((v) => cron.validate(v), { message: 'must be a cron schedule such as "*/10 * * * *"' })
    .default(fallback);

const fields = z.object({
  BOT_TOKEN: optionalString.refine((v) => v === undefined || /^\d+:[\w-]{30,}$/.test(v), {
    message: "must look like 123456:ABC-… (from @BotFather)",
  }),
  TELEGRAM_API_ROOT: z.url().default("https://api.telegram.org"),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, "must be a SQLite file URL such as file:./data/nearbuy.db or a PostgreSQL URL such as postgresql://user@host/db")
    .default("file:./data/nearbuy.db"),
  /** For shops whose pin names no country with a known currency (and those registered before currencies). */
  DEFAULT_CURRENCY: z
    .string()
    .refine(isCurrency, "must be an ISO 4217 currency code that Telegram takes payments in, such as USD")
    .default("USD"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  ADMIN_IDS: z
    .string()
    .default("")
    .transform((v, ctx) => {
      const ids = v.split(",").map((s) => s.trim()).filter(Boolean);
      for (const id of ids) {
        if (!/^\d{1,15}$/.test(id)) {
          ctx.addIssue({ code: "custom", message: `"${id}" is not a Telegram user id` });
          return z.NEVER;
        }
      }
      return ids.map((id) => BigInt(id));
    }),
  SANDBOX_DIR: z.string().default("./data/sandbox"),
  /** From @BotFather's Payments menu; without it only free coupons can be claimed. */
  PAYMENT_PROVIDER_TOKEN: optionalString,
  RESERVATION_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  // Language understanding: any OpenAI-compatible endpoint. Without a key or a
  // base URL, the built-in parser reads requests and offers use the guided form.
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: z.url({ protocol: /^https?$/, message: "must be an http(s) URL such as http://localhost:11434/v1" }).optional(),
  OPENAI_MODEL: z.string().default("gpt-4o-mini"),
  /** The user is waiting: past this, the built-in parser answers instead. */
  OPENAI_TIMEOUT_MS: z.coerce.number().int().min(500).max(60_000).default(4000),
  OPENAI_REQUESTS_PER_USER_HOUR: z.coerce.number().int().min(0).max(10_000).default(30),
  /** The shop's local hour after which owners get the day's summary. */
  DAILY_SUMMARY_HOUR: z.coerce.number().int().min(0).max(23).default(21),
  /** When the push job runs (server time): matching new offers to subscribers, then sending. */
  PUSH_SCHEDULE: cronSchedule("*/10 * * * *"),
  /** When offers past their end leave the ACTIVE state. */
  EXPIRE_DEALS_SCHEDULE: cronSchedule("* * * * *"),
  /** Checkout's upkeep: lapsed reservations, voucher expiry, group deals, missed deliveries. */
  CHECKOUT_SCHEDULE: cronSchedule("* * * * *"),
  /** How often to look for owners whose evening summary is due (each gets it once a day). */
  DAILY_SUMMARY_SCHEDULE: cronSchedule("*/5 * * * *"),
  /** When reminders go out: saved deals about to end or nearly sold out, vouchers about to expire. */
  REMINDER_SCHEDULE: cronSchedule("*/15 * * * *"),
  /**
   * Push messages per second, under Telegram's ~30 overall (replies to users
   * take what they need first); up to 1,000 with paid broadcasts.
   */
  PUSH_RATE_PER_SECOND: z.coerce.number().int().min(1).max(PAID_MESSAGES_PER_SECOND).default(28),
  /** Pushes as Telegram's paid broadcasts (allow_paid_broadcast, charged in Stars): off unless turned on. */
  PAID_BROADCAST: z
    .enum(["true", "false"], { message: 'must be "true" or "false"' })
    .default("false")
    .transform((v) => v === "true"),
  /**
   * Updates handled at once (different chats; one chat's wait for each other).
   * 32 already keeps the process busy with a 50 ms round trip to Telegram;
   * more only adds updates a payment's answer shares the process with (measured).
   */
  UPDATE_CONCURRENCY: z.coerce.number().int().min(1).max(10_000).default(32),
  /** Webhook mode when set: the public HTTPS address Telegram posts updates to. Long polling without it. */
  WEBHOOK_URL: z.url({ protocol: /^https$/, message: "must be an https URL such as https://bot.example.com/telegram" }).optional(),
  /** Telegram sends it with every update (X-Telegram-Bot-Api-Secret-Token); a request without it is refused. */
  WEBHOOK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,256}$/, "must be 16 to 256 characters of A-Z, a-z, 0-9, _ and -")
    .optional(),
  /** The HTTP server (webhook, /healthz, /metrics, the Mini App): on this port (0: any free one), 8080 in webhook mode or with MINI_APP_URL, and not at all otherwise. */
  PORT: z.coerce.number().int().min(0).max(65_535).optional(),
  /**
   * The public https address of the Mini App (the server's /app/): the bot's
   * menu button and "Open in app" buttons open it, and the HTTP server runs to serve it.
   */
  MINI_APP_URL: z.url({ protocol: /^https$/, message: "must be an https URL such as https://bot.example.com/app/" }).optional(),
  /** Mini App launch data older than this is refused (a leaked copy stops working). */
  MINI_APP_MAX_AGE_SECONDS: z.coerce.number().int().min(60).max(7 * 86_400).default(3600),
  /** The Mini App's map tiles (Leaflet's template) and their credit; read when web/ is built. */
  MINI_APP_TILE_URL: z
    .string()
    .regex(/^https?:\/\/.*\{z\}.*\{x\}.*\{y\}/, "must be a tile URL template with {z}, {x} and {y}, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png")
    .default("https://tile.openstreetmap.org/{z}/{x}/{y}.png"),
  MINI_APP_TILE_ATTRIBUTION: z.string().default('&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'),
});

const schema = fields.superRefine((config, ctx) => {
  if (config.WEBHOOK_URL && !config.WEBHOOK_SECRET) {
    ctx.addIssue({ code: "custom", path: ["WEBHOOK_SECRET"], message: "must be set with WEBHOOK_URL (e.g. openssl rand -hex 32)" });
  }
  if (!config.PAID_BROADCAST && config.PUSH_RATE_PER_SECOND > MESSAGES_PER_SECOND) {
    ctx.addIssue({
      code: "custom",
      path: ["PUSH_RATE_PER_SECOND"],
      message: `must be at most ${MESSAGES_PER_SECOND} (Telegram's limit) unless PAID_BROADCAST=true`,
    });
  }
});

export type Config = z.infer<typeof schema>;

/** Where the HTTP server listens, if it runs at all. */
export function httpPort(config: Config): number | undefined {
  return config.PORT ?? (config.WEBHOOK_URL || config.MINI_APP_URL ? 8080 : undefined);
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (`FOO=` in .env) means "use the default".
  const set = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ""));
  const parsed = schema.safeParse(set);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
}
