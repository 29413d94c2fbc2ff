// Log in with employee id and password; says why when a session ended. After an admin set a one-time password, the
// user chooses their own before anything else (the server answers every other call 403 until then).
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
            const entered = values(form);
            const answer = await api.post('/api/v1/auth/login', entered);
            sessions.start(answer);
            if (answer.passwordChangeRequired) {
                chooseOwnPassword(view, entered.password, () => proceed(answer, query, navigate));
                return;
            }
            await proceed(answer, query, navigate);
        } catch (error) {
            const message = error.status === 401 ? t('login.wrong') : error.status === 429 ? t('login.throttled') : null;
            showErrors(form, error.fieldErrors || [], message || error.message);
        } finally {
            button.disabled = false;
        }
    });
    view.append(h('div', { class: 'login' }, form));
}

/** Replaces the login form with one for a password of the user's own; calls done once it is set. */
function chooseOwnPassword(view, oneTimePassword, done) {
    const form = h('form', { class: 'login-form', novalidate: true },
        h('h1', {}, t('login.title')),
        h('p', { class: 'notice', role: 'status' }, t('login.changeRequired')),
        field('newPassword', t('login.newPassword'), { kind: 'password', required: true, autocomplete: 'new-password',
            autofocus: true, hint: t('login.passwordRules') }),
        h('button', { type: 'submit', class: 'primary' }, t('login.changeSubmit')));
    form.addEventListener('submit', async event => {
        event.preventDefault();
        const button = form.querySelector('button[type=submit]');
        button.disabled = true;
        try {
            const newPassword = form.elements.namedItem('newPassword').value;
            await api.post('/api/v1/auth/password', { currentPassword: oneTimePassword, newPassword });
            await done();
        } catch (error) {
            showErrors(form, error.fieldErrors || [], error.message);
        } finally {
            button.disabled = false;
        }
    });
    view.replaceChildren(h('div', { class: 'login' }, form));
    form.querySelector('input')?.focus();
}

/** After a login: the language chosen before it, then where the user was going. */
async function proceed(answer, query, navigate) {
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
}
