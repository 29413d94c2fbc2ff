// A new customer: the server's checks shown beside each field; customers that may be the same offered before saving.
import { api, ApiError, query } from '../../api.js';
import { clearErrors, field, h, heading, showProblem, values } from '../../dom.js';
import { label } from '../../format.js';
import { t } from '../../i18n.js';

const KINDS = ['ORGANIZATION', 'PERSON'];
const SOURCES = ['PHONE', 'WEB', 'EMAIL', 'WALK_IN', 'REFERRAL', 'CAMPAIGN', 'EXHIBITION', 'OTHER'];
const SEGMENTS = ['NEW', 'RETURNING', 'HIGH_VALUE'];
const LEVELS = ['LOW', 'MEDIUM', 'HIGH'];

const options = (kind, list, blank = false) => [...(blank ? [['', '']] : []), ...list.map(v => [v, label(kind, v)])];

/** Character pairs of a name, for comparing names in any script. */
function pairs(text) {
    const squeezed = (text || '').toLowerCase().replace(/\s+/g, '');
    return new Set([...squeezed].slice(1).map((ch, i) => squeezed[i] + ch));
}

/** Whether an existing customer shares the phone or e-mail typed, or has a name at least half the same (Dice). */
function resembles(typed, customer) {
    const digits = p => (p || '').replace(/\D/g, '');
    const samePhone = typed.phone && customer.contacts.some(c => digits(c.phone) === digits(typed.phone));
    const sameEmail = typed.email && customer.contacts.some(c => (c.email || '').toLowerCase() === typed.email.toLowerCase());
    const a = pairs(typed.name);
    const b = pairs(customer.name);
    const shared = [...a].filter(x => b.has(x)).length;
    return samePhone || sameEmail || (a.size + b.size > 0 && (2 * shared) / (a.size + b.size) >= 0.5);
}

export default async function newCustomer({ main, navigate }) {
    const industries = (await api.get('/api/v1/catalog/industries')).items;
    const candidates = h('div', { 'aria-live': 'polite' });
    const form = h('form', { novalidate: true },
        h('div', { class: 'form-grid' },
            field('kind', t('customer.kind'), { kind: 'select', options: options('kind', KINDS), required: true }),
            field('name', t('newCustomer.name'), { required: true, autocomplete: 'organization' }),
            field('industry', t('customer.industry'), { kind: 'select', required: true,
                options: [['', ''], ...industries.map(i => [i, i])] }),
            field('source', t('customer.source'), { kind: 'select', options: options('source', SOURCES, true) }),
            field('segment', t('customer.segment'), { kind: 'select', options: options('segment', SEGMENTS, true) }),
            field('maintenanceLevel', t('customer.maintenance'), { kind: 'select', options: options('maintenance', LEVELS, true) }),
            field('cooperationSince', t('customer.since'), { kind: 'date' }),
            field('contractEnd', t('customer.contractEnd'), { kind: 'date' }),
            field('tags', t('customer.tags'), { hint: t('newCustomer.tagsHint') }),
            field('keyAccount', t('customer.keyAccount'), { kind: 'checkbox' })),
        h('fieldset', {}, h('legend', {}, t('newCustomer.contact')),
            h('div', { class: 'form-grid' },
                field('contacts[0].name', t('contacts.name'), { required: true }),
                field('contacts[0].title', t('contacts.title')),
                field('contacts[0].phone', t('contacts.phone'), { kind: 'tel', hint: t('newCustomer.phoneHint') }),
                field('contacts[0].email', t('contacts.email'), { kind: 'email' }))),
        candidates,
        h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t('newCustomer.save'))));

    function body() {
        const v = values(form);
        const contact = Object.fromEntries(['name', 'title', 'phone', 'email']
            .map(k => [k, v[`contacts[0].${k}`]]).filter(([, value]) => value));
        const result = Object.fromEntries(Object.entries(v).filter(([k]) => !k.startsWith('contacts[')));
        result.tags = v.tags ? v.tags.split(/[,，]/).map(s => s.trim()).filter(Boolean) : [];
        result.contacts = Object.keys(contact).length ? [contact] : [];
        return result;
    }

    function offer(list, allowSaving) {
        candidates.replaceChildren(list.length ? h('section', { class: 'notice', role: 'region', 'aria-label': t('newCustomer.maybeExisting') },
            h('p', {}, t('newCustomer.maybeExisting')),
            h('ul', {}, list.map(c => h('li', {}, h('a', { href: `#/customers/${c.id}` }, `${c.name} (${c.code})`)))),
            allowSaving ? h('button', { type: 'button', class: 'create-anyway', onclick: () => save(true) }, t('newCustomer.createAnyway')) : null)
            : '');
    }

    // Before saving: customers with this phone or e-mail, or a name much like this one. Search ranks loosely, so only
    // close resemblances are offered; the server's duplicate check on saving has the last word.
    async function lookAlikes() {
        const v = values(form);
        const typed = { name: v.name, phone: v['contacts[0].phone'], email: v['contacts[0].email'] };
        const probe = Object.values(typed).filter(Boolean);
        if (!probe.length) return;
        const found = await Promise.all(probe.map(q => api.get(`/api/v1/customers${query({ q, limit: 5 })}`)));
        const unique = [...new Map(found.flatMap(p => p.items).map(c => [c.id, c])).values()];
        offer(unique.filter(c => resembles(typed, c)), false);
    }

    async function save(allowDuplicate = false) {
        const button = form.querySelector('button[type=submit]');
        button.disabled = true;
        try {
            const created = await api.post(`/api/v1/customers${allowDuplicate ? '?allowDuplicate=true' : ''}`, body());
            navigate(`/customers/${created.id}`);
        } catch (error) {
            if (!(error instanceof ApiError)) throw error;
            if (error.status === 409 && error.problem.candidates) {
                clearErrors(form);
                offer(error.problem.candidates, true);
                candidates.querySelector('.create-anyway')?.focus();
            } else {
                showProblem(form, error);
            }
        } finally {
            button.disabled = false;
        }
    }

    for (const name of ['name', 'contacts[0].phone', 'contacts[0].email']) {
        form.querySelector(`[name="${name}"]`).addEventListener('change', lookAlikes);
    }
    form.addEventListener('submit', event => {
        event.preventDefault();
        save(false);
    });
    main.append(heading(t('newCustomer.title')), h('section', { class: 'panel' }, form));
}
