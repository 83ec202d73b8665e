import { createInstance, type i18n } from "i18next";
import type { Language } from "#pathways/i18n.ts";
import { i18nextOptions } from "./config.ts";
import { resources } from "./resources.ts";

/**
 * One i18next instance per language, initialised once. remix-i18next's middleware builds
 * and initialises a new instance for every request, which cost more than the rest of a
 * plain page (bench/http.ts); an instance fixed to one language is safe to share, by the
 * pages and by the emails the server sends.
 */
const instances = new Map<Language, i18n>();
export function instanceFor(language: Language): i18n {
  let instance = instances.get(language);
  if (!instance) {
    instance = createInstance({ ...i18nextOptions, resources, lng: language, initAsync: false });
    void instance.init();
    instances.set(language, instance);
  }
  return instance;
}
