import { describe, expect, it } from "vitest";
import { pickRendition } from "../src/match/stock/pick-rendition.js";
import { readRateLimit, retryWait } from "../src/match/stock/rate-limit-wait.js";
import { slugWords } from "../src/match/stock/slug-words.js";
import { stockQueries } from "../src/match/stock/stock-queries.js";

const NOW = 1_750_000_000_000;

describe("slugWords", () => {
  it("reads the words of a Pexels page slug without its id", () => {
    expect(slugWords("https://www.pexels.com/video/aerial-view-of-a-beach-2499611/")).toBe("aerial view of a beach");
    expect(slugWords("https://www.pexels.com/photo/brown-rocks-during-golden-hour-2014422/")).toBe("brown rocks during golden hour");
  });

  it("keeps numbers inside a slug but finds nothing in a bare id", () => {
    expect(slugWords("https://pixabay.com/photos/daffodils-spring-2020-03-07-garden-4910149/")).toBe("daffodils spring 2020 03 07 garden");
    expect(slugWords("https://www.pexels.com/video/2499611/")).toBe("");
    expect(slugWords("https://pixabay.com/videos/id-125/")).toBe("");
  });

  it("decodes escaped letters and ignores what is not a URL", () => {
    expect(slugWords("https://www.pexels.com/photo/caf%C3%A9-terrace-12345/")).toBe("café terrace");
    expect(slugWords("not a url")).toBe("");
  });
});

describe("stockQueries", () => {
  const scene = { headline: "The New Harbour Crane", keywords: ["harbour", "crane"], queries: [] as string[] };

  it("keeps at most three distinct queries, lower-cased", () => {
    expect(stockQueries({ ...scene, queries: ["Surfer riding a wave", "surfer  riding a wave", "beach at dawn", "ocean", "sand"] })).toEqual([
      "surfer riding a wave",
      "beach at dawn",
      "ocean",
    ]);
  });

  it("falls back to the keywords joined, then to the headline", () => {
    expect(stockQueries(scene)).toEqual(["harbour crane"]);
    expect(stockQueries({ ...scene, keywords: [] })).toEqual(["the new harbour crane"]);
    expect(stockQueries({ headline: " ", keywords: [], queries: ["  "] })).toEqual([]);
  });

  it("clips a query to Pixabay's 100 characters at a word boundary", () => {
    const long = Array.from({ length: 30 }, (_, i) => `word${i}`).join(" ");
    const [q] = stockQueries({ ...scene, queries: [long] });
    expect(q!.length).toBeLessThanOrEqual(100);
    expect(long.startsWith(q!)).toBe(true);
    expect(long[q!.length]).toBe(" ");
  });
});

describe("pickRendition", () => {
  const sizes = [
    { url: "sd", width: 640, height: 360 },
    { url: "hd", width: 1280, height: 720 },
    { url: "fhd", width: 1920, height: 1080 },
    { url: "uhd", width: 3840, height: 2160 },
  ];

  it("takes the smallest rendition that covers the frame", () => {
    expect(pickRendition(sizes, { width: 1280, height: 720 })?.url).toBe("hd");
    expect(pickRendition(sizes, { width: 1281, height: 720 })?.url).toBe("fhd");
    // A portrait frame is covered only by a landscape file at least as tall.
    expect(pickRendition(sizes, { width: 1080, height: 1920 })?.url).toBe("uhd");
  });

  it("takes the largest when none covers, and null when there are none", () => {
    expect(pickRendition(sizes.slice(0, 2), { width: 1920, height: 1080 })?.url).toBe("hd");
    expect(pickRendition([], { width: 1920, height: 1080 })).toBeNull();
  });

  it("keeps the earlier rendition on a tie", () => {
    const tie = [
      { url: "first", width: 1920, height: 1080 },
      { url: "second", width: 1920, height: 1080 },
    ];
    expect(pickRendition(tie, { width: 1280, height: 720 })?.url).toBe("first");
    expect(pickRendition(tie, { width: 4000, height: 3000 })?.url).toBe("first");
  });
});

describe("rate-limit headers", () => {
  it("reads Pexels' reset as a UNIX time and Pixabay's as seconds left", () => {
    const pexels = new Headers({ "X-Ratelimit-Limit": "20000", "X-Ratelimit-Remaining": "0", "X-Ratelimit-Reset": String(NOW / 1000 + 90) });
    expect(readRateLimit(pexels, "unix-seconds", NOW)).toEqual({ limit: 20000, remaining: 0, resetAtMs: NOW + 90_000 });
    const pixabay = new Headers({ "X-RateLimit-Limit": "100", "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "12" });
    expect(readRateLimit(pixabay, "delta-seconds", NOW)).toEqual({ limit: 100, remaining: 0, resetAtMs: NOW + 12_000 });
    expect(readRateLimit(new Headers({ "x-ratelimit-reset": "soon" }), "delta-seconds", NOW)).toEqual({ limit: null, remaining: null, resetAtMs: null });
  });

  const wait = (status: number, headers: Record<string, string>, extra: Partial<Parameters<typeof retryWait>[0]> = {}) =>
    retryWait({ status, attempt: 0, headers: new Headers(headers), format: "delta-seconds", now: NOW, random: 0, exhaustedUntilMs: null, ...extra });

  it("waits for the reset a 429 names", () => {
    expect(wait(429, { "x-ratelimit-reset": "1" })).toEqual({ ms: 1000, fromServer: true });
    expect(wait(429, { "x-ratelimit-reset": String(NOW / 1000 + 3) }, { format: "unix-seconds" })).toEqual({ ms: 3000, fromServer: true });
  });

  it("prefers Retry-After over the reset header", () => {
    expect(wait(429, { "retry-after": "2", "x-ratelimit-reset": "50" })).toEqual({ ms: 2000, fromServer: true });
  });

  it("uses the remembered reset for a 429 without headers, as Pexels sends them", () => {
    expect(wait(429, {}, { exhaustedUntilMs: NOW + 4500 })).toEqual({ ms: 4500, fromServer: true });
  });

  it("backs off exponentially for a 5xx, whatever the reset header says", () => {
    expect(wait(503, { "x-ratelimit-reset": "50" })).toEqual({ ms: 250, fromServer: false });
    expect(wait(503, {}, { attempt: 2 })).toEqual({ ms: 1000, fromServer: false });
    expect(wait(429, {}, { attempt: 1 })).toEqual({ ms: 500, fromServer: false });
  });
});
