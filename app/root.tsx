import {
  data,
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from "react-router";
import type { Route } from "./+types/root";
import { exitPageText } from "./exit-page.server.ts";
import { FlowNotFound } from "./components/flow-not-found.tsx";
import { Footer, Header, PageTitle, SkipLink } from "./components/layout.tsx";
import { QuickExit, showsQuickExit } from "./components/quick-exit.tsx";
import { handleNamespaces, pageNamespaces } from "./i18n/client-resources.ts";
import { getLanguage, i18nextMiddleware, rememberLanguageChoice } from "./i18n/i18n.server.ts";
import { useI18nextInstance, useLoadedNamespaces, useNamespaceText, usePageLanguage } from "./i18n/use-namespace-text.ts";
import { useNonce } from "./nonce.tsx";
import { flowNotFound } from "./screening/flow-not-found.ts";
import { securityHeadersMiddleware } from "./security.server.ts";
import stylesheet from "./styles.css?url";

export const middleware: Route.MiddlewareFunction[] = [securityHeadersMiddleware, i18nextMiddleware];

export const links: Route.LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request, context }: Route.LoaderArgs) {
  const language = getLanguage(context);
  return data({ language, quickExit: exitPageText(language) }, { headers: await rememberLanguageChoice(request) });
}

export function headers({ loaderHeaders }: Route.HeadersArgs) {
  return loaderHeaders;
}

export function Layout({ children }: { children: React.ReactNode }) {
  const language = usePageLanguage();
  const nonce = useNonce();
  const i18n = useI18nextInstance();
  const matches = useMatches();
  const { pathname } = useLocation();
  const quickExit = useRouteLoaderData<typeof loader>("root")?.quickExit;
  // A page reached without a reload may draw namespaces, or a language, the one before did
  // not: it is shown once they are here.
  useLoadedNamespaces(i18n, language, pageNamespaces(matches.flatMap((match) => handleNamespaces(match.handle))));
  return (
    <html lang={language} dir={i18n.dir(language)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <SkipLink />
        <Header language={language} />
        <div className="container">
          <main className="main" id="main-content" tabIndex={-1}>
            {quickExit && showsQuickExit(pathname) ? <QuickExit text={quickExit} /> : null}
            {children}
          </main>
        </div>
        <Footer />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const t = useNamespaceText("common");
  if (isRouteErrorResponse(error) && error.status === 404 && error.data === flowNotFound) return <FlowNotFound />;
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <>
        <PageTitle title={t("errors.notFound.title")} />
        <h1 className="heading-l">{t("errors.notFound.title")}</h1>
        <p>{t("errors.notFound.typedAddress")}</p>
        <p>{t("errors.notFound.pastedAddress")}</p>
        <p>
          <a href="/services">{t("errors.notFound.findServices")}</a>
        </p>
      </>
    );
  }
  return (
    <>
      <PageTitle title={t("errors.server.title")} />
      <h1 className="heading-l">{t("errors.server.title")}</h1>
      <p>{t("errors.server.tryLater")}</p>
      <p>{t("errors.server.nothingLost")}</p>
      {import.meta.env.DEV && error instanceof Error ? <pre className="error-stack">{error.stack}</pre> : null}
    </>
  );
}
