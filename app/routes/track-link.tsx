import { data, Form } from "react-router";
import { followWithLink, trackLinkUsable } from "#app/tracking.server.ts";
import { Button } from "#app/components/form.tsx";
import { PageTitle } from "#app/components/layout.tsx";
import { LinkNotUsable } from "#app/components/link-not-usable.tsx";
import { useScreeningText } from "#app/screening/text.ts";
import type { NamespacesHandle } from "#app/i18n/client-resources.ts";
import type { Route } from "./+types/track-link";

export const handle: NamespacesHandle = { i18n: ["followUp"] };

/**
 * An emailed link to follow a case. Opening it only shows this page (mail scanners open
 * links too); "Show my referrals" posts, spends the link and shows the referrals.
 */
export async function loader({ params }: Route.LoaderArgs) {
  const usable = await trackLinkUsable(params.token);
  return data({ usable }, { status: usable ? 200 : 404 });
}

export async function action({ params }: Route.ActionArgs) {
  await followWithLink(params.token);
  return data({ usable: false }, { status: 404 });
}

export default function TrackLink({ loaderData, actionData }: Route.ComponentProps) {
  const t = useScreeningText("followUp");
  if (!(actionData ?? loaderData).usable) return <LinkNotUsable purpose="track" />;
  return (
    <>
      <PageTitle title={t("linkPage.track.title")} />
      <h1 className="heading-l">{t("linkPage.track.title")}</h1>
      <p>{t("linkPage.track.lead")}</p>
      <p>{t("linkPage.track.once")}</p>
      <Form method="post" replace>
        <Button>{t("linkPage.track.submit")}</Button>
      </Form>
    </>
  );
}
