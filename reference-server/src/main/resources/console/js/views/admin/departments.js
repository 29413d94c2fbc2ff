// Departments: the list with how each hands out new tickets, new departments, and changing the assignment mode.
import { api, ApiError } from '../../api.js';
import * as directory from '../../directory.js';
import { field, h, heading, submitForm, table, toast, uid, values } from '../../dom.js';
import { label } from '../../format.js';
import { t } from '../../i18n.js';

const MODES = ['MANUAL', 'ROUND_ROBIN', 'LEAST_LOADED'];
const modeOptions = () => MODES.map(m => [m, label('assignment', m)]);

export default async function departments({ main }) {
    const list = h('div');

    async function render() {
        list.setAttribute('aria-busy', 'true'); // until the list is drawn again with what the server has now
        directory.forget('departments');
        const all = Object.values(await directory.departments()).sort((a, b) => a.name.localeCompare(b.name));
        list.replaceChildren(table(t('departments.list'), [
            { label: t('departments.name'), cell: d => d.name },
            { label: t('departments.id'), cell: d => h('code', {}, d.id) },
            { label: t('departments.mode'), cell: modeChanger },
        ], all, { rowProps: d => ({ dataset: { departmentId: d.id } }) }));
        list.removeAttribute('aria-busy');
    }

    /** The department's assignment mode as a select with its own button, so moving through options changes nothing. */
    function modeChanger(department) {
        const id = uid('mode');
        const select = h('select', { id, name: 'assignmentMode' }, modeOptions().map(([v, l]) => h('option', { value: v }, l)));
        select.value = department.assignmentMode;
        const button = h('button', { type: 'submit' }, t('departments.change'));
        const form = h('form', { class: 'inline-form', novalidate: true },
            h('label', { for: id, class: 'visually-hidden' }, t('departments.modeOf', { name: department.name })),
            select, button);
        form.addEventListener('submit', async event => {
            event.preventDefault();
            button.disabled = true;
            try {
                await api.patch(`/api/v1/departments/${encodeURIComponent(department.id)}`, { assignmentMode: select.value });
                toast(t('departments.modeChanged', { name: department.name, mode: label('assignment', select.value) }));
                await render();
            } catch (error) {
                if (!(error instanceof ApiError)) throw error;
                toast(error.message, 'error');
            } finally {
                button.disabled = false;
            }
        });
        return form;
    }

    const form = h('form', { novalidate: true, class: 'new-department-form' },
        h('h2', {}, t('departments.newTitle')),
        h('div', { class: 'form-grid' },
            field('name', t('departments.name'), { required: true, autocomplete: 'off' }),
            field('id', t('departments.id'), { autocomplete: 'off', hint: t('departments.idHint') }),
            field('assignmentMode', t('departments.mode'), { kind: 'select', options: modeOptions(), value: 'MANUAL' })),
        h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t('departments.create'))));
    form.addEventListener('submit', event => {
        event.preventDefault();
        let created;
        submitForm(form, async () => { created = await api.post('/api/v1/departments', values(form)); }, {
            done: async () => {
                form.reset();
                await render();
                toast(t('departments.created', { name: created.name }));
            },
        });
    });

    await render();
    main.append(heading(t('departments.title')), h('div', { class: 'admin-split' },
        h('section', { class: 'panel' }, form), list));
}
