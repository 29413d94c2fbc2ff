// The reports dashboard: the KPIs of a period (docs/kpis.md) as cards and charts, the monthly review's weak points,
// and both reports as CSV. Chart.js is loaded on the first visit only; every chart also lists its numbers.
import { api, ApiError, query } from '../../api.js';
import { addMonths, lastDayOf, today } from '../../days.js';
import * as directory from '../../directory.js';
import { field, h, heading, showProblem, table, toast, values } from '../../dom.js';
import { isoDuration, label, percent } from '../../format.js';
import { currentLanguage, t } from '../../i18n.js';
import { can } from '../../session.js';

const PRIORITIES = ['P1', 'P2', 'P3', 'P4'];
const DIMENSIONS = ['responseSpeed', 'resolution', 'attitude', 'overall'];
const TREND_MONTHS = 6;
const COLOURS = ['#1f5fa8', '#b3261e', '#8a5a00', '#2e7d32', '#6a3d9a'];

let chartLibrary = null;

/** Chart.js from its WebJar, added to the page once. */
function loadChartJs() {
    if (!chartLibrary) {
        chartLibrary = new Promise((resolve, reject) => {
            const script = h('script', { src: '/webjars/chart.js/dist/chart.umd.min.js' });
            script.addEventListener('load', () => resolve(window.Chart));
            script.addEventListener('error', () => {
                chartLibrary = null;
                reject(new Error(t('reports.chartsUnavailable')));
            });
            document.head.append(script);
        });
    }
    return chartLibrary;
}

export default async function reports({ main, query: params, navigate }) {
    const asked = { from: params.get('from') || '', to: params.get('to') || '' };
    const mayChooseDepartment = can('report.read.all');
    const departmentId = mayChooseDepartment ? (params.get('departmentId') || '') : '';
    const scope = { departmentId };
    // Without dates the SDK's default: the business month so far (and its review), which the answers name.
    const figures = Promise.all([
        api.get(`/api/v1/reports/kpis${query({ ...asked, ...scope })}`),
        api.get(`/api/v1/reports/monthly${query({ month: asked.to.slice(0, 7), ...scope })}`),
    ]).then(ok => ({ ok }), error => ({ error })); // settled either way: a refusal waits unhandled for no one
    // Names for the ids, asked for while the server computes the figures.
    const [departments, types] = await Promise.all([directory.departments(), directory.ticketTypes()]);
    const { ok, error } = await figures;
    const [kpis, review] = ok || [];
    const from = kpis?.from || asked.from;
    const to = kpis?.to || asked.to;
    const filters = h('form', { class: 'toolbar', 'aria-label': t('reports.period'), novalidate: true, onsubmit: event => {
        event.preventDefault();
        navigate(`/reports${query(values(event.currentTarget))}`);
    } },
    field('from', t('reports.from'), { kind: 'date', value: from }),
    field('to', t('reports.to'), { kind: 'date', value: to }),
    mayChooseDepartment
        ? field('departmentId', t('reports.department'), { kind: 'select', value: departmentId, options: [
            ['', t('reports.wholeService')], ...Object.values(departments)
                .sort((a, b) => a.name.localeCompare(b.name)).map(d => [d.id, d.name])] })
        : null,
    h('button', { type: 'submit' }, t('reports.show')));

    if (error) {
        if (!(error instanceof ApiError) || error.status !== 422) throw error;
        main.append(heading(t('reports.title')), filters);
        showProblem(filters, error);
        return undefined;
    }
    // The exports are of the period shown, named in full.
    const month = review.month;
    const kpiPath = `/api/v1/reports/kpis${query({ from, to, ...scope })}`;
    const monthlyPath = `/api/v1/reports/monthly${query({ month, ...scope })}`;

    // The charts follow the figures: Chart.js (first visit only) and the trend's months load while the page shows.
    const months = lastMonths(month, TREND_MONTHS);
    const trend = Promise.all(months.map(m => api.get(`/api/v1/reports/kpis${query({ ...monthPeriod(m, to), ...scope })}`)))
        .then(perMonth => trendChart(months, perMonth));
    const view = { charts: [], left: false };
    const exports = h('div', { class: 'downloads', 'aria-live': 'polite' });
    const exportButton = (text, path, name) => h('button', { type: 'button', class: `export export-${name}`,
        onclick: () => offerCsv(path, name, exports) }, text);

    main.append(
        heading(t('reports.title'),
            exportButton(t('reports.exportKpis'), kpiPath, 'kpis'),
            exportButton(t('reports.exportMonthly'), monthlyPath, 'monthly')),
        filters,
        exports,
        h('p', { class: 'muted' }, t('reports.scope', { from, to, scope: scopeName(kpis.departmentId, departments) })),
        cards(kpis),
        h('div', { class: 'grid charts' },
            chartFigure('volume', t('reports.volumeByType'), volumeChart(kpis, types), view),
            chartFigure('trend', t('reports.trend'), trend, view),
            chartFigure('survey', t('reports.surveyDimensions'), surveyChart(kpis), view),
            chartFigure('nps', t('reports.nps'), npsChart(kpis), view)),
        weakPoints(review));
    return () => {
        view.left = true;
        view.charts.forEach(c => c.destroy());
    };
}

