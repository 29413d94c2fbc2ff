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

async function request(method, path, body, accept = 'application/json') {
    const headers = { Accept: accept };
    const token = session()?.token;
    if (token) headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
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
    return accept === 'application/json' ? response.json() : response.text();
}

export const api = {
    get: (path) => request('GET', path),
    post: (path, body = {}) => request('POST', path, body),
    put: (path, body) => request('PUT', path, body),
    patch: (path, body) => request('PATCH', path, body),
    text: (path, accept) => request('GET', path, undefined, accept),
};

/** A query string from the given parameters, leaving out empty ones. */
export function query(params) {
    const entries = Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== '');
    return entries.length ? '?' + new URLSearchParams(entries).toString() : '';
}
