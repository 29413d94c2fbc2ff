// Roles: each a name and the permissions it grants. The five of SPEC §2 are built in and may be edited like any other;
// the server refuses a change that would leave nobody able to administer users and roles.
import { api } from '../../api.js';
import { field, h, heading, submitForm, table, toast, uid } from '../../dom.js';
import { label } from '../../format.js';
import { t } from '../../i18n.js';

/** The permissions as checkboxes, each with its key and description, and the slot for the server's errors. */
function permissionChoice(permissions, chosen = []) {
    const errorId = uid('permissions-error');
    return h('fieldset', { class: 'field permission-choice', dataset: { field: 'permissions' },
        'aria-describedby': errorId },
        h('legend', {}, t('roles.permissions')),
        h('div', { class: 'choices' }, permissions.map(p => {
            const id = uid('permission');
            const hint = uid('permission-hint');
            return h('span', { class: 'field-check' },
                h('input', { id, type: 'checkbox', name: 'permission', value: p.key, checked: chosen.includes(p.key),
                    'aria-describedby': hint }),
                h('label', { for: id }, h('code', {}, p.key)),
                h('span', { class: 'field-hint', id: hint }, p.description));
        })),
        h('span', { class: 'field-error', id: errorId }));
}

const chosenPermissions = form => [...form.querySelectorAll('input[name=permission]:checked')].map(box => box.value);

export default async function roles({ main }) {
    const permissions = (await api.get('/api/v1/permissions')).items;
    const list = h('div');
    const editor = h('div', { 'aria-live': 'polite' });
    const creator = h('section', { class: 'panel', hidden: true, 'aria-labelledby': 'new-role-title' });

    async function render() {
        list.setAttribute('aria-busy', 'true'); // until the list is drawn again with what the server has now
        const all = (await api.get('/api/v1/roles')).items;
        list.replaceChildren(table(t('roles.list'), [
            { label: t('roles.name'), cell: r => h('span', {}, label('role', r.name),
                label('role', r.name) === r.name ? null : h('code', { class: 'muted' }, ` ${r.name}`)) },
            { label: t('roles.kind'), cell: r => h('span', { class: r.builtIn ? 'badge' : 'badge badge-ok' },
                r.builtIn ? t('roles.builtIn') : t('roles.own')) },
            { label: t('roles.permissions'), cell: r => h('span', { class: 'permission-list' },
                r.permissions.length ? r.permissions.join(', ') : t('common.none')) },
            { label: t('roles.actions'), cell: r => h('button', { type: 'button', class: 'edit-role',
                dataset: { role: r.name }, 'aria-label': t('roles.editOne', { name: r.name }),
                onclick: () => edit(r) }, t('roles.edit')) },
        ], all, { rowProps: r => ({ dataset: { role: r.name } }) }));
        list.removeAttribute('aria-busy');
    }

    function edit(role) {
        const form = h('form', { novalidate: true, class: 'edit-role-form' },
            h('h2', {}, t('roles.editTitle', { name: role.name })),
            h('p', { class: 'notice' }, t('roles.editNote')),
            permissionChoice(permissions, role.permissions),
            h('div', { class: 'actions' },
                h('button', { type: 'submit', class: 'primary' }, t('common.save')),
                h('button', { type: 'button', onclick: () => editor.replaceChildren() }, t('common.cancel'))));
        form.addEventListener('submit', event => {
            event.preventDefault();
            const body = { permissions: chosenPermissions(form), version: role.version };
            submitForm(form, () => api.put(`/api/v1/roles/${encodeURIComponent(role.name)}`, body), {
                done: async () => {
                    editor.replaceChildren();
                    await render();
                    toast(t('roles.updated', { name: role.name }));
                },
            });
        });
        editor.replaceChildren(h('section', { class: 'panel' }, form));
        form.querySelector('input[name=permission]')?.focus();
    }

    function newRoleForm() {
        const form = h('form', { novalidate: true, class: 'new-role-form' },
            h('h2', { id: 'new-role-title' }, t('roles.newTitle')),
            h('div', { class: 'form-grid' },
                field('name', t('roles.name'), { required: true, autocomplete: 'off', hint: t('roles.nameHint') })),
            permissionChoice(permissions),
            h('div', { class: 'actions' },
                h('button', { type: 'submit', class: 'primary' }, t('roles.create')),
                h('button', { type: 'button', onclick: () => { creator.hidden = true; } }, t('common.cancel'))));
        form.addEventListener('submit', event => {
            event.preventDefault();
            const body = { name: form.querySelector('input[name=name]').value.trim(),
                permissions: chosenPermissions(form) };
            submitForm(form, () => api.post('/api/v1/roles', body), {
                done: async () => {
                    creator.hidden = true;
                    creator.replaceChildren(newRoleForm());
                    await render();
                    toast(t('roles.created', { name: body.name }));
                },
            });
        });
        return form;
    }

    creator.append(newRoleForm());
    await render();
    main.append(
        heading(t('roles.title'), h('button', { type: 'button', class: 'primary new-role', onclick: () => {
            creator.hidden = false;
            creator.querySelector('input[name=name]').focus();
        } }, t('roles.new'))),
        creator, editor, list);
}
