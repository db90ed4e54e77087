/**
 * The printable public summary of the ledger (问题台账办理情况): counts and outcomes only. It is put
 * up where residents can read it, so it holds no names, no accounts, and neither titles nor
 * descriptions (free text that may name someone): the rows it is built from carry none of them.
 */
import { FIELD_ISSUE_CATEGORIES, type FieldIssueCategory, type Language } from '../../../common/enums.ts';
import { FIELD_ISSUE_CATEGORY_LABELS } from '../../../common/labels.ts';
import { translate, type MessageParams } from '../../platform/i18n.ts';
import { escapeHtml } from '../checkpoints/checkpoints.placard.ts';
import type { SummaryRow } from './field-issues.repository.ts';
import { hoursBetween, isOverdue, median } from './field-issues.rules.ts';

export interface Outcomes {
  raised: number;
  resolved: number;
  verified: number;
  open: number;
  overdue: number;
  /** Share of the resolved ones resolved by their deadline, 0–1; null when none was resolved. */
  onTimeShare: number | null;
  medianHoursToResolve: number | null;
}

export interface Summary {
  regionName: string;
  from: string;
  to: string;
  /** Local 'YYYY-MM-DD HH:MM'. */
  generatedAt: string;
  total: Outcomes;
  byCategory: { category: FieldIssueCategory; outcomes: Outcomes }[];
  byTownship: { name: string; outcomes: Outcomes }[];
}

/** The outcomes of a set of issues as they stand at `now`. */
export function outcomes(rows: readonly SummaryRow[], now: Date): Outcomes {
  const resolved = rows.filter((r) => r.resolvedAt !== null);
  const onTime = resolved.filter((r) => Date.parse(r.resolvedAt!) <= Date.parse(r.deadline)).length;
  return {
    raised: rows.length,
    resolved: resolved.length,
    verified: rows.filter((r) => r.status === 'verified').length,
    open: rows.filter((r) => r.status === 'open' || r.status === 'in_progress').length,
    overdue: rows.filter((r) => isOverdue(r.status, r.deadline, now)).length,
    onTimeShare: resolved.length ? onTime / resolved.length : null,
    medianHoursToResolve: median(resolved.map((r) => hoursBetween(r.createdAt, r.resolvedAt!))),
  };
}

/**
 * Groups the rows: by category (every category, so the table's shape never changes), and by the
 * township each place lies in (`townshipOf` gives its id and name; places above township level
 * count under their own name).
 */
export function summarise(
  rows: readonly SummaryRow[],
  townshipOf: (regionPath: string) => { id: string; name: string },
  now: Date,
): Pick<Summary, 'total' | 'byCategory' | 'byTownship'> {
  const towns = new Map<string, { name: string; rows: SummaryRow[] }>();
  for (const r of rows) {
    const town = townshipOf(r.regionPath);
    const entry = towns.get(town.id) ?? { name: town.name, rows: [] };
    entry.rows.push(r);
    towns.set(town.id, entry);
  }
  return {
    total: outcomes(rows, now),
    byCategory: FIELD_ISSUE_CATEGORIES.map((category) => ({
      category,
      outcomes: outcomes(
        rows.filter((r) => r.category === category),
        now,
      ),
    })),
    byTownship: [...towns.values()]
      .map((t) => ({ name: t.name, outcomes: outcomes(t.rows, now) }))
      .sort((a, b) => b.outcomes.raised - a.outcomes.raised || a.name.localeCompare(b.name, 'zh-CN')),
  };
}

