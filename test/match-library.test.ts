import { createHash } from "node:crypto";
import { copyFile, mkdir, readFile, realpath, rm, stat, symlink, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ReelpressError } from "../src/errors.js";
import { libraryCandidate } from "../src/match/library/library-candidate.js";
import type { SceneRequest, SearchContext } from "../src/match/media-provider.js";
import { createLibraryProvider, type LibraryProvider } from "../src/match/providers/library.js";
import { runFfmpegTool } from "../src/media/ffmpeg-bin.js";
import { makeTempDir, removeTempDirs } from "./helpers/temp-dir.js";

const repoRoot = path.resolve(import.meta.dirname, "..");
const medialib = path.resolve(repoRoot, "../shared/medialib");

interface CaptionEntry {
  file: string;
  width: number;
  height: number;
  captions: string[];
}

let captions: CaptionEntry[];
/** A 640×422 medialib photo and a 2 s, 30 fps H.264 clip made from it in beforeAll. */
const PHOTO = "images/coco_train2017_000000000790.jpg";
let clipBytes: Buffer;
/** The same clip with its header (moov) at the front, and its first 60 %: a header that probes whole, and no end. */
let faststartBytes: Buffer;
let faststartCut: Buffer;

beforeAll(async () => {
  captions = JSON.parse(await readFile(path.join(medialib, "captions.json"), "utf8")) as CaptionEntry[];
  const dir = await makeTempDir("library-clip");
  const out = path.join(dir, "clip.mp4");
  await runFfmpegTool("ffmpeg", [
    "-v", "error", "-loop", "1", "-i", path.join(medialib, PHOTO), "-t", "2", "-r", "30",
    "-c:v", "libx264", "-pix_fmt", "yuv420p",
    "-metadata", "title=Container ship leaving the port", "-metadata", "artist=Lee Harbourside", out,
  ]);
  clipBytes = await readFile(out);
  const faststart = path.join(dir, "faststart.mp4");
  await runFfmpegTool("ffmpeg", ["-v", "error", "-i", out, "-c", "copy", "-movflags", "+faststart", faststart]);
  faststartBytes = await readFile(faststart);
  faststartCut = faststartBytes.subarray(0, Math.floor(faststartBytes.length * 0.6));
});

afterAll(removeTempDirs);

function scene(text: string): SceneRequest {
  return { index: 0, kind: "content", headline: text, narration: "", keywords: [], queries: [text], visual: null, mood: "neutral", sourceBlockIds: [], durationSeconds: 4 };
}

const context: SearchContext = { aspect: "16:9", width: 1280, height: 720, perQuery: 3 };

async function copyPhoto(from: string, to: string): Promise<void> {
  await mkdir(path.dirname(to), { recursive: true });
  await copyFile(path.join(medialib, from), to);
}

async function open(dir: string, cacheDir: string): Promise<{ provider: LibraryProvider; warnings: string[] }> {
  const warnings: string[] = [];
  const provider = await createLibraryProvider({ dir, cacheDir, onWarning: (w) => warnings.push(w) });
  return { provider, warnings };
}

async function topIds(provider: LibraryProvider, text: string, n = 1): Promise<string[]> {
  return (await provider.search(scene(text), context)).slice(0, n).map((c) => c.id);
}

/** Puts JPEG segments (marker + payload) right after the SOI marker. */
function spliceJpeg(jpeg: Buffer, segments: { marker: number; payload: Buffer }[]): Buffer {
  const parts = segments.map(({ marker, payload }) => {
    const head = Buffer.from([0xff, marker, 0, 0]);
    head.writeUInt16BE(payload.length + 2, 2);
    return Buffer.concat([head, payload]);
  });
  return Buffer.concat([jpeg.subarray(0, 2), ...parts, jpeg.subarray(2)]);
}

