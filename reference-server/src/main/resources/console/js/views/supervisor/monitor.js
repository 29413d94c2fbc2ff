// The supervisor's monitor board: tickets at risk, overdue and escalated, with reassignment in place, and the
// follow-ups due today. The server decides which tickets and follow-ups the supervisor may see.
import { allPages, api, ApiError, query } from '../../api.js';
import { endOfDay } from '../../days.js';
import * as directory from '../../directory.js';
import { field, h, heading, link, showErrors, table, toast, values } from '../../dom.js';
import { dateTime, label } from '../../format.js';
import { t } from '../../i18n.js';
import { now } from '../../session.js';
import { nearest, tick } from '../../sla.js';
import { OPEN, ticketTable } from '../../tickets.js';

export default async function monitor({ main, query: params, navigate }) {
    const departmentId = params.get('departmentId') || '';
    const scope = { departmentId, limit: 200 };
    const [atRisk, overdue, open, followUps, users, departments] = await Promise.all([
        api.get(`/api/v1/tickets${query({ ...scope, atRisk: true })}`),
        api.get(`/api/v1/tickets${query({ ...scope, overdue: true })}`),
        allPages(`/api/v1/tickets${query({ departmentId, status: OPEN })}`),
        allPages(`/api/v1/follow-ups${query({ state: 'PENDING,OVERDUE', dueBefore: endOfDay(now()) })}`),
        directory.users(),
        directory.departments(),
    ]);
    const dueAt = tk => Date.parse(nearest(tk.sla)?.due || tk.sla?.resolutionDue || tk.createdAt);
    const bySla = list => list.sort((a, b) => dueAt(a) - dueAt(b));
    const escalated = bySla(open.filter(tk => tk.escalation && tk.escalation !== 'FRONT_LINE'));
    const tickets = [...atRisk.items, ...overdue.items, ...escalated];
    const customers = await directory.customers([...tickets, ...followUps].map(x => x.customerId));

    const reload = () => navigate(`/monitor${query({ departmentId })}`);
    const panel = h('div', { class: 'reassign-slot' });
    const reassignColumn = {
        label: t('monitor.actions'),
        cell: tk => h('button', {
            type: 'button', class: 'reassign', dataset: { ticket: tk.id },
            'aria-label': t('monitor.reassignTicket', { number: tk.number }),
            onclick: event => openReassign(tk, event.currentTarget),
        }, t('monitor.reassign')),
    };

    function openReassign(ticket, opener) {
        panel.replaceChildren(reassignForm(ticket, { users, departments, reload, opener, close: () => {
            panel.replaceChildren();
            opener.focus();
        } }));
        panel.querySelector('select')?.focus();
    }

    const filter = h('form', { class: 'toolbar', onsubmit: event => {
        event.preventDefault();
        navigate(`/monitor${query(values(event.currentTarget))}`);
    } },
    field('departmentId', t('monitor.department'), { kind: 'select', value: departmentId,
        options: [['', t('monitor.allDepartments')], ...departmentOptions(departments)] }),
    h('button', { type: 'submit' }, t('monitor.show')));

    main.append(
        heading(t('monitor.title'), h('button', { type: 'button', class: 'refresh', onclick: reload }, t('common.refresh'))),
        filter,
        panel,
        section(t('monitor.overdue'), tableOr(t('monitor.noneOverdue'), bySla(overdue.items), list =>
            ticketTable(t('monitor.overdue'), list, { customers, users, extra: [reassignColumn], captionShown: false })), 'overdue'),
        section(t('monitor.atRisk'), tableOr(t('monitor.noneAtRisk'), bySla(atRisk.items), list =>
            ticketTable(t('monitor.atRisk'), list, { customers, users, extra: [reassignColumn], captionShown: false })), 'at-risk'),
        section(t('monitor.escalations'), tableOr(t('monitor.noneEscalated'), escalated, list => ticketTable(t('monitor.escalations'), list, {
            customers, users, captionShown: false, extra: [
                { label: t('monitor.escalation'), cell: tk => h('span', { class: `badge escalation-${tk.escalation}` },
                    label('escalation', tk.escalation)) },
                reassignColumn,
            ],
        })), 'escalations'),
        section(t('monitor.followUpsToday'), [followUpTable(followUps, customers, users),
            h('p', {}, link('/follow-ups', t('monitor.followUp.all')))], 'follow-ups'));
    return tick(main);
}

