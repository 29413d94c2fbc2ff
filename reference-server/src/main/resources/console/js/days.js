// Days and wall-clock times in the SDK's business zone (the session names it), wherever the browser is: "today", a
// month's days, the end of a day, and the instant a time typed into a form means. Before login, the browser's zone.
import { now, zone } from './session.js';

const pad = n => String(n).padStart(2, '0');

/** The business zone for Intl.DateTimeFormat's timeZone: undefined (the browser's) until the server has named one. */
export function businessZone() {
    return zone() || undefined;
}

/** The year, month, day, hour, minute and second the business zone's clocks show at the instant ms. */
function wallClock(ms) {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone: businessZone(), hourCycle: 'h23', year: 'numeric',
        month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }).formatToParts(new Date(ms));
    const part = type => Number(parts.find(p => p.type === type).value);
    return { y: part('year'), m: part('month'), d: part('day'), hh: part('hour'), mm: part('minute'), ss: part('second') };
}

/** How far the business zone's clocks are ahead of UTC at the instant ms, in milliseconds. */
function offsetAt(ms) {
    const w = wallClock(ms);
    const whole = ms - (((ms % 1000) + 1000) % 1000);
    return Date.UTC(w.y, w.m - 1, w.d, w.hh, w.mm, w.ss) - whole;
}

/** The day (YYYY-MM-DD) the instant ms falls on in the business zone. */
export function dayOf(ms) {
    const w = wallClock(ms);
    return `${w.y}-${pad(w.m)}-${pad(w.d)}`;
}

/** The business day it is now on the server's clock. */
export function today() {
    return dayOf(now());
}

/** The day n days after day (YYYY-MM-DD; n may be negative). */
export function addDays(day, n) {
    const [y, m, d] = day.split('-').map(Number);
    return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** The last day (YYYY-MM-DD) of month (YYYY-MM). */
export function lastDayOf(month) {
    const [y, m] = month.split('-').map(Number);
    return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** The month (YYYY-MM) n months after month. */
export function addMonths(month, n) {
    const [y, m] = month.split('-').map(Number);
    return new Date(Date.UTC(y, m - 1 + n, 1)).toISOString().slice(0, 7);
}

/**
 * The instant (ms) a wall-clock time of the business zone names: 'YYYY-MM-DDTHH:MM[:SS]' as a datetime-local field
 * gives it, or a day 'YYYY-MM-DD' for its start. The zone's offset is taken at a first guess and again at the
 * answer, which settles it next to a daylight-saving change too.
 */
export function instantOf(local) {
    const [day, time = '00:00'] = local.split('T');
    const [y, m, d] = day.split('-').map(Number);
    const [hh, mm, ss = 0] = time.split(':').map(Number);
    const asIfUtc = Date.UTC(y, m - 1, d, hh, mm, ss);
    const guess = asIfUtc - offsetAt(asIfUtc);
    return asIfUtc - offsetAt(guess);
}

/** The last millisecond of the business day that holds the instant ms, as an ISO instant. */
export function endOfDay(ms) {
    return new Date(instantOf(addDays(dayOf(ms), 1)) - 1).toISOString();
}
