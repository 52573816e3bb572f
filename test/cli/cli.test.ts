/**
 * The CLI as users run it: `node bin/ccsim.js …` in a child process (no shell), checking exit
 * codes, which stream each message goes to, and that bad input never prints a stack trace.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ccsim, STACK_LINE } from "../support/ccsim-process.ts";

const BROKEN = "test/fixtures/broken";

describe("ccsim validate", () => {
  it("prints ok for valid files and exits 0", () => {
    const outcome = ccsim("validate", "scenarios/quickstart.yaml", "test/fixtures/valid/full.yaml");
    expect(outcome).toEqual({
      status: 0,
      stdout: "scenarios/quickstart.yaml: ok\ntest/fixtures/valid/full.yaml: ok, with 1 warning\n",
      // full.yaml's supervisor is never on duty: a warning, not an error.
      stderr:
        "test/fixtures/valid/full.yaml:88:25 warning: workers[1].availableForOffers: these workers are never on duty: availableForOffers is false and they have no shifts (hint: remove availableForOffers: false, or give them shifts)\n",
    });
  });

  it.each(readdirSync(BROKEN).sort())("rejects %s with exit 2 and no stack trace", (name) => {
    const outcome = ccsim("validate", `${BROKEN}/${name}`);
    expect(outcome.status).toBe(2);
    expect(outcome.stdout).toBe("");
    expect(outcome.stderr).not.toMatch(STACK_LINE);
    expect(outcome.stderr).toMatch(new RegExp(`^${BROKEN}/${name}:\\d+:\\d+ `));
  });

  it("lists the problems of every file and still reports the valid ones", () => {
    const outcome = ccsim(
      "validate",
      `${BROKEN}/negative-rate.yaml`,
      "scenarios/quickstart.yaml",
      `${BROKEN}/priority-500.yaml`,
    );
    expect(outcome.status).toBe(2);
    expect(outcome.stdout).toBe("scenarios/quickstart.yaml: ok\n");
    const lines = outcome.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^test\/fixtures\/broken\/negative-rate\.yaml:14:44 /);
    expect(lines[1]).toMatch(/^test\/fixtures\/broken\/priority-500\.yaml:14:15 /);
  });

  it("reports a missing file and a directory in one line each, exit 2", () => {
    const outcome = ccsim("validate", "no/such/file.yaml", BROKEN);
    expect(outcome.status).toBe(2);
    expect(outcome.stderr).toBe(
      `no/such/file.yaml: file not found\n${BROKEN}: is a directory, not a scenario file\n`,
    );
  });

  it("needs at least one file", () => {
    const outcome = ccsim("validate");
    expect(outcome.status).toBe(2);
    expect(outcome.stderr).toContain("Not enough non-option arguments");
    expect(outcome.stderr).not.toMatch(STACK_LINE);
  });
});

describe("ccsim schema", () => {
  it("prints the committed JSON Schema as valid JSON", () => {
    const outcome = ccsim("schema");
    expect(outcome.status).toBe(0);
    expect(() => JSON.parse(outcome.stdout)).not.toThrow();
    expect(outcome.stdout).toBe(readFileSync("scenarios/ccsim.schema.json", "utf8"));
  });
});

describe("global behaviour", () => {
  it("prints the package version", () => {
    const { version } = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };
    expect(ccsim("--version")).toEqual({ status: 0, stdout: `${version}\n`, stderr: "" });
  });

  it("prints help with the commands and examples", () => {
    const outcome = ccsim("validate", "--help");
    expect(outcome.status).toBe(0);
    expect(outcome.stdout).toContain("ccsim validate scenarios/quickstart.yaml");
    expect(ccsim("--help").stdout).toMatch(/validate <files\.\.>[\s\S]*schema/);
  });

  it.each([
    [
      "an unknown option",
      ["validate", "scenarios/quickstart.yaml", "--bogus"],
      "unknown option --bogus",
    ],
    [
      "a misspelt option",
      ["run", "scenarios/quickstart.yaml", "--replicatons", "2", "--sedd=3"],
      "unknown option --replicatons (did you mean --replications?); unknown option --sedd (did you mean --seed?)",
    ],
    [
      "a word that is no option",
      ["run", "scenarios/quickstart.yaml", "extra"],
      'unexpected argument "extra"',
    ],
    ["an unknown command", ["simulate-everything"], 'unknown command "simulate-everything"'],
    [
      "a misspelt command",
      ["valdate", "x.yaml"],
      'unknown command "valdate" (did you mean "validate"?)',
    ],
    ["no command", [], "name a command"],
  ])("exits 2 on %s", (_, args, message) => {
    const outcome = ccsim(...args);
    expect(outcome.status).toBe(2);
    expect(outcome.stderr).toContain(message);
    expect(outcome.stderr).toContain('Run "ccsim --help" for usage.');
    expect(outcome.stderr).not.toMatch(STACK_LINE);
  });
});
