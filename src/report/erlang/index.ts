/** Public face of `report/erlang/`: the text and JSON renderers of `ccsim erlang`. */
export { renderErlangConsole } from "./erlang-console.ts";
export { renderErlangJson } from "./erlang-json.ts";
