/**
 * Writes src/report/render/arimo-widths.ts, the advance widths of Arimo Regular and Bold, from
 * the TTFs of @expo-google-fonts/arimo (parsing them at run time would cost ~240 ms a run).
 * Run it with `npm run font-metrics` after updating the font package; the font-metrics test
 * fails until then.
 */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { widthModuleText } from "../src/report/render/font-metrics-table.ts";
import { parseArimoWeights } from "./parse-arimo.ts";

const target = fileURLToPath(new URL("../src/report/render/arimo-widths.ts", import.meta.url));
const { regular, bold } = parseArimoWeights();
writeFileSync(target, widthModuleText(regular, bold));
execFileSync(process.execPath, [
  fileURLToPath(new URL("../node_modules/@biomejs/biome/bin/biome", import.meta.url)),
  "format",
  "--write",
  target,
]);
console.log(`wrote ${target}`);
