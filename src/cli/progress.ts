import type { PipelineEvent, Stage } from "../pipeline.js";

const LABELS: Record<Stage, string> = {
  ingest: "Reading the article",
  script: "Writing the scene script",
  match: "Matching media",
  voice: "Recording the voiceover",
  storyboard: "Timing the storyboard",
  render: "Rendering video",
  audio: "Mixing the soundtrack",
  poster: "Rendering poster",
  files: "Writing captions and credits",
};

function label(event: { stage: Stage; aspect?: string }): string {
  return event.aspect ? `${LABELS[event.stage]} (${event.aspect})` : LABELS[event.stage];
}

export interface ProgressReporter {
  onEvent(event: PipelineEvent): void;
  /** Clears a half-drawn progress line before an error is printed. */
  interrupt(): void;
}

/**
 * Human progress on stderr: a line per stage with its time, and on a TTY a live frame counter.
 * Off a TTY the frame counter is printed every 10% so logs stay readable.
 */
export function createProgressReporter(stream: NodeJS.WriteStream): ProgressReporter {
  const tty = Boolean(stream.isTTY);
  let live = false;
  let lastDecile = -1;
  let lastDraw = 0;
  const clear = () => {
    if (live) stream.write("\r\x1b[2K");
    live = false;
  };
  return {
    onEvent(event) {
      if (event.type === "stage-start") {
        clear();
        if (tty) {
          stream.write(`… ${label(event)}`);
          live = true;
        }
        lastDecile = -1;
      } else if (event.type === "stage-end") {
        clear();
        stream.write(`✔ ${label(event)} (${(event.ms / 1000).toFixed(1)} s)\n`);
      } else {
        const p = event.progress;
        const detail =
          p.stage === "frames" || p.stage === "encode"
            ? `${p.stage === "frames" ? "frame" : "encoded"} ${Math.round(p.progress * (p.totalFrames ?? 0))}/${p.totalFrames ?? "?"}`
            : p.stage;
        const line = `… ${LABELS.render}: ${detail} (${Math.round(p.progress * 100)}%)`;
        if (tty) {
          const now = performance.now();
          if (now - lastDraw < 100 && p.progress < 1) return;
          lastDraw = now;
          stream.write(`\r\x1b[2K${line}`);
          live = true;
        } else if (p.stage === "frames") {
          const decile = Math.floor(p.progress * 10);
          if (decile > lastDecile) {
            lastDecile = decile;
            stream.write(`${line}\n`);
          }
        }
      }
    },
    interrupt: clear,
  };
}
