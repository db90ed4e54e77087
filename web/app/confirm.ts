import { App, type ButtonProps } from 'antd';
import type { ReactNode } from 'react';
import { useCallback } from 'react';
import { useReportError } from './errors.ts';

export interface ConfirmOptions {
  title: ReactNode;
  content?: ReactNode;
  okText?: ReactNode;
  danger?: boolean;
  /** `data-testid` of the confirming button. */
  testId: string;
  action: () => Promise<void>;
}

/**
 * Asks before a consequential act and runs it; a refusal from the server (a region still in use,
 * the last administrator) is shown in its words rather than leaving the dialog hanging.
 */
export function useConfirm(): (options: ConfirmOptions) => void {
  const { modal } = App.useApp();
  const report = useReportError();
  return useCallback(
    ({ title, content, okText, danger, testId, action }: ConfirmOptions) => {
      void modal.confirm({
        title,
        content,
        okText,
        okButtonProps: { danger, 'data-testid': testId } as ButtonProps,
        cancelButtonProps: { 'data-testid': `${testId}-cancel` } as ButtonProps,
        onOk: async () => {
          try {
            await action();
          } catch (e) {
            report(e);
          }
        },
      });
    },
    [modal, report],
  );
}
