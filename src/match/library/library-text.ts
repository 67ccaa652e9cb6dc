import type { License } from "../../schema/storyboard.js";
import { distinctTexts, type EmbeddedText } from "./embedded-text.js";
import { fileNameWords } from "./file-name-words.js";
import type { SidecarInfo } from "./read-sidecars.js";

export interface LibraryTextInput {
  /** Path relative to the library, forward slashes. */
  path: string;
  /** The library folder's own name, for credits. */
  libraryName: string;
  sidecar: SidecarInfo;
  embedded: EmbeddedText;
}

export interface LibraryText {
  /** Searchable text, shaped like a candidate's `CandidateText`. */
  text: { title: string; description: string; tags: string[] };
  creator: string | null;
  license: License;
  url: string | null;
}

/**
 * Combines what is known about a library file into searchable text and credits (pure). The title
 * is the sidecar's, else the embedded one, else the file name's words; descriptions come from the
 * sidecars and the file; tags from both. Parent folder names go last in the description, the
 * field ranked lowest, because a folder ("holiday 2019", "misc") says less about one picture.
 */
export function libraryText(input: LibraryTextInput): LibraryText {
  const { sidecar, embedded } = input;
  const segments = input.path.split("/");
  const name = segments.pop() ?? input.path;
  const nameWords = fileNameWords(name).join(" ");
  const givenTitle = sidecar.title ?? embedded.title;
  const title = givenTitle ?? nameWords;
  const folderWords = distinctTexts(segments.map((folder) => fileNameWords(folder, { stripExtension: false }).join(" ")));
  const description = distinctTexts([sidecar.description, sidecar.text, ...embedded.descriptions]);
  const tags = distinctTexts([...sidecar.tags, ...embedded.keywords, givenTitle ? nameWords : null]);
  const creator = sidecar.creator ?? embedded.creator;
  const where = `from the media library ${input.libraryName}: ${input.path}`;
  const named = sidecar.license ?? (embedded.rights ? { name: embedded.rights, url: null, attribution: null } : null);
  const license: License = named
    ? {
        name: named.name,
        url: named.url,
        attribution:
          named.attribution ?? [givenTitle ? `"${givenTitle}"` : null, creator ? `by ${creator}` : null, `(${named.name}), ${where}`].filter(Boolean).join(" "),
      }
    : { name: "your own media", url: null, attribution: `From the media library ${input.libraryName}: ${input.path}` };
  return {
    text: { title, description: [...description, ...folderWords].join(". "), tags },
    creator,
    license,
    url: sidecar.url,
  };
}
