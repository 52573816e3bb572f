import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { renderJunitXml } from "../../../src/report/check/index.ts";
import { attribute, text } from "../../../src/report/check/junit-xml.ts";
import {
  ALL_IDENTICAL,
  contextFor,
  HOSTILE,
  HOSTILE_FILE,
  HOSTILE_SCOPE,
  MIXED,
  UNPAIRED,
} from "./fixtures.ts";

interface TestCase {
  classname: string;
  name: string;
  file: string;
  failure?: { message: string; type: string; "#text": string };
  "system-out"?: string;
  skipped?: unknown;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: false,
  htmlEntities: true,
  isArray: (name) => ["testsuite", "testcase", "property"].includes(name),
});

function parse(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  const document = parser.parse(xml);
  const suite = document.testsuites.testsuite[0];
  return { document, suite, cases: suite.testcase as TestCase[] };
}

describe("renderJunitXml", () => {
  it("declares XML and holds one suite named after the scenario with the counts", () => {
    const xml = renderJunitXml(MIXED, contextFor(MIXED));
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')).toBe(true);
    expect(xml.endsWith("</testsuites>\n")).toBe(true);
    const { document, suite } = parse(xml);
    expect(document.testsuites.testsuite).toHaveLength(1);
    expect(suite).toMatchObject({
      name: "ccsim check quickstart",
      tests: String(MIXED.checks.length),
      failures: "6",
      errors: "0",
      skipped: "0",
    });
    expect(document.testsuites).toMatchObject({
      tests: "12",
      failures: "6",
      errors: "0",
      skipped: "0",
    });
  });

  it("has one test case per check, classname the scope and name the metric, all distinct", () => {
    const { cases } = parse(renderJunitXml(MIXED, contextFor(MIXED)));
    expect(cases.map((one) => `${one.classname} ${one.name}`)).toEqual(
      MIXED.checks.map((check) => `${check.scope} ${check.metric}`),
    );
    expect(new Set(cases.map((one) => `${one.classname} ${one.name}`)).size).toBe(cases.length);
    for (const one of cases) expect(one.file).toBe("baselines/quickstart.json");
  });

  it("fails exactly the failing checks, typed by verdict, with the explanation and the numbers", () => {
    const { cases } = parse(renderJunitXml(MIXED, contextFor(MIXED)));
    cases.forEach((one, index) => {
      const check = MIXED.checks[index];
      if (check === undefined) throw new Error("more test cases than checks");
      expect(one.failure !== undefined).toBe(check.fails);
      expect(one.skipped).toBeUndefined();
      if (one.failure === undefined) return;
      expect(one.failure.type).toBe(check.verdict);
      expect(one.failure.message).toBe(check.explanation);
      expect(one.failure["#text"].startsWith(`${check.explanation}\nbaseline `)).toBe(true);
    });
    expect(cases[1]?.failure?.["#text"]).toBe(
      `${MIXED.checks[1]?.explanation}\nbaseline 80.1 ± 1.2%, run 77.9 ± 1.1%, change -2.2 ± 0.52 pp, allowed 1 pp`,
    );
  });

  it("passes inconclusive checks with their explanation as output (neither failed nor skipped)", () => {
    const { cases } = parse(renderJunitXml(MIXED, contextFor(MIXED)));
    const inconclusive = cases.find((one) => one.name === "abandonmentRate");
    expect(inconclusive?.failure).toBeUndefined();
    expect(inconclusive?.["system-out"]).toBe(
      "inconclusive: Rose by 1.7 points, beyond the 1-point tolerance but not beyond chance. About 80 replications would settle it.\nbaseline 5.1 ± 0.9%, run 6.8 ± 1%, change +1.7 ± 1.9 pp, allowed 1 pp",
    );
    expect(cases.find((one) => one.name === "waitMean")?.["system-out"]).toMatch(/^unchanged: /);
    expect(cases.find((one) => one.name === "arrived")?.["system-out"]).toBeUndefined();
  });

  it("passes everything when nothing fails", () => {
    for (const fixture of [UNPAIRED, ALL_IDENTICAL]) {
      const { suite, cases } = parse(renderJunitXml(fixture, contextFor(fixture)));
      expect(suite.failures).toBe("0");
      expect(cases.every((one) => one.failure === undefined)).toBe(true);
    }
    const { suite } = parse(renderJunitXml(UNPAIRED, contextFor(UNPAIRED)));
    expect(suite.properties.property).toContainEqual({
      name: "pairingNote",
      value: "the baseline has no per-replication values",
    });
  });

  it("escapes a hostile scope id, file name and explanation and drops what XML forbids", () => {
    const xml = renderJunitXml(HOSTILE, contextFor(HOSTILE, { baselineFile: HOSTILE_FILE }));
    const { cases } = parse(xml);
    expect(cases.map((one) => one.classname)).toEqual([HOSTILE_SCOPE, HOSTILE_SCOPE]);
    expect(cases[0]?.file).toBe(HOSTILE_FILE);
    const expected = HOSTILE.checks[0]?.explanation.replace("\u0001", "\uFFFD");
    // The line breaks inside the attribute survive as character references.
    expect(cases[0]?.failure?.message).toBe(expected);
    for (const character of xml) {
      const code = character.codePointAt(0) ?? 0;
      expect(code >= 0x20 || code === 0x9 || code === 0xa || code === 0xd).toBe(true);
    }
  });

  it("escapes text and attributes", () => {
    expect(text(`a&b<c>d"e'f`)).toBe("a&amp;b&lt;c&gt;d&quot;e&apos;f");
    expect(attribute("a\tb\nc\rd")).toBe("a&#9;b&#10;c&#13;d");
    expect(text("]]>")).toBe("]]&gt;");
    expect(text("x\u0000y\uFFFEz\uD800w\uD83D\uDE00")).toBe("x\uFFFDy\uFFFDz\uFFFDw\uD83D\uDE00");
  });
});
