// A remark plugin's messages on one note, as an author reads them:
// "line:column: reason", and "line:column: warning: reason" for a warning.
import remarkParse from "remark-parse";
import { unified, type PluggableList } from "unified";
import { VFile } from "vfile";

export function pluginMessages(markdown: string, plugins: PluggableList, path = "note.mdx"): string[] {
  const file = new VFile({ path, value: markdown });
  const processor = unified().use(remarkParse).use(plugins);
  processor.runSync(processor.parse(file), file);
  return file.messages.map((m) => `${m.line}:${m.column}: ${m.fatal === false ? "" : "warning: "}${m.reason}`);
}
