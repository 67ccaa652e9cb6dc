/**
 * Measures the offline text matcher: recall@1, recall@5 and MRR, next to plain BM25.
 *
 *   npm run eval:match                                    # ../shared/medialib, captions[0] indexed, captions[1..4] as queries
 *   npm run eval:match -- --rotations                     # also the five rotations (captions[k] indexed, k = 0..4)
 *   npm run eval:match -- --library DIR --queries FILE    # a media folder with .txt sidecars, FILE = [{"query", "file"}]
 *   npm run eval:match -- --json                          # the figures as JSON
 *   npm run eval:match -- --embeddings [--embeddings-base-url URL] [--embeddings-model NAME]
 *                                                         # also re-ranked by an embeddings model (OPENAI_API_KEY or a local server)
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ReelpressError } from "../src/errors.js";
import { runEvalMatch } from "../src/match/text/eval-match-command.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

runEvalMatch(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  // npm runs scripts from the package root; INIT_CWD is where the user typed the command.
  cwd: process.env.INIT_CWD ?? process.cwd(),
  defaultLibrary: path.resolve(repoRoot, "../shared/medialib"),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof ReelpressError) {
      process.stderr.write(`eval:match: ${error.message}${error.hint ? `\n  hint: ${error.hint}` : ""}\n`);
      process.exitCode = error.code === "E_USAGE" ? 2 : 1;
      return;
    }
    if (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS")) {
      process.stderr.write(`eval:match: ${error.message}\n`);
      process.exitCode = 2;
      return;
    }
    throw error;
  },
);
