import type { RouteFunction, Routes } from "./serve.js";
import { startServer } from "./serve.js";
import { answerFailure, defaultScript, mediaRoute, type FakeStockServer, type StockMedia } from "./fake-pexels.js";

// Hits as the Pixabay API documents them (GET /api/ and GET /api/videos/); the first image and
// video are the documentation's examples. Links point at this server.
interface ImageSeed {
  id: number;
  slug: string;
  tags: string;
  imageWidth: number;
  imageHeight: number;
  imageSize: number;
  webformatWidth: number;
  webformatHeight: number;
  userId: number;
  user: string;
  date: string;
}

const IMAGES: ImageSeed[] = [
  { id: 195893, slug: "blossom-bloom-flower", tags: "blossom, bloom, flower", imageWidth: 4000, imageHeight: 2250, imageSize: 4731420, webformatWidth: 640, webformatHeight: 360, userId: 48777, user: "Josch13", date: "2013/10/15/09/12" },
  { id: 4910149, slug: "daffodils-spring-2020-03-07-garden", tags: "daffodils, spring, 2020-03-07", imageWidth: 4320, imageHeight: 2880, imageSize: 2614471, webformatWidth: 640, webformatHeight: 427, userId: 9394834, user: "Meatle", date: "2020/03/07/15/52" },
];

interface VideoSeed {
  id: number;
  tags: string;
  duration: number;
  userId: number;
  user: string;
  date: string;
  sizes: { large: [number, number] | null; medium: [number, number]; small: [number, number]; tiny: [number, number] };
}

const VIDEOS: VideoSeed[] = [
  { id: 125, tags: "flowers, yellow, blossom", duration: 12, userId: 1281706, user: "Coverr-Free-Footage", date: "2015/08/08", sizes: { large: [1920, 1080], medium: [1280, 720], small: [960, 540], tiny: [640, 360] } },
  { id: 28860, tags: "night, city, city lights, lights, traffic", duration: 21, userId: 13298494, user: "motionstock", date: "2019/11/20", sizes: { large: null, medium: [1280, 720], small: [960, 540], tiny: [640, 360] } },
];

export const FAKE_PIXABAY = { images: IMAGES, videos: VIDEOS };

function imagePaths(i: ImageSeed): { webformat: string; large: string } {
  const stem = `/get/${i.id.toString(16)}e6b1d4c5a9f3${i.id}`;
  return { webformat: `${stem}_640.jpg`, large: `${stem}_1280.jpg` };
}

function imageJson(i: ImageSeed, origin: string): unknown {
  const paths = imagePaths(i);
  return {
    id: i.id,
    pageURL: `https://pixabay.com/photos/${i.slug}-${i.id}/`,
    type: "photo",
    tags: i.tags,
    previewURL: `https://cdn.pixabay.com/photo/${i.date}/${i.slug.split("-")[0]}-${i.id}_150.jpg`,
    previewWidth: 150,
    previewHeight: Math.round((150 * i.imageHeight) / i.imageWidth),
    webformatURL: `${origin}${paths.webformat}`,
    webformatWidth: i.webformatWidth,
    webformatHeight: i.webformatHeight,
    largeImageURL: `${origin}${paths.large}`,
    imageWidth: i.imageWidth,
    imageHeight: i.imageHeight,
    imageSize: i.imageSize,
    views: 7671,
    downloads: 6439,
    collections: 103,
    likes: 5,
    comments: 2,
    user_id: i.userId,
    user: i.user,
    userImageURL: `https://cdn.pixabay.com/user/2013/11/05/02-10-23-764_250x250.jpg`,
  };
}

export function pixabayVideoPath(v: VideoSeed, size: "large" | "medium" | "small" | "tiny"): string {
  return `/video/${v.date}/${v.id}-135736646_${size}.mp4`;
}

