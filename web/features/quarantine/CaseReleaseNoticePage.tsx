import { Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ISOLATION_KIND_LABELS } from '../../../common/labels.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { useReleaseNotice } from './cases.api.ts';

/** Only the notice prints, on one A4 sheet, in a formal serif face as such notices are. */
const PRINT_CSS = `
@page { size: A4; margin: 20mm; }
.release-notice { max-width: 170mm; margin: 0 auto; padding: 16mm 14mm; background: #fff; font-family: "Songti SC", "SimSun", "Noto Serif CJK SC", serif; font-size: 16px; line-height: 2; color: #000; border: 1px solid #ddd; }
.release-notice h1 { text-align: center; font-size: 26px; letter-spacing: 6px; margin: 0 0 8px; }
.release-notice .ref { text-align: right; font-size: 13px; }
.release-notice p { text-indent: 2em; margin: 12px 0; }
.release-notice .sign { margin-top: 48px; display: flex; justify-content: space-between; gap: 24px; }
.release-notice .stamp { text-align: right; }
@media print {
  body * { visibility: hidden; }
  .release-notice, .release-notice * { visibility: visible; }
  .release-notice { position: absolute; left: 0; top: 0; width: 100%; max-width: none; border: none; padding: 0; }
  .no-print { display: none !important; }
}`;

/** 解除隔离告知书: handed to the person on release; the ID number stays masked (first 6 + last 4). */
export function CaseReleaseNoticePage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { id = '' } = useParams();
  const notice = useReleaseNotice(id);
  if (notice.isError) return <QueryError error={notice.error} onRetry={() => void notice.refetch()} />;
  const n = notice.data;
  if (!n) return null;
  const params = {
    name: n.personName,
    idNumber: n.idNumber ?? t('cases.notice.noIdNumber'),
    address: n.address ?? n.regionName,
    kind: ISOLATION_KIND_LABELS[n.kind][language],
    from: n.startsOn,
    to: n.endsOn,
    released: n.releasedOn,
  };
  return (
    <>
      <style>{PRINT_CSS}</style>
      <Flex className="no-print" justify="flex-end" style={{ marginBottom: 16 }}>
        <Button type="primary" onClick={() => window.print()} data-testid="notice-print">
          {t('cases.notice.print')}
        </Button>
      </Flex>
      <div className="release-notice" data-testid="release-notice">
        <div className="ref">{t('cases.notice.ref', { ref: n.ref })}</div>
        <h1>{t('cases.notice.title')}</h1>
        <p>{t(n.closeKind === 'early' ? 'cases.notice.bodyEarly' : 'cases.notice.body', params)}</p>
        <p>{t('cases.notice.advice')}</p>
        <div className="sign">
          <div>
            <div>{t('cases.notice.signature')}</div>
            <div>{t('cases.notice.date')}</div>
          </div>
          <div className="stamp">
            <div>{t('cases.notice.community', { name: n.communityName })}</div>
            <div>{n.releasedOn}</div>
          </div>
        </div>
      </div>
    </>
  );
}
