// The reference server's HTTP API with the session's token; problem+json answers become ApiErrors.
import { session } from './session.js';

export class ApiError extends Error {
    constructor(status, problem) {
        super(problem?.detail || problem?.title || `HTTP ${status}`);
        this.status = status;
        this.problem = problem || {};
    }

    /** The field errors of a 422, as [{field, message}]. */
    get fieldErrors() {
        return this.problem.errors || [];
    }
}

let onExpired = () => {};

/** What to do when the server no longer accepts the session's token. */
export function whenSessionExpires(handler) {
    onExpired = handler;
}

/**
 * One call with the session's token. json is sent as JSON; raw (a Blob or File) as it is, with its own headers. The
 * answer comes back as read: JSON, text, or a Blob.
 */
async function request(method, path, { json, raw, headers = {}, accept = 'application/json', read = 'json' } = {}) {
    const sent = { Accept: accept, ...headers };
    const token = session()?.token;
    if (token) sent.Authorization = `Bearer ${token}`;
    if (json !== undefined) sent['Content-Type'] = 'application/json';
    const body = json !== undefined ? JSON.stringify(json) : raw;
    const response = await fetch(path, { method, headers: sent, body });
    if (response.status === 401 && token && !path.endsWith('/auth/login')) {
        onExpired();
    }
    if (!response.ok) {
        let problem = null;
        try {
            problem = await response.json();
        } catch (ignored) {
            // a body that is not problem+json: the status says enough
        }
        throw new ApiError(response.status, problem);
    }
    if (response.status === 204) return null;
    return read === 'blob' ? response.blob() : read === 'text' ? response.text() : response.json();
}

export const api = {
    get: (path) => request('GET', path),
    post: (path, body = {}) => request('POST', path, { json: body }),
    put: (path, body) => request('PUT', path, { json: body }),
    patch: (path, body) => request('PATCH', path, { json: body }),
    text: (path, accept) => request('GET', path, { accept, read: 'text' }),
    /** A file as the raw body, named by X-Filename (API.md's attachment upload). */
    upload: (path, file) => request('POST', path, { raw: file, headers: {
        'Content-Type': file.type || 'application/octet-stream', 'X-Filename': encodeURIComponent(file.name) } }),
    blob: (path) => request('GET', path, { accept: '*/*', read: 'blob' }),
};

/** Every item of a cursor-paged list, fetched 200 at a time. */
export async function allPages(path) {
    const items = [];
    let cursor = null;
    do {
        const page = await api.get(`${path}${path.includes('?') ? '&' : '?'}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        items.push(...page.items);
        cursor = page.nextCursor;
    } while (cursor);
    return items;
}

/** A query string from the given parameters, leaving out empty ones. */
export function query(params) {
    const entries = Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== '');
    return entries.length ? '?' + new URLSearchParams(entries).toString() : '';
}
