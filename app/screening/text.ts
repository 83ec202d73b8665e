import type { BrowserNamespace } from "#app/i18n/namespaces.ts";
import { useNamespaceText } from "#app/i18n/use-namespace-text.ts";

/**
 * Translations of the screening pages (the screening namespace, or the page's own), with
 * keys as plain strings: error keys reach the page as data from the server, so
 * tests/unit/locales.test.ts checks the keys rather than the compiler. The questions
 * themselves come written from the server (question-text.server.ts).
 */
export function useScreeningText(namespace: BrowserNamespace = "screening"): (key: string, options?: Record<string, unknown>) => string {
  const t = useNamespaceText(namespace);
  return (key, options) => (t as (key: string, options?: Record<string, unknown>) => string)(key, options);
}
