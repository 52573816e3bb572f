/**
 * Reading the shard folders `ccsim merge` is given: each must hold a shard.json that
 * `ccsim run|compare|sweep|staff --shard` wrote. Every folder is read and every problem collected,
 * one line each, so the user fixes them all at once.
 */
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { RUN_OUTPUT_FILES } from "../run/output-names.ts";
import { parseShardFile, type ShardFile } from "../run/shard-file.ts";

/** A shard read from its folder. */
export interface ShardInFolder {
  /** The folder as the user named it. */
  readonly folder: string;
  readonly file: ShardFile;
}

/** The shards read, and a line for each folder that gave none. */
export interface ReadShards {
  readonly shards: ShardInFolder[];
  readonly problems: string[];
}

/** Reads the shard.json of every folder in `folders`. */
export function readShards(folders: readonly string[]): ReadShards {
  const shards: ShardInFolder[] = [];
  const problems: string[] = [];
  for (const folder of folders) {
    const outcome = readShard(folder);
    if (typeof outcome === "string") problems.push(outcome);
    else shards.push({ folder, file: outcome });
  }
  return { shards, problems };
}

function readShard(folder: string): ShardFile | string {
  const path = join(folder, RUN_OUTPUT_FILES.shard);
  try {
    if (!statSync(folder).isDirectory()) {
      return `${folder}: not a folder (give the --out folders of the shards)`;
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return code === "ENOENT" ? `${folder}: no such folder` : `${folder}: cannot read it (${code})`;
  }
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    if (code === "ENOENT") {
      return `${folder}: no ${RUN_OUTPUT_FILES.shard} there (not the --out folder of a \`ccsim run|compare|sweep|staff --shard\`, or the shard has not finished)`;
    }
    return `${path}: cannot read it (${code})`;
  }
  const parsed = parseShardFile(text);
  return typeof parsed === "string" ? `${path}: ${parsed}` : parsed;
}
