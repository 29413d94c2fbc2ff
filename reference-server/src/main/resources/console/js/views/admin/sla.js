// SLA policy (targets per priority) and business calendars: shown readably, edited in forms.
import { api } from '../../api.js';
import { businessZone } from '../../days.js';
import { field, h, heading, showErrors, submitForm, table, toast } from '../../dom.js';
import { date, label } from '../../format.js';
import { t } from '../../i18n.js';

const PRIORITIES = ['P1', 'P2', 'P3', 'P4'];
const TARGETS = ['firstResponse', 'resolution', 'updateCadence'];
const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
const SHIFT = /^(\d{1,2}:\d{2})\s*[-–~]\s*(\d{1,2}:\d{2})$/;

/** An ISO-8601 duration in whole minutes, e.g. PT1H30M as 90. */
function minutesOf(iso) {
    const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?)?$/.exec(iso || '');
    return m ? Math.round((+(m[1] || 0) * 24 + +(m[2] || 0)) * 60 + +(m[3] || 0) + +(m[4] || 0) / 60) : NaN;
}

/** An ISO-8601 duration in hours for the form, e.g. PT1H30M as 1.5. */
const hours = iso => (Number.isNaN(minutesOf(iso)) ? '' : String(Math.round(minutesOf(iso) / 60 * 100) / 100));

// Times come as 09:00:00; a shift ending at 00:00 runs to midnight, which people write as 24:00.
const clock = (time, end = false) => (end && time.startsWith('00:00') ? '24:00' : time.slice(0, 5));
const shiftsText = (shifts, dash = '–') => (shifts || []).map(s => `${clock(s.start)}${dash}${clock(s.end, true)}`).join(', ');
const fromClock = time => (time === '24:00' ? '00:00' : time.padStart(5, '0'));

/** A working-time target in hours and minutes (never days: a working day is not 24 hours). */
function workingTime(iso) {
    const minutes = minutesOf(iso);
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    if (!h) return t('sla.duration.minutes', { m });
    return m ? t('sla.duration.hoursMinutes', { h, m }) : t('sla.duration.hours', { h });
}

