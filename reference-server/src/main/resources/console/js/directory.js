// Names behind ids (users, departments, ticket types, customers), fetched once per page load and shared by views.
import { allPages, api } from './api.js';

const cache = new Map();

function once(key, load) {
    if (!cache.has(key)) {
        cache.set(key, load().catch(error => {
            cache.delete(key);
            throw error;
        }));
    }
    return cache.get(key);
}

const byId = (items, key = 'id') => Object.fromEntries(items.map(i => [i[key], i]));

/** Users by id. */
export const users = () => once('users', async () => byId(await allPages('/api/v1/users')));
/** Departments by id. */
export const departments = () => once('departments', async () => byId(await allPages('/api/v1/departments')));
/** Ticket types by code. */
export const ticketTypes = () => once('ticket-types', async () => byId(await allPages('/api/v1/catalog/ticket-types'), 'code'));

/** The customers with these ids, by id (fetched in parallel, each once). */
export async function customers(ids) {
    const unique = [...new Set(ids.filter(Boolean))];
    const found = await Promise.all(unique.map(id => once(`customer:${id}`, () => api.get(`/api/v1/customers/${id}`))
        .catch(() => null)));
    return Object.fromEntries(found.filter(Boolean).map(c => [c.id, c]));
}

/** Forgets what was fetched, after a change that renames or adds something. */
export function forget(key) {
    for (const k of [...cache.keys()]) if (k === key || k.startsWith(`${key}:`)) cache.delete(k);
}
