// The agent's day: my open tickets, or my department's, with their SLA counting down.
import { api, query } from '../../api.js';
import * as directory from '../../directory.js';
import { h, heading, link } from '../../dom.js';
import { t } from '../../i18n.js';
import { session } from '../../session.js';
import { nearest, tick } from '../../sla.js';
import { OPEN, ticketTable } from '../../tickets.js';
import { refreshSession } from '../../app.js';

export default async function queue({ main, query: params }) {
    const scope = params.get('scope') === 'department' ? 'department' : 'mine';
    const user = session().user;
    const filter = scope === 'mine'
        ? { assigneeId: user.id, status: OPEN }
        : { departmentId: user.departmentId, status: OPEN };
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
            link('/queue?scope=department', t('queue.department'), { 'aria-current': scope === 'department' ? 'page' : null })),
        ticketTable(scope === 'mine' ? t('queue.mine') : t('queue.department'), tickets, { customers, users, captionShown: false }));
    return tick(main);
}