/** The table of a non-empty list, else a sentence saying the list is empty. */
function tableOr(empty, list, draw) {
    return list.length ? draw(list) : h('p', { class: 'empty' }, empty);
}

function section(title, content, name) {
    return h('section', { class: `panel monitor-${name}` }, h('h2', {}, title), content);
}

function departmentOptions(departments) {
    return Object.values(departments).sort((a, b) => a.name.localeCompare(b.name)).map(d => [d.id, d.name]);
}

/** The form that sends a ticket to another department and/or person; people are offered by department. */
function reassignForm(ticket, { users, departments, reload, close }) {
    const people = departmentId => Object.values(users)
        .filter(u => u.active !== false && (!departmentId || u.departmentId === departmentId))
        .sort((a, b) => a.name.localeCompare(b.name))
        .map(u => [u.id, u.name]);
    const assigneeOptions = departmentId => [['', t('monitor.keepUnassigned')], ...people(departmentId)];
    const department = field('departmentId', t('monitor.newDepartment'), { kind: 'select', value: ticket.departmentId,
        options: departmentOptions(departments) });
    const assignee = field('assigneeId', t('monitor.newAssignee'), { kind: 'select',
        value: ticket.assigneeId || '', options: assigneeOptions(ticket.departmentId) });
    department.querySelector('select').addEventListener('change', event => {
        const select = assignee.querySelector('select');
        select.replaceChildren(...assigneeOptions(event.target.value).map(([v, l]) => h('option', { value: v }, l)));
    });
    const form = h('form', { class: 'panel reassign-form', 'aria-labelledby': `reassign-${ticket.id}`, onsubmit: submit },
        h('h2', { id: `reassign-${ticket.id}` }, t('monitor.reassignTitle', { number: ticket.number })),
        h('div', { class: 'form-grid' }, department, assignee),
        h('div', { class: 'actions' },
            h('button', { type: 'submit', class: 'primary' }, t('monitor.reassignSubmit')),
            h('button', { type: 'button', onclick: close }, t('common.cancel'))));

    async function submit(event) {
        event.preventDefault();
        const chosen = values(form);
        const body = { version: ticket.version };
        if (chosen.departmentId && chosen.departmentId !== ticket.departmentId) body.departmentId = chosen.departmentId;
        if (chosen.assigneeId) body.assigneeId = chosen.assigneeId;
        if (!body.departmentId && !body.assigneeId) {
            showErrors(form, [{ field: 'assigneeId', message: t('monitor.chooseSomething') }]);
            return;
        }
        try {
            const changed = await api.post(`/api/v1/tickets/${ticket.id}/assign`, body);
            toast(t('monitor.reassigned', { number: changed.number,
                name: users[changed.assigneeId]?.name || departments[changed.departmentId]?.name || '' }));
            reload();
        } catch (error) {
            if (error instanceof ApiError && error.status === 409) {
                toast(t('common.conflict'), 'error');
                reload();
            } else if (error instanceof ApiError) {
                showErrors(form, error.fieldErrors, error.message);
            } else {
                throw error;
            }
        }
    }
    return form;
}

function followUpTable(followUps, customers, users) {
    const sorted = [...followUps].sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
    return table(t('monitor.followUpsToday'), [
        { label: t('monitor.followUp.due'), cell: f => dateTime(f.dueAt) },
        { label: t('monitor.followUp.customer'), cell: f => link(`/customers/${f.customerId}`,
            customers[f.customerId]?.name || t('monitor.followUp.openCustomer')) },
        { label: t('monitor.followUp.kind'), cell: f => label('followUpKind', f.kind) },
        { label: t('monitor.followUp.purpose'), cell: f => f.purpose },
        { label: t('monitor.followUp.owner'), cell: f => users[f.ownerId]?.name || '' },
        { label: t('monitor.followUp.state'), cell: f => h('span', { class: `badge follow-up-${f.state}` },
            label('followUpState', f.state)) },
    ], sorted, { empty: t('monitor.followUp.none'), captionShown: false });
}
