import { Form } from "react-router";
import { loadTrackedReferrals, withdrawFromTracking } from "#app/tracking.server.ts";
import { ForWhom, Localized, Tag } from "#app/components/content.tsx";
import { PageTitle } from "#app/components/layout.tsx";
import { getLanguage } from "#app/i18n/i18n.server.ts";
import { useScreeningText } from "#app/screening/text.ts";
import type { NamespacesHandle } from "#app/i18n/client-resources.ts";
import type { Route } from "./+types/track-referrals";

export const handle: NamespacesHandle = { i18n: ["followUp"] };

export async function loader({ request, context }: Route.LoaderArgs) {
  const language = getLanguage(context);
  return { ...(await loadTrackedReferrals(request, language)), language };
}

export async function action({ request }: Route.ActionArgs) {
  return withdrawFromTracking(request);
}

const notStarted = new Set(["draft", "requested", "accepted", "on-hold"]);

export default function TrackedReferrals({ loaderData, actionData }: Route.ComponentProps) {
  const t = useScreeningText("followUp");
  const { referrals, forWhomWords, language } = loaderData;
  return (
    <>
      <PageTitle title={t("track.listTitle")} />
      <h1 className="heading-l">{t("track.listTitle")}</h1>
      {actionData?.notWithdrawn ? <div className="inset-text">{t("track.notWithdrawn")}</div> : null}
      {referrals.length === 0 ? <p>{t("track.none")}</p> : null}
      <dl className="summary-list">
        {referrals.map((referral) => (
          <div className="summary-list__row" key={referral.id}>
            <dt className="summary-list__key">
              <Localized value={referral.service?.name ?? null} pageLanguage={language} />
            </dt>
            <dd className="summary-list__value">
              <Tag colour={referral.status === "cancelled" ? "grey" : referral.status === "accepted" ? "green" : "blue"}>
                {t(`track.statuses.${referral.status}`)}
              </Tag>{" "}
              <ForWhom keys={referral.forWhom} words={forWhomWords} />
              {notStarted.has(referral.status) ? (
                <Form method="post" className="summary-list__action">
                  <input type="hidden" name="referral" value={referral.id} />
                  <button type="submit" className="link-button">
                    {t("track.withdraw")}
                    <span className="visually-hidden"> {t("track.withdrawHidden", { service: referral.service?.name.text ?? "" })}</span>
                  </button>
                </Form>
              ) : null}
            </dd>
          </div>
        ))}
      </dl>
    </>
  );
}
