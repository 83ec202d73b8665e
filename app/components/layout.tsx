import type { ReactNode } from "react";
import { useNamespaceText } from "#app/i18n/use-namespace-text.ts";
import { NavLink, useLocation } from "react-router";
import { supportedLanguages, type Language } from "#pathways/i18n.ts";

/** Each language's name in itself, as language switchers show it. */
const languageNames: Record<Language, string> = { fi: "Suomi", sv: "Svenska", en: "English" };

export function SkipLink() {
  const t = useNamespaceText("common");
  return (
    <a href="#main-content" className="skip-link">
      {t("layout.skipToContent")}
    </a>
  );
}

/**
 * Plain links that keep the current page and its query, so switching works without
 * JavaScript; the server remembers the choice in a cookie.
 */
export function LanguageSwitcher({ current }: { current: Language }) {
  const t = useNamespaceText("common");
  const location = useLocation();
  return (
    <nav className="language-switcher" aria-label={t("layout.languageSwitcher")}>
      <ul className="language-switcher__list">
        {supportedLanguages.map((language) => {
          const search = new URLSearchParams(location.search);
          search.set("lng", language);
          const isCurrent = language === current;
          return (
            <li key={language} className="language-switcher__item">
              {isCurrent ? (
                <span className="language-switcher__current" aria-current="true" lang={language}>
                  {languageNames[language]}
                </span>
              ) : (
                <a href={`${location.pathname}?${search.toString()}`} hrefLang={language} lang={language}>
                  {languageNames[language]}
                </a>
              )}
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

export function Header({ language }: { language: Language }) {
  const t = useNamespaceText("common");
  return (
    <header className="header">
      <div className="header__container container">
        <a href="/" className="header__service-name">
          {t("serviceName")}
        </a>
        <LanguageSwitcher current={language} />
      </div>
      <nav className="service-navigation" aria-label={t("layout.navigation")}>
        <ul className="service-navigation__list container">
          <li className="service-navigation__item">
            <NavLink to="/" end className="service-navigation__link">
              {t("layout.home")}
            </NavLink>
          </li>
          <li className="service-navigation__item">
            <NavLink to="/services" className="service-navigation__link">
              {t("layout.services")}
            </NavLink>
          </li>
        </ul>
      </nav>
      <DemonstrationBanner />
    </header>
  );
}

/**
 * At the top of every page, under the menu (GOV.UK phase banner):
 * nobody should take the invented region for a real one, or give it their real details.
 */
function DemonstrationBanner() {
  const t = useNamespaceText("common");
  return (
    <div className="phase-banner">
      <p className="phase-banner__content container">
        <strong className="tag tag--yellow phase-banner__tag">{t("layout.demoTag")}</strong> <span>{t("layout.demoText")}</span>
      </p>
    </div>
  );
}

export function Footer() {
  const t = useNamespaceText("common");
  return (
    <footer className="footer">
      <div className="container">
        <h2 className="visually-hidden">{t("layout.footerLinks")}</h2>
        <ul className="footer__links">
          <li>
            <a href="/help">{t("layout.help")}</a>
          </li>
          <li>
            <a href="/contact">{t("layout.contact")}</a>
          </li>
          <li>
            <a href="/privacy">{t("layout.privacy")}</a>
          </li>
          <li>
            <a href="/accessibility">{t("layout.accessibility")}</a>
          </li>
        </ul>
        <p className="footer__meta">{t("layout.footerNote")}</p>
      </div>
    </footer>
  );
}

export function BackLink({ to, children }: { to: string; children?: ReactNode }) {
  const t = useNamespaceText("common");
  return (
    <a href={to} className="back-link">
      {children ?? t("layout.back")}
    </a>
  );
}

/** The document title: page, then service name; "Error: " first when the page shows errors (GOV.UK). */
export function PageTitle({ title, hasErrors = false }: { title: string; hasErrors?: boolean }) {
  const t = useNamespaceText("common");
  const text = `${hasErrors ? `${t("form.errorPrefix")}: ` : ""}${title} – ${t("serviceName")}`;
  return <title>{text}</title>;
}
