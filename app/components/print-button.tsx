import { useEffect, useState } from "react";

/** "Print my plan": shown only once JavaScript runs, since printing needs it; without it the browser's own Print works. */
export function PrintButton({ children }: { children: string }) {
  const [canPrint, setCanPrint] = useState(false);
  useEffect(() => setCanPrint(typeof window.print === "function"), []);
  if (!canPrint) return null;
  return (
    <button type="button" className="button button--secondary print-hidden" onClick={() => window.print()}>
      {children}
    </button>
  );
}
