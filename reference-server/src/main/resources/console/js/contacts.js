// Contact details as SPEC asks: masked (138****5678) unless the user reveals them, which only those allowed to read
// personal data can; for everyone else the server has masked them already.
import { h, table } from './dom.js';
import { t } from './i18n.js';
import { can } from './session.js';

export function maskPhone(phone) {
    if (!phone || phone.includes('*')) return phone || '';
    const digits = phone.replace(/\s/g, '');
    return digits.length <= 7 ? '****' : `${digits.slice(0, digits.length - 8)}****${digits.slice(-4)}`;
}

export function maskEmail(email) {
    if (!email || email.includes('*')) return email || '';
    const [local, domain] = email.split('@');
    return `${local.slice(0, 1)}***@${domain || ''}`;
}

/** The contacts table with a show/hide button for their phone numbers and e-mails. */
export function contactsTable(contacts) {
    let shown = false;
    const body = h('div');
    const draw = () => body.replaceChildren(table(t('contacts.caption'), [
        { label: t('contacts.name'), cell: c => c.name },
        { label: t('contacts.title'), cell: c => c.title || '' },
        { label: t('contacts.phone'), cell: c => (shown ? c.phone : maskPhone(c.phone)) || '' },
        { label: t('contacts.email'), cell: c => (shown ? c.email : maskEmail(c.email)) || '' },
    ], contacts, { empty: t('contacts.none'), captionShown: false }));
    const toggle = can('customer.pii.read')
        ? h('button', { type: 'button', 'aria-pressed': 'false', class: 'reveal' }, t('contacts.show'))
        : null;
    toggle?.addEventListener('click', () => {
        shown = !shown;
        toggle.setAttribute('aria-pressed', String(shown));
        toggle.textContent = shown ? t('contacts.hide') : t('contacts.show');
        draw();
    });
    draw();
    return h('div', { class: 'contacts' }, toggle, body);
}
