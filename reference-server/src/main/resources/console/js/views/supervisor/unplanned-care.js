// What the last daily care planning could not plan, by kind and cause: how many customers, one of them to start from,
// and what an administrator can do about it. The server lists the causes of the last complete pass only, so an
// empty list means that pass planned every customer.
import { api } from '../../api.js';
import * as directory from '../../directory.js';
import { h, heading, link, table } from '../../dom.js';
import { currentLanguage, t } from '../../i18n.js';
import { dateTime, label } from '../../format.js';
import { can } from '../../session.js';

export default async function unplannedCare({ main, navigate }) {
    const causes = (await api.get('/api/v1/follow-ups/unplanned')).items;
    // Only the example customers are named, and only to those who may read customers.
    const customers = can('customer.read') ? await directory.customers(causes.map(c => c.exampleCustomerId)) : {};

    const rows = table(t('unplannedCare.caption'), [
        { label: t('unplannedCare.kind'), cell: c => label('followUpKind', c.kind) },
        { label: t('unplannedCare.cause'), cell: c => label('unplannedCause', c.cause) },
        { label: t('unplannedCare.customers'), class: 'number', cell: c => String(c.customers) },
        { label: t('unplannedCare.example'), cell: c => example(c, customers) },
        { label: t('unplannedCare.todo'), cell: c => t(`unplannedCare.todo.${c.cause}`, { kind: label('followUpKind', c.kind) }) },
        { label: t('unplannedCare.pass'), cell: c => t('unplannedCare.passOf', { day: day(c.plannedOn),
            at: dateTime(c.recordedAt) }) },
    ], causes, { empty: t('unplannedCare.none'),
        rowProps: c => ({ dataset: { kind: c.kind, cause: c.cause, customers: String(c.customers) } }) });

    main.append(heading(t('unplannedCare.title'),
        h('button', { type: 'button', class: 'refresh', onclick: () => navigate('/follow-ups/unplanned') },
            t('common.refresh'))),
    h('p', { class: 'muted' }, t('unplannedCare.intro')),
    h('section', { class: 'panel' }, rows));
}

function example(cause, customers) {
    const name = customers[cause.exampleCustomerId]?.name;
    if (!can('customer.read')) return h('code', {}, cause.exampleCustomerId);
    return link(`/customers/${cause.exampleCustomerId}`, name || t('unplannedCare.openCustomer'),
        { class: 'example-customer' });
}

/** A calendar day such as 2026-11-23, shown as that day wherever the browser is (it names no instant). */
function day(text) {
    const [y, m, d] = text.split('-').map(Number);
    return new Intl.DateTimeFormat(currentLanguage(), { dateStyle: 'medium' }).format(new Date(y, m - 1, d));
}
