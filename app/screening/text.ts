import { useNamespaceText } from "#app/i18n/use-namespace-text.ts";

/**
 * Translations of the screening pages. Their keys are built from the questionnaire
 * (step, field and option ids), so they are checked by a test over the questionnaire
 * (tests/unit/screening-locales.test.ts) rather than by the compiler.
 */
export function useScreeningText(): (key: string, options?: Record<string, unknown>) => string {
  const t = useNamespaceText("screening");
  return (key, options) => (t as (key: string, options?: Record<string, unknown>) => string)(key, options);
}
