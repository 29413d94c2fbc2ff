// The console's texts: one language at a time, fetched from the server's resource bundles.
let texts = {};
let language = 'zh-CN';

export const LANGUAGES = ['zh-CN', 'en'];

/** The language to start in before anyone logs in: the last one chosen here, else the browser's. */
export function preferredLanguage() {
    const stored = localStorage.getItem('rapport.language');
    if (LANGUAGES.includes(stored)) return stored;
    return (navigator.language || '').toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export async function useLanguage(tag) {
    const chosen = LANGUAGES.includes(tag) ? tag : 'zh-CN';
    const response = await fetch(`/i18n/${chosen}`);
    if (!response.ok) throw new Error(`texts for ${chosen}: HTTP ${response.status}`);
    texts = await response.json();
    language = chosen;
    localStorage.setItem('rapport.language', chosen);
    document.documentElement.lang = chosen;
}

export function currentLanguage() {
    return language;
}

/** The text for key, with {name} placeholders filled from params; the key itself when a text is missing. */
export function t(key, params = {}) {
    const text = texts[key];
    if (text === undefined) {
        console.warn('missing text', key);
        return key;
    }
    return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/** Whether a text exists, for values such as enum names whose texts are optional. */
export function has(key) {
    return key in texts;
}

/** Fills the elements under root that name their texts in data-i18n attributes. */
export function translate(root = document) {
    root.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
    root.querySelectorAll('[data-i18n-aria-label]').forEach(el => el.setAttribute('aria-label', t(el.dataset.i18nAriaLabel)));
    root.querySelectorAll('[data-i18n-placeholder]').forEach(el => el.setAttribute('placeholder', t(el.dataset.i18nPlaceholder)));
    root.querySelectorAll('[data-i18n-title]').forEach(el => el.setAttribute('title', t(el.dataset.i18nTitle)));
}