const STYLE = `
@page { size: A4 portrait; margin: 14mm; }
* { box-sizing: border-box; }
body { margin: 0; font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: #111; background: #eee; }
.toolbar { position: sticky; top: 0; padding: 8px 16px; background: #fff; border-bottom: 1px solid #ccc; text-align: right; }
.toolbar button { font-size: 16px; padding: 6px 24px; background: #c0392b; color: #fff; border: 0; border-radius: 4px; cursor: pointer; }
.page { max-width: 190mm; margin: 8mm auto; padding: 10mm; background: #fff; border-top: 5mm solid #c0392b; }
h1 { font-size: 20pt; margin: 0 0 2mm; text-align: center; }
.meta { text-align: center; color: #444; font-size: 10.5pt; margin-bottom: 5mm; }
.totals { display: flex; flex-wrap: wrap; gap: 3mm; margin-bottom: 6mm; }
.totals div { flex: 1 1 28mm; border: 1px solid #ccc; padding: 2mm 3mm; text-align: center; }
.totals b { display: block; font-size: 18pt; }
.totals span { font-size: 9.5pt; color: #444; }
h2 { font-size: 13pt; margin: 6mm 0 2mm; border-left: 3px solid #c0392b; padding-left: 2mm; }
table { width: 100%; border-collapse: collapse; font-size: 10.5pt; }
th, td { border: 1px solid #999; padding: 1.5mm 2mm; text-align: right; }
th:first-child, td:first-child { text-align: left; }
thead th { background: #f6e4e2; }
tfoot td { font-weight: bold; background: #fafafa; }
.empty { text-align: center; padding: 20mm 0; font-size: 14pt; }
.note { margin-top: 6mm; font-size: 9.5pt; color: #444; }
@media print { body { background: #fff; } .toolbar { display: none; } .page { margin: 0; max-width: none; border-top-width: 3mm; } }
`;

const dash = '—';
const percent = (share: number | null) => (share === null ? dash : `${Math.round(share * 1000) / 10}%`);
const hours = (h: number | null) => (h === null ? dash : String(Math.round(h * 10) / 10));

/** The printable page in the reader's language (every shown text is escaped). */
export function summaryPage(s: Summary, lang: Language): string {
  const t = (key: string, params?: MessageParams) => escapeHtml(translate(lang, `fieldIssue.summary.${key}`, params));
  const cells = (o: Outcomes) =>
    [o.raised, o.resolved, o.verified, o.open, o.overdue, percent(o.onTimeShare), hours(o.medianHoursToResolve)]
      .map((v) => `<td>${v}</td>`)
      .join('');
  const head = (first: string) =>
    `<thead><tr><th>${first}</th>${['raised', 'resolved', 'verified', 'open', 'overdue', 'onTime', 'medianHours']
      .map((k) => `<th>${t(k)}</th>`)
      .join('')}</tr></thead>`;
  const table = (first: string, rows: { label: string; outcomes: Outcomes }[]) =>
    `<table>${head(first)}<tbody>${rows
      .map((r) => `<tr><td>${escapeHtml(r.label)}</td>${cells(r.outcomes)}</tr>`)
      .join('')}</tbody><tfoot><tr><td>${t('total')}</td>${cells(s.total)}</tr></tfoot></table>`;
  const totals = (['raised', 'resolved', 'verified', 'open', 'overdue'] as const)
    .map((k) => `<div><b>${s.total[k]}</b><span>${t(k)}</span></div>`)
    .concat(
      `<div><b>${percent(s.total.onTimeShare)}</b><span>${t('onTime')}</span></div>`,
      `<div><b>${hours(s.total.medianHoursToResolve)}</b><span>${t('medianHours')}</span></div>`,
    )
    .join('');
  const body =
    s.total.raised === 0
      ? `<div class="empty">${t('empty')}</div>`
      : `<div class="totals">${totals}</div>
<h2>${t('byCategory')}</h2>
${table(
  t('category'),
  s.byCategory.map((c) => ({ label: FIELD_ISSUE_CATEGORY_LABELS[c.category][lang], outcomes: c.outcomes })),
)}
<h2>${t('byTownship')}</h2>
${table(
  t('township'),
  s.byTownship.map((r) => ({ label: r.name, outcomes: r.outcomes })),
)}`;
  const title = t('title', { region: s.regionName });
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${STYLE}</style>
</head>
<body>
<div class="toolbar"><button type="button" onclick="window.print()">${t('print')}</button></div>
<section class="page">
<h1>${title}</h1>
<div class="meta">${t('period', { from: s.from, to: s.to })} · ${t('generated', { at: s.generatedAt })}</div>
${body}
<p class="note">${t('note')}</p>
</section>
</body>
</html>
`;
}
