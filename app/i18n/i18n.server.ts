import { createCookie } from "react-router";
import { createI18nextMiddleware } from "remix-i18next/middleware";
import { defaultLanguage, isLanguage, supportedLanguages, type Language } from "#pathways/i18n.ts";
import { getEnvironment } from "#app/env.server.ts";
import { i18nextOptions } from "./config.ts";

/** Remembers the language a person chose with the switcher (not personal data). */
export const languageCookie = createCookie("lng", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  secure: getEnvironment().NODE_ENV === "production",
  maxAge: 60 * 60 * 24 * 365,
});

/** Language order: `?lng=`, then the cookie, then Accept-Language, then Finnish. */
export const [i18nextMiddleware, getLocaleFromContext, getI18nextInstance] = createI18nextMiddleware({
  detection: {
    supportedLanguages: [...supportedLanguages],
    fallbackLanguage: defaultLanguage,
    cookie: languageCookie,
    searchParamKey: "lng",
    order: ["searchParams", "cookie", "header"],
  },
  i18next: i18nextOptions,
});

export function getLanguage(context: Parameters<typeof getLocaleFromContext>[0]): Language {
  const locale = getLocaleFromContext(context);
  return isLanguage(locale) ? locale : defaultLanguage;
}

/** A Set-Cookie header when the request chose a language with `?lng=`, so the choice sticks. */
export async function rememberLanguageChoice(request: Request): Promise<HeadersInit | undefined> {
  const chosen = new URL(request.url).searchParams.get("lng");
  if (!isLanguage(chosen)) return undefined;
  return { "Set-Cookie": await languageCookie.serialize(chosen) };
}
