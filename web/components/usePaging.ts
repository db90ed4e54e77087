import type { TablePaginationConfig } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Page state for a server-paged table, and the antd pagination that drives it. */
export function usePaging(initialPageSize = 20) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(initialPageSize);
  const pagination = (total: number): TablePaginationConfig => ({
    current: page,
    pageSize,
    total,
    showSizeChanger: true,
    showTotal: (count) => t('common.total', { count }),
    onChange: (p, size) => {
      // A new page size starts again at the first page.
      setPage(size === pageSize ? p : 1);
      setPageSize(size);
    },
  });
  return { page, pageSize, setPage, pagination };
}
