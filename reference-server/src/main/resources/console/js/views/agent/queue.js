// The agent's day: my open tickets, my department's, or my customers' wherever they went, with their SLA counting down.
import { api, query } from '../../api.js';
import * as directory from '../../directory.js';
import { h, heading, link } from '../../dom.js';
import { t } from '../../i18n.js';
import { can, session } from '../../session.js';
import { nearest, tick } from '../../sla.js';
import { OPEN, ticketTable } from '../../tickets.js';
import { refreshSession } from '../../app.js';

export default async function queue({ main, query: params }) {
    const frontLine = can('ticket.read.front-line');
    const scope = ['department', 'customers'].includes(params.get('scope')) ? params.get('scope') : 'mine';
    const user = session().user;
    const filter = {
        mine: { assigneeId: user.id, status: OPEN },
        department: { departmentId: user.departmentId, status: OPEN },
        // The customers the front line serves: those it filed tickets for (issue 16).
        customers: { servedBy: 'me', status: OPEN },
    }[scope === 'customers' && !frontLine ? 'mine' : scope];
    const caption = { mine: t('queue.mine'), department: t('queue.department'), customers: t('queue.customers') }[scope];
    const [page, users] = await Promise.all([
        api.get(`/api/v1/tickets${query({ ...filter, limit: 200 })}`),
        directory.users(),
        refreshSession(),
    ]);
    const dueAt = tk => Date.parse(nearest(tk.sla)?.due || tk.sla.resolutionDue);
    const tickets = page.items.sort((a, b) => dueAt(a) - dueAt(b));
    const customers = await directory.customers(tickets.map(tk => tk.customerId));
    main.append(
        heading(t('queue.title'), link('/tickets/new', t('queue.newTicket'), { class: 'button primary' })),
        h('nav', { class: 'tabs', 'aria-label': t('queue.scope') },
            link('/queue', t('queue.mine'), { 'aria-current': scope === 'mine' ? 'page' : null }),
            link('/queue?scope=department', t('queue.department'), { 'aria-current': scope === 'department' ? 'page' : null }),
            frontLine ? link('/queue?scope=customers', t('queue.customers'), { 'aria-current': scope === 'customers' ? 'page' : null })
                : null),
        ticketTable(caption, tickets, { customers, users, captionShown: false }));
    return tick(main);
}
