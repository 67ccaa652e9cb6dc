import type { SegmentEncoding } from "../segments/segment-backend.js";

/**
 * The bundled ffmpeg's arguments for a segment, as Remotion's renderMedia builds them for codec
 * h264, pixelFormat yuv420p, colorSpace bt709 and the segment's x264 preset and CRF (see
 * @remotion/renderer's prespawn-ffmpeg.js and ffmpeg-args.js, then stitch-frames-to-video.js's
 * `-map_metadata -1`), reading frames from stdin instead of JPEGs. The same build and settings
 * make the same SPS and PPS, so these segments and Remotion's join by stream copy.
 */
export function remotionH264Args(encoding: Pick<SegmentEncoding, "x264Preset" | "crf">, fps: number, input: { format: string }, outputFile: string): string[] {
  return [
    "-hide_banner", "-loglevel", "error",
    "-r", String(fps), "-f", input.format, "-i", "pipe:0",
    "-an",
    "-c:v", "libx264",
    "-colorspace:v", "bt709", "-color_primaries:v", "bt709", "-color_trc:v", "bt709", "-color_range", "tv",
    "-vf", "zscale=matrix=709:range=limited:primariesin=709:primaries=709:transferin=709:transfer=709",
    "-pix_fmt", "yuv420p",
    "-preset", encoding.x264Preset,
    "-video_track_timescale", "90000",
    "-crf", String(encoding.crf),
    "-map_metadata", "-1",
    "-f", "mp4", "-y", outputFile,
  ];
}
