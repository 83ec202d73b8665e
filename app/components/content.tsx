import { Fragment, type ReactNode } from "react";
import { useNamespaceText } from "#app/i18n/use-namespace-text.ts";
import type { Language } from "#pathways/i18n.ts";
import type { SubjectLabelKey } from "#pathways/needs/subject.ts";

/** Text that may be a fallback translation: marked with its own `lang` so screen readers pronounce it right. */
export function Localized({
  value,
  pageLanguage,
  as: Element = "span",
  className,
}: {
  value: { text: string; language: Language } | null;
  pageLanguage: Language;
  as?: "span" | "p" | "div" | "h1" | "h2" | "h3";
  className?: string;
}) {
  if (!value) return null;
  return (
    <Element className={className} lang={value.language === pageLanguage ? undefined : value.language}>
      {value.text}
    </Element>
  );
}

export interface SummaryRow {
  key: ReactNode;
  value: ReactNode;
}

export function SummaryList({ rows }: { rows: SummaryRow[] }) {
  return (
    <dl className="summary-list">
      {rows.map((row, index) => (
        <div className="summary-list__row" key={index}>
          <dt className="summary-list__key">{row.key}</dt>
          <dd className="summary-list__value">{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}

export type TagColour = "grey" | "green" | "blue" | "yellow" | "red" | "purple";

export function Tag({ children, colour }: { children: ReactNode; colour?: TagColour }) {
  return <strong className={colour ? `tag tag--${colour}` : "tag"}>{children}</strong>;
}

/** Whom a page's services, needs or referrals are for, in words, by key (app/for-whom.server.ts). */
export type ForWhomWords = Partial<Record<SubjectLabelKey, string>>;

/** Whom a service, referral or need is for ("For your children"), as plain tags, in the words the loader sent. */
export function ForWhom({ keys, words }: { keys: readonly SubjectLabelKey[]; words: ForWhomWords }) {
  return (
    <>
      {keys.map((key) => (
        <Fragment key={key}>
          <Tag colour="grey">{words[key]}</Tag>{" "}
        </Fragment>
      ))}
    </>
  );
}

export function Panel({ title, children }: { title: ReactNode; children?: ReactNode }) {
  return (
    <div className="panel">
      <h1 className="panel__title">{title}</h1>
      {children ? <div className="panel__body">{children}</div> : null}
    </div>
  );
}

export function InsetText({ children }: { children: ReactNode }) {
  return <div className="inset-text">{children}</div>;
}

/**
 * GOV.UK pagination: previous / next links and the page numbers around the current one.
 * `hrefFor` builds each page's link, so filters in the query survive paging.
 */
export function Pagination({
  page,
  pageCount,
  hrefFor,
}: {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
}) {
  const t = useNamespaceText("common");
  if (pageCount <= 1) return null;
  const numbers = pageNumbers(page, pageCount);
  return (
    <nav className="pagination" aria-label={t("pagination.label")}>
      {page > 1 ? (
        <a className="pagination__prev" href={hrefFor(page - 1)} rel="prev">
          {t("pagination.previous")}
        </a>
      ) : null}
      <ul className="pagination__list">
        {numbers.map((number, index) =>
          number === null ? (
            <li key={`gap-${index}`} className="pagination__item pagination__item--ellipsis">
              …
            </li>
          ) : (
            <li key={number} className={number === page ? "pagination__item pagination__item--current" : "pagination__item"}>
              <a
                href={hrefFor(number)}
                aria-label={t("pagination.page", { number })}
                aria-current={number === page ? "page" : undefined}
              >
                {number}
              </a>
            </li>
          ),
        )}
      </ul>
      {page < pageCount ? (
        <a className="pagination__next" href={hrefFor(page + 1)} rel="next">
          {t("pagination.next")}
        </a>
      ) : null}
    </nav>
  );
}

/** First, last, and the pages next to the current one; null marks a gap. */
export function pageNumbers(page: number, pageCount: number): (number | null)[] {
  const wanted = new Set([1, pageCount, page - 1, page, page + 1].filter((n) => n >= 1 && n <= pageCount));
  const sorted = [...wanted].sort((a, b) => a - b);
  const result: (number | null)[] = [];
  for (const number of sorted) {
    const previous = result.at(-1);
    if (typeof previous === "number" && number - previous > 1) result.push(null);
    result.push(number);
  }
  return result;
}