function xmpPayload(dc: { title: string; description: string; subject: string[]; creator: string; rights: string }): Buffer {
  const alt = (v: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${v}</rdf:li></rdf:Alt>`;
  const xml =
    `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">` +
    `<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">` +
    `<dc:title>${alt(dc.title)}</dc:title><dc:description>${alt(dc.description)}</dc:description>` +
    `<dc:subject><rdf:Bag>${dc.subject.map((s) => `<rdf:li>${s}</rdf:li>`).join("")}</rdf:Bag></dc:subject>` +
    `<dc:creator><rdf:Seq><rdf:li>${dc.creator}</rdf:li></rdf:Seq></dc:creator><dc:rights>${alt(dc.rights)}</dc:rights>` +
    `</rdf:Description></rdf:RDF></x:xmpmeta>`;
  return Buffer.concat([Buffer.from("http://ns.adobe.com/xap/1.0/\0", "latin1"), Buffer.from(xml, "utf8")]);
}

/** An APP13 Photoshop block holding one IPTC-IIM resource with record-2 datasets. */
function iptcPayload(datasets: [number, string][]): Buffer {
  const data = Buffer.concat(
    datasets.map(([dataset, value]) => {
      const bytes = Buffer.from(value, "utf8");
      const head = Buffer.from([0x1c, 2, dataset, 0, 0]);
      head.writeUInt16BE(bytes.length, 3);
      return Buffer.concat([head, bytes]);
    }),
  );
  const size = Buffer.alloc(4);
  size.writeUInt32BE(data.length);
  const pad = Buffer.alloc(data.length % 2);
  return Buffer.concat([Buffer.from("Photoshop 3.0\0", "latin1"), Buffer.from("8BIM", "latin1"), Buffer.from([0x04, 0x04, 0, 0]), size, data, pad]);
}

/** An APP1 EXIF block with one big-endian IFD0. */
function exifPayload(entries: { tag: number; type: 1 | 2 | 3; bytes: Buffer }[]): Buffer {
  const ifd = Buffer.alloc(2 + entries.length * 12 + 4);
  ifd.writeUInt16BE(entries.length, 0);
  let offset = 8 + ifd.length;
  const data: Buffer[] = [];
  entries.forEach((entry, i) => {
    const at = 2 + i * 12;
    ifd.writeUInt16BE(entry.tag, at);
    ifd.writeUInt16BE(entry.type, at + 2);
    ifd.writeUInt32BE(entry.type === 3 ? entry.bytes.length / 2 : entry.bytes.length, at + 4);
    if (entry.bytes.length <= 4) entry.bytes.copy(ifd, at + 8);
    else {
      ifd.writeUInt32BE(offset, at + 8);
      data.push(entry.bytes);
      offset += entry.bytes.length;
    }
  });
  return Buffer.concat([Buffer.from("Exif\0\0", "latin1"), Buffer.from([0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8]), ifd, ...data]);
}

describe("library provider indexing", () => {
  it("indexes all 239 photos of the shared media library with the sizes captions.json records, and reuses the cache", async () => {
    const cacheDir = await makeTempDir("library-cache");
    const { provider, warnings } = await open(medialib, cacheDir);
    expect(warnings).toEqual([]);
    expect(provider.name).toBe("library");
    expect(provider.refreshed).toEqual({ added: 239, changed: 0, removed: 0, reused: 0 });
    const byPath = new Map(provider.items().map((item) => [item.path, item]));
    expect(byPath.size).toBe(239);
    expect(captions).toHaveLength(239);
    for (const entry of captions) {
      expect(byPath.get(entry.file), entry.file).toMatchObject({ kind: "image", width: entry.width, height: entry.height, file: path.join(medialib, entry.file) });
    }

    const cacheFile = path.join(cacheDir, "library", `${createHash("sha256").update(medialib).digest("hex")}.json`);
    const cached = JSON.parse(await readFile(cacheFile, "utf8")) as { version: number; entries: unknown[] };
    expect(cached.version).toBe(2);
    expect(cached.entries).toHaveLength(239);

    const again = await open(medialib, cacheDir);
    expect(again.provider.refreshed).toEqual({ added: 0, changed: 0, removed: 0, reused: 239 });
    expect(again.provider.items()).toEqual(provider.items());
  });

  it("re-reads only files that were added or changed (file or sidecar) and drops removed ones", async () => {
    const dir = await makeTempDir("library-refresh");
    const cacheDir = await makeTempDir("library-refresh-cache");
    const photos = captions.slice(0, 6).map((c) => c.file);
    await copyPhoto(photos[0]!, path.join(dir, "sea/a.jpg"));
    await copyPhoto(photos[1]!, path.join(dir, "sea/b.jpg"));
    await copyPhoto(photos[2]!, path.join(dir, "city/c.jpg"));
    await copyPhoto(photos[3]!, path.join(dir, "d.jpg"));
    await copyPhoto(photos[4]!, path.join(dir, "e.jpg"));
    await writeFile(path.join(dir, "e.txt"), "first words");
    const first = await open(dir, cacheDir);
    expect(first.provider.refreshed).toEqual({ added: 5, changed: 0, removed: 0, reused: 0 });
    expect(first.provider.items().find((i) => i.path === "e.jpg")?.text.description).toBe("first words");

    await copyPhoto(photos[5]!, path.join(dir, "city/f.jpg"));
    await utimes(path.join(dir, "sea/a.jpg"), new Date("2001-02-03T04:05:06Z"), new Date("2001-02-03T04:05:06Z"));
    await writeFile(path.join(dir, "e.txt"), "a second, longer text");
    await utimes(path.join(dir, "e.txt"), new Date("2002-01-01T00:00:00Z"), new Date("2002-01-01T00:00:00Z"));
    await writeFile(path.join(dir, "d.json"), JSON.stringify({ title: "Red door" }));
    await rm(path.join(dir, "sea/b.jpg"));

    const second = await open(dir, cacheDir);
    expect(second.warnings).toEqual([]);
    expect(second.provider.refreshed).toEqual({ added: 1, changed: 3, removed: 1, reused: 1 });
    const items = second.provider.items();
    expect(items.map((i) => i.path)).toEqual(["city/c.jpg", "city/f.jpg", "d.jpg", "e.jpg", "sea/a.jpg"]);
    expect(items.find((i) => i.path === "e.jpg")?.text.description).toBe("a second, longer text");
    expect(items.find((i) => i.path === "d.jpg")?.text.title).toBe("Red door");
    expect(items.find((i) => i.path === "sea/a.jpg")?.mtimeMs).toBe(Date.parse("2001-02-03T04:05:06Z"));

    const cacheFile = path.join(cacheDir, "library", `${createHash("sha256").update(dir).digest("hex")}.json`);
    const written = (await stat(cacheFile)).mtimeMs;
    const third = await open(dir, cacheDir);
    expect(third.provider.refreshed).toEqual({ added: 0, changed: 0, removed: 0, reused: 5 });
    // Nothing changed, so the cache is not written again.
    expect((await stat(cacheFile)).mtimeMs).toBe(written);
  });

  it("skips a corrupt image and cut-short videos with warnings, and warns again from the cache", async () => {
    const dir = await makeTempDir("library-corrupt");
    const cacheDir = await makeTempDir("library-corrupt-cache");
    await copyPhoto(PHOTO, path.join(dir, "good.jpg"));
    await writeFile(path.join(dir, "broken.jpg"), "<html>not a photo</html>");
    await writeFile(path.join(dir, "cut.mp4"), clipBytes.subarray(0, 2000));
    await writeFile(path.join(dir, "cut-faststart.mp4"), faststartCut);
    await writeFile(path.join(dir, "whole-faststart.mp4"), faststartBytes);
    const first = await open(dir, cacheDir);
    expect(first.provider.items().map((i) => i.path)).toEqual(["good.jpg", "whole-faststart.mp4"]);
    expect(first.warnings).toHaveLength(3);
    expect(first.warnings[0]).toMatch(/^skipped broken\.jpg: not a readable image/);
    expect(first.warnings[1]).toMatch(/^skipped cut-faststart\.mp4: the end of .* does not decode/);
    expect(first.warnings[2]).toMatch(/^skipped cut\.mp4: not a readable video/);

    const second = await open(dir, cacheDir);
    expect(second.provider.refreshed).toEqual({ added: 0, changed: 0, removed: 0, reused: 2 });
    expect(second.warnings).toEqual(first.warnings);
  });

  it("skips hidden files and symlinks that lead outside the folder, and indexes a file reached by a link inside it once", async () => {
    const base = await makeTempDir("library-links");
    const dir = path.join(base, "lib");
    await copyPhoto(PHOTO, path.join(dir, "inside.jpg"));
    await copyPhoto(PHOTO, path.join(dir, ".hidden/secret.jpg"));
    await copyPhoto(PHOTO, path.join(dir, ".dotfile.jpg"));
    await copyPhoto(PHOTO, path.join(base, "outside/secret.jpg"));
    await symlink(path.join(base, "outside/secret.jpg"), path.join(dir, "escape.jpg"));
    await symlink(path.join(base, "outside"), path.join(dir, "escape-folder"));
    await symlink(path.join(dir, "inside.jpg"), path.join(dir, "same.jpg"));
    await copyPhoto(PHOTO, path.join(dir, "copy.jpg"));
    await copyPhoto(PHOTO, path.join(dir, "sub/deep.jpg"));
    // Sorted before the folder it points to, so a walk in name order meets the link first.
    await symlink(path.join(dir, "sub"), path.join(dir, "alias"));
    await symlink(path.join(dir, ".hidden"), path.join(dir, "shown"));
    await symlink(dir, path.join(dir, "loop"));
    const { provider, warnings } = await open(dir, await makeTempDir("library-links-cache"));
    // A copy is another file; a link is the same file, kept under its own path when that is walked.
    expect(provider.items().map((i) => i.path)).toEqual(["copy.jpg", "inside.jpg", "shown/secret.jpg", "sub/deep.jpg"]);
    expect(warnings).toHaveLength(2);
    expect(warnings.join("\n")).toMatch(/escape\.jpg: .*outside the media library/);
    expect(warnings.join("\n")).toMatch(/escape-folder: .*outside the media library/);
  });
});

describe("library provider text and search", () => {
  it("makes sidecar JSON, .txt sidecars and file names searchable, and credits what the sidecar says", async () => {
    const dir = await makeTempDir("library-sidecars");
    const photos = captions.slice(10, 17).map((c) => c.file);
    await copyPhoto(photos[0]!, path.join(dir, "golden-retriever_puppy2.jpg"));
    await copyPhoto(photos[1]!, path.join(dir, "holiday/a.jpg"));
    await writeFile(
      path.join(dir, "holiday/a.jpg.json"),
      JSON.stringify({ title: "Lighthouse at dusk", description: "A red lighthouse on the cliffs", tags: ["seascape"], author: "Ada Example", licence: "CC BY 4.0", url: "https://example.org/lighthouse" }),
    );
    await copyPhoto(photos[2]!, path.join(dir, "b.jpg"));
    await writeFile(path.join(dir, "b.json"), JSON.stringify({ keywords: "tram, rails", license: { name: "CC0 1.0", url: "https://creativecommons.org/publicdomain/zero/1.0/" } }));
    await copyPhoto(photos[3]!, path.join(dir, "c.jpg"));
    await writeFile(path.join(dir, "c.txt"), "A bowl of ramen noodles\nwith chopsticks");
    await copyPhoto(photos[4]!, path.join(dir, "d.jpg"));
    await writeFile(path.join(dir, "d.json"), "{ not json");
    await copyPhoto(photos[5]!, path.join(dir, "e.jpg"));
    await writeFile(path.join(dir, "e.jpg.txt"), "a cat sleeping on a sofa");
    await copyPhoto(photos[6]!, path.join(dir, "f.jpg"));
    await writeFile(path.join(dir, "f.txt"), "a bicycle leaning on a brick wall");

    const { provider, warnings } = await open(dir, await makeTempDir("library-sidecars-cache"));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`ignored sidecar ${path.join(dir, "d.json")}`);
    expect(provider.items().map((i) => i.path)).toContain("d.jpg");

    expect(await topIds(provider, "golden retriever puppy")).toEqual(["golden-retriever_puppy2.jpg"]);
    expect(await topIds(provider, "tram rails")).toEqual(["b.jpg"]);
    expect(await topIds(provider, "ramen noodles with chopsticks")).toEqual(["c.jpg"]);
    expect(await topIds(provider, "cat asleep on the sofa")).toEqual(["e.jpg"]);

    const [lighthouse] = await provider.search(scene("a lighthouse on the cliffs at dusk"), context);
    expect(lighthouse).toMatchObject({
      provider: "library",
      id: "holiday/a.jpg",
      kind: "image",
      creator: "Ada Example",
      series: "library:holiday:Ada Example",
      pageUrl: "https://example.org/lighthouse",
      source: { file: path.join(dir, "holiday/a.jpg") },
      license: { name: "CC BY 4.0", url: null, attribution: `"Lighthouse at dusk" by Ada Example (CC BY 4.0), from the media library ${path.basename(dir)}: holiday/a.jpg` },
      context: 0,
      forScene: null,
    });
    const [ramen] = await provider.search(scene("ramen"), context);
    expect(ramen).toMatchObject({
      id: "c.jpg",
      series: null,
      pageUrl: `${path.basename(dir)}/c.jpg`,
      license: { name: "your own media", url: null, attribution: `From the media library ${path.basename(dir)}: c.jpg` },
    });
  });

  it("reads the title, description and keywords embedded as XMP, IPTC and EXIF, and respects EXIF orientation", async () => {
    const dir = await makeTempDir("library-embedded");
    const jpeg = await readFile(path.join(medialib, PHOTO));
    const xmp = spliceJpeg(jpeg, [
      { marker: 0xe1, payload: xmpPayload({ title: "Fishing boats at anchor", description: "Blue fishing boats moored in a quiet harbour", subject: ["harbour", "boats"], creator: "Ada Example", rights: "CC BY 4.0" }) },
    ]);
    const ascii = (s: string) => Buffer.from(`${s}\0`, "latin1");
    const ucs2 = (s: string) => Buffer.from(`${s}\0`, "utf16le");
    const iptc = spliceJpeg(jpeg, [
      { marker: 0xe1, payload: exifPayload([
        { tag: 0x0112, type: 3, bytes: Buffer.from([0, 6]) }, // orientation: turned 90°
        { tag: 0x8298, type: 2, bytes: ascii("(c) Sam Shooter 2020") },
        { tag: 0x9c9e, type: 1, bytes: ucs2("steamer;water") },
      ]) },
      { marker: 0xed, payload: iptcPayload([[5, "Ferry crossing"], [120, "A ferry crossing the bay at noon"], [25, "ferry"], [25, "bay"], [80, "Sam Shooter"]]) },
    ]);
    await writeFile(path.join(dir, "IMG_0001.jpg"), xmp);
    await writeFile(path.join(dir, "IMG_0002.jpg"), iptc);
    for (const [i, entry] of captions.slice(20, 24).entries()) {
      await copyPhoto(entry.file, path.join(dir, `other${i}.jpg`));
      await writeFile(path.join(dir, `other${i}.txt`), entry.captions[0]!);
    }

    const { provider, warnings } = await open(dir, await makeTempDir("library-embedded-cache"));
    expect(warnings).toEqual([]);
    const byPath = new Map(provider.items().map((i) => [i.path, i]));
    expect(byPath.get("IMG_0001.jpg")).toMatchObject({
      width: 640,
      height: 422,
      text: { title: "Fishing boats at anchor", description: "Blue fishing boats moored in a quiet harbour", tags: ["harbour", "boats"] },
      creator: "Ada Example",
      license: { name: "CC BY 4.0" },
    });
    expect(byPath.get("IMG_0002.jpg")).toMatchObject({
      width: 422,
      height: 640,
      text: { title: "Ferry crossing", description: "A ferry crossing the bay at noon", tags: ["ferry", "bay", "steamer", "water"] },
      creator: "Sam Shooter",
      license: { name: "(c) Sam Shooter 2020" },
    });
    expect(await topIds(provider, "fishing boats in a harbour")).toEqual(["IMG_0001.jpg"]);
    expect(await topIds(provider, "a steamer on the water")).toEqual(["IMG_0002.jpg"]);
  });

  it("probes a video for its size, length and frame rate and finds it by its title tag", async () => {
    const dir = await makeTempDir("library-video");
    await mkdir(path.join(dir, "clips"));
    await writeFile(path.join(dir, "clips/harbour.mp4"), clipBytes);
    await copyPhoto(captions[30]!.file, path.join(dir, "clips/photo.jpg"));
    await writeFile(path.join(dir, "clips/photo.txt"), captions[30]!.captions[0]!);

    const { provider, warnings } = await open(dir, await makeTempDir("library-video-cache"));
    expect(warnings).toEqual([]);
    const video = provider.items().find((i) => i.path === "clips/harbour.mp4");
    expect(video).toMatchObject({ kind: "video", width: 640, height: 422, fps: 30, creator: "Lee Harbourside", text: { title: "Container ship leaving the port" } });
    expect(video?.durationSeconds).toBeCloseTo(2, 1);

    const [hit] = await provider.search(scene("a container ship leaves port"), context);
    expect(hit).toMatchObject({ id: "clips/harbour.mp4", kind: "video", fps: 30, series: "library:clips:Lee Harbourside" });
    // Sharing a folder does not make two files one series: the photo has no creator.
    const photo = provider.items().find((i) => i.path === "clips/photo.jpg")!;
    expect(libraryCandidate(photo).series).toBeNull();
    const media = await provider.fetch(hit!, {});
    expect(media).toMatchObject({
      kind: "video",
      file: await realpath(path.join(dir, "clips/harbour.mp4")),
      width: 640,
      height: 422,
      fps: 30,
      provider: "library",
      creator: "Lee Harbourside",
      sourceId: "clips/harbour.mp4",
    });
    expect(media.kind === "video" && media.durationSeconds).toBeCloseTo(2, 1);
    expect(media.origin).toBe(`${path.basename(dir)}/clips/harbour.mp4`);
  });

  it("returns perQuery × 3 candidates (at least 12), and finds a photo by another caption of it", async () => {
    const dir = await makeTempDir("library-count");
    const entries = captions.slice(40, 60);
    for (const [i, entry] of entries.entries()) {
      await copyPhoto(entry.file, path.join(dir, "photos", `p${i}.jpg`));
      await writeFile(path.join(dir, "photos", `p${i}.txt`), entry.captions[0]!);
    }
    const { provider } = await open(dir, await makeTempDir("library-count-cache"));
    // The folder name is in every file's text, so every file matches.
    expect(await provider.search(scene("photos"), { ...context, perQuery: 2 })).toHaveLength(12);
    expect(await provider.search(scene("photos"), { ...context, perQuery: 5 })).toHaveLength(15);

    let found = 0;
    for (const [i, entry] of entries.entries()) {
      if ((await topIds(provider, entry.captions[1]!, 5)).includes(`photos/p${i}.jpg`)) found++;
    }
    expect(found).toBeGreaterThanOrEqual(16);
  });
});

