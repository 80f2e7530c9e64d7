// rehype-katex never fails a build (bad TeX becomes red text), and our remark
// plugins only leave messages. This stops the page instead, with every problem.
import type { Root } from "hast";
import type { VFile } from "vfile";
import { counted } from "../lib/format.ts";
import { formatMessages } from "./messages.ts";

export default function rehypeFailOnMessages() {
  return (_tree: Root, file: VFile) => {
    const problems = formatMessages(file, (m) => m.fatal === false);
    if (problems.length === 0) return;
    throw new Error(`${counted(problems.length, "problem")} in this paper:\n${problems.join("\n")}`);
  };
}
