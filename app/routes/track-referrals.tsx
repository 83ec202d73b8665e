import { Form } from "react-router";
import { loadTrackedReferrals, withdrawFromTracking } from "#app/tracking.server.ts";
import { ForWhom, Localized, Tag } from "#app/components/content.tsx";
import { PageTitle } from "#app/components/layout.tsx";
import { formatList } from "#app/format.ts";
import { getLanguage } from "#app/i18n/i18n.server.ts";
import { useScreeningText } from "#app/screening/text.ts";
import type { NamespacesHandle } from "#app/i18n/client-resources.ts";
import type { Route } from "./+types/track-referrals";

export const handle: NamespacesHandle = { i18n: ["followUp", "consent"] };

export async function loader({ request, context }: Route.LoaderArgs) {
  const language = getLanguage(context);
  return { ...(await loadTrackedReferrals(request, language)), language };
}

export async function action({ request }: Route.ActionArgs) {
  return withdrawFromTracking(request);
}

const statusColour = { cancelled: "grey", rejected: "grey", failed: "grey", accepted: "green", "in-progress": "green", completed: "green" } as const;

/**
 * The person's referrals, each with where it has got to and what they can do now;
 * withdrawing consent is there for a referral not yet started, at the end of its section.
 */
export default function TrackedReferrals({ loaderData, actionData }: Route.ComponentProps) {
  const t = useScreeningText("followUp");
  const consentText = useScreeningText("consent");
  const { referrals, forWhomWords, language } = loaderData;
  return (
    <>
      <PageTitle title={t("track.listTitle")} />
      <h1 className="heading-l">{t("track.listTitle")}</h1>
      {actionData?.notWithdrawn ? <div className="inset-text">{t("track.notWithdrawn")}</div> : null}
      {referrals.length === 0 ? <p>{t("track.none")}</p> : <p>{t("track.listLead")}</p>}
      {referrals.map((referral) => (
        <section className="tracked-referral" aria-labelledby={`referral-${referral.id}`} key={referral.id}>
          <h2 className="heading-m" id={`referral-${referral.id}`}>
            <Localized value={referral.service?.name ?? null} pageLanguage={language} />
          </h2>
          <dl className="summary-list">
            <div className="summary-list__row">
              <dt className="summary-list__key">{t("track.provider")}</dt>
              <dd className="summary-list__value">
                <Localized value={referral.service?.provider ?? null} pageLanguage={language} />
              </dd>
            </div>
            <div className="summary-list__row">
              <dt className="summary-list__key">{t("track.status")}</dt>
              <dd className="summary-list__value">
                <Tag colour={statusColour[referral.status as keyof typeof statusColour] ?? "blue"}>{t(`track.statuses.${referral.status}`)}</Tag> {t("track.since", { date: referral.since })}
              </dd>
            </div>
            <div className="summary-list__row">
              <dt className="summary-list__key">{t("track.sent")}</dt>
              <dd className="summary-list__value">{referral.sentOn}</dd>
            </div>
            {referral.answerBy ? (
              <div className="summary-list__row">
                <dt className="summary-list__key">{t("track.answerExpected")}</dt>
                <dd className="summary-list__value">
                  {referral.answerBy.workingDays === null
                    ? referral.answerBy.date
                    : t("track.answerBy", { date: referral.answerBy.date, count: referral.answerBy.workingDays })}
                </dd>
              </div>
            ) : null}
            <div className="summary-list__row">
              <dt className="summary-list__key">{t("track.shared")}</dt>
              <dd className="summary-list__value">
                {referral.shared.length > 0
                  ? formatList(referral.shared.map((category) => consentText(`consent.dataCategories.${category}`)), language)
                  : t("track.nothingShared")}
              </dd>
            </div>
            {referral.forWhom.length > 0 ? (
              <div className="summary-list__row">
                <dt className="summary-list__key">{t("track.forWhom")}</dt>
                <dd className="summary-list__value">
                  <ForWhom keys={referral.forWhom} words={forWhomWords} />
                </dd>
              </div>
            ) : null}
            {referral.contact.phone || referral.contact.email ? (
              <div className="summary-list__row">
                <dt className="summary-list__key">{t("track.contact")}</dt>
                <dd className="summary-list__value">
                  {referral.contact.phone ? <a href={`tel:${referral.contact.phone.replace(/[^+\d]/g, "")}`}>{referral.contact.phone}</a> : null}
                  {referral.contact.phone && referral.contact.email ? <br /> : null}
                  {referral.contact.email ? <a href={`mailto:${referral.contact.email}`}>{referral.contact.email}</a> : null}
                </dd>
              </div>
            ) : null}
          </dl>
          <h3 className="heading-s">{t("track.nowTitle")}</h3>
          <p>{t(`track.next.${referral.nextStep}`)}</p>
          {referral.canWithdraw ? (
            <Form method="post" className="tracked-referral__withdraw">
              <input type="hidden" name="referral" value={referral.id} />
              <button type="submit" className="link-button">
                {t("track.withdraw")}
                <span className="visually-hidden"> {t("track.withdrawHidden", { service: referral.service?.name.text ?? "" })}</span>
              </button>
            </Form>
          ) : null}
        </section>
      ))}
    </>
  );
}
