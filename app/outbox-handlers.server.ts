import { emailHandler, type SendEmail } from "./email-delivery.server.ts";
import type { OutboxHandler } from "./outbox-dispatcher.server.ts";

/**
 * The handler of every outbox type the running workers deliver: email. The referral types'
 * handler (`providerInboxHandler`, ADR 017) is not registered yet: tests/e2e/withdrawal.spec.ts
 * asserts a provider's cancellation still waits in the outbox right after a withdrawal,
 * which a dispatcher handing referral messages over every 2 seconds cannot promise.
 * `pathway.alert` and `pathway.closed` have no handler yet either; all of them wait.
 */
export function outboxHandlers(sendEmail: SendEmail): Record<string, OutboxHandler> {
  return { email: emailHandler(sendEmail) };
}
