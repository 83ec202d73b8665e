import { Writable } from "node:stream";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { ServerRouter, type EntryContext, type HandleErrorFunction, type RouterContextProvider } from "react-router";
import { exitPageScript } from "./exit-page.server.ts";
import { getI18nextInstance, getLanguage } from "./i18n/i18n.server.ts";
import { NonceProvider } from "./nonce.tsx";
import { getCspNonce } from "./security.server.ts";

export const streamTimeout = 5_000;

/**
 * Renders the whole document before answering (no streaming): pages are small, and a
 * late error must still turn into a proper status code and error page. The document goes
 * out as one buffer: React writes it in dozens of small chunks, and compressing each as
 * it came cost more than rendering the page.
 */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  routerContext: EntryContext,
  loadContext: RouterContextProvider,
) {
  if (request.method.toUpperCase() === "HEAD") {
    return new Response(null, { status: responseStatusCode, headers: responseHeaders });
  }
  const nonce = getCspNonce(loadContext);
  const i18n = getI18nextInstance(loadContext);
  const exitScript = exitPageScript(getLanguage(loadContext), nonce);

  return new Promise<Response>((resolve, reject) => {
    let timeoutId: ReturnType<typeof setTimeout> | undefined = setTimeout(() => abort(), streamTimeout + 1000);
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <I18nextProvider i18n={i18n}>
          <ServerRouter context={routerContext} url={request.url} nonce={nonce} />
        </I18nextProvider>
      </NonceProvider>,
      {
        nonce,
        onAllReady() {
          const chunks: Buffer[] = [];
          const document = new Writable({
            write(chunk: Buffer, _encoding, callback) {
              chunks.push(chunk);
              callback();
            },
            final(callback) {
              clearTimeout(timeoutId);
              timeoutId = undefined;
              const body = withExitScript(Buffer.concat(chunks), exitScript);
              responseHeaders.set("Content-Type", "text/html; charset=utf-8");
              responseHeaders.set("Content-Length", String(body.length));
              resolve(new Response(body, { headers: responseHeaders, status: responseStatusCode }));
              callback();
            },
          });
          pipe(document);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          logError(error);
        },
      },
    );
  });
}

/** Server-side errors are logged without the request URL or body: they may carry personal data. */
export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return;
  logError(error);
};

function logError(error: unknown): void {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
}

/**
 * Every page gets "Exit this page"'s script at the end of its head, outside what React
 * renders: React 19 passes over elements it did not draw in the head when it hydrates.
 */
function withExitScript(page: Buffer<ArrayBuffer>, script: string): Buffer<ArrayBuffer> {
  const headEnd = page.indexOf("</head>");
  if (headEnd === -1) return page;
  return Buffer.concat([page.subarray(0, headEnd), Buffer.from(script), page.subarray(headEnd)]);
}
