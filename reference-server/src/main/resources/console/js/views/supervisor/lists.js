// What the supervisor views share: whole lists behind cursor pages, and calendar days on the server's clock.
import { api } from '../../api.js';

/** Every item of a cursor-paged list (pages of 200). */
export async function pages(path) {
    const items = [];
    let cursor = null;
    do {
        const separator = path.includes('?') ? '&' : '?';
        const page = await api.get(`${path}${separator}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        items.push(...page.items);
        cursor = page.nextCursor;
    } while (cursor);
    return items;
}

/** The end of the browser's day that holds the instant at (ms), as an ISO instant. */
export function endOfToday(at) {
    const day = new Date(at);
    day.setHours(23, 59, 59, 999);
    return day.toISOString();
}

/** A day as YYYY-MM-DD in the browser's zone. */
export function isoDay(day) {
    const pad = n => String(n).padStart(2, '0');
    return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}
