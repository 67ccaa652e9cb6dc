import path from "node:path";

/** True when `target` is `root` itself or lies under it; both must be absolute and already resolved. */
export function isInside(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  return rel === "" || (rel !== ".." && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}
