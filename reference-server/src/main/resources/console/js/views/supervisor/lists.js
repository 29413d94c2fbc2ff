// Calendar days for the supervisor views, in the browser's zone.

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
