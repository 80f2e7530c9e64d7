// Text to match as itself inside a RegExp: its special characters escaped.
export function literalPattern(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
