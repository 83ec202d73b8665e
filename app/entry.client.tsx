import i18next from "i18next";
import { StrictMode, startTransition } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { HydratedRouter } from "react-router/dom";
import { getInitialNamespaces } from "remix-i18next/client";
import { defaultLanguage, isLanguage } from "#pathways/i18n.ts";
import { loadNamespace, pageNamespaces } from "./i18n/client-resources.ts";
import { i18nextOptions } from "./i18n/config.ts";

async function hydrate() {
  const documentLanguage = document.documentElement.lang;
  const language = isLanguage(documentLanguage) ? documentLanguage : defaultLanguage;
  await i18next.use(initReactI18next).init({ ...i18nextOptions, lng: language, resources: {} });
  // The namespaces the page's routes name in their handles, before the first render.
  await Promise.all(pageNamespaces(getInitialNamespaces()).map((namespace) => loadNamespace(i18next, language, namespace)));
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18next}>
        <StrictMode>
          <HydratedRouter />
        </StrictMode>
      </I18nextProvider>,
    );
  });
}

void hydrate();
