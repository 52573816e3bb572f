/**
 * ccsim as users install it: `npm pack` of the current build, installed with npm into an empty
 * folder (dependencies from the registry, or npm's cache when it has them), then `npx ccsim run`
 * (the bundled command-line script) on worker threads, its charts (drawn by the bundled drawing
 * script), `import("ccsim")` in plain Node and a consumer type-checked against the shipped
 * declarations. The results must equal the same simulation run (or drawing) here from the
 * sources.
 */
import { execFile } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadScenario, renderSummaryCsv, type Scenario, simulate } from "../../src/index.ts";
import { renderSvg } from "../../src/report/render/render-svg.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** The bundled CLI's scripts (scripts/bundle-cli.mjs) and their code caches: shipped too. */
const SCRIPTS = ["command-line", "charts-drawing"].flatMap((name) => [
  `dist/cli/${name}.cjs`,
  `dist/cli/${name}.cjs.code-cache`,
]);

/** voice-50 cut to an hour: a few hundred calls per replication, fractions of a second. */
const SCENARIO_TEXT = readFileSync(join(ROOT, "scenarios/voice-50.yaml"), "utf8")
  .replace(/^horizon: 8h$/m, "horizon: 1h")
  .replace(/^warmup: 30m$/m, "warmup: 10m");

interface Finished {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command without a shell and waits for it; never throws on a failing exit code. */
function run(command: string, args: readonly string[], cwd: string): Promise<Finished> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const status = error === null ? 0 : typeof error.code === "number" ? error.code : 1;
      resolve({ status, stdout, stderr: error !== null && stderr === "" ? String(error) : stderr });
    });
  });
}

/** Fails with the command's output when it did not exit 0. */
function expectSuccess(finished: Finished): Finished {
  expect(finished.status, `${finished.stdout}\n${finished.stderr}`).toBe(0);
  return finished;
}

describe("the packed package, installed into another folder", () => {
  let folder: string;
  let app: string;
  let packedFiles: string[];
  let scenario: Scenario;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), "ccsim-pack-"));
    app = join(folder, "app");
    mkdirSync(app);
    // Pack what the sources compile to now (a no-op when the test setup already built it);
    // --ignore-scripts: prepare would rebuild dist/ under the other test files' feet.
    expectSuccess(await run(process.execPath, ["scripts/build.mjs", "--if-stale"], ROOT));
    const pack = expectSuccess(
      await run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", folder], ROOT),
    );
    const [packed] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
    if (packed === undefined) throw new Error(`npm pack said: ${pack.stdout}`);
    packedFiles = packed.files.map((file) => file.path);
    writeFileSync(
      join(app, "package.json"),
      JSON.stringify({ name: "ccsim-user", private: true, type: "module" }),
    );
    writeFileSync(join(app, "voice.yaml"), SCENARIO_TEXT);
    expectSuccess(
      await run(
        "npm",
        ["install", join(folder, packed.filename), "--prefer-offline", "--no-audit", "--no-fund"],
        app,
      ),
    );
    scenario = { ...(await loadScenario(join(app, "voice.yaml"))), replications: 2 };
  }, 600_000);

  afterAll(() => {
    if (folder !== undefined) rmSync(folder, { recursive: true, force: true });
  });

  it("ships the compiled code, its declarations and the bin, and no TypeScript sources", () => {
    expect(packedFiles).toEqual(
      expect.arrayContaining([
        "bin/ccsim.js",
        "dist/index.js",
        "dist/index.d.ts",
        "dist/cli/main.js",
        "dist/cli/run/replication-worker.js",
        ...SCRIPTS,
      ]),
    );
    const unexpected = packedFiles.filter(
      (path) =>
        !["package.json", "README.md", "LICENSE", ...SCRIPTS].includes(path) &&
        !/^(bin\/[^/]+\.js|dist\/.+\.(js|d\.ts))$/.test(path),
    );
    expect(unexpected).toEqual([]);
  });

  it("needs no TypeScript runtime: tsx is not installed with it", () => {
    expect(existsSync(join(app, "node_modules/ccsim/dist/index.js"))).toBe(true);
    expect(existsSync(join(app, "node_modules/tsx"))).toBe(false);
  });

  it("runs `npx ccsim run` on two worker threads, with the sources' results", async () => {
    const args = ["--no", "--", "ccsim", "run", "voice.yaml", "--replications", "2"];
    const options = ["--workers", "2", "--no-charts", "--no-progress", "--out", "out"];
    const finished = expectSuccess(await run("npx", [...args, ...options], app));
    // Nothing from ccsim (npm's own notices aside): no warning, no loader message.
    const stderrLines = finished.stderr.split("\n").filter((line) => line !== "");
    expect(stderrLines.filter((line) => !line.startsWith("npm "))).toEqual([]);
    expect(readFileSync(join(app, "out/summary.csv"), "utf8")).toBe(
      renderSummaryCsv(simulate(scenario).summary),
    );
  });

  it("draws the charts with its drawing script, as the sources draw them", async () => {
    const args = ["--no", "--", "ccsim", "run", "voice.yaml", "--replications", "1"];
    const options = ["--workers", "1", "--no-progress", "--out", "drawn"];
    expectSuccess(await run("npx", [...args, ...options], app));
    const charts = join(app, "drawn/charts");
    const names = readdirSync(charts).filter((name) => name.endsWith(".vl.json"));
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      const chart = name.slice(0, -".vl.json".length);
      const spec = JSON.parse(readFileSync(join(charts, name), "utf8"));
      expect(readFileSync(join(charts, `${chart}.svg`), "utf8")).toBe(await renderSvg(spec, chart));
    }
  });

  it("imports simulate and loadScenario in plain Node, with the sources' results", async () => {
    const script = [
      'import { loadScenario, simulate } from "ccsim";',
      'const scenario = { ...(await loadScenario("voice.yaml")), replications: 2 };',
      "process.stdout.write(JSON.stringify(simulate(scenario).summary));",
    ].join("\n");
    const finished = expectSuccess(
      await run(process.execPath, ["--input-type=module", "-e", script], app),
    );
    expect(JSON.parse(finished.stdout)).toEqual(
      JSON.parse(JSON.stringify(simulate(scenario).summary)),
    );
  });

  it("types a consumer through the shipped declarations, and rejects a wrong use", async () => {
    const settings = {
      compilerOptions: { module: "nodenext", target: "es2023", strict: true, noEmit: true },
    };
    const consumer = (levelType: string) =>
      [
        'import { loadScenario, type Scenario, simulate } from "ccsim";',
        'const scenario: Scenario = await loadScenario("voice.yaml");',
        `const level: ${levelType} = simulate(scenario).summary.overall.serviceLevel.mean;`,
        "export { level };",
      ].join("\n");
    const tsc = join(ROOT, "node_modules/typescript/bin/tsc");
    const check = async (levelType: string) => {
      writeFileSync(join(app, "consumer.ts"), consumer(levelType));
      writeFileSync(
        join(app, "tsconfig.json"),
        JSON.stringify({ ...settings, files: ["consumer.ts"] }),
      );
      return run(process.execPath, [tsc, "-p", "tsconfig.json"], app);
    };
    expectSuccess(await check("number"));
    const wrong = await check("string");
    expect(wrong.status).not.toBe(0);
    expect(wrong.stdout).toContain("consumer.ts(3,7): error TS2322");
  });
});
