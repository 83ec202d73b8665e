import { answerQuestion } from "#app/screening/answer-question.server.ts";
import { beginScreening } from "#app/screening/begin-screening.server.ts";
import { confirmScreening } from "#app/screening/check-answers.server.ts";
import { citizen, type Actor, type Channel } from "#pathways/actor.ts";
import type { Persona } from "#pathways/screening/personas.ts";

/**
 * A persona's screening as the app's use cases make it: begun, every answer given, and
 * (unless `confirm` is false) confirmed, which starts the case's pathways and stores its
 * package. Import after tests/support/app-database.ts, like every app module.
 */
export async function screenedPersona(persona: Persona, { actor = citizen, channel = "online", confirm = true }: { actor?: Actor; channel?: Channel; confirm?: boolean } = {}) {
  const { screeningId, caseId } = await beginScreening({ language: "en", actor, channel });
  for (const event of persona.events) {
    const answered = await answerQuestion({ screeningId, step: event.step, values: event.values, actor, channel });
    if (answered.kind !== "answered") throw new Error(`The persona's answer to ${event.step} was not taken: ${JSON.stringify(answered)}`);
  }
  if (confirm) {
    const confirmed = await confirmScreening({ screeningId, actor, channel });
    if (confirmed.kind !== "moved") throw new Error(`The persona's screening was not confirmed: ${confirmed.kind}`);
  }
  return { screeningId, caseId };
}
