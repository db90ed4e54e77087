import { DownloadOutlined, FileExcelOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Input, Row, Skeleton, Tree, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { childLevel } from '../../../common/enums.ts';
import { REGION_LEVEL_LABELS } from '../../../common/labels.ts';
import { download } from '../../app/api.ts';
import { useReportError } from '../../app/errors.ts';
import { can, useMe } from '../../app/session.ts';
import { useIsPhone } from '../../app/useIsPhone.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { ImportModal } from './ImportModal.tsx';
import { MoveRegionModal } from './MoveRegionModal.tsx';
import { RegionDetailPanel } from './RegionDetailPanel.tsx';
import { RegionFormModal, type RegionFormTarget } from './RegionFormModal.tsx';
import { useRegionTree, type RegionDetail, type RegionNode } from './regions.api.ts';
import { filterTree } from './tree.ts';

interface TreeItem {
  key: string;
  title: ReactNode;
  children: TreeItem[];
}

export function RegionsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const phone = useIsPhone();
  const me = useMe().data;
  const canWrite = can(me, 'regions.write');
  const canAddCity = canWrite && !!me?.grants.some((g) => g.regionId === null);
  const tree = useRegionTree();
  // The selected region is in the address, so a link or a reload opens the same one.
  const [params, setParams] = useSearchParams();
  const selected = params.get('id');
  const [search, setSearch] = useState('');
  const [expanded, setExpanded] = useState<string[] | null>(null);
  const [form, setForm] = useState<RegionFormTarget | null>(null);
  const [moving, setMoving] = useState<RegionDetail | null>(null);
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);
  const report = useReportError();
  const detailRef = useRef<HTMLDivElement>(null);

  async function exportRegions() {
    setExporting(true);
    try {
      await download('/regions/export', t('regions.exportFile'));
    } catch (e) {
      report(e);
    } finally {
      setExporting(false);
    }
  }

  const filtered = useMemo(() => (search.trim() ? filterTree(tree.data ?? [], search) : null), [tree.data, search]);
  const nodes = filtered?.nodes ?? tree.data ?? [];
  // Until the user opens or closes a node, cities are open so their counties show.
  const expandedKeys = filtered?.expand ?? expanded ?? (tree.data ?? []).map((city) => city.id);

  function select(id: string | null) {
    setParams(id ? { id } : {}, { replace: true });
  }

  useEffect(() => {
    if (phone && selected) detailRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [phone, selected]);

  const toItems = (list: RegionNode[]): TreeItem[] =>
    list.map((node) => ({
      key: node.id,
      title: (
        <span data-testid={`region-node-${node.code ?? node.id}`} title={REGION_LEVEL_LABELS[node.level][language]}>
          {node.name}
          {node.code ? (
            <Typography.Text type="secondary" style={{ marginInlineStart: 6, fontSize: 12 }}>
              {node.code}
            </Typography.Text>
          ) : null}
        </span>
      ),
      children: toItems(node.children),
    }));

  const actions = {
    addChild: (region: RegionDetail) => {
      const level = childLevel(region.level);
      if (level) setForm({ mode: 'create', parent: { id: region.id, name: region.name }, level });
    },
    edit: (region: RegionDetail) => setForm({ mode: 'edit', region }),
    move: (region: RegionDetail) => setMoving(region),
    deleted: () => select(null),
  };

  let treeBody: ReactNode;
  if (tree.isPending) treeBody = <Skeleton active />;
  else if (tree.isError) treeBody = <QueryError error={tree.error} onRetry={() => void tree.refetch()} />;
  else if (!tree.data.length) treeBody = <Empty description={t('regions.empty')} />;
  else if (!nodes.length) treeBody = <Empty description={t('regions.noMatch')} />;
  else
    treeBody = (
      <Tree
        blockNode
        showLine
        treeData={toItems(nodes)}
        expandedKeys={expandedKeys}
        onExpand={(keys) => setExpanded(keys.map(String))}
        selectedKeys={selected ? [selected] : []}
        // Clicking the selected region again keeps it open (antd would deselect it and blank the panel).
        onSelect={(keys, { node }) => select(keys[0] === undefined ? String(node.key) : String(keys[0]))}
        data-testid="region-tree"
      />
    );

  return (
    <>
      <PageHeader
        title={t('regions.title')}
        extra={
          <>
            <Button
              icon={<DownloadOutlined />}
              loading={exporting}
              onClick={() => void exportRegions()}
              data-testid="region-export"
            >
              {t('regions.export')}
            </Button>
            {canWrite ? (
              <>
                {/* A city is top-level: only a platform-wide grant (the administrator's) may add one. */}
                {canAddCity ? (
                  <Button
                    icon={<PlusOutlined />}
                    onClick={() => setForm({ mode: 'create', parent: null, level: 'city' })}
                    data-testid="region-add-city"
                  >
                    {t('regions.addCity')}
                  </Button>
                ) : null}
                <Button
                  type="primary"
                  icon={<FileExcelOutlined />}
                  onClick={() => setImporting(true)}
                  data-testid="region-import"
                >
                  {t('regions.import')}
                </Button>
              </>
            ) : null}
          </>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card>
            <Input.Search
              allowClear
              placeholder={t('regions.searchPlaceholder')}
              aria-label={t('regions.searchPlaceholder')}
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              style={{ marginBottom: 12 }}
              data-testid="region-search"
            />
            {treeBody}
          </Card>
        </Col>
        <Col xs={24} lg={14} ref={detailRef} style={{ scrollMarginTop: 72 }}>
          {selected ? (
            <RegionDetailPanel id={selected} canWrite={canWrite} actions={actions} />
          ) : (
            <Card>
              <Empty description={t('regions.selectHint')} />
            </Card>
          )}
        </Col>
      </Row>
      {form ? (
        <RegionFormModal
          target={form}
          onClose={() => setForm(null)}
          onDone={(id) => {
            const parent = form.mode === 'create' ? form.parent : null;
            if (parent) setExpanded([...expandedKeys.filter((k) => k !== parent.id), parent.id]);
            setForm(null);
            select(id);
          }}
        />
      ) : null}
      {moving ? <MoveRegionModal region={moving} onClose={() => setMoving(null)} /> : null}
      {importing ? <ImportModal onClose={() => setImporting(false)} /> : null}
    </>
  );
}
