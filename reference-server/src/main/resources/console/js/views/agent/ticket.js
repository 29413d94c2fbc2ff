// One ticket: its SLA, progress, exceptions, collaboration and attachments, and every next step as a small form.
import { api } from '../../api.js';
import { businessZone, instantOf } from '../../days.js';
import * as directory from '../../directory.js';
import { field, h, heading, isStale, link, showErrors, submitForm, table, toast, values } from '../../dom.js';
import { dateTime, label } from '../../format.js';
import { t } from '../../i18n.js';
import { can, session } from '../../session.js';
import { countdown, tick } from '../../sla.js';

const enumOptions = (kind, list, blank = false) => [...(blank ? [['', '']] : []), ...list.map(v => [v, label(kind, v)])];
const METHODS = ['PHONE', 'EMAIL', 'IN_PERSON', 'PORTAL'];
// Where progress may take a ticket (SDK's TicketLifecycle); a ticket still NEW is assigned first.
const NEXT = {
    ASSIGNED: ['IN_PROGRESS'],
    REOPENED: ['IN_PROGRESS'],
    IN_PROGRESS: ['WAITING_CUSTOMER', 'WAITING_INTERNAL'],
    WAITING_CUSTOMER: ['IN_PROGRESS', 'WAITING_INTERNAL'],
    WAITING_INTERNAL: ['IN_PROGRESS', 'WAITING_CUSTOMER'],
};
const RESOLVABLE = ['IN_PROGRESS', 'WAITING_CUSTOMER', 'WAITING_INTERNAL'];

