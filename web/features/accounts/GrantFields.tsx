import { Form } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../common/enums.ts';
import { RegionTreeSelect } from '../regions/RegionTreeSelect.tsx';
import { RoleSelect } from './RoleSelect.tsx';
import { useGrantableRoles } from './useGrantableRoles.ts';

/**
 * Role and region of one grant. The administrator role covers the whole platform, so its region
 * is cleared and locked; every other role needs one. Inside a Form.List, `name` is relative to the
 * list and `path` is the same field from the form's root (what watching and setting need).
 */
export function GrantFields({
  name,
  path = name,
  testId,
}: {
  name: (string | number)[];
  path?: (string | number)[];
  testId: string;
}) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const roleName: NamePath = [...name, 'role'];
  const regionName: NamePath = [...name, 'regionId'];
  const role = Form.useWatch<Role | undefined>([...path, 'role'], form);
  const grantable = useGrantableRoles();
  const admin = role === 'admin';
  return (
    <>
      <Form.Item
        name={roleName}
        label={t('accounts.role')}
        rules={[{ required: true, message: t('auth.required') }]}
        style={{ flex: '1 1 160px' }}
      >
        <RoleSelect
          testId={`${testId}-role`}
          only={grantable}
          placeholder={t('accounts.role')}
          style={{ width: '100%' }}
          onChange={(next) => {
            if (next === 'admin') form.setFieldValue([...path, 'regionId'], null);
          }}
        />
      </Form.Item>
      <Form.Item
        name={regionName}
        label={t('accounts.region')}
        rules={[{ required: !admin, message: t('auth.required') }]}
        extra={admin ? t('accounts.regionForAdmin') : null}
        style={{ flex: '2 1 220px' }}
      >
        <RegionTreeSelect
          testId={`${testId}-region`}
          disabled={admin}
          placeholder={admin ? t('accounts.regionAll') : t('accounts.region')}
          style={{ width: '100%' }}
        />
      </Form.Item>
    </>
  );
}
