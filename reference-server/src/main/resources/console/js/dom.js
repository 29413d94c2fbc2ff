// Small builders for accessible markup: every control gets a label, every field a place for its error.
import { ApiError } from './api.js';
import { t } from './i18n.js';

let ids = 0;

/** An element: h('button', {type: 'button', onclick: f, class: 'primary'}, 'text', child, ...). */
export function h(tag, props = {}, ...children) {
    const el = document.createElement(tag);
    for (const [name, value] of Object.entries(props || {})) {
        if (value === undefined || value === null || value === false) continue;
        if (name.startsWith('on')) el.addEventListener(name.slice(2), value);
        else if (name === 'class') el.className = value;
        else if (name === 'dataset') Object.assign(el.dataset, value);
        else if (name === 'value') el.value = value;
        else el.setAttribute(name, value === true ? '' : value);
    }
    append(el, children);
    return el;
}

function append(el, children) {
    for (const child of children.flat(Infinity)) {
        if (child === undefined || child === null || child === false) continue;
        Element.prototype.append.call(el, child instanceof Node ? child : document.createTextNode(String(child)));
    }
}

/**
 * The element a view draws into. Its append() takes what h() takes: nested lists, and absent parts (null, false)
 * left out, so that views can write optional sections inline.
 */
export function viewContainer() {
    const el = h('div', { class: 'view' });
    el.append = (...children) => append(el, children);
    return el;
}

/** A unique id for label/control pairs. */
export function uid(prefix = 'f') {
    ids += 1;
    return `${prefix}-${ids}`;
}

/**
 * A labelled form control with a slot for its server-side error. kind: 'text' (default), 'textarea', 'select',
 * 'checkbox', or any input type. options for a select: [[value, label], ...].
 */
export function field(name, label, { kind = 'text', value, required, options, hint, ...attrs } = {}) {
    const id = uid(name.replace(/\W/g, '-'));
    const errorId = `${id}-error`;
    const describedBy = [errorId, hint ? `${id}-hint` : null].filter(Boolean).join(' ');
    let control;
    if (kind === 'textarea') {
        control = h('textarea', { id, name, required, 'aria-describedby': describedBy, ...attrs });
        if (value !== undefined && value !== null) control.value = value;
    } else if (kind === 'select') {
        control = h('select', { id, name, required, 'aria-describedby': describedBy, ...attrs },
            (options || []).map(([v, l]) => h('option', { value: v }, l)));
        if (value !== undefined && value !== null) control.value = value;
    } else if (kind === 'checkbox') {
        control = h('input', { id, name, type: 'checkbox', 'aria-describedby': describedBy, ...attrs });
        control.checked = !!value;
        return h('div', { class: 'field field-check', dataset: { field: name } }, control, h('label', { for: id }, label),
            h('span', { class: 'field-error', id: errorId }));
    } else {
        control = h('input', { id, name, type: kind, required, 'aria-describedby': describedBy, ...attrs });
        if (value !== undefined && value !== null) control.value = value;
    }
    return h('div', { class: 'field', dataset: { field: name } },
        h('label', { for: id }, label, required ? h('span', { class: 'required', 'aria-hidden': 'true' }, ' *') : null),
        control,
        hint ? h('span', { class: 'field-hint', id: `${id}-hint` }, hint) : null,
        h('span', { class: 'field-error', id: errorId }));
}

/** The form's values by control name; checkboxes as booleans, empty texts left out. */
export function values(form) {
    const result = {};
    for (const el of form.elements) {
        if (!el.name) continue;
        if (el.type === 'checkbox') result[el.name] = el.checked;
        else if (el.value.trim() !== '') result[el.name] = el.value.trim();
    }
    return result;
}

/** Clears what showErrors put on the form. */
export function clearErrors(form) {
    form.querySelectorAll('.field-error').forEach(e => { e.textContent = ''; });
    form.querySelectorAll('[aria-invalid]').forEach(e => e.removeAttribute('aria-invalid'));
    form.querySelectorAll('.form-errors').forEach(e => e.remove());
}

/**
 * The field wrapper an error about `name` belongs beside: the field of that name, else the nearest enclosing one, so
 * that e.g. week.MONDAY[0].end is shown beside week.MONDAY.
 */
