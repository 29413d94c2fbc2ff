// Dates, times, durations and enum values in the console's language; times in the SDK's business zone.
import { businessZone } from './days.js';
import { currentLanguage, has, t } from './i18n.js';

const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** An instant as the business zone's clocks show it, wherever the browser is. */
export function dateTime(iso) {
    if (!iso) return '';
    return new Intl.DateTimeFormat(currentLanguage(), { dateStyle: 'medium', timeStyle: 'short', timeZone: businessZone() })
        .format(new Date(iso));
}

/** A calendar day (YYYY-MM-DD) as that very day; an instant as its day in the business zone. */
export function date(text) {
    if (!text) return '';
    if (CALENDAR_DAY.test(text)) {
        // A day names no instant: shown through UTC, where it starts at midnight, it is that day everywhere.
        const [y, m, d] = text.split('-').map(Number);
        return new Intl.DateTimeFormat(currentLanguage(), { dateStyle: 'medium', timeZone: 'UTC' })
            .format(new Date(Date.UTC(y, m - 1, d)));
    }
    return new Intl.DateTimeFormat(currentLanguage(), { dateStyle: 'medium', timeZone: businessZone() })
        .format(new Date(text));
}

/** A span of milliseconds as "2 d 3 h", "3 h 20 min" or "12 min". */
export function span(ms) {
    const minutes = Math.floor(Math.abs(ms) / 60000);
    const days = Math.floor(minutes / 1440);
    const hours = Math.floor((minutes % 1440) / 60);
    const mins = minutes % 60;
    if (days > 0) return t('common.span.days', { d: days, h: hours });
    if (hours > 0) return t('common.span.hours', { h: hours, m: mins });
    return t('common.span.minutes', { m: mins });
}

/** The text of an enum value, e.g. label('status', 'IN_PROGRESS'); the value itself when no text exists. */
export function label(kind, value) {
    if (value === undefined || value === null || value === '') return '';
    const key = `enum.${kind}.${value}`;
    return has(key) ? t(key) : String(value);
}

export function percent(rate) {
    return rate === null || rate === undefined ? '–' : `${(rate * 100).toFixed(1)} %`;
}

/** An ISO-8601 duration such as PT25M or P1DT2H as "1 d 2 h". */
export function isoDuration(text) {
    if (!text) return '–';
    const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?)?$/.exec(text);
    if (!m) return text;
    const ms = ((+(m[1] || 0) * 24 + +(m[2] || 0)) * 60 + +(m[3] || 0)) * 60000 + +(m[4] || 0) * 1000;
    return ms < 60000 ? t('common.span.seconds', { s: Math.round(ms / 1000) }) : span(ms);
}
