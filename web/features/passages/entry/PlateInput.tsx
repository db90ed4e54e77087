import { Button, Flex, Input, Popover } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Every prefix a plate may start with (as the server's plate pattern has them). */
const ALL_PREFIXES = Array.from('京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼使领');
/** Henan's own first, then its neighbours: what a gate in Zhumadian sees most. Five and 更多 fit one row at 375 px. */
const QUICK_PREFIXES = ['豫', '鄂', '皖', '鲁', '冀'];
const HOME_PREFIX = '豫';

/** Letters upper case, and nothing a plate cannot hold (I and O read as 1 and 0 on plates). */
function cleanRest(typed: string): string {
  return typed
    .toUpperCase()
    .replace(/[^A-Z0-9挂学警港澳]/g, '')
    .slice(0, 7);
}

const CHIP = { height: 40, minWidth: 44, fontSize: 17, borderRadius: 20, padding: '0 10px' } as const;

/**
 * A plate as the province's character (a chip, 豫 preset) and the rest typed: the one part of the
 * entry that needs the keyboard, so the keyboard gets upper-case letters and digits only.
 */
export function PlateInput({
  value,
  onChange,
  id,
  testId,
}: {
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** Form.Item's field id: the form scrolls to a field with a problem by it. */
  id?: string;
  testId: string;
}) {
  const { t } = useTranslation();
  // The province stays picked while the rest is cleared between entries: the next car is likely local too.
  const [prefix, setPrefix] = useState(() => (value ? Array.from(value)[0]! : HOME_PREFIX));
  const [more, setMore] = useState(false);
  const rest = value ? Array.from(value).slice(1).join('') : '';
  const emit = (p: string, r: string) => onChange?.(r ? p + r : null);
  const pick = (p: string) => {
    setPrefix(p);
    setMore(false);
    emit(p, rest);
  };
  // A province picked from the full list shows on the 更多 chip, so the row never wraps.
  const other = !QUICK_PREFIXES.includes(prefix);

  return (
    <Flex vertical gap={8} id={id} data-testid={testId}>
      <Flex gap={6}>
        {QUICK_PREFIXES.map((p) => (
          <Button
            key={p}
            type={p === prefix ? 'primary' : 'default'}
            aria-pressed={p === prefix}
            style={CHIP}
            onClick={() => pick(p)}
            data-testid={`${testId}-prefix-${p}`}
          >
            {p}
          </Button>
        ))}
        <Popover
          open={more}
          onOpenChange={setMore}
          trigger="click"
          placement="bottom"
          content={
            <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 40px)', gap: 4 }}>
              {ALL_PREFIXES.map((p) => (
                <Button
                  key={p}
                  type={p === prefix ? 'primary' : 'default'}
                  style={{ height: 40, padding: 0, fontSize: 17 }}
                  onClick={() => pick(p)}
                  data-testid={`${testId}-all-${p}`}
                >
                  {p}
                </Button>
              ))}
            </div>
          }
        >
          <Button type={other ? 'primary' : 'default'} aria-pressed={other} style={CHIP} data-testid={`${testId}-more`}>
            {other ? `${prefix}…` : t('passages.entry.plateMore')}
          </Button>
        </Popover>
      </Flex>
      <Input
        size="large"
        prefix={<span style={{ fontSize: 20, fontWeight: 600, marginInlineEnd: 4 }}>{prefix}</span>}
        value={rest}
        onChange={(e) => emit(prefix, cleanRest(e.target.value))}
        placeholder={t('passages.entry.platePlaceholder')}
        aria-label={t('passages.entry.plate')}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        style={{ fontSize: 20, letterSpacing: 2 }}
        data-testid={`${testId}-rest`}
      />
    </Flex>
  );
}
