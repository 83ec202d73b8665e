import { EnvironmentError, getEnvironment, type Environment } from "#app/env.server.ts";

/** The validated environment, or one clear line on stderr and exit code 1. */
export function environmentOrExit(): Environment {
  try {
    return getEnvironment();
  } catch (error) {
    if (error instanceof EnvironmentError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
