// npm run check: the build's content check alone, fast, for authors.
import { checkContent } from "../src/lib/content-check.ts";
import { formatProblem } from "../src/lib/content-check-results.ts";
import { counted } from "../src/lib/format.ts";
import { basePath, papersDir } from "../src/site.config.ts";

// A note unchanged since the last build, which cites only unchanged papers, is not checked again: the
// build cache holds its warnings, and a check that renders nothing leaves the cache as it was.
const result = await checkContent(papersDir, basePath, { cache: true });
for (const warning of result.warnings) console.warn(`warning: ${formatProblem(warning)}`);
for (const problem of result.problems) console.error(formatProblem(problem));
const warnings = result.warnings.length > 0 ? `, ${counted(result.warnings.length, "warning")}` : "";
const drafts = result.drafts > 0 ? `, ${counted(result.drafts, "draft")} (not built: problems in its text are warnings, in its frontmatter or syntax errors)` : "";
console.log(`${counted(result.papers, "paper")}${drafts}, ${counted(result.formulas, "formula")}, ${counted(result.problems.length, "problem")}${warnings}`);
process.exit(result.problems.length > 0 ? 1 : 0);