export default async function ticketView({ main, params, navigate }) {
    const id = params.id;
    const [ticket, users, departments, types] = await Promise.all([
        api.get(`/api/v1/tickets/${id}`),
        directory.users(),
        directory.departments(),
        directory.ticketTypes(),
    ]);
    // The front line sees the customer-visible part of its customers' tickets elsewhere: no attachments, no steps.
    const full = ticket.view !== 'CUSTOMER_VISIBLE';
    const attachments = full ? await api.get(`/api/v1/tickets/${id}/attachments`) : { items: [] };
    const customers = await directory.customers([ticket.customerId]);
    const customer = customers[ticket.customerId];
    const me = session().user;
    const reload = () => navigate(`/tickets/${id}`);
    const who = userId => users[userId]?.name || userId || '';
    const open = ticket.status !== 'CLOSED';
    const works = open && full && can('ticket.work');

    /** A step the user may take: a disclosure with a form whose errors appear beside its fields. */
    function step(name, title, fields, submit, send) {
        const form = h('form', { novalidate: true, class: `step-${name}` }, fields,
            h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, submit)));
        form.addEventListener('submit', event => {
            event.preventDefault();
            submitForm(form, () => send(values(form)), { done: () => { toast(t('common.saved')); reload(); }, stale: reload });
        });
        return h('details', { class: 'panel step', dataset: { step: name } }, h('summary', {}, title), form);
    }

    const post = (path, body) => api.post(`/api/v1/tickets/${id}${path}`, { ...body, version: ticket.version });

    const quick = [];
    if (works && ticket.assigneeId !== me.id && ['NEW', 'ASSIGNED', 'REOPENED'].includes(ticket.status)
        && me.departmentId === ticket.departmentId) {
        quick.push(h('button', { type: 'button', class: 'primary', onclick: () => post('/assign', { assigneeId: me.id }).then(reload, fail) },
            t('ticket.takeIt')));
    }
    if (open && full && can('ticket.accept') && ticket.escalation !== 'FRONT_LINE' && ticket.ownerId !== me.id) {
        quick.push(h('button', { type: 'button', onclick: () => api.post(`/api/v1/tickets/${id}/accept`).then(reload, fail) },
            t('ticket.accept')));
    }
    function fail(error) {
        toast(isStale(error) ? t('common.conflict') : error.message, 'error');
        if (error.status === 409) reload();
    }

    const steps = [];
    if (works && NEXT[ticket.status]) {
        const mustMove = !RESOLVABLE.includes(ticket.status);
        const statuses = NEXT[ticket.status].map(s => [s, label('status', s)]);
        steps.push(step('progress', t('ticket.step.progress'), [
            field('action', t('ticket.action'), { kind: 'textarea', required: true }),
            h('div', { class: 'form-grid' },
                field('visibility', t('ticket.visibility'), { kind: 'select', options: enumOptions('visibility', ['CUSTOMER', 'INTERNAL']) }),
                field('status', t('ticket.statusAfter'), { kind: 'select',
                    options: mustMove ? statuses : [['', t('ticket.statusUnchanged')], ...statuses] }),
                field('nextUpdateAt', t('ticket.nextUpdateAt'), { kind: 'datetime-local', hint: zoneHint() })),
        ], t('ticket.step.progress.submit'), v => post('/progress', {
            ...v, nextUpdateAt: v.nextUpdateAt ? inBusinessZone(v.nextUpdateAt) : undefined })));
    }
    if (works && RESOLVABLE.includes(ticket.status)) {
        steps.push(step('resolve', t('ticket.step.resolve'), [
            field('solution', t('ticket.solution'), { kind: 'textarea', required: true }),
            field('communicatedVia', t('ticket.communicatedVia'), { kind: 'select', required: true, options: enumOptions('method', METHODS, true) }),
        ], t('ticket.step.resolve.submit'), v => post('/resolve', v)));
    }
    if (works && ticket.status !== 'RESOLVED') {
        steps.push(step('exception', t('ticket.step.exception'), [
            h('div', { class: 'form-grid' },
                field('kind', t('ticket.exceptionKind'), { kind: 'select', required: true,
                    options: enumOptions('exception', ['RESOURCE_CONFLICT', 'REQUIREMENT_CHANGE', 'EXTERNAL_BLOCKER'], true) }),
                field('newEta', t('ticket.newEta'), { kind: 'datetime-local', hint: zoneHint() })),
            field('description', t('ticket.exceptionDescription'), { kind: 'textarea', required: true }),
            field('customerInformed', t('ticket.customerInformed'), { required: true, hint: t('ticket.customerInformedHint') }),
        ], t('ticket.step.exception.submit'), v => post('/exceptions', {
            ...v, newEta: v.newEta ? inBusinessZone(v.newEta) : undefined })));
        steps.push(step('collaboration', t('ticket.step.collaboration'), [
            field('departmentId', t('ticket.department'), { kind: 'select', required: true,
                options: [['', ''], ...Object.values(departments).filter(d => d.id !== ticket.departmentId).map(d => [d.id, d.name])] }),
            field('request', t('ticket.request'), { kind: 'textarea', required: true }),
        ], t('ticket.step.collaboration.submit'), v => api.post(`/api/v1/tickets/${id}/collaborations`, v)));
        if (ticket.escalation !== 'MANAGEMENT') {
            steps.push(step('escalate', t('ticket.step.escalate'), [
                field('reason', t('ticket.reason'), { kind: 'textarea', required: true }),
            ], t('ticket.step.escalate.submit'), v => post('/escalate', v)));
        }
    }
    if (works && ticket.status === 'RESOLVED') {
        steps.push(step('confirmation', t('ticket.step.confirmation'), [
            h('div', { class: 'form-grid' },
                field('opinion', t('ticket.opinion'), { kind: 'select', required: true,
                    options: enumOptions('opinion', ['SATISFIED', 'NEEDS_ADJUSTMENT', 'UNSATISFIED'], true) }),
                field('method', t('ticket.confirmedVia'), { kind: 'select', required: true, options: enumOptions('method', METHODS, true) })),
            field('comment', t('ticket.comment'), { kind: 'textarea' }),
        ], t('ticket.step.confirmation.submit'), v => post('/confirmation', v)));
    }
    if (steps.length) steps[0].open = true;

    const slaRows = ['FIRST_RESPONSE', 'CUSTOMER_UPDATE', 'RESOLUTION'].map(target => ({ target, ...ticket.sla.deadlines[target],
        running: ticket.sla.running.includes(target), breached: ticket.sla.breached.includes(target) }));
    const facts = [
        ['ticket.customer', customer ? link(`/customers/${customer.id}`, customer.name) : ticket.customerId],
        ['ticket.type', types[ticket.type]?.name || ticket.type],
        ['ticket.channel', label('channel', ticket.channel)],
        ['ticket.department', departments[ticket.departmentId]?.name || ticket.departmentId],
        ['ticket.assignee', who(ticket.assigneeId) || t('tickets.unassigned')],
        ['ticket.escalation', label('escalation', ticket.escalation)],
        ['ticket.owner', who(ticket.ownerId)],
        ['ticket.urgentImportant', [ticket.urgent ? t('newTicket.urgent') : null, ticket.important ? t('newTicket.important') : null].filter(Boolean).join(', ') || t('common.none')],
        ['ticket.created', dateTime(ticket.createdAt)],
        ['ticket.intakeOwner', who(ticket.intakeOwner?.userId)],
        ['ticket.firstResponse', dateTime(ticket.firstRespondedAt)],
        ['ticket.tags', (ticket.tags || []).join(', ')],
    ].filter(([, value]) => value);

    main.append(
        heading(ticket.title ? `${ticket.number} · ${ticket.title}` : ticket.number, ...quick),
        h('p', {}, h('span', { class: `badge badge-${ticket.priority}` }, label('priority', ticket.priority)), ' ',
            h('span', { class: 'badge status' }, label('status', ticket.status)), ' ', countdown(ticket.sla)),
        full ? null : h('p', { class: 'notice', role: 'note' }, t('ticket.customerVisibleOnly')),
        h('div', { class: 'grid' },
            h('section', { class: 'panel' }, h('h2', {}, t('ticket.details')),
                h('dl', { class: 'facts' }, facts.map(([key, value]) => [h('dt', {}, t(key)), h('dd', {}, value)])),
                h('h3', {}, t('ticket.description')), h('p', { class: 'description' }, ticket.description)),
            h('section', { class: 'panel' }, h('h2', {}, t('ticket.sla')),
                table(t('ticket.sla'), [
                    { label: t('ticket.target'), cell: r => label('target', r.target) },
                    { label: t('ticket.due'), cell: r => dateTime(r.due) },
                    { label: t('ticket.slaState'), cell: r => r.breached ? h('span', { class: 'sla sla-breach' }, t('common.sla.breached'))
                        : r.running ? t('ticket.running') : t('ticket.met') },
                ], slaRows, { captionShown: false }))),
        ticket.resolution ? h('section', { class: 'panel' }, h('h2', {}, t('ticket.resolution')),
            h('p', {}, ticket.resolution.solution), h('p', { class: 'muted' },
                `${label('method', ticket.resolution.communicatedVia)} · ${who(ticket.resolution.resolvedBy)} · ${dateTime(ticket.resolution.at)}`)) : null,
        ...steps,
        h('section', { class: 'panel' }, h('h2', {}, t('ticket.progress')),
            ticket.progress.length ? h('ol', { class: 'timeline' }, [...ticket.progress].reverse().map(p => h('li', {},
                h('time', { datetime: p.at }, `${dateTime(p.at)} · ${who(p.authorId)} · ${label('visibility', p.visibility)}${p.statusAfter ? ` · ${label('status', p.statusAfter)}` : ''}`),
                p.action))) : h('p', { class: 'empty' }, t('ticket.noProgress'))),
        ticket.exceptions.length ? h('section', { class: 'panel' }, h('h2', {}, t('ticket.exceptions')),
            table(t('ticket.exceptions'), [
                { label: t('ticket.exceptionKind'), cell: e => label('exception', e.kind) },
                { label: t('ticket.exceptionDescription'), cell: e => e.description },
                { label: t('ticket.customerInformed'), cell: e => e.customerInformed },
                { label: t('ticket.newEta'), cell: e => dateTime(e.newEta) },
            ], ticket.exceptions, { captionShown: false })) : null,
        ticket.collaborators.length ? h('section', { class: 'panel' }, h('h2', {}, t('ticket.collaboration')),
            table(t('ticket.collaboration'), [
                { label: t('ticket.department'), cell: c => departments[c.departmentId]?.name || c.departmentId },
                { label: t('ticket.request'), cell: c => c.request },
                { label: t('ticket.requestedAt'), cell: c => dateTime(c.at) },
            ], ticket.collaborators, { captionShown: false })) : null,
        ticket.confirmations.length ? h('section', { class: 'panel' }, h('h2', {}, t('ticket.confirmations')),
            table(t('ticket.confirmations'), [
                { label: t('ticket.opinion'), cell: c => label('opinion', c.opinion) },
                { label: t('ticket.confirmedVia'), cell: c => label('method', c.method) },
                { label: t('ticket.comment'), cell: c => c.comment || '' },
                { label: t('ticket.when'), cell: c => dateTime(c.at) },
            ], ticket.confirmations, { captionShown: false })) : null,
        full ? attachmentsPanel(id, attachments.items, works, reload) : null);
    return tick(main);
}

