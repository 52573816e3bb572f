#!/usr/bin/env node
// Entry point for `npx ccsim`. An installed package holds only the compiled JavaScript (dist/)
// and runs it. A git checkout (src/ present) runs dist/ too when it was built from the current
// sources (`npm install` builds it: the prepare script; so do `npm run build` and `npm test`),
// and otherwise the TypeScript sources through tsx, so that a stale build never hides an edit;
// CCSIM_SOURCES=1 asks for the sources anyway (stack traces that point into src/).
import { existsSync } from "node:fs";

const checkout = existsSync(new URL("../src/", import.meta.url));
const fromSources =
  checkout &&
  (process.env.CCSIM_SOURCES === "1" ||
    !(await import("../scripts/dist-freshness.mjs")).distIsCurrent());
if (fromSources) {
  const { register } = await import("tsx/esm/api");
  register();
  await import("../src/cli/main.ts");
} else {
  await import("../dist/cli/main.js");
}
