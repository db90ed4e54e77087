import { Cascader, Flex, Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { REGION_LEVEL_LABELS } from '../../../common/labels.ts';
import { useIsPhone } from '../../app/useIsPhone.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import type { TreeNode } from './person.ts';

interface Option {
  value: string;
  label: string;
  children?: Option[];
}

function toOptions(nodes: TreeNode[]): Option[] {
  return nodes.map((n) => ({ value: n.id, label: n.name, ...(n.children.length ? { children: toOptions(n.children) } : {}) }));
}

interface Props {
  tree: TreeNode[];
  value?: string[];
  onChange?: (path: string[] | undefined) => void;
  testId: string;
}

/**
 * On a phone, one full-width select per level (county, township, community, grid): a cascader's
 * side-by-side columns do not fit 375px. Each select offers the children of the one above it.
 */
function StackedSelects({
  roots,
  prefix,
  value,
  onChange,
  testId,
}: {
  roots: TreeNode[];
  prefix: string[];
  value: string[];
  onChange: Props['onChange'];
  testId: string;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const levels: { options: TreeNode[]; picked: string | undefined }[] = [];
  let options = roots;
  for (let i = 0; options.length; i++) {
    const picked = value[i];
    levels.push({ options, picked });
    options = options.find((n) => n.id === picked)?.children ?? [];
  }
  return (
    <Flex vertical gap={8} data-testid={testId}>
      {levels.map(({ options: list, picked }, i) => {
        const label = REGION_LEVEL_LABELS[list[0]!.level][language];
        return (
          <Select<string>
            key={i}
            value={picked}
            allowClear={i > 0}
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('person.regionPick', { level: label })}
            aria-label={label}
            options={list.map((n) => ({ value: n.id, label: n.name }))}
            onChange={(id) => {
              const path = id ? [...value.slice(0, i), id] : value.slice(0, i);
              onChange?.(path.length ? [...prefix, ...path] : undefined);
            }}
            style={{ width: '100%' }}
            data-testid={`${testId}-level-${i}`}
          />
        );
      })}
    </Flex>
  );
}

/**
 * The home region, from county down to grid. One city is skipped as the first column would have a
 * single entry; on a desk, typing part of a name searches every path.
 */
export function RegionCascader({ tree, value, onChange, testId }: Props) {
  const { t } = useTranslation();
  const phone = useIsPhone();
  const single = tree.length === 1 ? tree[0]! : null;
  const roots = single ? single.children : tree;
  const options = useMemo(() => toOptions(roots), [roots]);
  const prefix = single ? [single.id] : [];
  // The form keeps the full path from the root; the controls show it without the single city.
  const shown = single && value?.[0] === single.id ? value.slice(1) : (value ?? []);
  if (phone) return <StackedSelects roots={roots} prefix={prefix} value={shown} onChange={onChange} testId={testId} />;
  return (
    <Cascader<Option>
      options={options}
      value={shown.length ? shown : undefined}
      onChange={(path) => {
        const ids = (path as string[] | undefined) ?? [];
        onChange?.(ids.length ? [...prefix, ...ids] : undefined);
      }}
      changeOnSelect
      showSearch={{ filter: (input, path) => path.some((o) => o.label.includes(input.trim())) }}
      placeholder={t('person.regionPlaceholder')}
      displayRender={(labels) => labels.join(' / ')}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}
