// Follow-ups to make: the own ones for agents, the department's for supervisors, all for admins (the server decides).
// Filtered by state and due day; each open one can be completed with its outcome or skipped with a reason.
import { api, query } from '../../api.js';
import { addDays, instantOf } from '../../days.js';
import * as directory from '../../directory.js';
import { field, h, heading, link, submitForm, table, toast, values } from '../../dom.js';
import { dateTime, label } from '../../format.js';
import { t } from '../../i18n.js';
import { canAny } from '../../session.js';

const STATES = ['PENDING', 'OVERDUE', 'DONE', 'SKIPPED'];
const OPEN_STATES = 'PENDING,OVERDUE';
const ALL = 'ALL';

export default async function followUps({ main, query: params, navigate }) {
    const state = params.get('state') || OPEN_STATES;
    const dueBy = params.get('dueBy') || '';
    const here = `/follow-ups${query({ state, dueBy })}`;
    // "Due by" a day includes that whole day: the list asks for those due before the start of the next one.
    const dueBefore = dueBy ? nextDayStart(dueBy) : '';
    const [page, users] = await Promise.all([
        api.get(`/api/v1/follow-ups${query({ state: state === ALL ? '' : state, dueBefore, limit: 200 })}`),
        directory.users(),
    ]);
    const items = page.items.sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
    const customers = await directory.customers(items.map(f => f.customerId));
    const panel = h('div', { class: 'action-slot' });

    const filters = h('form', { class: 'toolbar', 'aria-label': t('followUps.filters'), onsubmit: event => {
        event.preventDefault();
        const chosen = values(event.currentTarget);
        navigate(`/follow-ups${query({ state: chosen.state, dueBy: chosen.dueBy })}`);
    } },
    field('state', t('followUps.state'), { kind: 'select', value: state, options: [
        [OPEN_STATES, t('followUps.state.open')], ...STATES.map(s => [s, label('followUpState', s)]),
        [ALL, t('followUps.state.all')]] }),
    field('dueBy', t('followUps.dueBy'), { kind: 'date', value: dueBy }),
    h('button', { type: 'submit' }, t('followUps.apply')));

    function open(form, opener) {
        panel.replaceChildren(form);
        form.querySelector('input, textarea, select')?.focus();
        form.close = () => {
            panel.replaceChildren();
            opener.focus();
        };
    }

    const rows = table(t('followUps.caption'), [
        { label: t('followUps.due'), cell: f => dateTime(f.dueAt) },
        { label: t('followUps.customer'), cell: f => link(`/customers/${f.customerId}`,
            customers[f.customerId]?.name || t('followUps.openCustomer')) },
        { label: t('followUps.ticket'), cell: f => f.ticketId ? link(`/tickets/${f.ticketId}`, t('followUps.openTicket')) : '' },
        { label: t('followUps.kind'), cell: f => label('followUpKind', f.kind) },
        { label: t('followUps.purpose'), cell: f => f.purpose },
        { label: t('followUps.owner'), cell: f => users[f.ownerId]?.name || '' },
        { label: t('followUps.stateColumn'), cell: f => h('span', { class: `badge follow-up-${f.state}` },
            label('followUpState', f.state)) },
        { label: t('followUps.result'), cell: f => f.outcome || f.skipReason || '' },
        { label: t('followUps.actions'), cell: f => f.state === 'PENDING' || f.state === 'OVERDUE'
            ? h('div', { class: 'row-actions' },
                h('button', { type: 'button', class: 'complete', dataset: { followUp: f.id },
                    'aria-label': t('followUps.completeOne', { customer: customers[f.customerId]?.name || '' }),
                    onclick: e => open(completeForm(f, () => navigate(here)), e.currentTarget) }, t('followUps.complete')),
                h('button', { type: 'button', class: 'skip', dataset: { followUp: f.id },
                    'aria-label': t('followUps.skipOne', { customer: customers[f.customerId]?.name || '' }),
                    onclick: e => open(skipForm(f, () => navigate(here)), e.currentTarget) }, t('followUps.skip')))
            : '' },
    ], items, { empty: t('followUps.none') });

    main.append(heading(t('followUps.title'),
        canAny('follow-up.work.all', 'user.admin')
            ? link('/follow-ups/unplanned', t('followUps.unplanned'), { class: 'button unplanned-care' }) : null,
        h('button', { type: 'button', class: 'refresh', onclick: () => navigate(here) }, t('common.refresh'))),
    filters, panel, h('section', { class: 'panel' }, rows,
        page.nextCursor ? h('p', { class: 'muted' }, t('followUps.narrow')) : null));
}

/** The start of the business day after day (YYYY-MM-DD), as an ISO instant. */
function nextDayStart(day) {
    return new Date(instantOf(addDays(day, 1))).toISOString();
}

function completeForm(followUp, reload) {
    return actionForm(followUp, 'complete', t('followUps.completeTitle', { purpose: followUp.purpose }), [
        field('outcome', t('followUps.outcome'), { kind: 'textarea', required: true }),
        field('note', t('followUps.note'), { kind: 'textarea' }),
    ], t('followUps.completed'), reload);
}

function skipForm(followUp, reload) {
    return actionForm(followUp, 'skip', t('followUps.skipTitle', { purpose: followUp.purpose }), [
        field('reason', t('followUps.reason'), { kind: 'textarea', required: true }),
    ], t('followUps.skipped'), reload);
}

/** A form that completes or skips one follow-up; the server's field errors appear beside the fields. */
function actionForm(followUp, action, title, fields, done, reload) {
    const titleId = `${action}-${followUp.id}`;
    const form = h('form', { class: `panel follow-up-${action}`, 'aria-labelledby': titleId, novalidate: true,
        onsubmit: submit },
    h('h2', { id: titleId }, title),
    h('div', { class: 'form-grid' }, fields),
    h('div', { class: 'actions' },
        h('button', { type: 'submit', class: 'primary' }, t(`followUps.${action}`)),
        h('button', { type: 'button', onclick: () => form.close() }, t('common.cancel'))));

    async function submit(event) {
        event.preventDefault();
        await submitForm(form,
            () => api.post(`/api/v1/follow-ups/${followUp.id}/${action}`, { ...values(form), version: followUp.version }),
            { done: () => { toast(done); reload(); } });
    }
    return form;
}
