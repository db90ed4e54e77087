import { Flex } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DivisionSelect } from '../DivisionSelect.tsx';
import type { RiskArea } from '../passages.api.ts';
import { riskAreaOf } from '../riskMatch.ts';
import { Choices, type Choice } from './Choices.tsx';

export interface Place {
  code: string;
  /** The full name: '湖北省 武汉市 江岸区'. */
  name: string;
}

/** '湖北省 武汉市 江岸区' → '江岸区': a chip has room for the last part only. */
function shortName(fullName: string): string {
  return fullName.split(/\s+/).at(-1) ?? fullName;
}

/**
 * Where the passer comes from: one tap for an active risk area (red) or a place logged recently at
 * this gate, else a search of the national division list.
 */
export function OriginPicker({
  value,
  onChange,
  riskAreas,
  recent,
  id,
  testId,
}: {
  value?: string | null;
  onChange?: (code: string | null) => void;
  riskAreas: readonly RiskArea[];
  recent: readonly Place[];
  /** Form.Item's field id: the form scrolls to a field with a problem by it. */
  id?: string;
  testId: string;
}) {
  const { t } = useTranslation();
  // A place found by search, remembered so its name shows once picked.
  const [searched, setSearched] = useState<Place | null>(null);
  const quick: Place[] = [...riskAreas.map((a) => ({ code: a.code, name: a.name })), ...recent];
  const current = [...quick, ...(searched ? [searched] : [])].find((p) => p.code === value) ?? null;
  const chips: Choice<string>[] = [];
  for (const place of quick) {
    // A recent place inside a risk area is red too: 江岸区 when all of 武汉市 is listed.
    if (!chips.some((c) => c.value === place.code))
      chips.push({ value: place.code, label: shortName(place.name), danger: !!riskAreaOf(place.code, riskAreas) });
  }

  return (
    <Flex vertical gap={8} id={id}>
      {chips.length ? (
        <Choices
          value={value ?? null}
          onChange={(code) => onChange?.(code)}
          options={chips}
          allowNone
          testId={`${testId}-quick`}
        />
      ) : null}
      <DivisionSelect
        value={value ?? null}
        initial={current}
        onChange={(code, division) => {
          if (division) setSearched({ code: division.code, name: division.fullName });
          onChange?.(code);
        }}
        placeholder={t('passages.entry.originSearch')}
        size="large"
        style={{ width: '100%' }}
        testId={`${testId}-search`}
      />
    </Flex>
  );
}