function attachmentsPanel(ticketId, items, canUpload, reload) {
    const download = async (a) => {
        let blob;
        try {
            blob = await api.blob(`/api/v1/tickets/${ticketId}/attachments/${a.id}`);
        } catch (error) {
            toast(t('ticket.downloadFailed'), 'error');
            return;
        }
        const url = URL.createObjectURL(blob);
        const anchor = h('a', { href: url, download: a.filename });
        document.body.append(anchor);
        anchor.click();
        anchor.remove();
        setTimeout(() => URL.revokeObjectURL(url), 10000);
    };
    const upload = field('file', t('ticket.attachFile'), { kind: 'file' });
    const form = h('form', { class: 'upload' }, upload, h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('ticket.upload'))));
    form.addEventListener('submit', event => {
        event.preventDefault();
        const file = form.querySelector('input[type=file]').files[0];
        if (!file) {
            showErrors(form, [{ field: 'file', message: t('ticket.chooseFile') }]);
            return;
        }
        submitForm(form, () => api.upload(`/api/v1/tickets/${ticketId}/attachments`, file), { done: reload });
    });
    return h('section', { class: 'panel' }, h('h2', {}, t('ticket.attachments')),
        table(t('ticket.attachments'), [
            { label: t('ticket.filename'), cell: a => h('button', { type: 'button', class: 'link-like', onclick: () => download(a) }, a.filename) },
            { label: t('ticket.size'), cell: a => `${Math.ceil(a.size / 1024)} KB`, class: 'num' },
        ], items, { empty: t('ticket.noAttachments'), captionShown: false }),
        canUpload ? form : null);
}

/** A datetime-local field's time, which the agent reads as the business zone's (as every time shows), as an instant. */
function inBusinessZone(local) {
    return new Date(instantOf(local)).toISOString();
}

function zoneHint() {
    return t('ticket.zoneHint', { zone: businessZone() || Intl.DateTimeFormat().resolvedOptions().timeZone });
}
