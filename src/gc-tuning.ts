// The garbage collector's settings, set before anything else is loaded: every
// entry point that runs the app (main.ts, the benchmarks) imports this first.
import { setFlagsFromString } from "node:v8";

// V8 allocates an object straight in the old generation when most objects of
// its allocation site lived long so far ("pretenuring"). Once the bot is
// loaded, a site gets judged so, and from then on the young objects it refers
// to outlive every young-generation collection: 2 MB of the nearby search's
// short-lived rows were promoted at each, and each took 3 ms instead of 1
// (the search's p99 on PostgreSQL: 4.4 ms with it, 2.9 without; measured).
// The app's objects live for one update or for the whole run, where being
// copied once more costs nothing: no site here gains from it.
setFlagsFromString("--no-allocation-site-pretenuring");
