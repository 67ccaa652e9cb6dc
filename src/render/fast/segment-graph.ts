import path from "node:path";
import { kenBurns } from "../../../compositions/ken-burns.js";
import type { OverlayLayer } from "../../../compositions/overlay/overlay-states-props.js";
import { sceneWindows } from "../../../compositions/scene-windows.js";
import { coverCrop } from "../../media/cover-crop.js";
import { storyboardDurationInFrames, type Storyboard } from "../../schema/storyboard.js";
import type { PlannedSegment } from "../segments/plan-segments.js";
import { clipColorMatrix } from "./clip-color-matrix.js";
import { ffmpegColor } from "./ffmpeg-color.js";
import { sceneMotion } from "./fast-segment-support.js";
import { overlayLayerId } from "./overlay-state-keys.js";
import type { OverlayLayerFrames, OverlayPagePlan } from "./plan-overlay-pages.js";

export interface SegmentGraphInput {
  board: Storyboard;
  segment: PlannedSegment;
  /** Output size over the storyboard's (a draft's scale, or 1). */
  scale: number;
  plan: OverlayPagePlan;
  /** The PNG file of each page of plan.pages. */
  pageFiles: readonly string[];
  /** Folder the graph's own files (filter script, concat lists) are written to. */
  workDir: string;
  /** Each clip's colour matrix (see clipColorMatrix); a clip missing here is taken as untagged. @default {} */
  clipMatrices?: Record<string, string>;
}

export interface SegmentGraph {
  /** Arguments of the compositing ffmpeg; it writes raw yuv420p frames in Matroska to stdout. */
  args: string[];
  /** Files to write before running it. */
  files: { path: string; content: string }[];
  frames: number;
  width: number;
  height: number;
}

/** The layers a segment's graph reads, over the segment's frames. */
export function segmentOverlayLayers(board: Storyboard, segment: PlannedSegment): OverlayLayer[] {
  const layers: OverlayLayer[] = [];
  for (const scene of segment.scenes) layers.push({ kind: "scrim", scene }, { kind: "headline", scene });
  if (hasMarks(board)) layers.push({ kind: "marks" });
  layers.push({ kind: "captions" });
  return layers;
}

function hasMarks(board: Storyboard): boolean {
  const { logo, watermark } = board.theme;
  return (logo.file !== null && logo.placement !== "none") || watermark !== null;
}

/**
 * The frame number inside perspective's expressions: its `in` counts frames from 1 (ffmpeg 5.1,
 * libavfilter/vf_perspective.c). The SSIM tests catch a build that counts otherwise.
 */
const PERSPECTIVE_FRAME = "(in-1)";
const num = (value: number): string => (Object.is(value, -0) ? 0 : value).toFixed(6);
const even = (value: number): number => 2 * Math.ceil(value / 2);

/**
 * Scales a picture to cover w×h and crops it at its focus point, as CSS object-fit: cover with
 * object-position at the focus does, so a file whose size differs from the stored one is drawn alike.
 */
function cover(w: number, h: number, focus: { x: number; y: number }, inMatrix = "auto"): string {
  return `scale=${w}:${h}:force_original_aspect_ratio=increase:flags=bicubic:in_color_matrix=${inMatrix}:${TO_BT709},crop=${w}:${h}:'(iw-ow)*${num(focus.x)}':'(ih-oh)*${num(focus.y)}'`;
}

/**
 * Footage converted as the browser shows it and Remotion encodes it: from its own matrix (a
 * photo's from the file, a clip's from clipColorMatrix) and range to BT.709 limited range, the
 * frames' label.
 */
const TO_BT709 = "in_range=auto:out_color_matrix=bt709:out_range=tv";

/**
 * Pages are decoded one at a time, a few per segment: one decoding thread each, instead of
 * ffmpeg's frame threads holding several 1920×1920 RGBA pictures per input.
 */
const ONE_THREAD = ["-threads", "1"];

/** A per-frame value as an ffmpeg expression of frame number `v`: a balanced if-tree (expressions nest only ~100 deep). */
function perFrame(values: readonly number[], v: string, lo = 0, hi = values.length): string {
  if (values.slice(lo, hi).every((x) => x === values[lo])) return num(values[lo]!);
  const mid = (lo + hi) >> 1;
  return `if(lt(${v},${mid}),${perFrame(values, v, lo, mid)},${perFrame(values, v, mid, hi)})`;
}

/**
 * The ffmpeg filter graph that draws a segment's frames as the Reelpress composition does: the
 * footage (a clip cover-cropped, or a photo under Ken Burns, sub-pixel, from the same kenBurns()),
 * its scrim and headline from the rendered pages, the text's fade-out, the next scene's eased fade
 * and settle-scale from sceneTransition(), the marks, the captions and the progress bar. Pure.
 */
