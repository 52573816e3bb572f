/**
 * Depth of a parsed PowerFx tree, measured without recursion (the tree may be deeper than the
 * call stack allows: a chain of operators parses in a loop but nests one level per operator).
 */
import type { PowerFxNode } from "./parser.ts";

function childrenOf(node: PowerFxNode): readonly PowerFxNode[] {
  switch (node.type) {
    case "field":
      return [node.object];
    case "unary":
      return [node.operand];
    case "binary":
      return [node.left, node.right];
    case "call":
      return node.args;
    case "record":
      return node.fields.map(([, value]) => value);
    case "table":
      return node.items;
    default:
      return [];
  }
}

/** Levels of `node` (a leaf is 1); stops counting once past `stopAbove`. */
export function depthOf(node: PowerFxNode, stopAbove: number): number {
  let deepest = 0;
  const pending: [PowerFxNode, number][] = [[node, 1]];
  for (let entry = pending.pop(); entry !== undefined; entry = pending.pop()) {
    const [current, depth] = entry;
    if (depth > deepest) deepest = depth;
    if (deepest > stopAbove) return deepest;
    for (const child of childrenOf(current)) pending.push([child, depth + 1]);
  }
  return deepest;
}