export default async function sla({ main }) {
    const policyBox = h('section', { class: 'panel', 'aria-labelledby': 'sla-policy-title' });
    const calendarBox = h('section', { 'aria-labelledby': 'sla-calendars-title' });
    let policy;
    let calendars;

    async function load() {
        [policy, calendars] = await Promise.all([api.get('/api/v1/sla/policies'),
            api.get('/api/v1/sla/calendars').then(page => page.items)]);
    }

    const calendarName = id => calendars.find(c => c.id === id)?.name || id;

    function showPolicy() {
        policyBox.replaceChildren(
            h('div', { class: 'page-head' }, h('h2', { id: 'sla-policy-title' }, t('sla.policy')),
                h('button', { type: 'button', class: 'edit-policy', onclick: editPolicy }, t('sla.editPolicy'))),
            table(t('sla.policy'), [
                { label: t('sla.priority'), cell: p => h('span', { class: `badge badge-${p}` }, label('priority', p)) },
                ...TARGETS.map(target => ({ label: t(`sla.${target}`), class: 'num',
                    cell: p => workingTime(policy.targets[p][target]) })),
                { label: t('sla.calendar'), cell: p => calendarName(policy.targets[p].calendarId) },
            ], PRIORITIES, { captionShown: false, rowProps: p => ({ dataset: { priority: p } }) }),
            h('p', { class: 'muted' }, t('sla.policyNote')));
    }

    function editPolicy() {
        const calendarOptions = calendars.map(c => [c.id, c.name]);
        const form = h('form', { novalidate: true, class: 'policy-form' },
            h('h2', { id: 'sla-policy-title' }, t('sla.editPolicy')),
            h('p', { class: 'muted' }, t('sla.hoursHint')),
            PRIORITIES.map(p => h('fieldset', {}, h('legend', {}, label('priority', p)),
                h('div', { class: 'form-grid' },
                    TARGETS.map(target => field(`targets.${p}.${target}`, t(`sla.${target}Hours`), {
                        kind: 'number', min: '0', step: '0.25', inputmode: 'decimal', required: true,
                        value: hours(policy.targets[p][target]) })),
                    field(`targets.${p}.calendarId`, t('sla.calendar'), { kind: 'select', options: calendarOptions,
                        value: policy.targets[p].calendarId })))),
            h('div', { class: 'actions' },
                h('button', { type: 'submit', class: 'primary' }, t('common.save')),
                h('button', { type: 'button', onclick: showPolicy }, t('common.cancel'))));
        form.addEventListener('submit', event => {
            event.preventDefault();
            const targets = {};
            const wrong = [];
            for (const p of PRIORITIES) {
                targets[p] = { calendarId: form.elements[`targets.${p}.calendarId`].value };
                for (const target of TARGETS) {
                    const name = `targets.${p}.${target}`;
                    const text = form.elements[name].value.trim().replace(',', '.');
                    const value = Number(text);
                    if (text === '' || !Number.isFinite(value)) {
                        wrong.push({ field: name, message: t('sla.hoursInvalid') });
                    } else {
                        targets[p][target] = `PT${Math.round(value * 60)}M`;
                    }
                }
            }
            if (wrong.length) {
                showErrors(form, wrong);
                return;
            }
            submitForm(form, async () => {
                policy = await api.put('/api/v1/sla/policies', { targets });
            }, {
                done: () => {
                    showPolicy();
                    toast(t('sla.policySaved'));
                    policyBox.querySelector('.edit-policy').focus();
                },
            });
        });
        policyBox.replaceChildren(form);
        form.querySelector('input').focus();
    }

    function showCalendars() {
        calendarBox.replaceChildren(
            h('div', { class: 'page-head' }, h('h2', { id: 'sla-calendars-title' }, t('sla.calendars')),
                h('button', { type: 'button', class: 'new-calendar', onclick: () => editCalendar(null) }, t('sla.newCalendar'))),
            h('div', { class: 'grid' }, calendars.map(calendar => h('section', { class: 'panel calendar',
                dataset: { calendarId: calendar.id }, 'aria-label': calendar.name },
            h('div', { class: 'page-head' }, h('h3', {}, calendar.name),
                h('button', { type: 'button', class: 'edit-calendar', 'aria-label': t('sla.editCalendarOf', { name: calendar.name }),
                    onclick: () => editCalendar(calendar) }, t('sla.editCalendar'))),
            h('p', { class: 'muted' }, t('sla.calendarFacts', { id: calendar.id, zone: calendar.zone })),
            table(t('sla.weekOf', { name: calendar.name }), [
                { label: t('sla.day'), cell: day => t(`sla.day.${day}`) },
                { label: t('sla.hours'), cell: day => calendar.week[day]?.length ? shiftsText(calendar.week[day])
                    : h('span', { class: 'muted' }, t('sla.closed')) },
            ], DAYS, { captionShown: false }),
            h('h4', {}, t('sla.holidays')),
            calendar.holidays.length
                ? h('ul', { class: 'dates' }, [...calendar.holidays].sort().map(d => h('li', {}, h('time', { datetime: d }, date(d)))))
                : h('p', { class: 'empty' }, t('sla.noHolidays')),
            Object.keys(calendar.extraWorkingDays || {}).length ? [h('h4', {}, t('sla.extraDays')),
                h('ul', { class: 'dates' }, Object.entries(calendar.extraWorkingDays).sort().map(([d, shifts]) =>
                    h('li', {}, h('time', { datetime: d }, date(d)), ' ', shiftsText(shifts))))] : null))));
    }

    function editCalendar(calendar) {
        const creating = !calendar;
        // A new calendar starts in the business zone (the session's), the zone its working hours usually keep.
        const base = calendar || { id: '', name: '', zone: businessZone() || 'Asia/Shanghai', week: {}, holidays: [], extraWorkingDays: {} };
        const form = h('form', { novalidate: true, class: 'calendar-form' },
            h('h2', { id: 'sla-calendars-title' }, creating ? t('sla.newCalendar') : t('sla.editCalendarOf', { name: base.name })),
            h('div', { class: 'form-grid' },
                creating ? field('id', t('sla.calendarId'), { required: true, hint: t('sla.calendarIdHint') }) : null,
                field('name', t('sla.calendarName'), { required: true, value: base.name }),
                field('zone', t('sla.zone'), { required: true, value: base.zone, hint: t('sla.zoneHint') })),
            h('fieldset', {}, h('legend', {}, t('sla.week')), h('p', { class: 'field-hint' }, t('sla.shiftsHint')),
                h('div', { class: 'form-grid' }, DAYS.map(day => field(`week.${day}`, t(`sla.day.${day}`),
                    { value: shiftsText(base.week[day], '-') })))),
            field('holidays', t('sla.holidays'), { kind: 'textarea', value: [...base.holidays].sort().join('\n'),
                hint: t('sla.holidaysHint') }),
            h('div', { class: 'actions' },
                h('button', { type: 'submit', class: 'primary' }, t('common.save')),
                h('button', { type: 'button', onclick: showCalendars }, t('common.cancel'))));
        form.addEventListener('submit', event => {
            event.preventDefault();
            const wrong = [];
            const week = {};
            for (const day of DAYS) {
                const text = form.elements[`week.${day}`].value.trim();
                const parts = text ? text.split(/[,，;]/).map(s => s.trim()).filter(Boolean) : [];
                const shifts = parts.map(part => SHIFT.exec(part));
                if (shifts.some(s => !s)) wrong.push({ field: `week.${day}`, message: t('sla.shiftsInvalid') });
                else if (shifts.length) week[day] = shifts.map(s => ({ start: fromClock(s[1]), end: fromClock(s[2]) }));
            }
            if (wrong.length) {
                showErrors(form, wrong);
                return;
            }
            const item = {
                ...base,
                id: creating ? form.elements.id.value.trim() : base.id,
                name: form.elements.name.value.trim(),
                zone: form.elements.zone.value.trim(),
                week,
                holidays: form.elements.holidays.value.split(/[\s,，;]+/).map(s => s.trim()).filter(Boolean),
            };
            const items = creating ? [...calendars, item] : calendars.map(c => (c.id === base.id ? item : c));
            const index = items.indexOf(item);
            submitForm(form, async () => {
                calendars = (await api.put('/api/v1/sla/calendars', { items })).items;
            }, {
                done: () => {
                    showCalendars();
                    showPolicy();
                    toast(t('sla.calendarSaved', { name: item.name }));
                },
                // The server names calendars by their place in the list (items[2]. or calendars[2].).
                fieldsOf: error => error.fieldErrors.map(e => ({ ...e,
                    field: e.field.replace(new RegExp(`^(items|calendars)\\[${index}\\]\\.`), '') })),
            });
        });
        calendarBox.replaceChildren(h('section', { class: 'panel' }, form));
        form.querySelector('input').focus();
    }

    await load();
    showPolicy();
    showCalendars();
    main.append(heading(t('sla.title')), policyBox, calendarBox);
}
