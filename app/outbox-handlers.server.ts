import { emailHandler, type SendEmail } from "./email-delivery.server.ts";
import { providerInboxHandler, providerMessageTypes, type OutboxHandler } from "./outbox-dispatcher.server.ts";

/**
 * The handler of every outbox type the workers deliver. `pathway.alert` and
 * `pathway.closed` have none yet: they wait in the outbox for the staff views.
 */
export function outboxHandlers(sendEmail: SendEmail): Record<string, OutboxHandler> {
  return {
    email: emailHandler(sendEmail),
    ...Object.fromEntries(providerMessageTypes.map((type) => [type, providerInboxHandler])),
  };
}
