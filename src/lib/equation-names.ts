// Readable names for labelled equations: eq:noise-objective → "noise objective".
export function equationName(label: string): string {
  return label.replace(/^eq:/, "").replace(/[-_:.]+/g, " ").trim();
}
