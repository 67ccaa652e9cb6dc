import { describe, expect, it } from "vitest";
import { NO_EMBEDDED_TEXT } from "../src/match/library/embedded-text.js";
import { fileNameWords } from "../src/match/library/file-name-words.js";
import { libraryText } from "../src/match/library/library-text.js";
import { embeddedTextFromExifr } from "../src/match/library/read-image-metadata.js";
import { sidecarInfo, SidecarJsonSchema } from "../src/match/library/read-sidecars.js";
import { sceneQuery } from "../src/match/scene-query.js";
import { videoTagText } from "../src/match/library/video-tag-text.js";

const noSidecar = sidecarInfo({}, null);

describe("fileNameWords", () => {
  it("turns separators and trailing digits into words", () => {
    expect(fileNameWords("golden-retriever_puppy2.jpg")).toEqual(["golden", "retriever", "puppy"]);
  });

  it("splits camelCase and drops counters, dates and camera prefixes", () => {
    expect(fileNameWords("harbourCrane at-dawn.JPEG")).toEqual(["harbour", "crane", "at", "dawn"]);
    expect(fileNameWords("IMG_20230101_120000.jpg")).toEqual([]);
    expect(fileNameWords("DSC01234.jpg")).toEqual([]);
    expect(fileNameWords("coco_train2017_000000000790.jpg")).toEqual(["coco"]);
  });

  it("keeps a folder name's dots when told it has no extension", () => {
    expect(fileNameWords("trip.to.rome", { stripExtension: false })).toEqual(["trip", "to", "rome"]);
    expect(fileNameWords("trip.to.rome")).toEqual(["trip", "to"]);
  });
});

describe("sceneQuery", () => {
  it("weights queries 1.5, keywords, headline and visual 1, narration 0.7 and leaves out empty parts", () => {
    const parts = sceneQuery({
      queries: ["surfer riding a wave", " beach at sunset "],
      keywords: ["surf", "ocean"],
      headline: "Surf season opens",
      visual: null,
      narration: "The surf season opened on Monday.",
    });
    expect(parts).toEqual([
      { text: "surfer riding a wave. beach at sunset", weight: 1.5 },
      { text: "surf, ocean", weight: 1 },
      { text: "Surf season opens", weight: 1 },
      { text: "The surf season opened on Monday.", weight: 0.7 },
    ]);
  });
});

describe("sidecar JSON", () => {
  it("accepts both spellings of licence, keyword strings and author for creator", () => {
    const info = sidecarInfo(SidecarJsonSchema.parse({ title: " Dune ", keywords: "sand; desert", author: "Ann", licence: "CC BY 4.0", licenceUrl: "https://l" }), null);
    expect(info).toMatchObject({ title: "Dune", tags: ["sand", "desert"], creator: "Ann", license: { name: "CC BY 4.0", url: "https://l", attribution: null } });
    const other = sidecarInfo(SidecarJsonSchema.parse({ tags: ["a"], license: { name: "CC0", url: "https://c" } }), "words");
    expect(other).toMatchObject({ tags: ["a"], license: { name: "CC0", url: "https://c" }, text: "words" });
  });

  it("rejects a sidecar whose fields have the wrong type", () => {
    expect(SidecarJsonSchema.safeParse({ title: 12 }).success).toBe(false);
    expect(SidecarJsonSchema.safeParse(["not", "an", "object"]).success).toBe(false);
  });
});

describe("libraryText", () => {
  it("uses the file name as the title when nothing else names the file, and credits the library by default", () => {
    const out = libraryText({ path: "pets/dogs/golden-retriever_puppy2.jpg", libraryName: "media", sidecar: noSidecar, embedded: NO_EMBEDDED_TEXT });
    expect(out.text).toEqual({ title: "golden retriever puppy", description: "pets. dogs", tags: [] });
    expect(out.license).toEqual({ name: "your own media", url: null, attribution: "From the media library media: pets/dogs/golden-retriever_puppy2.jpg" });
    expect(out.creator).toBeNull();
  });

  it("prefers the sidecar title, keeps the file name as a tag and builds an attribution from the licence", () => {
    const sidecar = sidecarInfo(SidecarJsonSchema.parse({ title: "Max in the park", description: "Our dog", tags: ["dog"], creator: "Kim", license: "CC BY 4.0", url: "https://example.org/max" }), "A dog running");
    const embedded = { ...NO_EMBEDDED_TEXT, title: "ignored title", descriptions: ["Our dog", "camera text"], keywords: ["grass"] };
    const out = libraryText({ path: "max_running.jpg", libraryName: "media", sidecar, embedded });
    expect(out.text).toEqual({ title: "Max in the park", description: "Our dog. A dog running. camera text", tags: ["dog", "grass", "max running"] });
    expect(out.license).toEqual({ name: "CC BY 4.0", url: null, attribution: '"Max in the park" by Kim (CC BY 4.0), from the media library media: max_running.jpg' });
    expect(out.url).toBe("https://example.org/max");
  });

  it("turns an embedded copyright line into the licence when there is no sidecar licence", () => {
    const out = libraryText({ path: "a.jpg", libraryName: "lib", sidecar: noSidecar, embedded: { ...NO_EMBEDDED_TEXT, creator: "Jo", rights: "© Jo 2020" } });
    expect(out.license).toEqual({ name: "© Jo 2020", url: null, attribution: "by Jo (© Jo 2020), from the media library lib: a.jpg" });
  });
});

describe("embedded text", () => {
  it("takes XMP before IPTC before EXIF, splits XP keywords and drops camera placeholders", () => {
    const text = embeddedTextFromExifr({
      dc: { title: { lang: "x-default", value: "Lighthouse" }, subject: ["sea", "coast"], creator: ["Ada"] },
      iptc: { ObjectName: "Other name", Caption: "A lighthouse on a cliff", Keywords: "light" },
      ifd0: { ImageDescription: "OLYMPUS DIGITAL CAMERA", XPKeywords: "cliff;sea", Copyright: "(c) Ada" },
    });
    expect(text).toEqual({ title: "Lighthouse", descriptions: ["A lighthouse on a cliff"], keywords: ["sea", "coast", "light", "cliff"], creator: "Ada", rights: "(c) Ada" });
  });

  it("reads a video's container tags", () => {
    expect(videoTagText({ title: "Harbour", comment: "cranes at dawn", keywords: "crane, port", artist: "Lee" })).toEqual({
      title: "Harbour",
      descriptions: ["cranes at dawn"],
      keywords: ["crane", "port"],
      creator: "Lee",
      rights: null,
    });
  });
});
