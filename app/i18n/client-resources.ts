import type { i18n } from "i18next";
import type { Language } from "#pathways/i18n.ts";
import type { BrowserNamespace } from "./namespaces.ts";

type LocaleFile = () => Promise<{ default: object }>;

/**
 * The strings a browser can load, one chunk per language and namespace: a page needs only
 * its own language (the three together were a fifth of the JavaScript a page loaded), and
 * only the namespaces its routes draw (the catalogue's strings are of no use on a question
 * page, nor the screening's on a service page). Written out rather than globbed: the type
 * holds every language to every namespace, and the map is 0.2 KiB smaller than
 * import.meta.glob's, which a question page, at its budget, cannot spare (ADR 012).
 */
const localeFiles: Record<Language, Record<BrowserNamespace, LocaleFile>> = {
  en: {
    common: () => import("#locales/en/common.json"),
    catalogue: () => import("#locales/en/catalogue.json"),
    screening: () => import("#locales/en/screening.json"),
    start: () => import("#locales/en/start.json"),
    privacy: () => import("#locales/en/privacy.json"),
    help: () => import("#locales/en/help.json"),
    consent: () => import("#locales/en/consent.json"),
    followUp: () => import("#locales/en/followUp.json"),
    emailLink: () => import("#locales/en/emailLink.json"),
    urgentHelp: () => import("#locales/en/urgentHelp.json"),
    checkAnswers: () => import("#locales/en/checkAnswers.json"),
  },
  fi: {
    common: () => import("#locales/fi/common.json"),
    catalogue: () => import("#locales/fi/catalogue.json"),
    screening: () => import("#locales/fi/screening.json"),
    start: () => import("#locales/fi/start.json"),
    privacy: () => import("#locales/fi/privacy.json"),
    help: () => import("#locales/fi/help.json"),
    consent: () => import("#locales/fi/consent.json"),
    followUp: () => import("#locales/fi/followUp.json"),
    emailLink: () => import("#locales/fi/emailLink.json"),
    urgentHelp: () => import("#locales/fi/urgentHelp.json"),
    checkAnswers: () => import("#locales/fi/checkAnswers.json"),
  },
  sv: {
    common: () => import("#locales/sv/common.json"),
    catalogue: () => import("#locales/sv/catalogue.json"),
    screening: () => import("#locales/sv/screening.json"),
    start: () => import("#locales/sv/start.json"),
    privacy: () => import("#locales/sv/privacy.json"),
    help: () => import("#locales/sv/help.json"),
    consent: () => import("#locales/sv/consent.json"),
    followUp: () => import("#locales/sv/followUp.json"),
    emailLink: () => import("#locales/sv/emailLink.json"),
    urgentHelp: () => import("#locales/sv/urgentHelp.json"),
    checkAnswers: () => import("#locales/sv/checkAnswers.json"),
  },
};

const isBrowserNamespace = (name: unknown): name is BrowserNamespace => typeof name === "string" && Object.hasOwn(localeFiles.en, name);

/**
 * A route module's `handle` names the namespaces its page draws besides common (the
 * convention of remix-i18next's getInitialNamespaces, which reads it before hydration).
 */
export interface NamespacesHandle {
  i18n: BrowserNamespace[];
}

/** The namespaces the routes of a page draw, from their handles: always common (layout, error pages). */
export function pageNamespaces(named: readonly unknown[]): BrowserNamespace[] {
  return [...new Set<BrowserNamespace>(["common", ...named.filter(isBrowserNamespace)])];
}

/** What a matched route's handle names, for pageNamespaces. */
export function handleNamespaces(handle: unknown): unknown[] {
  const named = (handle as Partial<NamespacesHandle> | undefined)?.i18n;
  return Array.isArray(named) ? named : [];
}

const loading = new Map<string, Promise<void>>();

/**
 * Adds one namespace's strings in one language to the browser's instance, fetching them
 * once. The same promise every time it is asked for, so a component can wait on it with
 * React's `use` while a page reached in the browser draws strings the first did not need.
 */
export function loadNamespace(instance: i18n, language: Language, namespace: BrowserNamespace): Promise<void> {
  const key = `${language}/${namespace}`;
  let loaded = loading.get(key);
  if (!loaded) {
    loaded = localeFiles[language][namespace]().then((strings) => {
      instance.addResourceBundle(language, namespace, strings.default);
    });
    loading.set(key, loaded);
  }
  return loaded;
}
