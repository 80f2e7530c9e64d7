// Tags with how many papers carry each, most used first.
export function tagCounts(papers: readonly { data: { tags: readonly string[] } }[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const paper of papers) for (const tag of paper.data.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
