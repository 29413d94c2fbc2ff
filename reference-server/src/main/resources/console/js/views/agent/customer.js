// Customer 360: the profile, contacts (masked), open and past tickets, and everything that happened, newest first.
import { api, query } from '../../api.js';
import { contactsTable } from '../../contacts.js';
import * as directory from '../../directory.js';
import { h, heading, link } from '../../dom.js';
import { date, dateTime, label } from '../../format.js';
import { t } from '../../i18n.js';
import { can } from '../../session.js';
import { tick } from '../../sla.js';
import { ticketTable } from '../../tickets.js';

export default async function customer({ main, params }) {
    const id = params.id;
    const [c, tickets, timeline, users] = await Promise.all([
        api.get(`/api/v1/customers/${id}`),
        api.get(`/api/v1/tickets${query({ customerId: id, limit: 50 })}`),
        api.get(`/api/v1/customers/${id}/timeline${query({ limit: 30 })}`),
        directory.users(),
    ]);
    const facts = [
        ['customer.code', c.code],
        ['customer.kind', label('kind', c.kind)],
        ['customer.industry', c.industry],
        ['customer.source', label('source', c.source)],
        ['customer.segment', label('segment', c.segment)],
        ['customer.maintenance', label('maintenance', c.maintenanceLevel)],
        ['customer.keyAccount', c.keyAccount ? t('common.yes') : t('common.no')],
        ['customer.accountManager', users[c.accountManagerId]?.name],
        ['customer.since', date(c.cooperationSince)],
        ['customer.contractEnd', date(c.contractEnd)],
        ['customer.tags', (c.tags || []).join(', ')],
    ].filter(([, value]) => value);
    main.append(
        heading(c.name, can('ticket.create') ? link(`/tickets/new?customerId=${id}`, t('customer.newTicket'), { class: 'button primary' }) : null),
        c.needsCompletion ? h('p', { class: 'notice' }, t('customer.needsCompletion')) : null,
        c.mergedInto ? h('p', { class: 'notice' }, t('customer.merged'), ' ', link(`/customers/${c.mergedInto}`, t('customer.openSurvivor'))) : null,
        h('div', { class: 'grid' },
            h('section', { class: 'panel', 'aria-labelledby': 'profile-h' }, h('h2', { id: 'profile-h' }, t('customer.profile')),
                h('dl', { class: 'facts' }, facts.map(([key, value]) => [h('dt', {}, t(key)), h('dd', {}, value)]))),
            h('section', { class: 'panel', 'aria-labelledby': 'contacts-h' }, h('h2', { id: 'contacts-h' }, t('customer.contacts')),
                contactsTable(c.contacts))),
        h('section', { class: 'panel', 'aria-labelledby': 'tickets-h' }, h('h2', { id: 'tickets-h' }, t('customer.tickets')),
            ticketTable(t('customer.tickets'), tickets.items, { customers: { [c.id]: c }, users, captionShown: false })),
        h('section', { class: 'panel', 'aria-labelledby': 'timeline-h' }, h('h2', { id: 'timeline-h' }, t('customer.timeline')),
            timeline.items.length
                ? h('ol', { class: 'timeline' }, timeline.items.map(entry => h('li', {},
                    h('time', { datetime: entry.at }, `${dateTime(entry.at)} · ${label('timeline', entry.kind)}`),
                    entry.kind === 'TICKET' ? link(`/tickets/${entry.refId}`, entry.summary) : entry.summary)))
                : h('p', { class: 'empty' }, t('common.empty'))));
    return tick(main);
}
