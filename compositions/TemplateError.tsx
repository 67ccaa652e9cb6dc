import { AbsoluteFill } from "remotion";

// A type, not an interface: Composition wants props that fit Record<string, unknown>.
export type TemplateErrorProps = {
  name: string;
  error: string;
  /** The template's folder as the user knows it (e.g. "my-templates/acme"); without it the title names the template only. */
  folder?: string | null;
};

/** Stands in Studio for a template whose template.json is not valid, so the other templates still open. */
export function TemplateError({ name, error, folder = null }: TemplateErrorProps) {
  const title = folder ? `${folder.replace(/\/+$/, "")}/template.json is not valid` : `the template.json of template "${name}" is not valid`;
  return (
    <AbsoluteFill style={{ background: "#1f0a0a", color: "#fecaca", padding: 96, fontFamily: "monospace", fontSize: 34, lineHeight: 1.4 }}>
      <div style={{ color: "#f87171", fontSize: 48, fontWeight: 700, marginBottom: 32 }}>{title}</div>
      {error.split("\n").map((line, i) => (
        <div key={i} style={{ whiteSpace: "pre-wrap" }}>
          {line}
        </div>
      ))}
    </AbsoluteFill>
  );
}
