import { createContext, useContext, type ReactNode } from "react";

/** The request's CSP nonce, for the inline scripts React Router renders; empty in the browser. */
const NonceContext = createContext("");

export function NonceProvider({ value, children }: { value: string; children: ReactNode }) {
  return <NonceContext.Provider value={value}>{children}</NonceContext.Provider>;
}

export function useNonce(): string {
  return useContext(NonceContext);
}
