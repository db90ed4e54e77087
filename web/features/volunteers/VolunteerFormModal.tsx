import { useQueryClient } from '@tanstack/react-query';
import { App, Form, Modal, Skeleton, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { useReportError } from '../../app/errors.ts';
import { useIsPhone } from '../../app/useIsPhone.ts';
import { useIdempotentCreate } from '../../components/idempotency.ts';
import { useRegionTree } from '../regions/regions.api.ts';
import {
  EMPTY_PERSON,
  placePersonErrors,
  toPersonForm,
  toPersonInput,
  toPersonPatch,
  type PersonFormValues,
  type TreeNode,
} from './person.ts';
import { PersonFields } from './PersonFields.tsx';
import { usePersonUnits, VOLUNTEERS_KEY, type Volunteer } from './volunteers.api.ts';

function Body({
  volunteer,
  tree,
  units,
  onClose,
  onCreated,
}: {
  volunteer: Volunteer | null;
  tree: TreeNode[];
  units: { id: string; name: string }[];
  onClose: () => void;
  onCreated?: (v: Volunteer) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const phone = useIsPhone();
  const [form] = Form.useForm<PersonFormValues>();
  const client = useQueryClient();
  const report = useReportError();
  const create = useIdempotentCreate();
  const [busy, setBusy] = useState(false);

  async function submit(values: PersonFormValues) {
    setBusy(true);
    try {
      if (volunteer) {
        await api.patch<Volunteer>(`/volunteers/${volunteer.id}`, toPersonPatch(values));
      } else {
        const created = await create<Volunteer>('/volunteers', toPersonInput(values));
        onCreated?.(created);
      }
      await client.invalidateQueries({ queryKey: [VOLUNTEERS_KEY] });
      void message.success(t('common.saved'));
      onClose();
    } catch (e) {
      report(placePersonErrors(e), form);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={volunteer ? t('volunteers.editTitle') : t('volunteers.createTitle')}
      width={phone ? undefined : 760}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={busy}
      okText={t('common.save')}
      okButtonProps={{ 'data-testid': 'volunteer-form-submit' } as ButtonProps}
      cancelButtonProps={{ 'data-testid': 'volunteer-form-cancel' } as ButtonProps}
    >
      <Form<PersonFormValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={volunteer ? toPersonForm(volunteer, tree) : EMPTY_PERSON}
        scrollToFirstError
        onFinish={(v) => void submit(v)}
      >
        <PersonFields units={units} tree={tree} editing={!!volunteer} testId="volunteer-form" />
      </Form>
    </Modal>
  );
}

/** `volunteer` null: a new entry in the registry (without a pledge, e.g. a unit's roster). */
export function VolunteerFormModal(props: {
  volunteer: Volunteer | null;
  onClose: () => void;
  onCreated?: (v: Volunteer) => void;
}) {
  const tree = useRegionTree();
  const units = usePersonUnits();
  // The form reads its initial values once, so it waits for the tree the home region is found in.
  if (!tree.data || !units.data)
    return (
      <Modal open footer={null} onCancel={props.onClose}>
        <Skeleton active />
      </Modal>
    );
  const { volunteer } = props;
  const own =
    volunteer?.unitId && !units.data.some((u) => u.id === volunteer.unitId)
      ? [{ id: volunteer.unitId, name: volunteer.unitName ?? '' }]
      : [];
  return <Body {...props} tree={tree.data} units={[...own, ...units.data]} />;
}