/** The days of month (YYYY-MM) up to the day to (YYYY-MM-DD) at most, as from/to parameters. */
function monthPeriod(month, to) {
    const last = lastDayOf(month);
    return { from: `${month}-01`, to: last < to ? last : to };
}

function scopeName(departmentId, departments) {
    return departmentId ? departments[departmentId]?.name || departmentId : t('reports.wholeService');
}

/** The months ending with month (YYYY-MM), oldest first. */
function lastMonths(month, count) {
    return Array.from({ length: count }, (_, i) => addMonths(month, i - (count - 1)));
}

function number(value, digits = 1) {
    return value === null || value === undefined ? '–' : new Intl.NumberFormat(currentLanguage(),
        { maximumFractionDigits: digits }).format(value);
}

function cards(k) {
    const card = (name, caption, figure, detail) => h('div', { class: `card kpi-${name}` },
        h('div', { class: 'caption' }, caption), h('div', { class: 'figure' }, figure),
        detail ? h('div', { class: 'caption' }, detail) : null);
    return h('section', { class: 'kpis', 'aria-label': t('reports.kpis') }, h('div', { class: 'cards' },
        card('opened', t('reports.ticketsOpened'), number(k.ticketsOpened, 0)),
        card('median', t('reports.firstResponseMedian'), isoDuration(k.firstResponse.median),
            t('reports.p90', { value: isoDuration(k.firstResponse.p90) })),
        card('within-target', t('reports.withinTarget'), percent(k.firstResponse.withinTargetRate)),
        card('resolved72', t('reports.resolvedWithin72h'), percent(k.resolvedWithin72hRate)),
        h('div', { class: 'card kpi-sla' }, h('div', { class: 'caption' }, t('reports.slaCompliance')),
            h('dl', { class: 'facts compact' }, PRIORITIES.flatMap(p => [h('dt', {}, label('priority', p)),
                h('dd', {}, percent(k.slaCompliance[p]))]))),
        card('complaints', t('reports.complaintRate'), percent(k.complaintRate)),
        card('reopen', t('reports.reopenRate'), percent(k.reopenRate)),
        card('repeat', t('reports.repeatPurchase'), percent(k.repeatPurchaseRate)),
        card('referral', t('reports.referralShare'), percent(k.referralShare)),
        card('answers', t('reports.surveyAnswers'), number(k.survey.answers, 0),
            t('reports.verySatisfied', { value: percent(k.survey.verySatisfiedRate) })),
        card('improvements', t('reports.openImprovements'), number(k.improvements.open, 0),
            k.improvements.averageVerificationScore === null ? null
                : t('reports.verificationScore', { value: number(k.improvements.averageVerificationScore) }))));
}

/**
 * A chart as a figure: its caption at once; the canvas, described by its numbers, and the numbers as a table once
 * both the data (spec, or a promise of it) and Chart.js are there.
 */
