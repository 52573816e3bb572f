/**
 * Charts are drawn with V8's optimizing compiler off (src/cli/run/without-turbofan.ts): a child
 * Node, given V8's natives syntax to read a function's tier, warms the same hot function up
 * inside withoutTurbofan and after it: optimized only after, the flag switched back. The
 * outputs' bytes are cmpcheck's to compare; here, that the switch happens and is undone.
 */
import { spawnSync } from "node:child_process";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { userTunedCompilers, withoutTurbofan } from "../../src/cli/run/without-turbofan.ts";

const MODULE = pathToFileURL(
  new URL("../../src/cli/run/without-turbofan.ts", import.meta.url).pathname,
).href;

/** In the child: whether a fresh hot function is optimized after warming up, inside and after. */
const PROBE = `
const { withoutTurbofan } = await import(${JSON.stringify(MODULE)});
const OPTIMIZED = 16; // V8's OptimizationStatus::kOptimized
const optimizedAfterWarmUp = () => {
  const hot = new Function("n", "let s = 0; for (let i = 0; i < n; i++) s += i % 7; return s;");
  for (let i = 0; i < 20000; i++) hot(100);
  return (%GetOptimizationStatus(hot) & OPTIMIZED) !== 0;
};
const inside = await withoutTurbofan(async () => optimizedAfterWarmUp());
const after = optimizedAfterWarmUp();
console.log(JSON.stringify({ inside, after }));
`;

describe("withoutTurbofan", () => {
  it("switches V8's optimizing compiler off while it works, and back on after", () => {
    const child = spawnSync(
      process.execPath,
      [
        "--allow-natives-syntax",
        "--no-concurrent-recompilation",
        "--import",
        "tsx",
        "--input-type=module",
        "-e",
        PROBE,
      ],
      { encoding: "utf8" },
    );
    expect(child.stderr).toBe("");
    expect(JSON.parse(child.stdout)).toEqual({ inside: false, after: true });
  });

  it("gives the work's result and its error, the compiler back on either way", async () => {
    await expect(withoutTurbofan(async () => withoutTurbofan(async () => 42))).resolves.toBe(42);
    await expect(
      withoutTurbofan(async () => {
        throw new Error("chart failed");
      }),
    ).rejects.toThrow("chart failed");
  });

  it("leaves the flags alone when the user tuned the compilers", () => {
    expect(userTunedCompilers(["--no-opt"], "")).toBe(true);
    expect(userTunedCompilers([], "--max-old-space-size=4096 --maglev")).toBe(true);
    expect(userTunedCompilers(["--turbofan"], "")).toBe(true);
    expect(userTunedCompilers(["--enable-source-maps"], "--max-old-space-size=4096")).toBe(false);
    expect(userTunedCompilers(["--optimize-for-size"], "")).toBe(false);
  });
});
