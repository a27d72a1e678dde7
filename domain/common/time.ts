/** Clock port: every rule takes `now` explicitly so tests control time. */
export type Clock = () => Date;
