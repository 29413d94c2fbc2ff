// Ticket lists as the queues and the monitor board show them.
import { h, link, table } from './dom.js';
import { label } from './format.js';
import { t } from './i18n.js';
import { countdown } from './sla.js';

/** The statuses of tickets still being worked on. */
export const OPEN = 'NEW,ASSIGNED,IN_PROGRESS,WAITING_CUSTOMER,WAITING_INTERNAL,REOPENED,RESOLVED';

/** Ticket rows: number, title, customer, priority, status, assignee, SLA; extra columns after. */
export function ticketTable(caption, tickets, { customers = {}, users = {}, extra = [], captionShown = true } = {}) {
    return table(caption, [
        { label: t('tickets.number'), cell: tk => link(`/tickets/${tk.id}`, tk.number) },
        { label: t('tickets.title'), cell: tk => tk.title || tk.description.slice(0, 60) },
        { label: t('tickets.customer'), cell: tk => customers[tk.customerId]?.name || '' },
        { label: t('tickets.priority'), cell: tk => h('span', { class: `badge badge-${tk.priority}` }, label('priority', tk.priority)) },
        { label: t('tickets.status'), cell: tk => label('status', tk.status) },
        { label: t('tickets.assignee'), cell: tk => users[tk.assigneeId]?.name || t('tickets.unassigned') },
        { label: t('tickets.sla'), cell: tk => countdown(tk.sla) },
        ...extra,
    ], tickets, { empty: t('tickets.none'), captionShown });
}
