import { SendOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReportError } from '../../app/errors.ts';
import { useIdempotentCreate } from '../../components/idempotency.ts';
import { FIELD_ISSUES_KEY, type FieldIssueDetail } from './fieldIssues.api.ts';

/** The comment box under the timeline; what was typed stays if sending fails. */
export function CommentBox({ issueId }: { issueId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const report = useReportError();
  const [form] = Form.useForm<{ body: string }>();
  const [busy, setBusy] = useState(false);
  // A resent comment (a flaky connection) must not show twice on the timeline.
  const post = useIdempotentCreate();

  async function send({ body }: { body: string }) {
    setBusy(true);
    try {
      const detail = await post<FieldIssueDetail>(`/field-issues/${issueId}/comments`, { body: body.trim() });
      client.setQueryData([FIELD_ISSUES_KEY, 'detail', detail.id], detail);
      form.resetFields();
      void message.success(t('fieldIssues.commented'));
    } catch (e) {
      report(e, form);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Form form={form} onFinish={(v) => void send(v)} style={{ marginTop: 12 }} data-testid="field-issue-comment-form">
      <Flex gap={8} align="flex-start">
        <Form.Item name="body" rules={[{ required: true, whitespace: true, message: '' }]} style={{ flex: 1, marginBottom: 0 }}>
          <Input.TextArea
            maxLength={1000}
            autoSize={{ minRows: 1, maxRows: 6 }}
            placeholder={t('fieldIssues.commentPlaceholder')}
            aria-label={t('fieldIssues.comment')}
            data-testid="field-issue-comment"
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<SendOutlined />} loading={busy} data-testid="field-issue-comment-send">
          {t('fieldIssues.commentSend')}
        </Button>
      </Flex>
    </Form>
  );
}
