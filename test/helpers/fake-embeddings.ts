import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { startServer, type TestServer } from "./serve.js";

export const DIMENSIONS = 64;

/** A deterministic stand-in for a model: hashed bag of lower-cased words, so shared words mean similar vectors. */
export function bagOfWords(text: string): number[] {
  const vector = new Array<number>(DIMENSIONS).fill(0);
  for (const word of text.toLowerCase().match(/[a-z]+/g) ?? []) {
    const bucket = createHash("sha256").update(word).digest().readUInt32BE(0) % DIMENSIONS;
    vector[bucket]! += 1;
  }
  return vector;
}

function base64Floats(vector: readonly number[]): string {
  const bytes = Buffer.alloc(vector.length * 4);
  vector.forEach((value, i) => bytes.writeFloatLE(value, i * 4));
  return bytes.toString("base64");
}

interface EmbeddingsBody {
  model: string;
  input: string[];
  encoding_format?: "float" | "base64";
}

export type Reply = { status: number; headers?: Record<string, string>; body: unknown } | "embed";

export interface EmbeddingsServer {
  server: TestServer;
  bodies: EmbeddingsBody[];
  auth: string[];
}

/**
 * The embeddings endpoint: answers each input with its bag-of-words vector, as base64 or floats as
 * asked (or always floats, like a server that ignores `encoding_format`); `reply` may answer an error instead.
 */
export async function embeddingsServer(reply: (n: number) => Reply = () => "embed", options: { ignoreFormat?: boolean } = {}): Promise<EmbeddingsServer> {
  const bodies: EmbeddingsBody[] = [];
  const auth: string[] = [];
  const handler = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as EmbeddingsBody;
    bodies.push(body);
    auth.push(String(req.headers.authorization ?? ""));
    const answer = reply(bodies.length - 1);
    if (answer !== "embed") {
      res.writeHead(answer.status, { "content-type": "application/json", ...answer.headers });
      res.end(JSON.stringify(answer.body));
      return;
    }
    const base64 = body.encoding_format === "base64" && !options.ignoreFormat;
    const data = body.input.map((text, index) => ({ object: "embedding", index, embedding: base64 ? base64Floats(bagOfWords(text)) : bagOfWords(text) }));
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ object: "list", data, model: body.model, usage: { prompt_tokens: 10, total_tokens: 10 } }));
  };
  const server = await startServer({ "/v1/embeddings": handler });
  return { server, bodies, auth };
}
