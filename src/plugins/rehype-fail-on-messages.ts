// rehype-katex never fails a build (bad TeX becomes red text), and our remark
// plugins only leave messages. This stops the page instead, with every problem.
import type { Root } from "hast";
import type { VFile } from "vfile";
import { displayPath, formatProblem } from "../lib/content-check-results.ts";
import { counted } from "../lib/format.ts";

export default function rehypeFailOnMessages() {
  return (_tree: Root, file: VFile) => {
    const problems = file.messages
      .filter((m) => m.fatal === false)
      .map((m) => formatProblem({ file: displayPath(file.path), line: m.line ?? 1, column: m.column ?? 1, reason: m.reason }));
    if (problems.length === 0) return;
    throw new Error(`${counted(problems.length, "problem")} in this paper:\n${problems.join("\n")}`);
  };
}
