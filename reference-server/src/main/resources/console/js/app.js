// The console's shell: language, session, menu and the router that draws one view at a time into <main>.
import { api, whenSessionExpires } from './api.js';
import { h, toast, viewContainer } from './dom.js';
import { currentLanguage, preferredLanguage, t, translate, useLanguage } from './i18n.js';
import { showNotices, translateNotices } from './notices.js';
import { match, routes } from './routes.js';
import * as sessions from './session.js';

const main = document.getElementById('main');
let leaveView = null;
let rendering = 0;
let drawing = null; // the route the latest render draws, as asked for (a view may tidy the address afterwards)

/** Where a user lands after logging in, by what they may do. */
export function homeOf(user) {
    const first = routes.find(r => r.nav && r.needs.some(p => user.permissions.includes(p)));
    return first ? first.path : '/login';
}

export function navigate(path) {
    loading();
    if (location.hash === `#${path}`) render();
    else location.hash = path;
}

/**
 * <main> is busy (aria-busy) from a change of route or language until the view for it is drawn, and then names the
 * route it shows (data-route): for assistive technology, and for the browser tests, which wait for it instead of
 * racing a redraw. Parts a view fills in later mark themselves busy the same way.
 */
function loading() {
    main.setAttribute('aria-busy', 'true');
}

function currentPath() {
    const hash = location.hash.replace(/^#/, '') || '/';
    const [path, search] = hash.split('?');
    return { path, query: new URLSearchParams(search || ''), full: hash };
}

async function render() {
    const ticket = ++rendering;
    loading();
    const { path, query, full } = currentPath();
    drawing = full;
    const session = sessions.session();
    if (path === '/' || path === '') {
        navigate(session ? homeOf(session.user) : '/login');
        return;
    }
    const found = match(path);
    if (!found) {
        show(h('section', { class: 'panel' }, h('h1', {}, t('common.notFound'))));
        return;
    }
    if (!found.route.public && !session) {
        navigate(`/login?next=${encodeURIComponent(full)}`);
        return;
    }
    if (!found.route.public && !found.route.needs.some(sessions.can)) {
        show(h('section', { class: 'panel' }, h('h1', {}, t('common.forbidden'))));
        return;
    }
    drawShell();
    const started = performance.now();
    try {
        const module = await found.route.view();
        if (ticket !== rendering) return;
        const container = viewContainer();
        const context = { params: found.params, query, navigate, session: sessions.session(), main: container };
        const leave = await module.default(context);
        if (ticket !== rendering) {
            if (typeof leave === 'function') leave();
            return;
        }
        show(container, typeof leave === 'function' ? leave : null);
        const title = container.querySelector('h1')?.textContent;
        document.title = title ? `${title} · ${t('common.appName')}` : t('common.appName');
        // What the browser tests read to measure each view: from the route change to the view being drawn.
        performance.measure(`view ${found.route.path}`, { start: started, end: performance.now() });
    } catch (error) {
        if (ticket !== rendering) return;
        if (error.status === 401) return;
        show(h('section', { class: 'panel' }, h('h1', {}, t('common.error')), h('p', { role: 'alert' }, error.message)));
    }
}

function show(node, leave = null) {
    if (leaveView) leaveView();
    leaveView = leave;
    main.replaceChildren(node);
    main.dataset.route = drawing;
    main.removeAttribute('aria-busy');
    main.focus({ preventScroll: true });
}

/** The menu and the user's name while someone is logged in; only the language choice otherwise. */
export function drawShell() {
    const session = sessions.session();
    document.getElementById('signed-in').hidden = !session;
    document.getElementById('nav').hidden = !session;
    if (!session) return;
    document.getElementById('user-name').textContent = session.user.name;
    showNotices();
    const { path } = currentPath();
    const entries = routes.filter(r => r.nav && r.needs.some(sessions.can));
    // The entry the page belongs to is the one whose path covers it most closely: /follow-ups/unplanned is its own
    // entry, /customers/42 belongs to /customers.
    const current = entries.filter(r => path === r.path || path.startsWith(`${r.path}/`))
        .reduce((best, r) => (!best || r.path.length > best.path.length ? r : best), null);
    document.getElementById('nav').replaceChildren(h('ul', {}, entries.map(r => h('li', {},
        h('a', { href: `#${r.path}`, 'aria-current': r === current ? 'page' : null }, t(r.nav))))));
}

let chosenBeforeLogin = null;

/** The language picked on the login page, if one was: it wins over the one stored with the user, and is stored. */
export function languageChosenBeforeLogin() {
    return chosenBeforeLogin;
}

async function switchLanguage(tag) {
    loading(); // the view is drawn again in the new language once the server has stored it
    await useLanguage(tag);
    translate();
    translateNotices();
    if (!sessions.session()) chosenBeforeLogin = tag;
    if (sessions.session()) {
        try {
            const user = await api.put('/api/v1/users/me/locale', { locale: tag });
            sessions.update({ ...sessions.session().user, locale: user.locale });
        } catch (error) {
            toast(error.message, 'error');
        }
    }
    render();
}

/**
 * The server's view of the session: still valid? its clock and business zone? The user's language may have changed
 * elsewhere.
 */
export async function refreshSession() {
    const answer = await api.get('/api/v1/auth/session');
    sessions.update(answer.user, answer.now, answer.zone);
    return answer;
}

function expire() {
    if (!sessions.session()) return;
    sessions.end();
    const { full } = currentPath();
    const next = full.startsWith('/login') ? '' : `&next=${encodeURIComponent(full)}`;
    navigate(`/login?expired=1${next}`);
}

async function boot() {
    whenSessionExpires(expire);
    let language = preferredLanguage();
    if (sessions.session()) {
        try {
            const answer = await refreshSession();
            language = answer.user.locale || language;
        } catch (error) {
            sessions.end();
        }
    }
    await useLanguage(language);
    translate();
    const select = document.getElementById('language');
    select.value = currentLanguage();
    select.addEventListener('change', () => switchLanguage(select.value));
    document.getElementById('logout').addEventListener('click', async () => {
        try {
            await api.post('/api/v1/auth/logout');
        } finally {
            sessions.end();
            navigate('/login?loggedOut=1');
        }
    });
    window.addEventListener('hashchange', render);
    render();
}

boot();
