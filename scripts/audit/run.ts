// `npm run audit:deps` (and .ci/run): `npm audit --omit=dev` at high severity. Exit 1 on high or critical advisories;
// when the advisory endpoint cannot be reached, say so and exit 0, or 1 with AUDIT_REQUIRED=true (a CI that can
// reach it should set that, so an outage is never read as a clean audit).
import { spawnSync } from 'node:child_process';
import { auditVerdict } from './auditVerdict';

const result = spawnSync('npm', ['audit', '--omit=dev', '--audit-level=high', '--json'], { encoding: 'utf8' });
const verdict = auditVerdict(result.stdout);
switch (verdict.kind) {
  case 'clean':
    console.log(`npm audit (--omit=dev): 0 high or critical advisories (${verdict.total} below high)`);
    break;
  case 'vulnerable':
    console.error(
      `npm audit (--omit=dev): ${verdict.high} high, ${verdict.critical} critical: ${verdict.packages.join(', ')}`,
    );
    process.exitCode = 1;
    break;
  case 'unreachable':
    console.warn(`npm audit NOT CHECKED: the advisory endpoint could not be reached (${verdict.reason})`);
    if (process.env.AUDIT_REQUIRED === 'true') process.exitCode = 1;
    break;
}
