// The improvements board (SPEC §6): corrective actions grouped by state and moved along PROPOSED → IN_PROGRESS →
// DONE → VERIFIED, verified with the affected customers' scores; and the open suggestions recurring tickets raised,
// each adopted as a new improvement or dismissed.
import { allPages, api, ApiError } from '../../api.js';
import * as directory from '../../directory.js';
import { field, h, heading, isStale, submitForm, table, toast, values } from '../../dom.js';
import { date, dateTime, label } from '../../format.js';
import { t } from '../../i18n.js';

const STATES = ['PROPOSED', 'IN_PROGRESS', 'DONE', 'VERIFIED'];
const ROOT_CAUSES = ['PROCESS_GAP', 'HUMAN_ERROR', 'PRODUCT_DEFECT', 'SUPPLIER', 'OTHER'];
/** The state an update moves each state on to; VERIFIED comes only from a verification. */
const NEXT = { PROPOSED: 'IN_PROGRESS', IN_PROGRESS: 'DONE' };

export default async function improvements({ main, navigate }) {
    const [items, suggestions, users, departments, types] = await Promise.all([
        allPages('/api/v1/improvements'),
        allPages('/api/v1/improvements/suggestions?state=OPEN'),
        directory.users(),
        directory.departments(),
        directory.ticketTypes(),
    ]);
    const reload = () => navigate('/improvements');
    const context = { users, departments, reload };
    const slot = h('div', { class: 'action-slot' });

    function open(form, opener) {
        form.close = () => {
            slot.replaceChildren();
            opener?.focus();
        };
        slot.replaceChildren(form);
        form.querySelector('input:not([type=hidden]), textarea, select')?.focus();
    }

    const board = h('div', { class: 'board', role: 'list', 'aria-label': t('improvements.board') },
        STATES.map(state => {
            const inState = items.filter(i => i.state === state);
            return h('section', { class: `board-column column-${state}`, role: 'listitem',
                'aria-labelledby': `column-${state}` },
            h('h2', { id: `column-${state}` }, label('improvementState', state), ' ',
                h('span', { class: 'badge' }, String(inState.length))),
            inState.length
                ? h('ul', { class: 'cards-list' }, inState.map(i => h('li', {}, card(i, context, open))))
                : h('p', { class: 'empty' }, t('improvements.emptyColumn')));
        }));

    main.append(
        heading(t('improvements.title'),
            h('button', { type: 'button', class: 'primary new-improvement',
                onclick: e => open(createForm(context), e.currentTarget) }, t('improvements.new')),
            h('button', { type: 'button', class: 'refresh', onclick: reload }, t('common.refresh'))),
        slot,
        board,
        h('section', { class: 'panel suggestions' },
            h('h2', {}, t('improvements.suggestions')),
            suggestionTable(suggestions, types, departments, context, open)));
}

function card(improvement, { users, departments, reload }, open) {
    const score = improvement.verifications.length
        ? t('improvements.score', { score: average(improvement.verifications), count: improvement.verifications.length })
        : null;
    const next = NEXT[improvement.state];
    return h('article', { class: 'card improvement', dataset: { improvement: improvement.id } },
        h('h3', {}, improvement.problem),
        h('p', {}, h('span', { class: 'badge' }, label('rootCause', improvement.rootCause))),
        h('p', { class: 'muted' }, improvement.measures),
        h('dl', { class: 'facts' },
            h('dt', {}, t('improvements.department')), h('dd', {}, departments[improvement.departmentId]?.name || improvement.departmentId),
            h('dt', {}, t('improvements.owner')), h('dd', {}, users[improvement.ownerId]?.name || ''),
            improvement.plannedDate ? [h('dt', {}, t('improvements.planned')), h('dd', {}, date(improvement.plannedDate))] : null,
            improvement.completedDate ? [h('dt', {}, t('improvements.completed')), h('dd', {}, date(improvement.completedDate))] : null,
            score ? [h('dt', {}, t('improvements.verification')), h('dd', {}, score)] : null),
        h('div', { class: 'row-actions' },
            next ? h('button', { type: 'button', class: 'move',
                onclick: () => move(improvement, next, reload) },
            t('improvements.moveTo', { state: label('improvementState', next) })) : null,
            improvement.state === 'DONE' || improvement.state === 'VERIFIED'
                ? h('button', { type: 'button', class: 'verify',
                    onclick: async e => {
                        const opener = e.currentTarget;
                        // The affected customers' names are only needed here: fetched when the form opens.
                        open(verifyForm(improvement, await directory.customers(improvement.customerIds), reload), opener);
                    } }, t('improvements.verify'))
                : null));
}

function average(verifications) {
    return (verifications.reduce((sum, v) => sum + v.score, 0) / verifications.length).toFixed(1);
}

async function move(improvement, state, reload) {
    try {
        await api.patch(`/api/v1/improvements/${improvement.id}`, { version: improvement.version, state });
        toast(t('improvements.moved', { state: label('improvementState', state) }));
    } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        toast(isStale(error) ? t('common.conflict') : error.message, 'error');
    }
    reload();
}

function options(map, sortBy = 'name') {
    return Object.values(map).filter(x => x.active !== false)
        .sort((a, b) => a[sortBy].localeCompare(b[sortBy])).map(x => [x.id, x.name]);
}

