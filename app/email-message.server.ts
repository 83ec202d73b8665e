import type { EmailLinkPayload } from "#db/stores.ts";
import { instanceFor } from "./i18n/instances.server.ts";
import { namespaceText } from "./i18n/namespace-text.ts";

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/**
 * The email that carries a link, in the person's language: plain text, and the same
 * paragraphs as simple HTML for mail programs that show HTML. The link stands on a line
 * of its own, so a mail program that does not make it clickable still lets it be copied.
 */
export function linkEmail({ language, kind, link }: Omit<EmailLinkPayload, "to">): EmailContent {
  const t = namespaceText(instanceFor(language), language, "email") as unknown as (key: string) => string;
  const before = [t(`${kind}.intro`), t(`${kind}.linkIntro`)];
  const after = [t(`${kind}.expires`), t(`${kind}.keepSafe`), t("addressNotKept"), t("notYou")];
  const paragraphs = (list: string[]) => list.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join("\n");
  return {
    subject: t(`${kind}.subject`),
    text: [...before, link, ...after].join("\n\n") + "\n",
    html: [
      "<!doctype html>",
      `<html lang="${language}">`,
      '<head><meta charset="utf-8"></head>',
      "<body>",
      paragraphs(before),
      `<p><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>`,
      paragraphs(after),
      "</body>",
      "</html>",
    ].join("\n"),
  };
}
