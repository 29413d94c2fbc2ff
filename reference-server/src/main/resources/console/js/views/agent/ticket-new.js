// A new ticket for a customer: type, description, and urgent/important, from which the server derives the priority.
import { api, query } from '../../api.js';
import * as directory from '../../directory.js';
import { field, h, heading, submitForm, values } from '../../dom.js';
import { label } from '../../format.js';
import { t } from '../../i18n.js';

const CHANNELS = ['PHONE', 'EMAIL', 'WEB', 'CHAT', 'WALK_IN', 'PORTAL', 'OTHER'];
const PRIORITIES = ['P1', 'P2', 'P3', 'P4'];

export default async function newTicket({ main, query: params, navigate }) {
    const types = await directory.ticketTypes();
    let customer = params.get('customerId') ? await api.get(`/api/v1/customers/${params.get('customerId')}`) : null;
    const picked = h('div', { class: 'picked', 'aria-live': 'polite' });
    const picker = field('customerQuery', t('newTicket.findCustomer'), { kind: 'search', autocomplete: 'off' });
    const matches = h('ul', { class: 'results' });
    const contactSlot = h('div');
    const form = h('form', { novalidate: true },
        h('div', { dataset: { field: 'customerId' }, class: 'field' }, picked, h('span', { class: 'field-error' })),
        picker, matches,
        h('div', { class: 'form-grid' },
            contactSlot,
            field('type', t('newTicket.type'), { kind: 'select', required: true,
                options: [['', ''], ...Object.values(types).map(tp => [tp.code, tp.name])] }),
            field('channel', t('newTicket.channel'), { kind: 'select', options: CHANNELS.map(c => [c, label('channel', c)]) }),
            field('priority', t('newTicket.priority'), { kind: 'select', hint: t('newTicket.priorityHint'),
                options: [['', t('newTicket.priorityAuto')], ...PRIORITIES.map(p => [p, label('priority', p)])] })),
        field('title', t('newTicket.title')),
        field('description', t('newTicket.description'), { kind: 'textarea', required: true }),
        h('fieldset', {}, h('legend', {}, t('newTicket.classification')),
            field('urgent', t('newTicket.urgent'), { kind: 'checkbox' }),
            field('important', t('newTicket.important'), { kind: 'checkbox' })),
        h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t('newTicket.open'))));

    function choose(c) {
        customer = c;
        picked.replaceChildren(c ? h('p', {}, t('newTicket.customer'), ': ', h('strong', {}, c.name), ` (${c.code})`) : '');
        picker.hidden = !!c;
        matches.replaceChildren();
        contactSlot.replaceChildren(c && c.contacts.length ? field('contactId', t('newTicket.contact'), { kind: 'select',
            options: [['', ''], ...c.contacts.map(ct => [ct.id, ct.name])] }) : '');
        if (c) form.querySelector('[name=type]').focus();
    }

    let timer;
    picker.querySelector('input').addEventListener('input', event => {
        clearTimeout(timer);
        matches.setAttribute('aria-busy', 'true'); // until the matches of the last keystroke are drawn
        timer = setTimeout(async () => {
            const q = event.target.value.trim();
            const page = q ? await api.get(`/api/v1/customers${query({ q, limit: 8 })}`) : { items: [] };
            if (q !== event.target.value.trim()) return; // a later keystroke asks again
            matches.replaceChildren(...page.items.map(c => h('li', {}, h('a', { href: '#', onclick: e => { e.preventDefault(); choose(c); } },
                `${c.name} (${c.code})`))));
            matches.removeAttribute('aria-busy');
        }, 200);
    });

    form.addEventListener('submit', async event => {
        event.preventDefault();
        const v = values(form);
        delete v.customerQuery;
        const body = { ...v, customerId: customer?.id };
        let created;
        await submitForm(form, async () => { created = await api.post('/api/v1/tickets', body); },
            { done: () => navigate(`/tickets/${created.id}`) });
    });
    choose(customer);
    main.append(heading(t('newTicket.heading')), h('section', { class: 'panel' }, form));
    return () => clearTimeout(timer);
}
