import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { formatCredits, outputPaths, OutputTransaction, toSrt, toVtt } from "../src/render/index.js";
import type { CaptionPage } from "../src/storyboard/index.js";
import { makeStoryboard } from "./helpers/storyboard-fixture.js";
import { makeTempDir, removeTempDirs } from "./helpers/temp-dir.js";

afterAll(removeTempDirs);

const pages: Pick<CaptionPage, "lines" | "startMs" | "endMs">[] = [
  { lines: ["First page."], startMs: 250, endMs: 2000 },
  { lines: ["Second page,", "two lines"], startMs: 2000, endMs: 3_661_005 },
];

describe("subtitles", () => {
  it("writes numbered SRT cues with comma milliseconds and the laid-out lines", () => {
    expect(toSrt(pages)).toBe(
      "1\n00:00:00,250 --> 00:00:02,000\nFirst page.\n\n2\n00:00:02,000 --> 01:01:01,005\nSecond page,\ntwo lines\n",
    );
  });

  it("writes WebVTT with a header and dot milliseconds, and never an arrow inside a cue", () => {
    const vtt = toVtt([{ lines: ["a --> b"], startMs: 0, endMs: 1000 }]);
    expect(vtt).toBe("WEBVTT\n\n1\n00:00:00.000 --> 00:00:01.000\na -> b\n");
  });
});

describe("credits", () => {
  it("lists the article and every distinct asset with provider, licence and attribution", () => {
    const board = makeStoryboard();
    const text = formatCredits(board);
    expect(text).toContain(`"${board.meta.title}"`);
    expect(text).toContain("Source: https://example.test/post");
    for (const scene of board.scenes) expect(text).toContain(`(${scene.id})`);
    expect(text.match(/licence: /g)).toHaveLength(board.scenes.length);
    expect(text).toContain("attribution: Image from https://example.test/post");
  });
});

describe("output files", () => {
  it("names the companions after the video", () => {
    const p = outputPaths("/tmp/x/clip.mp4");
    expect(p).toEqual({
      video: "/tmp/x/clip.mp4",
      storyboard: "/tmp/x/clip.storyboard.json",
      srt: "/tmp/x/clip.srt",
      vtt: "/tmp/x/clip.vtt",
      poster: "/tmp/x/clip.jpg",
      credits: "/tmp/x/clip.credits.txt",
    });
  });

  it("leaves earlier files untouched and no temporaries behind when aborted", async () => {
    const dir = await makeTempDir("tx");
    const target = path.join(dir, "video.mp4");
    await writeFile(target, "old");
    const tx = new OutputTransaction();
    await writeFile(await tx.temp(target), "half");
    await writeFile(await tx.temp(path.join(dir, "video.srt")), "half");
    await tx.abort();
    expect(await readFile(target, "utf8")).toBe("old");
    expect(await readdir(dir)).toEqual(["video.mp4"]);
  });

  it("moves every file into place on commit", async () => {
    const dir = await makeTempDir("tx");
    const tx = new OutputTransaction();
    const tmp = await tx.temp(path.join(dir, "a.mp4"));
    expect(path.extname(tmp)).toBe(".mp4");
    await writeFile(tmp, "new");
    await tx.commit();
    expect(await readdir(dir)).toEqual(["a.mp4"]);
  });
});
