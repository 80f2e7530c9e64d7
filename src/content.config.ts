import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { paperSchema } from "./lib/paper-schema.ts";
import { papersDir } from "./site.config.ts";

const papers = defineCollection({
  loader: glob({ pattern: "*.mdx", base: papersDir }),
  schema: paperSchema,
});

export const collections = { papers };
