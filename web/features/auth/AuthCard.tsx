import { Card, Flex } from 'antd';
import type { ReactNode } from 'react';
import { Brand } from '../../app/layout/Brand.tsx';
import { useIsPhone } from '../../app/useIsPhone.ts';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';

/** The frame of the signed-out pages: brand, language switch, one card. */
export function AuthCard({ title, width = 400, children }: { title: ReactNode; width?: number; children: ReactNode }) {
  const phone = useIsPhone();
  return (
    <Flex vertical align="center" style={{ minHeight: '100vh', padding: '24px 12px' }}>
      <Flex
        justify="space-between"
        align="center"
        style={{ width: '100%', maxWidth: width, marginBottom: phone ? 12 : 24 }}
        gap={8}
      >
        <Brand compact={phone} />
        <LanguageSwitch />
      </Flex>
      <Card title={title} style={{ width: '100%', maxWidth: width }}>
        {children}
      </Card>
    </Flex>
  );
}
