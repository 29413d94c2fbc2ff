// Customers' messages a channel could not file and moved aside, newest first: where each one is now, and why, so that
// an administrator deals with it in place (e.g. in the mailbox). The server lists them without content or sender.
import { api } from '../../api.js';
import { h, heading, table } from '../../dom.js';
import { dateTime } from '../../format.js';
import { t } from '../../i18n.js';

const LIMIT = 200;

export default async function setAside({ main, navigate }) {
    const items = (await api.get(`/api/v1/admin/channels/set-aside?limit=${LIMIT}`)).items;

    const rows = table(t('setAside.caption'), [
        { label: t('setAside.at'), cell: m => dateTime(m.at) },
        { label: t('setAside.channel'), cell: m => h('code', {}, m.channel) },
        { label: t('setAside.messageId'), cell: m => h('code', {}, m.messageId) },
        { label: t('setAside.reason'), cell: m => m.reason },
        { label: t('setAside.place'), cell: m => m.place },
    ], items, { empty: t('setAside.none'), rowProps: m => ({ dataset: { channel: m.channel } }) });

    main.append(heading(t('setAside.title'),
        h('button', { type: 'button', class: 'refresh', onclick: () => navigate('/admin/set-aside') },
            t('common.refresh'))),
    h('p', { class: 'muted' }, t('setAside.intro')),
    h('section', { class: 'panel' }, rows,
        items.length === LIMIT ? h('p', { class: 'muted' }, t('setAside.more', { limit: LIMIT })) : null));
}
