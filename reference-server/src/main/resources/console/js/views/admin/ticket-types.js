// The ticket-type catalog: each type's name, the department its tickets go to first, and its life-cycle stage.
import { api } from '../../api.js';
import * as directory from '../../directory.js';
import { field, h, heading, submitForm, table, toast } from '../../dom.js';
import { t } from '../../i18n.js';

const STAGES = ['PRE_SALES', 'IN_SALES', 'AFTER_SALES', 'VALUE_ADDED'];
const stage = value => t(`ticketTypes.stage.${value}`);

export default async function ticketTypes({ main }) {
    const departments = await directory.departments();
    const departmentOptions = [['', ''], ...Object.values(departments).map(d => [d.id, d.name])];
    const list = h('div');
    const editor = h('div', { 'aria-live': 'polite' });
    let types = (await api.get('/api/v1/catalog/ticket-types')).items;

    function render() {
        list.replaceChildren(table(t('ticketTypes.list'), [
            { label: t('ticketTypes.code'), cell: type => h('code', {}, type.code) },
            { label: t('ticketTypes.name'), cell: type => type.name },
            { label: t('ticketTypes.department'), cell: type => departments[type.defaultDepartment]?.name || type.defaultDepartment },
            { label: t('ticketTypes.stage'), cell: type => stage(type.stage) },
            { label: t('ticketTypes.actions'), cell: type => h('button', { type: 'button', class: 'edit-type',
                'aria-label': t('ticketTypes.editOne', { name: type.name }), onclick: () => edit(type) }, t('ticketTypes.edit')) },
        ], types, { rowProps: type => ({ dataset: { code: type.code } }) }));
    }

    function edit(type) {
        const creating = !type;
        const form = h('form', { novalidate: true, class: 'ticket-type-form' },
            h('h2', {}, creating ? t('ticketTypes.newTitle') : t('ticketTypes.editTitle', { name: type.name })),
            h('div', { class: 'form-grid' },
                creating ? field('code', t('ticketTypes.code'), { required: true, autocomplete: 'off', hint: t('ticketTypes.codeHint') }) : null,
                field('name', t('ticketTypes.name'), { required: true, autocomplete: 'off', value: type?.name }),
                field('defaultDepartment', t('ticketTypes.department'), { kind: 'select', required: true,
                    options: departmentOptions, value: type?.defaultDepartment || '' }),
                field('stage', t('ticketTypes.stage'), { kind: 'select', required: true,
                    options: [['', ''], ...STAGES.map(s => [s, stage(s)])], value: type?.stage || '' })),
            h('div', { class: 'actions' },
                h('button', { type: 'submit', class: 'primary' }, t('common.save')),
                h('button', { type: 'button', onclick: () => editor.replaceChildren() }, t('common.cancel'))));
        form.addEventListener('submit', async event => {
            event.preventDefault();
            const item = {
                code: creating ? form.elements.code.value.trim() : type.code,
                name: form.elements.name.value.trim(),
                defaultDepartment: form.elements.defaultDepartment.value || null,
                stage: form.elements.stage.value || null,
            };
            // The catalog is replaced as a whole; the server names this type's fields items[i].name and so on.
            const items = creating ? [...types, item] : types.map(x => (x.code === type.code ? item : x));
            const index = items.indexOf(item);
            submitForm(form, async () => { types = (await api.put('/api/v1/catalog/ticket-types', { items })).items; }, {
                done: () => {
                    directory.forget('ticket-types');
                    editor.replaceChildren();
                    render();
                    toast(t('ticketTypes.saved', { name: item.name }));
                },
                fieldsOf: error => error.fieldErrors.map(e => ({ ...e, field: e.field.replace(`items[${index}].`, '') })),
            });
        });
        editor.replaceChildren(h('section', { class: 'panel' }, form));
        form.querySelector('input').focus();
    }

    render();
    main.append(heading(t('ticketTypes.title'),
        h('button', { type: 'button', class: 'primary new-type', onclick: () => edit(null) }, t('ticketTypes.new'))),
    editor, list);
}
