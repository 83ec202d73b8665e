const day = 24 * 60 * 60 * 1000;

/** The instant `days` whole days of 24 hours after `from`: how long things are kept, and links work, is counted this way. */
export function daysAfter(from: Date, days: number): Date {
  return new Date(from.getTime() + days * day);
}
