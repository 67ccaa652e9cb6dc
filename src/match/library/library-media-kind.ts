import path from "node:path";

export const LIBRARY_IMAGE_EXTENSIONS = [".jpg", ".jpeg", ".png", ".webp", ".gif", ".avif"] as const;
export const LIBRARY_VIDEO_EXTENSIONS = [".mp4", ".mov", ".webm", ".mkv", ".m4v"] as const;

/** What a library file is by its extension (any case), or null when the library does not use it. */
export function libraryMediaKind(file: string): "image" | "video" | null {
  const ext = path.extname(file).toLowerCase();
  if ((LIBRARY_IMAGE_EXTENSIONS as readonly string[]).includes(ext)) return "image";
  if ((LIBRARY_VIDEO_EXTENSIONS as readonly string[]).includes(ext)) return "video";
  return null;
}
