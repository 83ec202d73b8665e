import { useNamespaceText } from "#app/i18n/use-namespace-text.ts";

/**
 * Translations of the screening pages, with keys as plain strings: error keys reach the
 * page as data from the server, so tests/unit/locales.test.ts checks the keys rather
 * than the compiler. The questions themselves come written from the server
 * (question-text.server.ts).
 */
export function useScreeningText(): (key: string, options?: Record<string, unknown>) => string {
  const t = useNamespaceText("screening");
  return (key, options) => (t as (key: string, options?: Record<string, unknown>) => string)(key, options);
}
