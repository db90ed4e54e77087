import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Flex, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../app/api.ts';
import { formatDate } from '../../app/dates.ts';
import { NotFoundPage } from '../../app/pages.tsx';
import { useLanguage } from '../../app/useLanguage.ts';
import { QrCode } from '../../components/QrCode.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { certificateDate, certificateParagraphs, groupCode } from './certificateText.ts';
import { useCertificate } from './recognition.api.ts';

/**
 * One A4 landscape sheet, edge to edge: a red double frame as such certificates have, a serif face
 * (the system's CJK font fills in where no Song face is installed), the QR code bottom left.
 */
const PRINT_CSS = `
@page { size: A4 landscape; margin: 0; }
.cert-sheet { width: 297mm; height: 210mm; box-sizing: border-box; margin: 0 auto 24px; padding: 9mm; background: #fff; color: #000;
  font-family: "Songti SC", "SimSun", "Noto Serif CJK SC", serif; box-shadow: 0 2px 12px rgba(0,0,0,.15); }
.cert-frame { position: relative; height: 100%; box-sizing: border-box; border: 7px double #b71c1c; padding: 14mm 24mm 9mm;
  display: flex; flex-direction: column; overflow: hidden; }
.cert-frame::before { content: ""; position: absolute; inset: 3mm; border: 1px solid #d9a3a3; pointer-events: none; }
.cert-frame h1 { text-align: center; font-size: 42px; font-weight: bold; color: #b71c1c; margin: 0 0 9mm; }
html[lang="zh-CN"] .cert-frame h1 { letter-spacing: .6em; text-indent: .6em; }
.cert-body { flex: 1; font-size: 21px; line-height: 2.1; }
.cert-body.long { font-size: 17px; line-height: 1.9; }
.cert-body p { text-indent: 2em; margin: 0; text-align: justify; }
.cert-foot { display: flex; justify-content: space-between; align-items: flex-end; gap: 12mm; }
.cert-check { display: flex; align-items: flex-end; gap: 4mm; font-size: 13px; line-height: 1.7; }
.cert-check .code { font-family: "DejaVu Sans Mono", "Menlo", "Consolas", monospace; font-size: 14px; letter-spacing: 1px; }
.cert-sign { text-align: center; font-size: 21px; line-height: 2; min-width: 90mm; }
.cert-void { position: absolute; top: 50%; left: 50%; transform: translate(-50%, -50%) rotate(-22deg); white-space: nowrap;
  font-size: 110px; font-weight: bold; color: rgba(190, 0, 0, .25); border: 8px solid rgba(190, 0, 0, .25); border-radius: 12px;
  padding: 0 28px; pointer-events: none; }
html[lang="zh-CN"] .cert-void { letter-spacing: .3em; text-indent: .3em; }
@media print {
  html, body { background: #fff !important; }
  .no-print, .ant-message { display: none !important; }
  .cert-sheet { margin: 0; box-shadow: none; break-after: avoid; }
  .cert-sheet, .cert-sheet * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}`;

/** Past this many characters the wording takes a smaller size, so a long list of commendations still fits the sheet. */
const LONG_TEXT = 260;

/** 志愿服务证明 ready to print: no menu or header, the code in groups of four and as a QR code to check it. */
export function CertificatePrintPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { id = '' } = useParams();
  const query = useCertificate(id);
  if (query.isError) {
    if (query.error instanceof ApiError && query.error.status === 404) return <NotFoundPage />;
    return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  }
  const c = query.data;
  if (!c) return <Skeleton active style={{ padding: 24 }} />;
  const paragraphs = certificateParagraphs(c, t, language);
  const closing = t('recognition.cert.closing');
  const long = paragraphs.join('').length > LONG_TEXT;
  return (
    <>
      <style>{PRINT_CSS}</style>
      <Flex className="no-print" justify="space-between" style={{ padding: 16, maxWidth: '297mm', margin: '0 auto' }}>
        <Link to={`/volunteers/${c.volunteerId}`}>
          <Button icon={<ArrowLeftOutlined />} data-testid="certificate-print-back">
            {t('recognition.cert.back')}
          </Button>
        </Link>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="certificate-print-now">
          {t('recognition.cert.printNow')}
        </Button>
      </Flex>
      <div className="cert-sheet" data-testid="certificate-print-page">
        <div className="cert-frame">
          <h1>{t('recognition.cert.title')}</h1>
          <div className={long ? 'cert-body long' : 'cert-body'} data-testid="certificate-text">
            {paragraphs.map((p) => (
              <p key={p}>{p}</p>
            ))}
            {closing ? <p>{closing}</p> : null}
          </div>
          <div className="cert-foot">
            <div className="cert-check">
              <QrCode
                text={`${window.location.origin}${c.verifyPath}`}
                size={112}
                alt={t('recognition.cert.scan')}
                testId="certificate-qr"
              />
              <div>
                <div>{t('recognition.cert.scan')}</div>
                <div className="code" data-testid="certificate-print-code">
                  {t('recognition.cert.code', { code: groupCode(c.code) })}
                </div>
              </div>
            </div>
            <div className="cert-sign">
              <div data-testid="certificate-issuer">{c.issuer}</div>
              <div>{certificateDate(formatDate(c.issuedAt), t)}</div>
            </div>
          </div>
          {c.revokedAt ? (
            <div className="cert-void" data-testid="certificate-void">
              {t('recognition.cert.watermark')}
            </div>
          ) : null}
        </div>
      </div>
    </>
  );
}