function videoJson(v: VideoSeed, origin: string): unknown {
  const file = (size: "large" | "medium" | "small" | "tiny") => {
    const dims = v.sizes[size];
    // A missing large version comes back with an empty URL and zero sizes.
    if (!dims) return { url: "", width: 0, height: 0, size: 0, thumbnail: "" };
    return { url: `${origin}${pixabayVideoPath(v, size)}`, width: dims[0], height: dims[1], size: Math.round((dims[0] * dims[1]) / 0.35), thumbnail: `https://cdn.pixabay.com/video/${v.date}/${v.id}-135736646_${size}.jpg` };
  };
  return {
    id: v.id,
    pageURL: `https://pixabay.com/videos/id-${v.id}/`,
    type: "film",
    tags: v.tags,
    duration: v.duration,
    videos: { large: file("large"), medium: file("medium"), small: file("small"), tiny: file("tiny") },
    views: 4462,
    downloads: 1464,
    likes: 18,
    comments: 0,
    user_id: v.userId,
    user: v.user,
    userImageURL: "https://cdn.pixabay.com/user/2015/10/16/09-28-45-303_250x250.png",
  };
}

export interface FakePixabayOptions {
  apiKey: string;
  media: StockMedia;
  /** Serve different bytes per file URL. */
  uniqueFiles?: boolean;
}

/**
 * A local stand-in for pixabay.com/api: checks the `key` parameter (400 "Invalid or missing API
 * key" otherwise), answers /api/ and /api/videos/ with documentation-shaped bodies and
 * X-RateLimit-* headers, serves the files they link to, and fails as the test's script says.
 */
export async function startFakePixabay(options: FakePixabayOptions): Promise<FakeStockServer> {
  const apiRequests: FakeStockServer["apiRequests"] = [];
  const mediaRequests: string[] = [];
  let origin = "";
  const api = (kind: "images" | "videos"): RouteFunction => (req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    apiRequests.push({ path: url.pathname, query: url.searchParams, headers: req.headers });
    if (url.searchParams.get("key") !== options.apiKey) {
      res.writeHead(400, { "content-type": "text/html; charset=utf-8" });
      res.end("[ERROR 400] Invalid or missing API key");
      return;
    }
    if (answerFailure(fake.script, res)) return;
    const perPage = Number(url.searchParams.get("per_page") ?? 20);
    if (!(perPage >= 3 && perPage <= 200)) {
      res.writeHead(400, { "content-type": "text/html; charset=utf-8" });
      res.end(`[ERROR 400] "per_page" is out of valid range.`);
      return;
    }
    const all = fake.script.empty ? [] : kind === "images" ? IMAGES.map((i) => imageJson(i, origin)) : VIDEOS.map((v) => videoJson(v, origin));
    res.writeHead(200, {
      "content-type": "application/json",
      "x-ratelimit-limit": "100",
      "x-ratelimit-remaining": "99",
      "x-ratelimit-reset": "59",
    });
    res.end(JSON.stringify({ total: fake.script.empty ? 0 : 3343, totalHits: fake.script.empty ? 0 : 500, hits: all.slice(0, perPage) }));
  };
  const routes: Routes = { "/api/": api("images"), "/api/videos/": api("videos") };
  const image = mediaRoute("image", options.media, () => fake.script, mediaRequests, options.uniqueFiles);
  const video = mediaRoute("video", options.media, () => fake.script, mediaRequests, options.uniqueFiles);
  for (const i of IMAGES) {
    const paths = imagePaths(i);
    routes[paths.webformat] = image;
    routes[paths.large] = image;
  }
  for (const v of VIDEOS) for (const size of ["large", "medium", "small", "tiny"] as const) routes[pixabayVideoPath(v, size)] = video;
  const server = await startServer(routes);
  origin = server.url("").replace(/\/$/, "");
  const fake: FakeStockServer = {
    baseUrl: `${origin}/api`,
    server,
    script: defaultScript(),
    apiRequests,
    mediaRequests,
    close: () => server.close(),
  };
  return fake;
}
