import { useEffect, useRef, useState } from "react";
import { useScreeningText } from "#app/screening/text.ts";
import { citizenPaths } from "#app/page-paths.ts";

const warnAfterMs = 25 * 60_000;
const endAfterMs = 30 * 60_000;

/**
 * WCAG 2.2.1: five minutes before an idle screening ends, a dialog lets the person stay.
 * Staying tells the server (POST /screening/extend) and starts the clock again; at the
 * end the page moves to the timed-out page. Without JavaScript the page states the limit.
 */
export function TimeoutWarning() {
  const t = useScreeningText();
  const dialog = useRef<HTMLDialogElement>(null);
  const [started, setStarted] = useState(() => Date.now());

  useEffect(() => {
    const warn = setTimeout(() => dialog.current?.showModal(), warnAfterMs);
    const end = setTimeout(() => window.location.assign(citizenPaths.timedOut), endAfterMs);
    return () => {
      clearTimeout(warn);
      clearTimeout(end);
    };
  }, [started]);

  const stay = async () => {
    await fetch(citizenPaths.extendSession, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: "" });
    dialog.current?.close();
    setStarted(Date.now());
  };

  return (
    <>
      <p className="hint">{t("timeout.notice")}</p>
      <dialog ref={dialog} className="timeout-dialog" aria-labelledby="timeout-title" aria-describedby="timeout-body">
        <h2 className="heading-m" id="timeout-title">
          {t("timeout.title")}
        </h2>
        <p id="timeout-body">{t("timeout.body")}</p>
        <button type="button" className="button" onClick={() => void stay()}>
          {t("timeout.stay")}
        </button>
      </dialog>
    </>
  );
}
