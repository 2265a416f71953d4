// Reads `npm audit --json`: high or critical advisories in what the bot ships (--omit=dev) fail CI; an audit that could
// not reach the registry's advisory endpoint is said plainly, never reported as a pass.

export type AuditVerdict =
  | { kind: 'clean'; total: number }
  | { kind: 'vulnerable'; high: number; critical: number; packages: string[] }
  | { kind: 'unreachable'; reason: string };

interface AuditReport {
  vulnerabilities?: Record<string, { severity?: string }>;
  metadata?: { vulnerabilities?: Partial<Record<'info' | 'low' | 'moderate' | 'high' | 'critical' | 'total', number>> };
  message?: string;
  error?: { summary?: string; code?: string };
}

export function auditVerdict(output: string): AuditVerdict {
  let report: AuditReport;
  try {
    report = JSON.parse(output) as AuditReport;
  } catch {
    return { kind: 'unreachable', reason: 'npm audit printed no report' };
  }
  const counts = report.metadata?.vulnerabilities;
  if (!counts) {
    // npm puts the registry's answer in `message` and may leave `error.summary` empty.
    const reason = report.error?.summary || report.message || 'npm audit printed no report';
    return { kind: 'unreachable', reason: reason.split('\n')[0] };
  }
  const high = counts.high ?? 0;
  const critical = counts.critical ?? 0;
  if (high + critical === 0) return { kind: 'clean', total: counts.total ?? 0 };
  const packages = Object.entries(report.vulnerabilities ?? {})
    .filter(([, advisory]) => advisory.severity === 'high' || advisory.severity === 'critical')
    .map(([name, advisory]) => `${name} (${advisory.severity})`);
  return { kind: 'vulnerable', high, critical, packages };
}
