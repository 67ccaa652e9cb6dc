/** One photo of ../shared/medialib's index, as its JSON gives it. */
export interface MedialibEntry {
  file: string;
  captions: string[];
  width: number;
  height: number;
  image_license: string;
  image_license_url: string;
  license: string;
  coco_id?: number;
}
