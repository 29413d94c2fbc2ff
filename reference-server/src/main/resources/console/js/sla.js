// A ticket's SLA at a glance: the nearest running deadline counted down on the server's clock, amber from the 80 %
// mark, red once missed. The colour never carries the meaning alone: the text says "at risk" or "overdue" too.
import { h } from './dom.js';
import { label, span } from './format.js';
import { t } from './i18n.js';
import { now } from './session.js';

/** The running target due first, as {target, due, warnAt}; undefined when none runs or the clocks are paused. */
export function nearest(sla) {
    if (!sla || sla.paused) return undefined;
    return (sla.running || [])
        .map(target => ({ target, ...sla.deadlines[target] }))
        .sort((a, b) => Date.parse(a.due) - Date.parse(b.due))[0];
}

/** The state of a ticket's SLA right now: 'breach', 'warn', 'ok', 'paused' or 'none'. */
export function state(sla, at = now()) {
    if (!sla) return 'none';
    if (sla.paused) return 'paused';
    const next = nearest(sla);
    if ((sla.breached || []).length || (next && Date.parse(next.due) <= at)) return 'breach';
    if (!next) return 'none';
    if ((sla.atRisk || []).length || Date.parse(next.warnAt) <= at) return 'warn';
    return 'ok';
}

/** A countdown element; update() recomputes it (the views call it every few seconds). */
export function countdown(sla) {
    const el = h('span', { class: 'sla' });
    el.update = () => {
        const current = state(sla);
        const next = nearest(sla);
        el.className = `sla sla-${current}`;
        if (current === 'paused') el.textContent = t('common.sla.paused');
        else if (!next) el.textContent = t('common.sla.none');
        else {
            const left = Date.parse(next.due) - now();
            const what = label('target', next.target);
            el.textContent = left >= 0
                ? `${what} · ${t('common.sla.left', { span: span(left) })}${current === 'warn' ? ` · ${t('common.sla.atRisk')}` : ''}`
                : `${what} · ${t('common.sla.overdue', { span: span(left) })}`;
        }
    };
    el.update();
    return el;
}

/** Updates every countdown under root every 15 s; returns the function that stops it, for a view to return. */
export function tick(root) {
    const timer = setInterval(() => root.querySelectorAll('.sla').forEach(el => el.update?.()), 15000);
    return () => clearInterval(timer);
}
