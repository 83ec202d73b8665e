import { citizenPaths, citizenScreeningPrefix } from "#app/page-paths.ts";

/** Where "Exit this page" goes: a neutral site that says nothing about why the person left. */
export const neutralSite = "https://yle.fi/saa";

/** The component's words, from the server (app/exit-page.server.ts): no page's JavaScript carries them. */
export interface QuickExitText {
  button: string;
  emergency: string;
  hint: string;
}

/**
 * The start page, every page of the screening, and the tracking pages: anyone deciding
 * whether to answer a question about their safety, or following a referral, may be watched.
 */
export function showsQuickExit(pathname: string): boolean {
  return pathname === "/" || pathname.startsWith(`${citizenScreeningPrefix}/`) || pathname === citizenPaths.track || pathname.startsWith(`${citizenPaths.track}/`);
}

/**
 * "Exit this page" (GOV.UK component): a form whose button ends the session on the server
 * and goes to a neutral site, which works without JavaScript. With it, the script the
 * server writes into every page (app/exit-page.server.ts) leaves at once without a history
 * entry, and the Shift key pressed three times does the same.
 */
export function QuickExit({ text }: { text: QuickExitText }) {
  return (
    <div className="quick-exit" data-quick-exit="">
      <form method="post" action={citizenPaths.exit}>
        <button type="submit" className="button button--warning quick-exit__button" aria-describedby="quick-exit-hint">
          <span className="visually-hidden">{text.emergency}</span> {text.button}
        </button>
      </form>
      <span id="quick-exit-hint" className="visually-hidden">
        {text.hint}
      </span>
      {/* The script says here how many more times to press Shift. */}
      <span role="status" className="visually-hidden" />
    </div>
  );
}
