import type { Actor, Channel } from "#pathways/actor.ts";
import type { Language } from "#pathways/i18n.ts";
import { newFlow } from "#pathways/screening/flow.ts";
import { screeningMachineVersion, screeningVersion } from "#pathways/screening/machine.ts";
import { withTransaction } from "../db.server.ts";
import { newFlowId } from "../session.server.ts";

export interface BeginScreening {
  language: Language;
  actor: Actor;
  channel: Channel;
  at?: Date;
}

/**
 * A new screening in a new case, about the one person the case is opened for: the case,
 * its first member, the screening and its "started" event, in one transaction.
 */
export function beginScreening({ language, actor, channel, at = new Date() }: BeginScreening): Promise<{ screeningId: string; caseId: string }> {
  const screeningId = newFlowId();
  return withTransaction(async (tx) => {
    const { caseId, memberId } = await tx.cases.openCase(channel, at);
    await tx.screenings.insert({
      id: screeningId,
      caseId,
      memberId,
      questionnaireVersion: screeningVersion,
      machineVersion: screeningMachineVersion,
      snapshot: newFlow(),
      answers: {},
      language,
      channel,
      status: "in-progress",
    });
    await tx.screenings.recordEvent({ screeningId, type: "started", step: null, actor, channel, at });
    return { screeningId, caseId };
  });
}
