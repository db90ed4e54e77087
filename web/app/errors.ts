import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { ApiError } from './api.ts';

/** `grants.0.regionId` → `['grants', 0, 'regionId']`, the name antd's Form.List gives that field. */
function fieldName(path: string): (string | number)[] {
  return path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function sameName(a: (string | number)[], b: (string | number)[]): boolean {
  return a.length === b.length && a.every((part, i) => part === b[i]);
}

/** A problem with a whole row of a list (`grants.0`) goes under that row's last field. */
function lastInside(registered: (string | number)[][], prefix: (string | number)[]): (string | number)[] | undefined {
  return registered.filter((r) => r.length > prefix.length && sameName(r.slice(0, prefix.length), prefix)).at(-1);
}

/**
 * Shows a failed request the way the server phrased it (already in the UI language) and puts each
 * field problem under its form field. Problems for fields the form does not have are listed in the
 * notice instead, so none is lost.
 */
export function useReportError(): (error: unknown, form?: FormInstance) => void {
  const { message } = App.useApp();
  return useCallback(
    (error: unknown, form?: FormInstance) => {
      if (!(error instanceof ApiError)) {
        void message.error(error instanceof Error ? error.message : String(error));
        return;
      }
      const registered = form ? form.getFieldsError().map((f) => f.name) : [];
      const unplaced: string[] = [];
      const placed: { name: (string | number)[]; errors: string[] }[] = [];
      for (const [path, text] of Object.entries(error.fields)) {
        const name = fieldName(path);
        const target = registered.find((r) => sameName(r, name)) ?? lastInside(registered, name);
        if (target) placed.push({ name: target, errors: [text] });
        else unplaced.push(`${path}: ${text}`);
      }
      if (form && placed.length) form.setFields(placed);
      void message.error([error.message, ...unplaced].join(' · '));
    },
    [message],
  );
}
