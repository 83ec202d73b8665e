import type { Language } from "#pathways/i18n.ts";
import type { SubjectLabelKey } from "#pathways/needs/subject.ts";
import type { ForWhomWords } from "./components/content.tsx";
import { instanceFor } from "./i18n/instances.server.ts";

/**
 * The words for the keys a page uses, in its language. Loaders send these rather than
 * the page loading the forWhom namespace: a few words in the page's data cost less than
 * another namespace in every page's JavaScript (ADR 012).
 */
export function forWhomWords(language: Language, keys: Iterable<SubjectLabelKey>): ForWhomWords {
  const t = instanceFor(language).getFixedT(language, "forWhom");
  return Object.fromEntries([...new Set(keys)].map((key) => [key, t(key)]));
}
