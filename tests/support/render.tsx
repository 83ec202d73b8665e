import { render } from "@testing-library/react";
import { createInstance } from "i18next";
import type { ReactElement } from "react";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { createMemoryRouter, RouterProvider } from "react-router";
import { i18nextOptions } from "#app/i18n/config.ts";
import { resources } from "#app/i18n/resources.ts";
import type { Language } from "#pathways/i18n.ts";

/**
 * Renders a component as the app does: inside a router and with the real locale files.
 * A missing translation key throws, so a component test fails on it.
 */
export async function renderWithApp(element: ReactElement, { language = "en" as Language, path = "/" } = {}) {
  const i18n = createInstance();
  await i18n.use(initReactI18next).init({
    ...i18nextOptions,
    resources,
    lng: language,
    saveMissing: true,
    missingKeyHandler: (_languages, namespace, key) => {
      throw new Error(`Missing translation ${namespace}:${key}`);
    },
  });
  const router = createMemoryRouter([{ path: "*", element }], { initialEntries: [path] });
  return render(
    <I18nextProvider i18n={i18n}>
      <RouterProvider router={router} />
    </I18nextProvider>,
  );
}
