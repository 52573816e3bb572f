/**
 * Bundles the compiled CLI's two entries (scripts/build.mjs runs it after tsc): the command line
 * (cli/main.js) and the worker-thread entry (cli/run/replication-worker.js) each become one file
 * with their dependencies, replacing tsc's output of the same name. Start-up was mostly module
 * loading: a run of the quickstart resolved, read and compiled some 450 files.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { build } from "esbuild";

/**
 * Left out of the bundles, loaded from node_modules when used: piscina starts threads on a file
 * of its own, and resvg is a native addon (PNGs only). vega and vega-lite are bundled into the
 * lazily loaded drawing chunk: some 400 modules of their own, loaded at every drawing otherwise.
 */
const EXTERNAL = ["piscina", "@resvg/resvg-js"];

/** The worker entry, relative to main.js and the chunks: read by replication-worker-file.ts. */
const WORKER_FROM_MAIN = "./run/replication-worker.js";

// Bundled CommonJS dependencies (yaml, cli-progress, seedrandom) call require for Node's modules.
const BANNER = [
  'import { createRequire as createRequireOfBundle } from "node:module";',
  "const require = createRequireOfBundle(import.meta.url);",
].join(" ");

/**
 * yargs finds its messages (y18n's locales/) next to its own file; in a bundle that is the
 * bundle's folder. Point it at the installed yargs instead, whose locales the bundle's match.
 */
const yargsLocales = {
  name: "yargs-locales",
  setup(bundler) {
    bundler.onLoad({ filter: /yargs[\\/]lib[\\/]platform-shims[\\/]esm\.mjs$/ }, async (args) => {
      const source = await readFile(args.path, "utf8");
      const original = "resolve(__dirname, '../../../locales')";
      if (!source.includes(original)) {
        throw new Error(`yargs changed: ${args.path} no longer has ${original}`);
      }
      const installed = "resolve(dirname(require.resolve('yargs/package.json')), 'locales')";
      return { contents: source.replace(original, installed), loader: "js" };
    });
  },
};

/**
 * zod's namespace export `z` carries `z.locales`: every language's error messages (a fifth of
 * the bundle), which esbuild cannot leave out since the namespace object is used as a whole.
 * ccsim reports its own messages and never switches zod's language: keep English only.
 */
const zodEnglishOnly = {
  name: "zod-english-only",
  setup(bundler) {
    bundler.onLoad({ filter: /zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, (args) => ({
      contents: 'export { default as en } from "./en.js";',
      resolveDir: dirname(args.path),
      loader: "js",
    }));
  },
};

/**
 * Writes the bundles into `outputFolder` (a build's dist/), over tsc's files of the same names.
 * Code split: what both entries use, and what is imported lazily (the charts, with vega), goes
 * to chunks beside main.js (cli/chunk-….js), loaded only when needed. Chunks stay two folders
 * deep, as main.js and the sources are, so that version.ts finds package.json in all three.
 */
export async function bundleCli(root, outputFolder) {
  const result = await build({
    entryPoints: ["src/cli/main.ts", "src/cli/run/replication-worker.ts"],
    outbase: "src",
    outdir: outputFolder,
    chunkNames: "cli/[name]-[hash]",
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    external: EXTERNAL,
    banner: { js: BANNER },
    define: { CCSIM_BUNDLED_WORKER: JSON.stringify(WORKER_FROM_MAIN) },
    plugins: [yargsLocales, zodEnglishOnly],
    legalComments: "eof",
    logLevel: "warning",
    absWorkingDir: root,
    write: false,
  });
  for (const file of result.outputFiles) {
    await mkdir(dirname(file.path), { recursive: true });
    await writeFile(file.path, asciiOnly(file.text));
  }
}

/**
 * esbuild escapes every non-ASCII character of the code (charset ascii) but not of the comments
 * it keeps; one such character sends Node's decoding of the whole file down its slow path (twice
 * the time for main.js). An escape means the same character anywhere it could still be.
 */
function asciiOnly(text) {
  return text.replace(
    /[\u0080-\uffff]/g,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