export function segmentGraph({ board, segment, scale, plan, pageFiles, workDir, clipMatrices = {} }: SegmentGraphInput): SegmentGraph {
  const { fps, width: W, height: H } = board.output;
  const Wo = Math.round(W * scale);
  const Ho = Math.round(H * scale);
  const n = segment.to - segment.from;
  const windows = sceneWindows(board);
  const inputs: string[] = [];
  const graph: string[] = [];
  const files: { path: string; content: string }[] = [];
  let inputCount = 0;
  const addInput = (...args: string[]): number => {
    inputs.push(...args);
    return inputCount++;
  };
  const px = (v: number) => Math.round(v * scale);

  const layerFrames = (layer: OverlayLayer): OverlayLayerFrames => {
    const found = plan.layers.find((l) => overlayLayerId(l.layer) === overlayLayerId(layer) && l.from === segment.from && l.to === segment.to);
    if (!found) throw new Error(`the overlay plan lacks ${overlayLayerId(layer)} for frames ${segment.from}–${segment.to}`);
    return found;
  };

  /** A layer's tiles as a stream of n frames (yuva420p, bt709), and where it goes in the frame. */
  const layerStream = (layer: OverlayLayer, label: string): { x: number; y: number; still: boolean } => {
    const lf = layerFrames(layer);
    const w = px(lf.region.width);
    const h = px(lf.region.height);
    const convert = "scale=out_color_matrix=bt709:out_range=tv,format=yuva420p";
    const still = lf.page.every((p, i) => p === lf.page[0] && lf.y[i] === lf.y[0]);
    if (still) {
      const ix = addInput(...ONE_THREAD, "-i", pageFiles[lf.page[0]!]!);
      graph.push(`[${ix}:v]crop=${w}:${h}:0:${px(lf.y[0]!)},${convert}[${label}]`);
    } else {
      // Each page is decoded and converted once; the tile is cut out per frame.
      const start = (f: number) => Math.floor((f / fps) * 1e6) / 1e6;
      const lines = ["ffconcat version 1.0"];
      let first = 0;
      for (let f = 1; f <= n; f++) {
        if (f < n && lf.page[f] === lf.page[first]) continue;
        // At the image demuxer's default 25 fps, start times would be rounded to 1/25 s.
        lines.push(`file '${pageFiles[lf.page[first]!]!}'`, `option framerate ${fps}`, `duration ${(start(f) - start(first)).toFixed(6)}`);
        first = f;
      }
      lines.push(`file '${pageFiles[lf.page[n - 1]!]!}'`, `option framerate ${fps}`);
      const list = path.join(workDir, `${label}.ffconcat`);
      files.push({ path: list, content: lines.join("\n") + "\n" });
      const ix = addInput(...ONE_THREAD, "-f", "concat", "-safe", "0", "-i", list);
      graph.push(`[${ix}:v]${convert},fps=${fps},crop=${w}:${h}:0:'${perFrame(lf.y.map(px), "n")}',trim=end_frame=${n},setpts=PTS-STARTPTS[${label}]`);
    }
    return { x: px(lf.region.x), y: px(lf.region.y), still };
  };

  /** A gray plane per frame at `values` (0–1), to use as an alpha channel. */
  const alphaPlane = (values: readonly number[], label: string) => {
    const levels = values.map((v) => Math.round(Math.min(1, Math.max(0, v)) * 255));
    graph.push(`color=c=black:s=16x16:r=${fps}:d=${num((n + 1) / fps)},format=gray,geq=lum='${perFrame(levels, "N")}',scale=${Wo}:${Ho}:flags=neighbor,trim=end_frame=${n}[${label}]`);
  };

  const footage = (i: number, s: number, label: string) => {
    const scene = board.scenes[i]!;
    const media = scene.media;
    const window = windows[i]!;
    if (media.kind === "video") {
      const crop = coverCrop({ width: media.width, height: media.height }, { width: W, height: H }, media.focus);
      const clipFrames = Math.max(1, Math.floor(media.durationSeconds * fps));
      const looped = clipFrames < window.durationInFrames;
      const start = looped ? s % clipFrames : s;
      // A looped clip is read from its start (ffmpeg's -ss and -stream_loop together shift the
      // repeats); another is sought half a frame early, so the frame at `start` survives the
      // accurate seek whatever the rounding.
      const ix = addInput(...(looped ? ["-stream_loop", "-1"] : start > 0 ? ["-ss", num((start - 0.5) / fps)] : []), "-i", media.file);
      const skip = looped ? start : 0;
      const cw = even(crop.width * scale);
      const ch = even(crop.height * scale);
      const cx = Math.min(cw - Wo, Math.max(0, Math.round(-crop.x * scale)));
      const cy = Math.min(ch - Ho, Math.max(0, Math.round(-crop.y * scale)));
      // A clip whose stream ends before its stated length holds its last frame, as the browser does.
      graph.push(
        `[${ix}:v]setpts=PTS-STARTPTS,fps=${fps},tpad=stop_mode=clone:stop=-1,trim=start_frame=${skip}:end_frame=${skip + n},setpts=PTS-STARTPTS,` +
          `${cover(cw, ch, media.focus, clipMatrices[media.file] ?? clipColorMatrix(null, media.height))},crop=${Wo}:${Ho}:${cx}:${cy},setsar=1,format=yuv420p[${label}]`,
      );
      return;
    }
    if (media.kind !== "image") throw new Error(`scene ${i + 1} has no photo or clip`);
    const crop = coverCrop({ width: media.width, height: media.height }, { width: W, height: H }, media.focus);
    const focus = {
      x: Math.min(1, Math.max(0, (crop.x + media.focus.x * crop.width) / W)),
      y: Math.min(1, Math.max(0, (crop.y + media.focus.y * crop.height) / H)),
    };
    const moves = Array.from({ length: n }, (_, k) =>
      kenBurns({ progress: (s + k) / Math.max(1, window.durationInFrames - 1), index: i, focus, width: W, height: H, strength: board.theme.kenBurns }),
    );
    const most = Math.max(...moves.map((kb) => kb.scale));
    // A photo drawn at under half its size is shrunk once (filtered) to about that size, so the
    // bilinear sampling below does not alias; others are sampled as they are (one resampling, as in the browser).
    const shrink = crop.width * scale * most < media.width / 2;
    // At its own size (odd sides too: rounding them would stretch it by a pixel, which shows after a 3× zoom).
    const pw = shrink ? even(crop.width * scale * most) : media.width;
    const ph = shrink ? even(crop.height * scale * most) : media.height;
    const PW = Math.max(even(pw), Wo);
    const PH = Math.max(even(ph), Ho);
    // Output pixel i (centre i+0.5, frame px (i+0.5)/scale) shows the photo at
    // O + ((i+0.5)/scale - O - T)/s - crop, in photo px of the pre-scaled picture.
    const corners = moves.map((kb) => {
      const ax = pw / (crop.width * scale * kb.scale);
      const ay = ph / (crop.height * scale * kb.scale);
      const cx = ((-kb.originX - kb.x) / kb.scale + kb.originX - crop.x) * (pw / crop.width);
      const cy = ((-kb.originY - kb.y) / kb.scale + kb.originY - crop.y) * (ph / crop.height);
      const x0 = cx + 0.5 * ax - 0.5;
      const y0 = cy + 0.5 * ay - 0.5;
      return { x0, y0, x1: x0 + ax * PW, y2: y0 + ay * PH };
    });
    const X0 = perFrame(corners.map((c) => c.x0), PERSPECTIVE_FRAME);
    const Y0 = perFrame(corners.map((c) => c.y0), PERSPECTIVE_FRAME);
    const X1 = perFrame(corners.map((c) => c.x1), PERSPECTIVE_FRAME);
    const Y2 = perFrame(corners.map((c) => c.y2), PERSPECTIVE_FRAME);
    const ix = addInput("-i", media.file);
    graph.push(
      `[${ix}:v]${cover(pw, ph, media.focus)},format=yuv420p,pad=${PW}:${PH},loop=loop=${n - 1}:size=1:start=0,settb=1/${fps},setpts=N,` +
        `perspective=x0='${X0}':y0='${Y0}':x1='${X1}':y1='${Y0}':x2='${X0}':y2='${Y2}':x3='${X1}':y3='${Y2}':eval=frame,crop=${Wo}:${Ho}:0:0,setsar=1[${label}]`,
    );
  };

  /** Scene i over the segment: footage, scrim, headline at its text opacity, scaled about the centre; returns its opacities. */
  const scenePicture = (i: number, label: string): number[] => {
    const window = windows[i]!;
    const s = segment.from - window.from;
    const motion = Array.from({ length: n }, (_, k) => sceneMotion(board, i, s + k)!);
    footage(i, s, `${label}bg`);
    layerStream({ kind: "scrim", scene: i }, `${label}sc`);
    graph.push(`[${label}bg][${label}sc]overlay=eof_action=repeat:format=yuv420[${label}b]`);
    const text = motion.map((m) => m.textOpacity);
    let picture = `${label}b`;
    if (text.some((k) => k > 0)) {
      const head = layerStream({ kind: "headline", scene: i }, `${label}hd`);
      const put = `x=${head.x}:y=${head.y}:eof_action=repeat:format=yuv420`;
      if (text.every((k) => k === 1)) {
        graph.push(`[${label}b][${label}hd]overlay=${put}[${label}p]`);
      } else {
        // The text layer at opacity k over its base is k·(base with text) + (1-k)·base.
        graph.push(`[${label}b]split[${label}b1][${label}b2]`, `[${label}b1][${label}hd]overlay=${put}[${label}wt]`);
        alphaPlane(text, `${label}ka`);
        graph.push(`[${label}wt][${label}ka]alphamerge[${label}wa]`, `[${label}b2][${label}wa]overlay=format=yuv420[${label}p]`);
      }
      picture = `${label}p`;
    }
    const scales = motion.map((m) => m.scale);
    if (scales.some((v) => v !== 1)) {
      // Scaled by S about the centre, sub-pixel: output pixel i shows (i+0.5-c)/S + c - 0.5.
      const x0 = perFrame(scales.map((v) => (0.5 - Wo / 2) / v + Wo / 2 - 0.5), PERSPECTIVE_FRAME);
      const y0 = perFrame(scales.map((v) => (0.5 - Ho / 2) / v + Ho / 2 - 0.5), PERSPECTIVE_FRAME);
      const x1 = perFrame(scales.map((v) => (0.5 - Wo / 2) / v + Wo / 2 - 0.5 + Wo / v), PERSPECTIVE_FRAME);
      const y2 = perFrame(scales.map((v) => (0.5 - Ho / 2) / v + Ho / 2 - 0.5 + Ho / v), PERSPECTIVE_FRAME);
      graph.push(`[${picture}]perspective=x0='${x0}':y0='${y0}':x1='${x1}':y1='${y0}':x2='${x0}':y2='${y2}':x3='${x1}':y3='${y2}':eval=frame[${label}s]`);
      picture = `${label}s`;
    }
    graph.push(`[${picture}]null[${label}]`);
    return motion.map((m) => m.opacity);
  };

  // Scenes bottom up: the one entering is drawn over the one leaving, at its opacity.
  const [lower, upper] = segment.scenes;
  if (upper === undefined) {
    scenePicture(lower!, "a");
    graph.push(`[a]null[main]`);
  } else {
    const upperMotion = Array.from({ length: n }, (_, k) => sceneMotion(board, upper, segment.from - windows[upper]!.from + k)!);
    if (upperMotion.every((m) => m.opacity === 1 && m.scale === 1)) {
      scenePicture(upper, "b");
      graph.push(`[b]null[main]`);
    } else {
      scenePicture(lower!, "a");
      const opacity = scenePicture(upper, "b");
      alphaPlane(opacity, "bo");
      graph.push(`[b][bo]alphamerge[ba]`, `[a][ba]overlay=format=yuv420[main]`);
    }
  }

  let top = "main";
  if (hasMarks(board)) {
    const marks = layerStream({ kind: "marks" }, "mk");
    graph.push(`[${top}][mk]overlay=x=${marks.x}:y=${marks.y}:eof_action=repeat:format=yuv420[m1]`);
    top = "m1";
  }
  const captions = layerStream({ kind: "captions" }, "cap");
  graph.push(`[${top}][cap]overlay=x=${captions.x}:y=${captions.y}:eof_action=repeat:format=yuv420[m2]`);

  // The progress bar: the track at 18% of the accent, then the filled part up to frame t+1 of the whole video.
  const total = storyboardDurationInFrames(board);
  const thickness = Math.max(1, Math.round(Math.max(4, Math.round(H * 0.005)) * scale));
  const accent = ffmpegColor(board.theme.colors.accent) ?? "0xffffff";
  graph.push(
    `color=c=${accent}:s=${Wo}x${thickness}:r=${fps}:d=${num((n + 1) / fps)}[bar]`,
    `[m2]drawbox=x=0:y=${Ho - thickness}:w=${Wo}:h=${thickness}:color=${accent}@0.18:t=fill[m3]`,
    `[m3][bar]overlay=x='-w+round(w*(n+${segment.from + 1})/${total})':y=${Ho - thickness}:format=yuv420,format=yuv420p,trim=end_frame=${n}[vout]`,
  );

  const script = path.join(workDir, "graph.txt");
  files.push({ path: script, content: graph.join(";\n") + "\n" });
  const args = [
    "-hide_banner", "-loglevel", "error", "-nostdin",
    ...inputs,
    "-filter_complex_script", script,
    // Without -r the output takes a rate from the graph (25 for a photo) and drops frames to fit it.
    "-map", "[vout]", "-r", String(fps), "-frames:v", String(n),
    "-c:v", "rawvideo", "-pix_fmt", "yuv420p",
    "-color_range", "tv", "-colorspace", "bt709", "-color_primaries", "bt709", "-color_trc", "bt709",
    "-f", "matroska", "pipe:1",
  ];
  return { args, files, frames: n, width: Wo, height: Ho };
}
