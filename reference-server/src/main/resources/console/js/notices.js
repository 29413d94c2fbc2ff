// The bell in the shell's header: the signed-in user's own notices (a ticket they filed or work was resolved,
// reopened or breached), its unread count polled modestly, the list opened on demand with links to the tickets.
import { api } from './api.js';
import { h } from './dom.js';
import { dateTime } from './format.js';
import { t } from './i18n.js';
import { session } from './session.js';

/** How often the unread count is asked for: often enough to notice within a minute, rarely enough to cost nothing. */
const POLL_MS = 30000;
const SHOWN = 20;

let timer = null;
let unread = 0;
let bell = null;
let shownFor = null; // the user whose count the bell shows

/** Shows the bell for the signed-in user and keeps its count fresh; again after each login. Idempotent. */
export function showNotices() {
    const place = document.getElementById('notices');
    if (!bell || !place.contains(bell.button)) bell = draw(place);
    const user = session()?.user?.id;
    if (user !== shownFor) {
        // Another login in this tab: nothing of the previous user's stays on show.
        shownFor = user;
        unread = 0;
        close(false);
        refresh();
    }
    label();
    if (timer === null) timer = setInterval(refresh, POLL_MS);
}

/** The texts of the bell again, e.g. after the language changed. */
export function translateNotices() {
    if (!bell) return;
    label();
    bell.heading.textContent = t('common.notices.title');
    bell.readAll.textContent = t('common.notices.markAllRead');
    if (!bell.panel.hidden) list();
}

function stop() {
    clearInterval(timer);
    timer = null;
    shownFor = null;
    close(false);
}

function draw(place) {
    const count = h('span', { class: 'badge badge-count', 'aria-hidden': 'true', hidden: true });
    const button = h('button', { type: 'button', class: 'bell', 'aria-expanded': 'false',
        'aria-controls': 'notices-panel', onclick: () => (panel.hidden ? open() : close(true)) },
    bellIcon(), count);
    const heading = h('h2', { id: 'notices-heading' }, t('common.notices.title'));
    const readAll = h('button', { type: 'button', class: 'link-button', onclick: markAllRead },
        t('common.notices.markAllRead'));
    const items = h('div', { class: 'notices-items' });
    const panel = h('section', { id: 'notices-panel', class: 'notices-panel', 'aria-labelledby': 'notices-heading',
        hidden: true, onkeydown: e => { if (e.key === 'Escape') close(true); } },
    h('div', { class: 'notices-head' }, heading, readAll), items);
    place.replaceChildren(button, panel);
    return { button, count, panel, heading, readAll, items };
}

/** A bell drawn as an SVG: an emoji needs a font the user may lack. Static markup, never data. */
function bellIcon() {
    const icon = h('span', { class: 'bell-icon', 'aria-hidden': 'true' });
    icon.innerHTML = '<svg viewBox="0 0 24 24" width="18" height="18" focusable="false"><path fill="currentColor" '
        + 'd="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16'
        + 'A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2z"/></svg>';
    return icon;
}

/** The button says how many are unread, to eyes by the badge and to screen readers by its name. */
function label() {
    bell.button.setAttribute('aria-label', unread > 0 ? t('common.notices.unread', { count: unread })
        : t('common.notices.title'));
    bell.count.textContent = unread > 99 ? '99+' : String(unread);
    bell.count.hidden = unread === 0;
}

async function refresh() {
    if (!session()) {
        stop();
        return;
    }
    try {
        const page = await api.get('/api/v1/me/notifications?limit=1');
        unread = page.unread;
        label();
    } catch (ignored) {
        // tried again at the next poll; an expired session is handled where every call is made
    }
}

async function open() {
    bell.panel.hidden = false;
    bell.button.setAttribute('aria-expanded', 'true');
    await list();
}

function close(focusButton) {
    if (!bell) return;
    bell.panel.hidden = true;
    bell.button.setAttribute('aria-expanded', 'false');
    if (focusButton) bell.button.focus();
}

async function list() {
    bell.items.setAttribute('aria-busy', 'true');
    try {
        const page = await api.get(`/api/v1/me/notifications?limit=${SHOWN}`);
        unread = page.unread;
        label();
        bell.items.replaceChildren(page.items.length
            ? h('ul', { class: 'notices-list' }, page.items.map(item))
            : h('p', { class: 'empty' }, t('common.notices.empty')));
    } catch (error) {
        bell.items.replaceChildren(h('p', { role: 'alert' }, error.message));
    } finally {
        bell.items.removeAttribute('aria-busy');
    }
}

function item(notice) {
    const what = t(`common.notices.type.${notice.type}`);
    return h('li', { class: notice.read ? 'read' : 'unread', dataset: { notice: notice.id } },
        h('a', { href: `#/tickets/${encodeURIComponent(notice.ticketId)}`, onclick: () => markRead(notice) },
            h('span', { class: 'notice-type' }, what), ' ',
            h('span', { class: 'notice-ticket' }, [notice.ticketNumber, notice.title].filter(Boolean).join(' · '))),
        notice.read ? null : h('span', { class: 'visually-hidden' }, ` (${t('common.notices.new')})`),
        h('time', { datetime: notice.at }, dateTime(notice.at)));
}

async function markRead(notice) {
    close(false);
    if (notice.read) return;
    try {
        await api.post(`/api/v1/me/notifications/${encodeURIComponent(notice.id)}/read`);
        unread = Math.max(0, unread - 1);
        label();
    } catch (ignored) {
        // the next poll shows the count as the server has it
    }
}

async function markAllRead() {
    try {
        await api.post('/api/v1/me/notifications/read-all');
        await list();
    } catch (error) {
        bell.items.replaceChildren(h('p', { role: 'alert' }, error.message));
    }
}
