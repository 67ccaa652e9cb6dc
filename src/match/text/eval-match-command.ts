/**
 * `npm run eval:match`: recall@1, recall@5 and MRR of the offline text matcher next to plain BM25.
 * See scripts/eval-match.ts for the flags.
 */
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { ReelpressError } from "../../errors.js";
import { createEmbeddingsReranker, RERANK_DEPTH } from "../embeddings-reranker.js";
import { libraryMediaKind } from "../library/library-media-kind.js";
import type { MediaCandidate } from "../media-provider.js";
import { candidateKey, type TextScores } from "../rank-scenes.js";
import { textRequest } from "../search-media.js";
import { evaluateRanking, formatFigures, type EvalFigures, type EvalSet } from "./evaluate-ranking.js";
import { evaluatePlainBm25, evaluateTextMatcher, type TimedFigures } from "./evaluate-text-matcher.js";
import { loadFolderSet, loadMedialibSet } from "./load-eval-set.js";
import { createTextIndex, type IndexDoc } from "./text-index.js";
import { loadTextModel } from "./text-model.js";

export interface EvalMatchIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
  /** Where relative --library and --queries paths start. */
  cwd: string;
  /** The medialib folder used without --library. */
  defaultLibrary: string;
  /** Where embedding vectors are cached. @default `<os tmp>/reelpress-eval-cache` */
  cacheDir?: string;
}

export interface EvalMatchReport {
  library: string;
  matcher: TimedFigures;
  baseline: TimedFigures;
  wordNetLoadMs: number;
  rotations?: Array<{ indexed: number; matcher: EvalFigures; baseline: EvalFigures }>;
  embeddings?: EvalFigures;
}

/**
 * The `eval:match` command: parses its flags, scores the matcher and plain BM25, and writes the
 * figures. Returns the exit code (2 for bad usage); throws a ReelpressError for a bad library or
 * queries file.
 */
export async function runEvalMatch(argv: readonly string[], io: EvalMatchIo): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      library: { type: "string" },
      queries: { type: "string" },
      json: { type: "boolean", default: false },
      rotations: { type: "boolean", default: false },
      embeddings: { type: "boolean", default: false },
      "embeddings-base-url": { type: "string" },
      "embeddings-model": { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
  });
  if (values.help) {
    io.stdout.write("usage: npm run eval:match -- [--library DIR --queries FILE] [--rotations] [--json] [--embeddings [--embeddings-base-url URL]]\n");
    return 0;
  }
  if ((values.library === undefined) !== (values.queries === undefined)) {
    throw new ReelpressError("E_USAGE", "--library and --queries go together", { hint: "pass both, or neither for ../shared/medialib" });
  }
  if (values.rotations && values.library !== undefined) {
    throw new ReelpressError("E_USAGE", "--rotations works on the medialib captions only", { hint: "drop --library/--queries" });
  }
  const apiKey = io.env.OPENAI_API_KEY || null;
  const baseURL = values["embeddings-base-url"] ?? (io.env.OPENAI_BASE_URL || null);
  if (values.embeddings && apiKey === null && baseURL === null) {
    io.stderr.write("eval:match --embeddings needs OPENAI_API_KEY or --embeddings-base-url\n");
    return 2;
  }

  const library = values.library === undefined ? io.defaultLibrary : path.resolve(io.cwd, values.library);
  const set =
    values.queries === undefined
      ? loadMedialibSet(library, 0)
      : await loadFolderSet(library, path.resolve(io.cwd, values.queries), { onWarning: (message) => io.stderr.write(`eval:match: ${message}\n`) });

  const loadStarted = performance.now();
  loadTextModel().analyzer.analyze("warm up");
  const wordNetLoadMs = performance.now() - loadStarted;

  const report: EvalMatchReport = { library, matcher: evaluateTextMatcher(set), baseline: evaluatePlainBm25(set), wordNetLoadMs };
  if (values.rotations) {
    report.rotations = [0, 1, 2, 3, 4].map((indexed) => {
      const rotated = loadMedialibSet(library, indexed);
      return { indexed, matcher: evaluateTextMatcher(rotated), baseline: evaluatePlainBm25(rotated) };
    });
  }
  if (values.embeddings) {
    report.embeddings = await evaluateWithEmbeddings(set, {
      apiKey,
      baseURL,
      model: values["embeddings-model"],
      cacheDir: io.cacheDir ?? path.join(tmpdir(), "reelpress-eval-cache"),
    });
  }

  if (values.json) {
    io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return 0;
  }
  const lines = [formatFigures(report.matcher), `plain BM25: ${formatFigures(report.baseline)}`];
  if (report.embeddings !== undefined) lines.push(`with embeddings: ${formatFigures(report.embeddings)}`);
  for (const rotation of report.rotations ?? []) {
    lines.push(`rotation ${rotation.indexed}: ${formatFigures(rotation.matcher)} | plain BM25: ${formatFigures(rotation.baseline)}`);
  }
  lines.push(
    `time: WordNet load ${ms(wordNetLoadMs)}, index ${report.matcher.items} items ${ms(report.matcher.indexMs)}, ${report.matcher.queries} queries ${ms(report.matcher.queryMs)}`,
  );
  io.stdout.write(`${lines.join("\n")}\n`);
  return 0;
}

