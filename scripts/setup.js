#!/usr/bin/env node
// `npm run setup`: installs the npm dependencies and checks what rendering needs from the
// machine (a Chrome or Chromium). Plain Node with no dependencies, since it runs before them.
import { spawnSync } from "node:child_process";
import { accessSync, constants, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const say = (line) => process.stdout.write(`${line}\n`);

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit" });
  if (result.status !== 0) {
    say(`setup: \`${command} ${args.join(" ")}\` failed (exit ${result.status ?? result.signal})`);
    process.exit(1);
  }
}

function onPath(name) {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    try {
      accessSync(path.join(dir, name), constants.X_OK);
      return path.join(dir, name);
    } catch {
      // not in this directory
    }
  }
  return null;
}

if (!existsSync(path.join(root, "node_modules", "@remotion", "renderer"))) {
  say("setup: installing npm dependencies (npm ci)…");
  run("npm", ["ci", "--no-audit", "--no-fund"]);
} else {
  say("setup: npm dependencies are installed");
}

const browser =
  process.env.REELPRESS_BROWSER ||
  ["chromium", "chromium-browser", "google-chrome-stable", "google-chrome"].map(onPath).find(Boolean);
if (browser) {
  say(`setup: rendering will use ${browser}`);
} else if (process.getuid?.() === 0 && onPath("apt-get")) {
  say("setup: no Chrome or Chromium found; installing Debian's chromium…");
  run("apt-get", ["update", "-qq"]);
  run("apt-get", ["install", "-y", "-qq", "chromium"]);
} else {
  // Not root: the last resort is Remotion's own headless shell, which needs network access.
  say("setup: no Chrome or Chromium found; asking Remotion for its headless shell…");
  const ensured = spawnSync("npx", ["remotion", "browser", "ensure"], { cwd: root, stdio: "inherit" });
  if (ensured.status !== 0) {
    say("setup: no browser to render with. Install Chrome or Chromium (Debian/Ubuntu: `sudo apt-get install chromium`),");
    say("       or set REELPRESS_BROWSER to its path.");
    process.exit(1);
  }
}

const ffprobe = path.join(root, "node_modules", "@remotion", "compositor-linux-x64-gnu", "ffprobe");
if (process.platform === "linux" && process.arch === "x64" && !existsSync(ffprobe)) {
  say("setup: ffmpeg/ffprobe from @remotion/compositor are missing; run `npm ci` again");
  process.exit(1);
}
// The offline voiceover: espeak-ng. Without it videos are made with music and captions only.
const espeak = onPath("espeak-ng");
if (espeak) {
  say(`setup: the voiceover will use ${espeak}`);
} else if (process.getuid?.() === 0 && onPath("apt-get")) {
  say("setup: installing espeak-ng for the offline voiceover…");
  spawnSync("apt-get", ["update", "-qq"], { cwd: root, stdio: "inherit" });
  const installed = spawnSync("apt-get", ["install", "-y", "-qq", "espeak-ng"], { cwd: root, stdio: "inherit" });
  if (installed.status !== 0) say("setup: could not install espeak-ng; videos will have music and captions but no voice");
} else {
  say("setup: no espeak-ng found, so videos get no offline voiceover. Install it for one:");
  say("       Debian/Ubuntu: sudo apt-get install espeak-ng · macOS: brew install espeak-ng · or use --voice openai");
}

// The fast renderer composites footage with an ffmpeg that has the overlay and perspective
// filters (the one bundled with Remotion has neither); without one, Remotion draws every frame.
// Keep in step with FULL_FFMPEG_FILTERS in src/render/fast/find-full-ffmpeg.ts.
const COMPOSITING_FILTERS = ["overlay", "perspective", "alphamerge", "geq", "drawbox", "loop", "pad", "color"];
const fullFfmpeg = () => {
  const listed = spawnSync(process.env.REELPRESS_FFMPEG || "ffmpeg", ["-hide_banner", "-filters"], { encoding: "utf8" });
  const names = new Set((listed.stdout ?? "").split("\n").map((line) => line.trim().split(/\s+/)[1]));
  return listed.status === 0 && COMPOSITING_FILTERS.every((name) => names.has(name));
};
if (fullFfmpeg()) {
  say(`setup: footage will be composited by ${process.env.REELPRESS_FFMPEG || onPath("ffmpeg")}`);
} else if (process.getuid?.() === 0 && onPath("apt-get")) {
  say("setup: installing ffmpeg for the fast renderer…");
  spawnSync("apt-get", ["update", "-qq"], { cwd: root, stdio: "inherit" });
  const installed = spawnSync("apt-get", ["install", "-y", "-qq", "ffmpeg"], { cwd: root, stdio: "inherit" });
  if (installed.status !== 0 || !fullFfmpeg()) say("setup: could not install ffmpeg; videos will be drawn by Remotion alone (several times slower)");
} else {
  say("setup: no ffmpeg with the overlay filter found, so Remotion will draw every frame (several times slower). Install one:");
  say("       Debian/Ubuntu: sudo apt-get install ffmpeg · macOS: brew install ffmpeg · or set REELPRESS_FFMPEG to one");
}

say("setup: ready. Try: npx reelpress make samples/articles/sourdough-starter-guide.html");
