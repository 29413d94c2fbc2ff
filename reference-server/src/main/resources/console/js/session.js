// Who is logged in, kept for the browser tab, with the server's business zone; and the server's clock, which the demo
// can move ahead of ours.
const KEY = 'rapport.session';
let current = JSON.parse(sessionStorage.getItem(KEY) || 'null');
let clockOffset = 0;

export function session() {
    return current;
}

export function start(login) {
    current = { token: login.token, expiresAt: login.expiresAt, user: login.user, zone: login.zone };
    sessionStorage.setItem(KEY, JSON.stringify(current));
}

export function update(user, serverNow, zone) {
    if (!current) return;
    current = { ...current, user, zone: zone || current.zone };
    sessionStorage.setItem(KEY, JSON.stringify(current));
    if (serverNow) clockOffset = Date.parse(serverNow) - Date.now();
}

export function end() {
    current = null;
    sessionStorage.removeItem(KEY);
}

/** The SDK's business zone (an IANA id), which every time shows in; none before login. */
export function zone() {
    return current?.zone;
}

/** Milliseconds on the server's clock. */
export function now() {
    return Date.now() + clockOffset;
}

export function can(permission) {
    return !!current && current.user.permissions.includes(permission);
}

export function canAny(...permissions) {
    return permissions.some(can);
}
