/**
 * The Node flags the hub runs with, wherever it starts: `npm run hub` (package.json, kept equal by a
 * test), the standalone shell's utility process, the bench and the process tests.
 *
 * A 4 MB semi-space: under the hub's allocation (a snapshot for every subscribing terminal, an entry
 * for every change) V8 grows its young generation to the 16 MB default semi-spaces and keeps them.
 * Measured with 200 subscribed terminals and 3,000 commands: 125 MB RSS with the default, 106 MB
 * with 4 MB; scavenges become more frequent but each stays small, since little of the hub's garbage
 * lives long.
 */
export const HUB_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=4'];