describe("library provider fetch", () => {
  it("returns the file in place as image media with its size, focus and credits", async () => {
    const dir = await makeTempDir("library-fetch");
    await copyPhoto(PHOTO, path.join(dir, "street/tram.jpg"));
    const { provider } = await open(dir, await makeTempDir("library-fetch-cache"));
    const candidate = libraryCandidate(provider.items()[0]!);
    const media = await provider.fetch(candidate, {});
    const file = await realpath(path.join(dir, "street/tram.jpg"));
    expect(media).toEqual({
      kind: "image",
      file,
      width: 640,
      height: 422,
      alt: "tram",
      focus: { x: 0.5, y: 0.45 },
      provider: "library",
      origin: `${path.basename(dir)}/street/tram.jpg`,
      creator: null,
      sourceId: "street/tram.jpg",
      license: { name: "your own media", url: null, attribution: `From the media library ${path.basename(dir)}: street/tram.jpg` },
    });
  });

  it("credits a file by its sidecar URL, else by its path in the library, never by where it lies on this machine", async () => {
    const dir = await makeTempDir("library-origin");
    await copyPhoto(PHOTO, path.join(dir, "shore/linked.jpg"));
    await writeFile(path.join(dir, "shore/linked.json"), JSON.stringify({ title: "Harbour", url: "https://example.org/harbour" }));
    await copyPhoto(PHOTO, path.join(dir, "shore/plain.jpg"));
    const { provider } = await open(dir, await makeTempDir("library-origin-cache"));
    const [linked, plain] = await Promise.all(provider.items().map((item) => provider.fetch(libraryCandidate(item), {})));
    expect(linked!.origin).toBe("https://example.org/harbour");
    expect(plain!.origin).toBe(`${path.basename(dir)}/shore/plain.jpg`);
    for (const item of provider.items()) expect(libraryCandidate(item).pageUrl).not.toContain(path.dirname(dir));
  });

  it("refuses ids that lead outside the folder through .., an absolute path or a symlink", async () => {
    const base = await makeTempDir("library-refuse");
    const dir = path.join(base, "lib");
    await copyPhoto(PHOTO, path.join(dir, "inside.jpg"));
    await copyPhoto(PHOTO, path.join(base, "outside.jpg"));
    await symlink(path.join(base, "outside.jpg"), path.join(dir, "escape.jpg"));
    const { provider } = await open(dir, await makeTempDir("library-refuse-cache"));
    const good = libraryCandidate(provider.items()[0]!);
    for (const id of ["../outside.jpg", "sub/../../outside.jpg", path.join(base, "outside.jpg"), "escape.jpg"]) {
      const error = await provider.fetch({ ...good, id }, {}).then(() => null, (e: unknown) => e);
      expect(error, id).toBeInstanceOf(ReelpressError);
      expect(error, id).toMatchObject({ code: "E_MEDIA", message: expect.stringContaining("outside the media library") });
    }
  });

  it("fails with E_MEDIA when a file vanished or stopped decoding after indexing", async () => {
    const dir = await makeTempDir("library-gone");
    await copyPhoto(PHOTO, path.join(dir, "a.jpg"));
    await copyPhoto(PHOTO, path.join(dir, "b.jpg"));
    await writeFile(path.join(dir, "c.mp4"), faststartBytes);
    const { provider } = await open(dir, await makeTempDir("library-gone-cache"));
    const [a, b, c] = provider.items().map(libraryCandidate);
    expect(c!.id).toBe("c.mp4");
    await rm(path.join(dir, "a.jpg"));
    await writeFile(path.join(dir, "b.jpg"), "truncated");
    await writeFile(path.join(dir, "c.mp4"), faststartCut);
    await expect(provider.fetch(a!, {})).rejects.toMatchObject({ code: "E_MEDIA", message: expect.stringContaining("not in the media library") });
    await expect(provider.fetch(b!, {})).rejects.toMatchObject({ code: "E_MEDIA", message: expect.stringContaining("not a readable image") });
    await expect(provider.fetch(c!, {})).rejects.toMatchObject({ code: "E_MEDIA", message: expect.stringContaining("does not decode") });
  });
});
