// How our plugins report problems: as vfile messages with a place, collected
// and printed together by the content check or rehype-fail-on-messages.
import type { Node } from "unist";
import type { VFile } from "vfile";
import type { VFileMessage } from "vfile-message";

export const SOURCE = "papernotes";

export function report(file: VFile, node: Node | undefined, reason: string): void {
  file.message(reason, { place: node?.position, source: SOURCE, ruleId: "content" });
}

/** The page language from the frontmatter Astro (or the content check) put on the file. */
export function pageLang(file: VFile): string | undefined {
  const astro = file.data.astro as { frontmatter?: { lang?: string } } | undefined;
  return astro?.frontmatter?.lang;
}

/** "path:line:col: reason", one per line, as compilers print them. */
export function formatMessages(file: VFile, include: (m: VFileMessage) => boolean = () => true, relativeTo = process.cwd()): string[] {
  const path = (file.path ?? "").startsWith(relativeTo + "/") ? file.path.slice(relativeTo.length + 1) : file.path;
  return file.messages.filter(include).map((m) => `${path}:${m.line ?? 1}:${m.column ?? 1}: ${m.reason}`);
}
