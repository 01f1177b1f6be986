import { fuzz } from './fuzz';

/** npm run fuzz [-- COUNT [SEED]]: the long run; prints FUZZ {json}; exit 1 on any finding. */
const count = Number(process.argv[2] ?? 100_000);
const seed = process.argv[3] === undefined ? undefined : Number(process.argv[3]);
fuzz(count, seed).then(
  (r) => {
    console.log(`FUZZ ${JSON.stringify(r)}`);
    process.exit(r.crashes || r.state_changes || r.untyped || r.anonymous_replies || r.accepted ? 1 : 0);
  },
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