function wrapperFor(form, name) {
    for (let path = name; path;) {
        const wrapper = form.querySelector(`[data-field="${CSS.escape(path)}"]`);
        if (wrapper) return { wrapper, exact: path === name };
        const shorter = path.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
        if (shorter === path) break;
        path = shorter;
    }
    return {};
}

/**
 * Shows the server's field errors beside their fields (matched by control name, or the nearest enclosing field, which
 * then names the inner field too); those without a field on the form are listed on top, as is the fallback when there
 * are no field errors. Focuses the first invalid control.
 */
export function showErrors(form, fieldErrors, fallback) {
    clearErrors(form);
    const unplaced = [];
    let first = null;
    for (const { field: name, message } of fieldErrors) {
        const { wrapper, exact } = wrapperFor(form, name);
        if (!wrapper) {
            unplaced.push(`${name}: ${message}`);
            continue;
        }
        const slot = wrapper.querySelector('.field-error');
        const text = exact ? message : `${name}: ${message}`;
        slot.textContent = slot.textContent ? `${slot.textContent}; ${text}` : text;
        const control = wrapper.querySelector('input, select, textarea');
        control.setAttribute('aria-invalid', 'true');
        first = first || control;
    }
    if (unplaced.length || (!fieldErrors.length && fallback)) {
        const box = h('div', { class: 'form-errors', role: 'alert', tabindex: '-1' },
            fallback ? h('p', {}, fallback) : null,
            unplaced.length ? h('ul', {}, unplaced.map(m => h('li', {}, m))) : null);
        const title = form.querySelector('h1, h2');
        if (title) title.after(box);
        else form.prepend(box);
    }
    (first || form.querySelector('.form-errors'))?.focus?.();
}

/** The server's refusal on the form: its field errors beside the fields, or else its message on top. */
export function showProblem(form, error, fieldErrors = error.fieldErrors) {
    showErrors(form, fieldErrors, fieldErrors.length ? null : error.message);
}

/** Whether the server refused a change because someone else changed the record since it was read. */
export function isStale(error) {
    return error instanceof ApiError && error.status === 409 && !!error.problem.code?.endsWith('.version.stale');
}

/**
 * Sends what a form asks for, its submit button disabled meanwhile, then calls done. A refusal is shown on the form
 * (fieldsOf may first rename the fields the server names, e.g. items[2].name); a stale version says so and calls
 * stale, by default done, so that the view is drawn again from fresh data.
 */
export async function submitForm(form, send, { done = () => {}, stale = done, fieldsOf = e => e.fieldErrors } = {}) {
    const button = form.querySelector('button[type=submit]');
    if (button) button.disabled = true;
    try {
        clearErrors(form);
        await send();
        await done();
    } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        if (isStale(error)) {
            toast(t('common.conflict'), 'error');
            await stale();
        } else {
            showProblem(form, error, fieldsOf(error));
        }
    } finally {
        if (button) button.disabled = false;
    }
}

/**
 * A table with a caption (kept for screen readers but hidden with captionShown: false, e.g. under a heading saying
 * the same); columns: [{label, cell: row => node|text, class?}].
 */
export function table(caption, columns, rows, { empty = t('common.empty'), rowProps, captionShown = true } = {}) {
    if (!rows.length) return h('p', { class: 'empty' }, empty);
    return h('table', { class: 'data' },
        h('caption', { class: captionShown ? null : 'visually-hidden' }, caption),
        h('thead', {}, h('tr', {}, columns.map(c => h('th', { scope: 'col', class: c.class }, c.label)))),
        h('tbody', {}, rows.map(row => h('tr', rowProps ? rowProps(row) : {},
            columns.map(c => h('td', { class: c.class }, c.cell(row)))))));
}

/** A page heading and optional actions. */
export function heading(text, ...actions) {
    return h('div', { class: 'page-head' }, h('h1', {}, text), actions.length ? h('div', { class: 'actions' }, actions) : null);
}

/** A short message for screen readers and eyes alike. */
export function toast(message, kind = 'info') {
    const box = document.getElementById('toast');
    box.className = `toast toast-${kind} shown`;
    box.textContent = message;
    clearTimeout(box.hideTimer);
    box.hideTimer = setTimeout(() => box.classList.remove('shown'), 4000);
}

/** A link inside the console. */
export function link(href, text, props = {}) {
    return h('a', { href: `#${href}`, ...props }, text);
}
