import { imageSizeFromFile } from "image-size/fromFile";
import { ReelpressError } from "../../errors.js";

/** An image's size as displayed (EXIF orientations 5–8 turn it by 90°). Throws E_MEDIA when it does not decode. */
export async function readImageSize(file: string): Promise<{ width: number; height: number }> {
  let info: Awaited<ReturnType<typeof imageSizeFromFile>>;
  try {
    info = await imageSizeFromFile(file);
  } catch (cause) {
    throw new ReelpressError("E_MEDIA", `not a readable image: ${file}`, { cause });
  }
  if (!info.width || !info.height) throw new ReelpressError("E_MEDIA", `not a readable image: ${file} has no size`);
  const turned = (info.orientation ?? 1) >= 5;
  return { width: turned ? info.height : info.width, height: turned ? info.width : info.height };
}
