import { chmod, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startAssetServer } from "../src/render/asset-server.js";
import { findBrowser } from "../src/render/find-browser.js";
import { makeTempDir, removeTempDirs } from "./helpers/temp-dir.js";

afterAll(removeTempDirs);

describe("asset server", () => {
  it("serves exactly the registered files, with byte ranges, and nothing else", async () => {
    const dir = await makeTempDir("assets");
    const file = path.join(dir, "clip.mp4");
    const other = path.join(dir, "secret.txt");
    await writeFile(file, "0123456789");
    await writeFile(other, "no");
    const server = await startAssetServer([file, file]);
    try {
      const url = server.urls[file]!;
      expect(Object.keys(server.urls)).toEqual([file]);
      const whole = await fetch(url);
      expect(whole.status).toBe(200);
      expect(whole.headers.get("content-type")).toBe("video/mp4");
      expect(await whole.text()).toBe("0123456789");
      const part = await fetch(url, { headers: { range: "bytes=2-5" } });
      expect(part.status).toBe(206);
      expect(part.headers.get("content-range")).toBe("bytes 2-5/10");
      expect(await part.text()).toBe("2345");
      const tail = await fetch(url, { headers: { range: "bytes=-3" } });
      expect(await tail.text()).toBe("789");
      const origin = new URL(url).origin;
      expect((await fetch(`${origin}/../secret.txt`)).status).toBe(404);
      expect((await fetch(`${origin}/${encodeURIComponent(other)}`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});

describe("findBrowser", () => {
  it("prefers the configured binary, then REELPRESS_BROWSER, then one on PATH", async () => {
    const dir = await makeTempDir("bin");
    const fake = path.join(dir, "chromium");
    await writeFile(fake, "#!/bin/sh\n");
    await chmod(fake, 0o755);
    expect(findBrowser("/opt/chrome", { PATH: dir })).toEqual({ executable: "/opt/chrome", from: "config" });
    expect(findBrowser(null, { PATH: dir, REELPRESS_BROWSER: "/x/chrome" })).toEqual({ executable: "/x/chrome", from: "env" });
    expect(findBrowser(null, { PATH: dir })).toEqual({ executable: fake, from: "system" });
  });

  it("skips files on PATH that are not executable", async () => {
    const dir = await makeTempDir("bin");
    await writeFile(path.join(dir, "chromium"), "");
    const choice = findBrowser(null, { PATH: dir });
    expect(choice.executable).not.toBe(path.join(dir, "chromium"));
  });
});
