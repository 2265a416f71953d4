// The CI audit step reads npm audit's JSON (shapes as npm 10/11 print them): high or critical fails, an unreachable
// advisory endpoint is reported as not checked, never as clean.
import { auditVerdict } from '../../scripts/audit/auditVerdict';

const report = (counts: Record<string, number>, vulnerabilities: Record<string, { severity: string }> = {}) =>
  JSON.stringify({
    auditReportVersion: 2,
    vulnerabilities,
    metadata: {
      vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0, total: 0, ...counts },
      dependencies: { prod: 180, dev: 0, optional: 0, peer: 0, peerOptional: 0, total: 180 },
    },
  });

describe('auditVerdict', () => {
  it('is clean with no advisories, or only below high', () => {
    expect(auditVerdict(report({}))).toEqual({ kind: 'clean', total: 0 });
    expect(auditVerdict(report({ moderate: 2, total: 2 }))).toEqual({ kind: 'clean', total: 2 });
  });

  it('fails on a high or critical advisory, naming the packages', () => {
    const verdict = auditVerdict(
      report(
        { high: 1, critical: 1, moderate: 1, total: 3 },
        { jws: { severity: 'high' }, 'form-data': { severity: 'critical' }, brace: { severity: 'moderate' } },
      ),
    );
    expect(verdict).toEqual({
      kind: 'vulnerable',
      high: 1,
      critical: 1,
      packages: ['jws (high)', 'form-data (critical)'],
    });
  });

  it('says the endpoint could not be reached (the 405 this machine gets), not that all is well', () => {
    const output = JSON.stringify({
      message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
      method: 'POST',
      statusCode: 405,
      body: '',
      error: { summary: '', detail: '' },
    });
    expect(auditVerdict(output)).toEqual({
      kind: 'unreachable',
      reason: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
    });
  });

  it('treats an npm error report or no output at all as not checked', () => {
    expect(
      auditVerdict(JSON.stringify({ error: { code: 'ENOTFOUND', summary: 'request to registry failed' } })),
    ).toEqual({
      kind: 'unreachable',
      reason: 'request to registry failed',
    });
    expect(auditVerdict('')).toEqual({ kind: 'unreachable', reason: 'npm audit printed no report' });
  });
});
