/** Dates as the family reads them. takenAt is camera local time without a zone: format it as-is (UTC). */
const MONTH = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const DAY = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const DAY_TIME = new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeStyle: 'short', timeZone: 'UTC' });

function parse(takenAt: string | null | undefined): Date | null {
  if (!takenAt) return null;
  const date = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(takenAt) ? takenAt : `${takenAt}Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "May 2009", or "Date unknown". Used to group photos. */
export function monthLabel(takenAt: string | null | undefined): string {
  const date = parse(takenAt);
  return date ? MONTH.format(date) : 'Date unknown';
}

export function dayLabel(takenAt: string | null | undefined): string {
  const date = parse(takenAt);
  return date ? DAY.format(date) : 'date unknown';
}

export function dayTimeLabel(takenAt: string | null | undefined): string {
  const date = parse(takenAt);
  return date ? DAY_TIME.format(date) : 'Date unknown';
}
