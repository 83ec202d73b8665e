import { EnvironmentError, getEnvironment, type Environment } from "#app/env.server.ts";
import { serverSecret } from "#app/server-secret.server.ts";

/**
 * The validated environment, with the server secret readable (SESSION_SECRET, or the
 * `session-secret` file made or checked now rather than on the first request), or one
 * clear line on stderr and exit code 1.
 */
export function environmentOrExit(): Environment {
  try {
    const environment = getEnvironment();
    serverSecret();
    return environment;
  } catch (error) {
    if (error instanceof EnvironmentError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
