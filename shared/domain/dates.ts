/** en-GB, Europe/London: how every date and time is shown, whatever the laptop's own settings. */
const TIME_ZONE = 'Europe/London';

const dateFmt = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, day: 'numeric', month: 'long', year: 'numeric' });
const shortDateFmt = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric' });
const dateTimeFmt = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const dayFmt = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** `2026-11-23T14:05:00Z` -> "23 November 2026 at 14:05". */
export function formatDateTime(instant: Date | string): string {
  return dateTimeFmt.format(typeof instant === 'string' ? new Date(instant) : instant);
}

/** `2026-11-23` (a calendar day) -> "23 November 2026". */
export function formatDay(day: string): string {
  return dateFmt.format(new Date(`${day}T12:00:00Z`));
}

/** `2026-11-23` -> "23/11/2026". */
export function formatDayShort(day: string): string {
  return shortDateFmt.format(new Date(`${day}T12:00:00Z`));
}

/** The calendar day in London at an instant, `YYYY-MM-DD`. */
export function londonDay(instant: Date = new Date()): string {
  return dayFmt.format(instant);
}

