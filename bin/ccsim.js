#!/usr/bin/env node
// Entry point for `npx ccsim`: runs the TypeScript sources directly through tsx, so a fresh
// clone needs no build step after `npm install`.
import { register } from "tsx/esm/api";

register();
await import("../src/cli/main.ts");
