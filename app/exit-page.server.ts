import type { Language } from "#pathways/i18n.ts";
import { neutralSite, type QuickExitText } from "./components/quick-exit.tsx";
import { citizenPaths } from "./page-paths.ts";
import { instanceFor } from "./i18n/instances.server.ts";

/** What the script says while the Shift key is being pressed, and as the page goes. */
interface ShortcutText {
  pressTwoMoreTimes: string;
  pressOneMoreTime: string;
  expired: string;
  leaving: string;
}

/** The words of the "Exit this page" button, in the page's language. */
export function exitPageText(language: Language): QuickExitText {
  const t = instanceFor(language).getFixedT(language, "exitPage");
  return { button: t("button"), emergency: t("emergency"), hint: t("hint") };
}

/**
 * Runs in the browser, written into every page by the server (see exitPageScript). As
 * GOV.UK's component does: the button, or Shift pressed three times with at most five
 * seconds between presses, hides the page at once and replaces it with the neutral site,
 * so Back does not come back to it; the session ends on the server by a request that
 * outlives the page. Listening on the document, it works before the app's scripts arrive
 * and on pages React draws later. Written as a function so the compiler checks it; it
 * must use nothing from outside itself.
 */
function exitThisPage(text: ShortcutText, exitPath: string, neutralAddress: string): void {
  const waitMs = 5000;
  let presses = 0;
  let lastKeyHeldShift = false;
  let resetTimer: ReturnType<typeof setTimeout> | undefined;
  let silenceTimer: ReturnType<typeof setTimeout> | undefined;
  const component = () => document.querySelector("[data-quick-exit]");
  const announce = (message: string) => {
    const status = component()?.querySelector("[role=status]");
    if (status) status.textContent = message;
  };
  const showPresses = () => component()?.setAttribute("data-presses", String(presses));
  const leave = () => {
    void fetch(exitPath, { method: "POST", body: new URLSearchParams(), keepalive: true, redirect: "manual" }).catch(() => undefined);
    announce("");
    document.body.classList.add("quick-exit-leaving");
    const overlay = document.createElement("div");
    overlay.className = "quick-exit-overlay";
    overlay.setAttribute("role", "alert");
    document.body.append(overlay);
    // Set after the element is in the page: screen readers announce it more reliably.
    overlay.textContent = text.leaving;
    location.replace(neutralAddress);
  };
  const expire = () => {
    presses = 0;
    showPresses();
    announce(text.expired);
    silenceTimer = setTimeout(() => announce(""), waitMs);
  };
  document.addEventListener(
    "submit",
    (event) => {
      if (event.target instanceof Element && event.target.closest("[data-quick-exit]")) {
        event.preventDefault();
        leave();
      }
    },
    true,
  );
  document.addEventListener(
    "keyup",
    (event) => {
      if (!component()) return;
      // Shift on its own: a Shift released after typing a capital letter follows a key that held it.
      if (event.key === "Shift" && !lastKeyHeldShift) {
        presses += 1;
        clearTimeout(resetTimer);
        clearTimeout(silenceTimer);
        if (presses >= 3) {
          presses = 0;
          leave();
        } else {
          announce(presses === 1 ? text.pressTwoMoreTimes : text.pressOneMoreTime);
          resetTimer = setTimeout(expire, waitMs);
        }
        showPresses();
      } else if (presses > 0) {
        clearTimeout(resetTimer);
        expire();
      }
      lastKeyHeldShift = event.shiftKey;
    },
    true,
  );
  // A page the browser keeps and shows again on Back would still be hidden.
  addEventListener("pageshow", () => {
    document.body.classList.remove("quick-exit-leaving");
    document.querySelector(".quick-exit-overlay")?.remove();
    presses = 0;
    showPresses();
    announce("");
  });
}

/** `<` escaped too, so no text can close the script element. */
const scriptLiteral = (value: unknown) => JSON.stringify(value).replaceAll("<", "\\u003c");

/**
 * The inline script for a page in `language`, with the request's CSP nonce. In the page
 * rather than in the app's bundle: it costs no page its JavaScript budget (ADR 012) and
 * runs as soon as the page arrives.
 */
export function exitPageScript(language: Language, nonce: string): string {
  const t = instanceFor(language).getFixedT(language, "exitPage");
  const text: ShortcutText = { pressTwoMoreTimes: t("pressTwoMoreTimes"), pressOneMoreTime: t("pressOneMoreTime"), expired: t("expired"), leaving: t("leaving") };
  // Without its indentation (the function holds no text that spans lines), a third smaller.
  const source = exitThisPage.toString().replace(/^\s+/gm, "");
  const call = `(${source})(${[text, citizenPaths.exit, neutralSite].map(scriptLiteral).join(",")})`;
  return `<script nonce="${nonce}">${call}</script>`;
}
