// Runs in the browser before any of the console's code (Next's client instrumentation hook). The console's forms
// check their fields with zod, whose object parser otherwise probes `new Function("")` and compiles a fast path
// from strings: under the console's policy (no 'unsafe-eval') that is a CSP violation report in every browser, and
// when the probe happens to run inside a debugger's or a test driver's evaluation (which may compile strings) the
// later compile throws and the page falls to "Something went wrong". Interpreted parsing never compiles a string.
// zod keeps its configuration on globalThis, shared by every copy of it in the page; it is set here without
// importing zod, which would add zod's core to every page's first load (instrumentation-client.test.ts checks that
// zod reads it).
const holder = globalThis as typeof globalThis & { __zod_globalConfig?: { jitless?: boolean } };
holder.__zod_globalConfig = Object.assign(holder.__zod_globalConfig ?? {}, { jitless: true });

export {};
