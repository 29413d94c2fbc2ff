// Users and roles: who works here, in which department and tier, with which roles; new users and changes to them.
import { api } from '../../api.js';
import * as directory from '../../directory.js';
import { field, h, heading, submitForm, table, toast, uid, values } from '../../dom.js';
import { label } from '../../format.js';
import { t } from '../../i18n.js';
import { session } from '../../session.js';

const TIERS = ['FRONT_LINE', 'EXPERT', 'ACCOUNT_MANAGER'];
const LOCALES = ['zh-CN', 'en'];

/** A group of checkboxes for the roles there are, under one legend, with the slot for the server's error about roles. */
function roleChoice(roles, chosen = []) {
    const errorId = uid('roles-error');
    return h('fieldset', { class: 'field role-choice', dataset: { field: 'roles' }, 'aria-describedby': errorId },
        h('legend', {}, t('users.roles'), h('span', { class: 'required', 'aria-hidden': 'true' }, ' *')),
        h('div', { class: 'choices' }, roles.map(role => {
            const id = uid('role');
            return h('span', { class: 'field-check' },
                h('input', { id, type: 'checkbox', name: 'role', value: role, checked: chosen.includes(role) }),
                h('label', { for: id }, label('role', role)));
        })),
        h('span', { class: 'field-error', id: errorId }));
}

const chosenRoles = form => [...form.querySelectorAll('input[name=role]:checked')].map(box => box.value);

/** The user as the form describes it; role boxes become the roles list. */
function body(form) {
    const { role, ...rest } = values(form);
    return { ...rest, roles: chosenRoles(form) };
}

export default async function users({ main }) {
    const departments = await directory.departments();
    // The roles admins defined (Roles view), the five built-in ones among them.
    const roleNames = (await api.get('/api/v1/roles')).items.map(r => r.name);
    const departmentOptions = [['', ''], ...Object.values(departments).map(d => [d.id, d.name])];
    const list = h('div');
    const editor = h('div', { 'aria-live': 'polite' });
    const creator = h('section', { class: 'panel', hidden: true, 'aria-labelledby': 'new-user-title' });

    async function render() {
        list.setAttribute('aria-busy', 'true'); // until the list is drawn again with what the server has now
        directory.forget('users');
        const all = Object.values(await directory.users()).sort((a, b) => a.employeeId.localeCompare(b.employeeId));
        list.replaceChildren(table(t('users.list'), [
            { label: t('users.employeeId'), cell: u => u.employeeId },
            { label: t('users.name'), cell: u => u.name },
            { label: t('users.department'), cell: u => departments[u.departmentId]?.name || u.departmentId || t('common.none') },
            { label: t('users.roles'), cell: u => u.roles.map(r => label('role', r)).join(', ') },
            { label: t('users.tier'), cell: u => label('tier', u.tier) },
            { label: t('users.active'), cell: u => h('span', { class: u.active ? 'badge badge-ok' : 'badge badge-off' },
                u.active ? t('users.activeYes') : t('users.activeNo')) },
            { label: t('users.actions'), cell: u => h('button', { type: 'button', class: 'edit-user',
                dataset: { employeeId: u.employeeId }, 'aria-label': t('users.editOne', { name: u.name }),
                onclick: () => edit(u) }, t('users.edit')) },
        ], all, { rowProps: u => ({ dataset: { employeeId: u.employeeId } }) }));
        list.removeAttribute('aria-busy');
    }

    function edit(user) {
        const self = user.id === session().user.id;
        const form = h('form', { novalidate: true, class: 'edit-user-form' },
            h('h2', {}, t('users.editTitle', { name: user.name, employeeId: user.employeeId })),
            self ? h('p', { class: 'notice' }, t('users.selfNote')) : null,
            h('div', { class: 'form-grid' },
                field('name', t('users.name'), { value: user.name, required: true }),
                field('departmentId', t('users.department'), { kind: 'select', options: departmentOptions,
                    value: user.departmentId || '' }),
                field('tier', t('users.tier'), { kind: 'select', options: TIERS.map(v => [v, label('tier', v)]),
                    value: user.tier }),
                field('email', t('users.email'), { kind: 'email', value: user.email || '' }),
                field('active', t('users.activeLabel'), { kind: 'checkbox', value: user.active })),
            roleChoice(roleNames, user.roles),
            h('div', { class: 'actions' },
                h('button', { type: 'submit', class: 'primary' }, t('common.save')),
                h('button', { type: 'button', onclick: () => editor.replaceChildren() }, t('common.cancel'))));
        form.addEventListener('submit', event => {
            event.preventDefault();
            const changes = body(form);
            // An emptied e-mail box removes the address; an unchosen department keeps the current one.
            changes.email = changes.email || null;
            if (!changes.departmentId) delete changes.departmentId;
            submitForm(form, () => api.patch(`/api/v1/users/${user.id}`, { ...changes, version: user.version }), {
                done: async () => {
                    editor.replaceChildren();
                    await render();
                    toast(t('users.updated', { name: changes.name || user.name }));
                },
            });
        });
        editor.replaceChildren(h('section', { class: 'panel' }, form));
        form.querySelector('input[name=name]').focus();
    }

    function newUserForm() {
        const form = h('form', { novalidate: true, class: 'new-user-form' },
            h('h2', { id: 'new-user-title' }, t('users.newTitle')),
            h('div', { class: 'form-grid' },
                field('employeeId', t('users.employeeId'), { required: true, autocomplete: 'off',
                    hint: t('users.employeeIdHint') }),
                field('name', t('users.name'), { required: true, autocomplete: 'off' }),
                field('departmentId', t('users.department'), { kind: 'select', options: departmentOptions, required: true }),
                field('tier', t('users.tier'), { kind: 'select', options: TIERS.map(v => [v, label('tier', v)]) }),
                field('password', t('users.password'), { kind: 'password', required: true, autocomplete: 'new-password',
                    hint: t('users.passwordHint') }),
                field('email', t('users.email'), { kind: 'email', autocomplete: 'off' }),
                field('locale', t('users.locale'), { kind: 'select',
                    options: LOCALES.map(v => [v, t(`common.language.${v}`)]) })),
            roleChoice(roleNames, ['AGENT']),
            h('div', { class: 'actions' },
                h('button', { type: 'submit', class: 'primary' }, t('users.create')),
                h('button', { type: 'button', onclick: () => { creator.hidden = true; } }, t('common.cancel'))));
        form.addEventListener('submit', event => {
            event.preventDefault();
            const user = body(form);
            submitForm(form, () => api.post('/api/v1/users', user), {
                done: async () => {
                    creator.hidden = true;
                    creator.replaceChildren(newUserForm());
                    await render();
                    toast(t('users.created', { name: user.name }));
                },
            });
        });
        return form;
    }

    creator.append(newUserForm());
    await render();
    main.append(
        heading(t('users.title'), h('button', { type: 'button', class: 'primary new-user', onclick: () => {
            creator.hidden = false;
            creator.querySelector('input[name=employeeId]').focus();
        } }, t('users.new'))),
        creator, editor, list);
}
