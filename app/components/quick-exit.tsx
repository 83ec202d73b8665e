import { useScreeningText } from "#app/screening/text.ts";

/**
 * "Exit this page" (GOV.UK pattern): for someone who may be watched, one click replaces
 * the page with a neutral one. Shown on every screening page once danger is disclosed.
 */
export function QuickExit() {
  const t = useScreeningText();
  return (
    <div className="quick-exit">
      <a href="https://yle.fi/saa" className="button button--warning quick-exit__button" rel="nofollow noreferrer" aria-describedby="quick-exit-hint">
        {t("exitPage")}
      </a>
      <span id="quick-exit-hint" className="visually-hidden">
        {t("exitPageHint")}
      </span>
    </div>
  );
}
