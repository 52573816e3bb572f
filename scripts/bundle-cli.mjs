/**
 * Bundles the compiled CLI (scripts/build.mjs runs it after tsc), replacing tsc's output of the
 * same names: the entry point (cli/main.js) and the worker-thread entry
 * (cli/run/replication-worker.js) become one ES module each, and what the entry point runs, the
 * command line (cli/command-line.ts with its dependencies) and the charts' drawing (vega and
 * vega-lite), become scripts (cli/command-line.cjs, cli/charts-drawing.cjs) that
 * src/cli/code-cached-script.ts compiles with the V8 code cache scripts/code-caches.mjs makes.
 * Start-up was mostly module loading: a run of the quickstart resolved, read and compiled some
 * 450 files, then, bundled as ES modules, still parsed and compiled 1.5 MB of them at every start.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { build } from "esbuild";

/**
 * Left out of the bundles, loaded from node_modules when used: piscina starts threads on a file
 * of its own, resvg is a native addon (PNGs only), and selfsigned (with its X.509 libraries,
 * some 0.9 MB) makes a certificate only for `ccsim serve --tls`: bundled, every command would
 * read and compile it at start. vega and vega-lite are bundled into the drawing script, loaded
 * only to draw: some 400 modules of their own.
 */
const EXTERNAL = ["piscina", "@resvg/resvg-js", "selfsigned"];

/** The worker entry, relative to cli/: read by replication-worker-file.ts. */
const WORKER_FROM_MAIN = "./run/replication-worker.js";

/** The command-line script (command-line.ts and what it imports), relative to cli/: main.ts. */
export const COMMAND_LINE_FROM_MAIN = "./command-line.cjs";

/**
 * The charts' drawing script (render-svg.ts with vega and vega-lite), relative to cli/: loaded
 * by svg-renderer.ts.
 */
export const DRAWING_FROM_MAIN = "./charts-drawing.cjs";

// Bundled CommonJS dependencies (yaml, cli-progress, seedrandom) call require for Node's modules.
const BANNER = [
  'import { createRequire as createRequireOfBundle } from "node:module";',
  "const require = createRequireOfBundle(import.meta.url);",
].join(" ");

/**
 * A script has no import.meta: the bundler puts this variable in its place, the script's own URL
 * from the file name its wrapper is given (code-cached-script.ts). version.ts, report-fonts.ts
 * and the renderers find their files from it, as from the module's URL.
 */
