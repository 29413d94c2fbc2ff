// Find a customer as you type: by name, code, phone or e-mail, best matches first.
import { api, query } from '../../api.js';
import { field, h, heading, link } from '../../dom.js';
import { label } from '../../format.js';
import { t } from '../../i18n.js';
import { can } from '../../session.js';
import { maskPhone } from '../../contacts.js';

export default async function customers({ main, query: params }) {
    const search = field('q', t('customers.search'), { kind: 'search', value: params.get('q') || '', autocomplete: 'off',
        hint: t('customers.searchHint') });
    const input = search.querySelector('input');
    const results = h('div', { 'aria-live': 'polite' });
    let asked = 0;
    let timer;
    let waiting = false; // a keystroke's pause is not over yet
    // Busy from a keystroke until the results of the latest search are drawn.
    const busy = on => (on ? results.setAttribute('aria-busy', 'true') : results.removeAttribute('aria-busy'));

    async function find() {
        clearTimeout(timer); // Enter searches at once, not again when the keystroke's pause is over
        waiting = false;
        const text = input.value.trim();
        history.replaceState(null, '', `#/customers${query({ q: text })}`);
        const mine = ++asked;
        busy(true);
        try {
            await draw(text, mine);
        } finally {
            if (mine === asked && !waiting) busy(false);
        }
    }

    async function draw(text, mine) {
        if (!text) {
            results.replaceChildren();
            return;
        }
        const page = await api.get(`/api/v1/customers${query({ q: text, limit: 20 })}`);
        if (mine !== asked) return; // a later keystroke has asked again
        results.replaceChildren(page.items.length
            ? h('ul', { class: 'results', 'aria-label': t('customers.results', { n: page.items.length }) },
                page.items.map(c => h('li', {}, h('a', { href: `#/customers/${c.id}` },
                    h('strong', {}, c.name), ' ', h('span', { class: 'muted' }, `${c.code} · ${label('kind', c.kind)} · ${c.industry}`),
                    c.contacts[0] ? h('span', { class: 'muted' }, ` · ${c.contacts[0].name} ${maskPhone(c.contacts[0].phone)}`) : null))))
            : h('p', { class: 'empty' }, t('customers.noMatch')));
    }

    input.addEventListener('input', () => {
        clearTimeout(timer);
        waiting = true;
        busy(true);
        timer = setTimeout(find, 200);
    });
    main.append(
        heading(t('customers.title'), can('customer.write') ? link('/customers/new', t('customers.new'), { class: 'button primary' }) : null),
        h('form', { class: 'search', role: 'search', onsubmit: e => { e.preventDefault(); find(); } }, search),
        results);
    if (input.value) await find();
    setTimeout(() => input.focus(), 0);
    return () => clearTimeout(timer);
}
