// The architecture's arrows, checked by `npm test` (see ARCHITECTURE.md).
// Tests and benchmarks may reach anything; these rules are about src/ and the
// Mini App's web/src/.
const notTest = "\\.test\\.ts$";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-cycles",
      comment: "A cycle makes two modules one: neither can be understood, tested or replaced alone.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "domain-is-pure",
      comment: "The domain holds the rules: it imports itself and pure libraries, never an adapter, a use case or I/O.",
      severity: "error",
      from: { path: "^src/domain/", pathNot: notTest },
      to: {
        pathNot: [
          "^src/domain/",
          "^node_modules/(geolib|ngeohash|geo-tz|@rapideditor/country-coder|country-to-currency|zod)/",
          "^(crypto|node:crypto)$",
        ],
      },
    },
    {
      name: "core-knows-ports-only",
      comment: "Use cases depend on the domain and on ports (core/ports), never on an adapter or a front.",
      severity: "error",
      from: { path: "^src/core/", pathNot: notTest },
      to: { path: "^src/(db|generated|bot|http|jobs|sandbox|llm|seed)/|^src/(app|main)\\.ts$" },
    },
    {
      name: "fronts-never-touch-the-database",
      comment: "The bot (and the HTTP front) call use cases; only src/db talks SQL.",
      severity: "error",
      from: { path: "^src/(bot|http)/" },
      to: { path: "^src/(db|generated)/" },
    },
    {
      name: "jobs-call-use-cases",
      comment: "Scheduled work calls use cases and ports; messages go through the messaging port, not bot features.",
      severity: "error",
      from: { path: "^src/jobs/" },
      to: { path: "^src/(bot|http|db|generated|sandbox)/" },
    },
    {
      name: "the-mini-app-is-a-client",
      comment: "The Mini App runs in the browser: it reaches the server through its HTTP API alone, and shares only the domain's constants.",
      severity: "error",
      from: { path: "^web/src/" },
      to: { path: "^src/", pathNot: "^src/domain/" },
    },
    {
      name: "prisma-stays-in-db",
      comment: "Prisma's types and client never leave the database adapter.",
      severity: "error",
      from: { pathNot: "^src/(db|generated)/" },
      to: { path: "^src/generated/|^node_modules/(@prisma|prisma)/" },
    },
    {
      name: "only-the-composition-root-wires-adapters",
      comment: "Adapters are created and joined in app.ts alone (and the seed/migration tools that open a database).",
      severity: "error",
      from: { path: "^src/", pathNot: ["^src/(app|main)\\.ts$", "^src/db/", "^src/seed/", "^src/sandbox/", notTest] },
      to: { path: "^src/(db|llm)/" },
    },
  ],
  options: {
    includeOnly: "^(src|web/src)/",
    // The generated client is not cruised, but imports of it are still seen (and refused outside src/db).
    doNotFollow: { path: ["node_modules", "^src/generated/"] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default"], extensions: [".ts", ".js"] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
