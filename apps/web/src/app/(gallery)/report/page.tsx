import type { Metadata } from 'next';
import { EmptyLibrary } from '@/app/_components/empty-library';
import { dayTimeLabel } from '@/lib/dates';
import { loadLatestRun } from '@/lib/queries/library';

export const metadata: Metadata = { title: 'Last index run' };

function Value({ value }: { value: unknown }) {
  if (Array.isArray(value)) {
    if (value.length === 0) return <span className="muted">none</span>;
    return (
      <ul className="plain">
        {value.slice(0, 50).map((item, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: report items have no ids
          <li key={i}>{typeof item === 'object' ? Object.values(item ?? {}).join(' — ') : String(item)}</li>
        ))}
        {value.length > 50 && <li className="muted">…and {value.length - 50} more</li>}
      </ul>
    );
  }
  if (value && typeof value === 'object') return <ReportTable report={value as Record<string, unknown>} />;
  return <>{String(value)}</>;
}

function words(key: string): string {
  const spaced = key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]/g, ' ');
  return spaced.charAt(0).toUpperCase() + spaced.slice(1).toLowerCase();
}

function ReportTable({ report }: { report: Record<string, unknown> }) {
  return (
    <dl className="facts">
      {Object.entries(report).map(([key, value]) => (
        <div key={key} style={{ display: 'contents' }}>
          <dt>{words(key)}</dt>
          <dd>
            <Value value={value} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** What the latest `kindred index` found: new photos, new people groups, unknown faces, problems. */
export default async function ReportPage() {
  const run = await loadLatestRun();
  if (!run) return <EmptyLibrary />;
  return (
    <>
      <h1>Last index run</h1>
      <p className="lede">
        {run.status === 'completed' ? 'Finished' : `Status: ${run.status}`} · started{' '}
        {dayTimeLabel(run.startedAt)}
        {run.finishedAt ? `, finished ${dayTimeLabel(run.finishedAt)}` : ''}
      </p>
      <section className="card">
        {run.report ? <Value value={run.report} /> : <p className="muted">No report was saved.</p>}
      </section>
    </>
  );
}