/** The form for a new improvement; from a suggestion it adopts the suggestion's tickets and customers. */
function createForm({ users, departments, reload }, suggestion, describe) {
    const form = h('form', { class: 'panel improvement-form', 'aria-labelledby': 'new-improvement', novalidate: true,
        onsubmit: submit },
    h('h2', { id: 'new-improvement' }, suggestion ? t('improvements.adoptTitle') : t('improvements.newTitle')),
    suggestion ? h('p', { class: 'notice' }, describe) : null,
    suggestion ? h('input', { type: 'hidden', name: 'suggestionId', value: suggestion.id }) : null,
    h('div', { class: 'form-grid' },
        field('problem', t('improvements.problem'), { kind: 'textarea', required: true }),
        field('measures', t('improvements.measures'), { kind: 'textarea', required: true }),
        field('rootCause', t('improvements.rootCause'), { kind: 'select', required: true, value: '',
            options: [['', t('improvements.choose')], ...ROOT_CAUSES.map(c => [c, label('rootCause', c)])] }),
        field('departmentId', t('improvements.department'), { kind: 'select', required: true,
            value: suggestion?.departmentId || '', options: [['', t('improvements.choose')], ...options(departments)] }),
        field('ownerId', t('improvements.owner'), { kind: 'select', required: true, value: '',
            options: [['', t('improvements.choose')], ...options(users)] }),
        field('plannedDate', t('improvements.planned'), { kind: 'date' }),
        field('notes', t('improvements.notes'), { kind: 'textarea' })),
    h('div', { class: 'actions' },
        h('button', { type: 'submit', class: 'primary' }, t('improvements.create')),
        h('button', { type: 'button', onclick: () => form.close() }, t('common.cancel'))));

    async function submit(event) {
        event.preventDefault();
        await submitForm(form, () => api.post('/api/v1/improvements', values(form)),
            { done: () => { toast(t('improvements.created')); reload(); } });
    }
    return form;
}

function verifyForm(improvement, customers, reload) {
    const titleId = `verify-${improvement.id}`;
    const form = h('form', { class: 'panel verify-form', 'aria-labelledby': titleId, novalidate: true, onsubmit: submit },
        h('h2', { id: titleId }, t('improvements.verifyTitle', { problem: improvement.problem })),
        h('div', { class: 'form-grid' },
            field('score', t('improvements.scoreField'), { kind: 'select', required: true, value: '',
                options: [['', t('improvements.choose')], ...[5, 4, 3, 2, 1].map(s => [s, t('improvements.scoreOption', { score: s })])] }),
            improvement.customerIds.length ? field('customerId', t('improvements.customer'), { kind: 'select', value: '',
                options: [['', t('improvements.anyCustomer')],
                    ...improvement.customerIds.map(id => [id, customers[id]?.name || id])] }) : null,
            field('note', t('improvements.note'), { kind: 'textarea' })),
        h('div', { class: 'actions' },
            h('button', { type: 'submit', class: 'primary' }, t('improvements.verify')),
            h('button', { type: 'button', onclick: () => form.close() }, t('common.cancel'))));

    async function submit(event) {
        event.preventDefault();
        const body = values(form);
        if (body.score) body.score = Number(body.score);
        await submitForm(form, () => api.post(`/api/v1/improvements/${improvement.id}/verify`, body),
            { done: () => { toast(t('improvements.verified')); reload(); } });
    }
    return form;
}

function suggestionTable(suggestions, types, departments, context, open) {
    const describe = s => t('improvements.suggestionText', { type: types[s.ticketType]?.name || s.ticketType, tag: s.tag,
        customers: s.customerIds.length, tickets: s.ticketIds.length });
    return table(t('improvements.suggestionsCaption'), [
        { label: t('improvements.suggestion.type'), cell: s => types[s.ticketType]?.name || s.ticketType },
        { label: t('improvements.suggestion.tag'), cell: s => s.tag },
        { label: t('improvements.suggestion.customers'), class: 'num', cell: s => String(s.customerIds.length) },
        { label: t('improvements.suggestion.tickets'), class: 'num', cell: s => String(s.ticketIds.length) },
        { label: t('improvements.department'), cell: s => departments[s.departmentId]?.name || s.departmentId },
        { label: t('improvements.suggestion.since'), cell: s => dateTime(s.suggestedAt) },
        { label: t('improvements.actions'), cell: s => h('div', { class: 'row-actions' },
            h('button', { type: 'button', class: 'adopt', 'aria-label': t('improvements.adoptOne', { tag: s.tag }),
                onclick: e => open(createForm(context, s, describe(s)), e.currentTarget) }, t('improvements.adopt')),
            h('button', { type: 'button', class: 'dismiss', 'aria-label': t('improvements.dismissOne', { tag: s.tag }),
                onclick: e => open(dismissForm(s, describe(s), context.reload), e.currentTarget) }, t('improvements.dismiss'))) },
    ], suggestions, { empty: t('improvements.noSuggestions'), captionShown: false });
}

function dismissForm(suggestion, describe, reload) {
    const titleId = `dismiss-${suggestion.id}`;
    const form = h('form', { class: 'panel dismiss-form', 'aria-labelledby': titleId, novalidate: true, onsubmit: submit },
        h('h2', { id: titleId }, t('improvements.dismissTitle')),
        h('p', { class: 'notice' }, describe),
        field('reason', t('improvements.reason'), { kind: 'textarea', required: true }),
        h('div', { class: 'actions' },
            h('button', { type: 'submit', class: 'primary' }, t('improvements.dismiss')),
            h('button', { type: 'button', onclick: () => form.close() }, t('common.cancel'))));

    async function submit(event) {
        event.preventDefault();
        await submitForm(form, () => api.post(`/api/v1/improvements/suggestions/${suggestion.id}/dismiss`, values(form)),
            { done: () => { toast(t('improvements.dismissed')); reload(); } });
    }
    return form;
}
