import { Modal, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { useIsPhone } from '../../app/useIsPhone.ts';
import { FormModal } from '../../components/FormModal.tsx';
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
  const phone = useIsPhone();
  const create = useIdempotentCreate();

  async function submit(values: PersonFormValues) {
    if (volunteer) {
      await api.patch<Volunteer>(`/volunteers/${volunteer.id}`, toPersonPatch(values));
    } else {
      const created = await create<Volunteer>('/volunteers', toPersonInput(values));
      onCreated?.(created);
    }
  }

  return (
    <FormModal<PersonFormValues>
      title={volunteer ? t('volunteers.editTitle') : t('volunteers.createTitle')}
      width={phone ? undefined : 760}
      testId="volunteer-form"
      onClose={onClose}
      initialValues={volunteer ? toPersonForm(volunteer, tree) : EMPTY_PERSON}
      scrollToFirstError
      submit={submit}
      invalidate={[VOLUNTEERS_KEY]}
      placeErrors={placePersonErrors}
    >
      <PersonFields units={units} tree={tree} editing={!!volunteer} testId="volunteer-form" />
    </FormModal>
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
