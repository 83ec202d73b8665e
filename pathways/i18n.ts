/** The languages Luukku serves from day one, in fallback order after the requested one. */
export const supportedLanguages = ["fi", "sv", "en"] as const;
export type Language = (typeof supportedLanguages)[number];
export const defaultLanguage: Language = "fi";

/** User-facing text that exists in every supported language. */
export type LocalizedText = Record<Language, string>;
/** User-facing text as stored: a language may be missing (e.g. after an import) and falls back. */
export type StoredLocalizedText = Partial<Record<Language, string>>;

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (supportedLanguages as readonly string[]).includes(value);
}

/**
 * The order in which to try languages for a reader of `language`: theirs first,
 * then Finnish and Swedish (the national languages), then English.
 */
export function fallbackOrder(language: Language): Language[] {
  return [language, ...supportedLanguages.filter((candidate) => candidate !== language)];
}

/** Picks the reader's language, falling back; returns the language actually used so the page can mark it with `lang`. */
export function localize(
  text: StoredLocalizedText | null | undefined,
  language: Language,
): { text: string; language: Language } | null {
  if (!text) return null;
  for (const candidate of fallbackOrder(language)) {
    const value = text[candidate];
    if (value) return { text: value, language: candidate };
  }
  return null;
}
