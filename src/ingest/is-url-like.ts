// A scheme is at least two characters so that Windows paths like `C:\notes.md` or `c:/a.md`
// stay paths; anything else with `word:` in front is meant as a URL, even a broken one.
const SCHEME = /^[a-z][a-z0-9+.-]+:/i;

/** True when the input looks like an attempt at a URL (`https://…`, `htp:/x`, `javascript:…`). */
export function isUrlLike(input: string): boolean {
  return SCHEME.test(input.trim());
}