function chartFigure(name, caption, spec, view) {
    const captionId = `chart-${name}-caption`;
    const body = h('div', { class: 'chart-body', 'aria-busy': 'true' }, h('p', { class: 'muted' }, t('common.loading')));
    Promise.all([spec, loadChartJs()]).then(([ready, Chart]) => {
        if (view.left) return;
        const canvas = h('canvas', { role: 'img', 'aria-labelledby': captionId,
            'aria-describedby': `chart-${name}-numbers`, class: `chart-${name}` });
        const numbers = table(t('reports.numbersOf', { chart: caption }), [
            { label: t('reports.item'), cell: row => row[0] },
            ...ready.datasets.map((set, i) => ({ label: set.label, class: 'num', cell: row => ready.format(row[1][i]) })),
        ], ready.labels.map((l, i) => [l, ready.datasets.map(set => set.data[i])]), { empty: t('reports.noData') });
        numbers.id = `chart-${name}-numbers`;
        body.replaceChildren(ready.headline || '',
            h('div', { class: `chart-box${ready.short ? ' chart-box-short' : ''}` }, canvas),
            h('details', {}, h('summary', {}, t('reports.showNumbers')), numbers));
        body.removeAttribute('aria-busy');
        view.charts.push(new Chart(canvas, {
            type: ready.type,
            data: { labels: ready.labels, datasets: ready.datasets.map((set, i) => ({
                borderColor: COLOURS[i % COLOURS.length], backgroundColor: COLOURS[i % COLOURS.length], ...set })) },
            options: { responsive: true, maintainAspectRatio: false, animation: false, indexAxis: ready.indexAxis || 'x',
                scales: ready.scales, plugins: { legend: { display: ready.datasets.length > 1 } } },
        }));
    }).catch(error => {
        body.removeAttribute('aria-busy');
        body.replaceChildren(h('p', { role: 'alert' }, error.message));
    });
    return h('figure', { class: `panel chart chart-figure-${name}` },
        h('figcaption', { id: captionId }, h('h2', {}, caption)), body);
}

function volumeChart(k, types) {
    const entries = Object.entries(k.volumeByType || {}).sort((a, b) => b[1] - a[1]);
    return { type: 'bar', labels: entries.map(([code]) => types[code]?.name || code),
        datasets: [{ label: t('reports.tickets'), data: entries.map(([, n]) => n) }],
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } }, format: v => number(v, 0) };
}

function trendChart(labels, months) {
    const asPercent = rate => (rate === null || rate === undefined ? null : Math.round(rate * 1000) / 10);
    return { type: 'line', labels,
        datasets: [
            { label: t('reports.withinTarget'), data: months.map(m => asPercent(m.firstResponse.withinTargetRate)), spanGaps: true, pointRadius: 4 },
            ...PRIORITIES.map(p => ({ label: t('reports.slaOf', { priority: label('priority', p) }),
                data: months.map(m => asPercent(m.slaCompliance[p])), spanGaps: true, pointRadius: 4 })),
        ],
        scales: { y: { min: 0, max: 100, ticks: { callback: v => `${v} %` } } },
        format: v => (v === null || v === undefined ? '–' : `${number(v)} %`) };
}

function surveyChart(k) {
    return { type: 'bar', labels: DIMENSIONS.map(d => t(`reports.dimension.${d}`)),
        datasets: [{ label: t('reports.meanScore'), data: DIMENSIONS.map(d => k.survey[d]) }],
        scales: { y: { min: 0, max: 5 } }, format: v => number(v, 2) };
}

function npsChart(k) {
    const nps = k.survey.nps;
    return { type: 'bar', indexAxis: 'y', labels: [t('reports.npsShort')],
        datasets: [{ label: t('reports.npsShort'), data: [nps] }],
        scales: { x: { min: -100, max: 100 } }, format: v => number(v, 0), short: true,
        headline: h('p', { class: 'figure nps-figure' }, nps === null ? t('reports.noAnswers') : number(nps, 0)) };
}

function weakPoints(review) {
    return h('section', { class: 'panel weak-points' },
        h('h2', {}, t('reports.weakPoints', { month: review.month })),
        table(t('reports.weakPointsCaption'), [
            { label: t('reports.figure'), cell: w => label('figure', w.figure) },
            { label: t('reports.value'), class: 'num', cell: w => figureValue(w) },
            { label: t('reports.threshold'), class: 'num', cell: w => figureValue({ ...w, value: w.threshold }) },
            { label: t('reports.reason'), cell: w => label('weakPoint', w.reason) },
        ], review.weakPoints, { empty: t('reports.noWeakPoints'), captionShown: false }));
}

function figureValue(point) {
    return point.reason === 'SLA_BELOW_TARGET' ? percent(point.value) : number(point.value, 2);
}

/** Fetches a report as CSV and offers it as a file to save. */
async function offerCsv(path, name, box) {
    box.setAttribute('aria-busy', 'true');
    try {
        const csv = await api.text(path, 'text/csv');
        const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
        const file = `${name}-${today()}.csv`;
        const previous = box.querySelector(`a.download-${name}`);
        if (previous) {
            URL.revokeObjectURL(previous.href);
            previous.remove();
        }
        const anchor = h('a', { href: url, download: file, class: `button download-${name}` },
            t('reports.download', { file }));
        box.append(anchor);
        anchor.focus();
    } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        toast(error.message, 'error');
    } finally {
        box.removeAttribute('aria-busy');
    }
}
