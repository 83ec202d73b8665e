import type { i18n } from "i18next";
import { createContext, createCookie, type MiddlewareFunction, type RouterContextProvider } from "react-router";
import { LanguageDetector } from "remix-i18next/server";
import { defaultLanguage, isLanguage, supportedLanguages, type Language } from "#pathways/i18n.ts";
import { getEnvironment } from "#app/env.server.ts";
import { instanceFor } from "./instances.server.ts";

/** Remembers the language a person chose with the switcher (not personal data). */
export const languageCookie = createCookie("lng", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  secure: getEnvironment().NODE_ENV === "production",
  maxAge: 60 * 60 * 24 * 365,
});

/** Language order: `?lng=`, then the cookie, then Accept-Language, then Finnish. */
const languageDetector = new LanguageDetector({
  supportedLanguages: [...supportedLanguages],
  fallbackLanguage: defaultLanguage,
  cookie: languageCookie,
  searchParamKey: "lng",
  order: ["searchParams", "cookie", "header"],
});

const languageContext = createContext<Language>(defaultLanguage);

/** The language to answer this request in, for pages and for the server's own refusals alike. */
export async function detectLanguage(request: Request): Promise<Language> {
  const detected = await languageDetector.detect(request);
  return isLanguage(detected) ? detected : defaultLanguage;
}

export const i18nextMiddleware: MiddlewareFunction<Response> = async ({ request, context }, next) => {
  context.set(languageContext, await detectLanguage(request));
  return next();
};

export function getLanguage(context: Readonly<RouterContextProvider>): Language {
  return context.get(languageContext);
}

export function getI18nextInstance(context: Readonly<RouterContextProvider>): i18n {
  return instanceFor(getLanguage(context));
}

/** A Set-Cookie header when the request chose a language with `?lng=`, so the choice sticks. */
export async function rememberLanguageChoice(request: Request): Promise<HeadersInit | undefined> {
  const chosen = new URL(request.url).searchParams.get("lng");
  if (!isLanguage(chosen)) return undefined;
  return { "Set-Cookie": await languageCookie.serialize(chosen) };
}
