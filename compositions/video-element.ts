import { createContext } from "react";

/**
 * Which element draws clips: "media" is @remotion/media's `<Video>` (decodes in the page with
 * WebCodecs; faster and lighter), "offthread" is Remotion's `<OffthreadVideo>` (frames extracted by
 * a separate process), which the benchmark's plain baseline uses.
 */
export type VideoElement = "media" | "offthread";

export const VideoElementContext = createContext<VideoElement>("media");
