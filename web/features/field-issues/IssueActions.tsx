import {
  CheckCircleOutlined,
  EditOutlined,
  PlayCircleOutlined,
  RollbackOutlined,
  SafetyCertificateOutlined,
} from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConfirm } from '../../app/confirm.ts';
import { useReportError } from '../../app/errors.ts';
import { useIsPhone } from '../../app/useIsPhone.ts';
import { EditIssueModal } from './EditIssueModal.tsx';
import { afterWrite, FIELD_ISSUES_KEY, issueActions, type FieldIssueDetail } from './fieldIssues.api.ts';
import { NoteModal } from './NoteModal.tsx';

type Dialog = 'resolve' | 'reject' | 'edit' | null;

export function hasActions(issue: FieldIssueDetail): boolean {
  const { start, resolve, verify, edit } = issue.can;
  return start || resolve || verify || edit;
}

/** The steps the caller may take now, as the server's `can` flags say; big buttons on a phone. */
export function IssueActions({ issue }: { issue: FieldIssueDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const confirm = useConfirm();
  const report = useReportError();
  const phone = useIsPhone();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [starting, setStarting] = useState(false);
  const size = phone ? 'large' : 'middle';

  async function done(detail: FieldIssueDetail, notice: string) {
    await afterWrite(client, detail);
    void message.success(notice);
  }

  /** A refusal usually means someone else moved the issue first: show it as it now stands. */
  async function refreshed<T>(act: () => Promise<T>): Promise<T> {
    try {
      return await act();
    } catch (e) {
      void client.invalidateQueries({ queryKey: [FIELD_ISSUES_KEY, 'detail', issue.id] });
      throw e;
    }
  }

  async function start() {
    setStarting(true);
    try {
      await refreshed(async () => done(await issueActions.status(issue.id, { to: 'in_progress' }), t('fieldIssues.started')));
    } catch (e) {
      report(e);
    } finally {
      setStarting(false);
    }
  }

  function accept() {
    confirm({
      title: t('fieldIssues.verifyAcceptConfirm'),
      okText: t('fieldIssues.verifyAccept'),
      testId: 'field-issue-verify-confirm',
      action: () =>
        refreshed(async () => done(await issueActions.verify(issue.id, { accepted: true }), t('fieldIssues.verified'))),
    });
  }

  return (
    <>
      <Flex wrap gap={8} vertical={phone} data-testid="field-issue-actions">
        {issue.can.start ? (
          <Button
            type="primary"
            size={size}
            icon={<PlayCircleOutlined />}
            loading={starting}
            onClick={() => void start()}
            data-testid="field-issue-start"
          >
            {t('fieldIssues.start')}
          </Button>
        ) : null}
        {issue.can.resolve ? (
          <Button
            type={issue.can.start ? 'default' : 'primary'}
            size={size}
            icon={<CheckCircleOutlined />}
            onClick={() => setDialog('resolve')}
            data-testid="field-issue-resolve"
          >
            {t('fieldIssues.resolve')}
          </Button>
        ) : null}
        {issue.can.verify ? (
          <>
            <Button
              type="primary"
              size={size}
              icon={<SafetyCertificateOutlined />}
              onClick={accept}
              data-testid="field-issue-verify"
            >
              {t('fieldIssues.verifyAccept')}
            </Button>
            <Button
              danger
              size={size}
              icon={<RollbackOutlined />}
              onClick={() => setDialog('reject')}
              data-testid="field-issue-reject"
            >
              {t('fieldIssues.verifyReject')}
            </Button>
          </>
        ) : null}
        {issue.can.edit ? (
          <Button size={size} icon={<EditOutlined />} onClick={() => setDialog('edit')} data-testid="field-issue-edit">
            {t('fieldIssues.edit')}
          </Button>
        ) : null}
      </Flex>
      {dialog === 'resolve' ? (
        <NoteModal
          title={t('fieldIssues.resolveTitle')}
          label={t('fieldIssues.resolutionLabel')}
          hint={t('fieldIssues.resolutionHint')}
          okText={t('fieldIssues.resolve')}
          success={t('fieldIssues.resolved')}
          testId="field-issue-resolve-form"
          onClose={() => setDialog(null)}
          submit={(note) => issueActions.status(issue.id, { to: 'resolved', note })}
        />
      ) : null}
      {dialog === 'reject' ? (
        <NoteModal
          title={t('fieldIssues.verifyRejectTitle')}
          label={t('fieldIssues.rejectNote')}
          hint={t('fieldIssues.rejectHint')}
          okText={t('fieldIssues.verifyReject')}
          success={t('fieldIssues.rejected')}
          testId="field-issue-reject-form"
          onClose={() => setDialog(null)}
          submit={(note) => issueActions.verify(issue.id, { accepted: false, note })}
        />
      ) : null}
      {dialog === 'edit' ? <EditIssueModal issue={issue} onClose={() => setDialog(null)} /> : null}
    </>
  );
}
