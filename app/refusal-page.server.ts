import type { TFunction } from "i18next";
import { detectLanguage } from "./i18n/i18n.server.ts";
import { instanceFor } from "./i18n/instances.server.ts";
import { applySecurityHeaders, createCspNonce } from "./security.server.ts";

/** Why the server itself, before React Router, turned a request away. */
export type Refusal = "tooMany" | "methodNotAllowed" | "crossSite" | "unsupportedForm" | "tooLarge";

function refusalTexts(t: TFunction<"refused">): Record<Refusal, { title: string; text: string }> {
  return {
    tooMany: { title: t("tooMany.title"), text: t("tooMany.text") },
    methodNotAllowed: { title: t("methodNotAllowed.title"), text: t("methodNotAllowed.text") },
    crossSite: { title: t("crossSite.title"), text: t("crossSite.text") },
    unsupportedForm: { title: t("unsupportedForm.title"), text: t("unsupportedForm.text") },
    tooLarge: { title: t("tooLarge.title"), text: t("tooLarge.text") },
  };
}

const htmlEscapes: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => htmlEscapes[character]!);

/** What a refusal needs of the request: where it went and the headers that choose the language. */
export type RefusedRequest = { url: string; path: string; cookie: string | undefined; acceptLanguage: string | undefined };

/**
 * The page for a request the server refuses before React Router sees it: in the person's
 * language (chosen as for every page), with the app's stylesheet and every security
 * header a page gets. Plain HTML without scripts, so refusing stays cheap.
 */
export async function refusalResponse(
  request: RefusedRequest,
  status: number,
  refusal: Refusal,
  { stylesheets, headers = {} }: { stylesheets: readonly string[]; headers?: Record<string, string> },
): Promise<Response> {
  const language = await detectLanguage(
    new Request(request.url, {
      headers: { ...(request.cookie ? { Cookie: request.cookie } : {}), ...(request.acceptLanguage ? { "Accept-Language": request.acceptLanguage } : {}) },
    }),
  );
  const t = instanceFor(language).getFixedT(language, "refused");
  const serviceName = instanceFor(language).getFixedT(language, "common")("serviceName");
  const { title, text } = refusalTexts(t)[refusal];
  const body = [
    "<!DOCTYPE html>",
    `<html lang="${language}" dir="ltr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${escapeHtml(`${title} – ${serviceName}`)}</title>`,
    ...stylesheets.map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`),
    `</head><body><div class="container"><main class="main" id="main-content">`,
    `<h1 class="heading-l">${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p>`,
    `<p><a href="/">${escapeHtml(t("home"))}</a></p>`,
    "</main></div></body></html>",
  ].join("");
  const responseHeaders = new Headers({ ...headers, "Content-Type": "text/html; charset=utf-8" });
  applySecurityHeaders(responseHeaders, { path: request.path, nonce: createCspNonce() });
  return new Response(body, { status, headers: responseHeaders });
}
