/**
 * The demo identity switch exists only in the web build (see `demo-persona-host.h5.tsx`); the mini-program
 * gets this empty stand-in so none of its code or styles ship there.
 */
export function DemoPersonaHost() {
  return null;
}
