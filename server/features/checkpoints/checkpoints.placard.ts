/**
 * The printable A4 placard (卡点公示牌) hung at a checkpoint: its name, place, kind, risk, hours and
 * shifts, and a large QR code of the check-in link. One self-contained HTML page: inline CSS and
 * inline SVG only, nothing fetched from anywhere, so it prints the same offline.
 */
import QRCode from 'qrcode';
import { CHECKPOINT_KIND_LABELS, CHECKPOINT_STATUS_LABELS, RISK_LABELS } from '../../../common/labels.ts';
import { slotLabel } from './checkpoints.pattern.ts';
import type { Checkpoint } from './checkpoints.schemas.ts';

/** The answer's policy: nothing but the page's own styles, its QR images and its print button. */
export const PLACARD_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'unsafe-inline'";

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** Where a volunteer's phone lands after scanning: the web app's check-in page for this checkpoint. */
export function checkInUrl(origin: string, code: string): string {
  return `${origin}/duty/check-in/${encodeURIComponent(code)}`;
}

const STYLE = `
@page { size: A4 portrait; margin: 12mm; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "SimHei", sans-serif; color: #111; background: #eee; }
.toolbar { position: sticky; top: 0; padding: 8px 16px; background: #fff; border-bottom: 1px solid #ccc; text-align: right; }
.toolbar button { font-size: 16px; padding: 6px 24px; background: #c0392b; color: #fff; border: 0; border-radius: 4px; cursor: pointer; }
.page { width: 186mm; min-height: 273mm; margin: 8mm auto; padding: 10mm 8mm; background: #fff; display: flex; flex-direction: column; align-items: center; border-top: 6mm solid #c0392b; }
.page + .page { page-break-before: always; break-before: page; }
.kicker { font-size: 16pt; letter-spacing: 0.3em; color: #c0392b; font-weight: bold; }
h1 { font-size: 34pt; line-height: 1.2; margin: 4mm 0 2mm; text-align: center; word-break: break-all; }
.place { font-size: 16pt; text-align: center; margin-bottom: 5mm; }
.facts { width: 100%; border-collapse: collapse; font-size: 13pt; margin-bottom: 5mm; }
.facts th, .facts td { border: 1px solid #999; padding: 2mm 3mm; text-align: left; vertical-align: top; }
.facts th { width: 28mm; background: #f6e4e2; white-space: nowrap; }
.slot { white-space: nowrap; margin-right: 4mm; display: inline-block; }
.risk-4 { color: #b00; font-weight: bold; } .risk-3 { color: #c60; font-weight: bold; }
.qr { width: 100mm; height: 100mm; }
.qr svg { width: 100%; height: 100%; display: block; }
.instruction { font-size: 20pt; font-weight: bold; margin: 4mm 0 2mm; text-align: center; }
.link { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 11pt; word-break: break-all; text-align: center; }
.code { font-size: 12pt; margin-top: 2mm; letter-spacing: 0.1em; }
.closed { font-size: 16pt; color: #b00; font-weight: bold; margin-bottom: 3mm; }
.empty { text-align: center; font-size: 16pt; padding: 40mm 0; }
@media print {
  body { background: #fff; }
  .toolbar { display: none; }
  .page { margin: 0; width: auto; min-height: 0; height: 272mm; border-top-width: 4mm; }
}
`;

/** One A4 page for a checkpoint; the caller puts pages into `placardDocument`. */
export async function placardPage(cp: Checkpoint, origin: string): Promise<string> {
  const url = checkInUrl(origin, cp.checkInCode);
  // The QR library builds the SVG from the URL's bytes alone: nothing of the user's text enters it as markup.
  const qr = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  const hours = cp.hours24 ? '24 小时开放' : `${cp.opensAt}–${cp.closesAt}`;
  const place = cp.address ? `${cp.regionName} · ${cp.address}` : cp.regionName;
  const rows: [string, string][] = [
    ['类型', escapeHtml(CHECKPOINT_KIND_LABELS[cp.kind]['zh-CN'])],
    ['风险等级', `<span class="risk-${cp.risk}">${escapeHtml(RISK_LABELS[cp.risk]['zh-CN'])}</span>`],
    ['开放时间', escapeHtml(hours)],
    ['班次', cp.shiftPattern.map((s) => `<span class="slot">${escapeHtml(slotLabel(s))}</span>`).join(' ')],
    ...(cp.teamName ? ([['值守队伍', escapeHtml(cp.teamName)]] as [string, string][]) : []),
  ];
  return `<section class="page">
<div class="kicker">疫情防控卡点</div>
<h1>${escapeHtml(cp.name)}</h1>
<div class="place">${escapeHtml(place)}</div>
${cp.status === 'active' ? '' : `<div class="closed">${escapeHtml(CHECKPOINT_STATUS_LABELS[cp.status]['zh-CN'])}</div>`}
<table class="facts">${rows.map(([k, v]) => `<tr><th>${k}</th><td>${v}</td></tr>`).join('')}</table>
<div class="qr" role="img" aria-label="签到二维码">${qr}</div>
<div class="instruction">志愿者到岗请用手机扫码签到 / 签退</div>
<div class="link">${escapeHtml(url)}</div>
<div class="code">签到码 ${escapeHtml(cp.checkInCode)}</div>
</section>`;
}

/** The whole printable document around the pages; no pages gives a page saying so. */
export function placardDocument(title: string, pages: string[]): string {
  const body = pages.length
    ? pages.join('\n')
    : '<section class="page"><div class="empty">该区划下没有启用的卡点</div></section>';
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<div class="toolbar"><button type="button" onclick="window.print()">打印</button></div>
${body}
</body>
</html>
`;
}