/**
 * The product's re-ranker (`createEmbeddingsReranker`, as `media search` and `plan` use it) on the
 * text matcher's top candidates per query: each query is a free-text scene, its lexical top
 * RERANK_DEPTH go in as library candidates with their normalised text scores, and come out in the
 * re-ranker's order (ties keep the lexical order); the rest follow in lexical order.
 */
async function evaluateWithEmbeddings(
  set: EvalSet,
  options: { apiKey: string | null; baseURL: string | null; model: string | undefined; cacheDir: string },
): Promise<EvalFigures> {
  const index = createTextIndex(set.items);
  const itemOf = new Map(set.items.map((item) => [item.id, item]));
  const queries = [...new Set(set.queries.map(({ query }) => query))];
  const hits = queries.map((query) => index.search(query, set.items.length));
  const candidates = hits.map((list) => list.slice(0, RERANK_DEPTH).map((hit) => evalCandidate(itemOf.get(hit.id)!)));
  const text: TextScores = hits.map((list) => new Map(list.slice(0, RERANK_DEPTH).map((hit) => [candidateKey({ provider: "library", id: hit.id }), hit.normalized])));
  const rerank = createEmbeddingsReranker({ ...options, model: options.model ?? undefined });
  // All queries in one call, as a storyboard's scenes go: the re-ranker batches and caches across them.
  const rescored = await rerank(queries.map((query) => textRequest(query)), candidates, text);
  const ranked = new Map(
    queries.map((query, q) => {
      const head = hits[q]!.slice(0, RERANK_DEPTH).map((hit, order) => ({ id: hit.id, order, score: rescored[q]!.get(candidateKey({ provider: "library", id: hit.id })) ?? 0 }));
      head.sort((a, b) => b.score - a.score || a.order - b.order);
      return [query, [...head.map((entry) => entry.id), ...hits[q]!.slice(RERANK_DEPTH).map((hit) => hit.id)]];
    }),
  );
  return evaluateRanking(set, (query) => ranked.get(query) ?? []);
}

/** A library item as the candidate the re-ranker sees; only its key and text matter there. */
function evalCandidate(item: IndexDoc): MediaCandidate {
  return {
    provider: "library",
    id: item.id,
    kind: libraryMediaKind(item.id) ?? "image",
    text: { title: item.title, description: item.description, tags: item.tags },
    width: 0,
    height: 0,
    durationSeconds: null,
    fps: null,
    creator: null,
    series: null,
    pageUrl: null,
    license: { name: "your own media", url: null, attribution: item.id },
    source: null,
    context: 0,
    forScene: null,
  };
}

function ms(value: number): string {
  return `${Math.round(value)} ms`;
}
