/** Clock port: every rule takes `now` explicitly so tests control time. */
export type Clock = () => Date;

/** China has one time zone and no daylight saving: the China-local calendar day of an instant, `YYYY-MM-DD`. */
export const chinaDay = (at: Date): string => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