const SCRIPT_URL = "__ccsimScriptUrl";
const SCRIPT_BANNER = `const ${SCRIPT_URL} = require("node:url").pathToFileURL(__filename).href;`;

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
 * string-width (yargs', cliui's and wrap-ansi's copies) makes an Intl.Segmenter, and yargs' copy
 * an RGI_Emoji expression, when loaded: 20-40 ms of every start (ICU's segmentation data, the
 * emoji sets), for text widths measured only to lay out help. Made on first use instead, the
 * same objects doing the same work.
 */
const lazyStringWidth = {
  name: "lazy-string-width",
  setup(bundler) {
    const lazily = [
      ["const segmenter = new Intl.Segmenter();", "segment", "new Intl.Segmenter()"],
      ["const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;", "test", "/^\\p{RGI_Emoji}$/v"],
    ];
    bundler.onLoad({ filter: /[\\/]string-width[\\/]index\.js$/ }, async (args) => {
      let source = await readFile(args.path, "utf8");
      if (!source.includes("Intl.Segmenter")) return undefined;
      if (!source.includes(lazily[0][0])) {
        throw new Error(`string-width changed: ${args.path} no longer has ${lazily[0][0]}`);
      }
      for (const [declaration, method, value] of lazily) {
        const name = /const (\w+)/.exec(declaration)[1];
        const lazy = [
          `let ${name}Made;`,
          `const ${name} = { ${method}: (text) => (${name}Made ??= ${value}).${method}(text) };`,
        ].join(" ");
        source = source.replace(declaration, lazy);
      }
      return { contents: source, loader: "js" };
    });
  },
};

/**
 * An esbuild plugin that replaces the module `imported` by a stub that throws, where `importer`
 * imports it: the bundle reaches that code through a script of its own at run time, so the
 * module's static import (kept for the sources, run through tsx) must not pull it in.
 */
function leaveToScript(name, imported, importer, script) {
  return {
    name,
    setup(bundler) {
      bundler.onResolve({ filter: imported }, (args) =>
        importer.test(args.importer) ? { path: args.path, namespace: name } : undefined,
      );
      bundler.onLoad({ filter: /.*/, namespace: name }, () => ({
        contents: `throw new Error("the bundled CLI loads this code from ${script}");`,
        loader: "js",
      }));
    },
  };
}

/**
 * The bundle draws with its drawing script (bundleDrawing below), never with the module
 * svg-renderer.ts imports from the sources: leave vega and vega-lite out of the command line.
 */
const drawingScriptOnly = leaveToScript(
  "drawing-script-only",
  /render[\\/]render-svg\.ts$/,
  /svg-renderer\.ts$/,
  DRAWING_FROM_MAIN,
);

/**
 * The entry point runs the command-line script, never the module main.ts imports from the
 * sources: leave the command line out of main.js, which is then a few lines.
 */
const commandLineScriptOnly = leaveToScript(
  "command-line-script-only",
  /[\\/]command-line\.ts$/,
  /[\\/]main\.ts$/,
  COMMAND_LINE_FROM_MAIN,
);

/** What every bundle shares. */
const COMMON = {
  bundle: true,
  platform: "node",
  target: "node20",
  legalComments: "eof",
  logLevel: "warning",
  write: false,
};

/**
 * Writes the bundles into `outputFolder` (a build's dist/), over tsc's files of the same names:
 * main.js, the worker entry, and the command-line and drawing scripts. They all stay in cli/ or
 * two folders deep, as the sources are, so that version.ts finds package.json from each.
 */
export async function bundleCli(root, outputFolder) {
  const cli = join(outputFolder, "cli");
  await writeBundle(
    join(cli, "main.js"),
    await build({
      ...COMMON,
      entryPoints: ["src/cli/main.ts"],
      format: "esm",
      define: { CCSIM_BUNDLED_COMMAND_LINE: JSON.stringify(COMMAND_LINE_FROM_MAIN) },
      plugins: [commandLineScriptOnly],
      absWorkingDir: root,
    }),
  );
  await writeBundle(
    join(cli, WORKER_FROM_MAIN),
    await build({
      ...COMMON,
      entryPoints: ["src/cli/run/replication-worker.ts"],
      format: "esm",
      external: EXTERNAL,
      banner: { js: BANNER },
      plugins: [zodEnglishOnly],
      absWorkingDir: root,
    }),
  );
  await writeBundle(
    join(cli, COMMAND_LINE_FROM_MAIN),
    await build({
      ...COMMON,
      entryPoints: ["src/cli/command-line.ts"],
      format: "cjs",
      external: EXTERNAL,
      // A script compiled by node:vm has no import(): piscina is required instead.
      supported: { "dynamic-import": false },
      banner: { js: SCRIPT_BANNER },
      define: {
        "import.meta.url": SCRIPT_URL,
        CCSIM_BUNDLED_WORKER: JSON.stringify(WORKER_FROM_MAIN),
        CCSIM_BUNDLED_DRAWING: JSON.stringify(DRAWING_FROM_MAIN),
      },
      plugins: [yargsLocales, zodEnglishOnly, lazyStringWidth, drawingScriptOnly],
      absWorkingDir: root,
    }),
    { script: true },
  );
  await writeBundle(
    join(cli, DRAWING_FROM_MAIN),
    await build({
      ...COMMON,
      entryPoints: ["src/report/render/render-svg.ts"],
      format: "cjs",
      plugins: [noCanvas],
      absWorkingDir: root,
    }),
    { script: true },
  );
}

/**
 * Writes a bundle's one file, in ASCII only; as a script: a CommonJS function expression,
 * `(function (exports, require, module, __filename, __dirname) { … })`, which
 * code-cached-script.ts compiles with node:vm (a script, unlike a module, takes a code cache).
 */
async function writeBundle(path, result, { script = false } = {}) {
  const [file] = result.outputFiles;
  const text = script
    ? `(function (exports, require, module, __filename, __dirname) {\n${file.text}\n})\n`
    : file.text;
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, asciiOnly(text));
}

/**
 * vega-canvas looks for the optional `canvas` package with a top-level await, which a script
 * cannot hold. ccsim never uses a canvas (vega renders headless to SVG, text widths are
 * Arimo's own: render-svg.ts), so the drawing script says there is none, installed or not.
 */
const noCanvas = {
  name: "no-canvas",
  setup(bundler) {
    bundler.onLoad({ filter: /vega-canvas[\\/]build[\\/]vega-canvas\.node\.js$/ }, () => ({
      contents: [
        "export const domCanvas = () => null, nodeCanvas = () => null;",
        "export const canvas = () => null, image = () => null;",
      ].join("\n"),
      loader: "js",
    }));
  },
};

/**
 * esbuild escapes every non-ASCII character of the code (charset ascii) but not of the comments
 * it keeps; one such character sends Node's decoding of the whole file down its slow path (twice
 * the time for a bundle). An escape means the same character anywhere it could still be.
 */
function asciiOnly(text) {
  return text.replace(
    /[\u0080-\uffff]/g,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
