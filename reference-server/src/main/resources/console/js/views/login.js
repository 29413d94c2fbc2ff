// Log in with employee id and password; says why when a session ended.
import { api } from '../api.js';
import { drawShell, homeOf, languageChosenBeforeLogin } from '../app.js';
import { field, h, showErrors, values } from '../dom.js';
import { currentLanguage, t, translate, useLanguage } from '../i18n.js';
import * as sessions from '../session.js';

export default async function login({ query, navigate, main: view }) {
    sessions.end();
    drawShell();
    const notice = query.get('expired') ? t('login.expired') : query.get('loggedOut') ? t('login.loggedOut') : null;
    const form = h('form', { class: 'login-form', novalidate: true },
        h('h1', {}, t('login.title')),
        notice ? h('p', { class: 'notice', role: 'status' }, notice) : null,
        field('employeeId', t('login.employeeId'), { required: true, autocomplete: 'username', autofocus: true }),
        field('password', t('login.password'), { kind: 'password', required: true, autocomplete: 'current-password' }),
        h('button', { type: 'submit', class: 'primary' }, t('login.submit')));
    form.addEventListener('submit', async event => {
        event.preventDefault();
        const button = form.querySelector('button[type=submit]');
        button.disabled = true;
        try {
            const answer = await api.post('/api/v1/auth/login', values(form));
            sessions.start(answer);
            const chosen = languageChosenBeforeLogin();
            if (chosen && chosen !== answer.user.locale) {
                const user = await api.put('/api/v1/users/me/locale', { locale: chosen });
                sessions.update({ ...answer.user, locale: user.locale });
            } else if (answer.user.locale && answer.user.locale !== currentLanguage()) {
                await useLanguage(answer.user.locale);
                translate();
                document.getElementById('language').value = currentLanguage();
            }
            navigate(query.get('next') || homeOf(answer.user));
        } catch (error) {
            const message = error.status === 401 ? t('login.wrong') : error.status === 429 ? t('login.throttled') : null;
            showErrors(form, error.fieldErrors || [], message || error.message);
        } finally {
            button.disabled = false;
        }
    });
    view.append(h('div', { class: 'login' }, form));
}
