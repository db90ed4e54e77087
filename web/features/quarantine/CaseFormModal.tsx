import { DatePicker, Form, Input, Segmented, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ISOLATION_KINDS, type IsolationKind } from '../../../common/enums.ts';
import { ISOLATION_KIND_LABELS } from '../../../common/labels.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useIdempotentCreate } from '../../components/idempotency.ts';
import { RegionTreeSelect } from '../regions/RegionTreeSelect.tsx';
import { CASES_KEY, useAssignees, useCaseSources, type CaseDetail, type OpenCaseInput } from './cases.api.ts';

type Source = 'returnee' | 'contact' | 'direct';

interface Values {
  sourceId?: string;
  personName?: string;
  idNumber?: string;
  mobile?: string;
  address?: string;
  regionId?: string;
  kind: IsolationKind;
  plan?: string;
  startsOn?: Dayjs;
  gridWorkerId?: string;
  medicalObserverId?: string;
  volunteerId?: string;
}

const blank = (v: string | undefined) => (v && v.trim() ? v.trim() : undefined);

/** 新建隔离: from a returnee or close contact waiting for isolation (prefilled on the server), or a person entered here. */
export function CaseFormModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const create = useIdempotentCreate();
  const [form] = Form.useForm<Values>();
  const [source, setSource] = useState<Source>('returnee');
  const regionId = Form.useWatch('regionId', form);
  const sources = useCaseSources(source === 'contact' ? 'contact' : 'returnee', source !== 'direct');
  const assignees = useAssignees(regionId);
  const people = (list: { id: string; name: string }[] | undefined) => (list ?? []).map((p) => ({ value: p.id, label: p.name }));

  async function submit(v: Values) {
    const body: OpenCaseInput = {
      kind: v.kind,
      ...(source === 'returnee' && v.sourceId ? { returneeId: v.sourceId } : {}),
      ...(source === 'contact' && v.sourceId ? { contactId: v.sourceId } : {}),
      ...(source === 'direct'
        ? {
            personName: v.personName!.trim(),
            ...(blank(v.idNumber) ? { idNumber: blank(v.idNumber)! } : {}),
            ...(blank(v.mobile) ? { mobile: blank(v.mobile)! } : {}),
          }
        : {}),
      ...(blank(v.address) ? { address: blank(v.address)! } : {}),
      ...(v.regionId ? { regionId: v.regionId } : {}),
      ...(v.plan ? { plan: v.plan } : {}),
      ...(v.startsOn ? { startsOn: v.startsOn.format('YYYY-MM-DD') } : {}),
      ...(v.gridWorkerId ? { gridWorkerId: v.gridWorkerId } : {}),
      ...(v.medicalObserverId ? { medicalObserverId: v.medicalObserverId } : {}),
      ...(v.volunteerId ? { volunteerId: v.volunteerId } : {}),
    };
    const made = await create<CaseDetail>('/quarantine/cases', body);
    void navigate(`/quarantine/cases/${made.id}`);
  }

  return (
    <FormModal<Values>
      title={t('cases.open')}
      testId="case-open-form"
      form={form}
      onClose={onClose}
      submit={submit}
      invalidate={[CASES_KEY]}
      success={t('cases.opened')}
      initialValues={{ kind: 'home' }}
      width={560}
      placeErrors={(e) => e}
    >
      <Form.Item label={t('cases.source')}>
        <Segmented<Source>
          value={source}
          onChange={(v) => {
            setSource(v);
            form.setFieldValue('sourceId', undefined);
          }}
          options={[
            { value: 'returnee', label: t('cases.sourceReturnee') },
            { value: 'contact', label: t('cases.sourceContact') },
            { value: 'direct', label: t('cases.sourceDirect') },
          ]}
          data-testid="case-open-source"
        />
      </Form.Item>
      {source === 'direct' ? (
        <>
          <Form.Item
            name="personName"
            label={t('cases.name')}
            rules={[{ required: true, whitespace: true, message: t('cases.nameRequired') }]}
          >
            <Input maxLength={40} data-testid="case-open-name" />
          </Form.Item>
          <Form.Item name="idNumber" label={t('cases.idNumber')}>
            <Input maxLength={18} data-testid="case-open-id" />
          </Form.Item>
          <Form.Item name="mobile" label={t('cases.mobile')}>
            <Input maxLength={11} inputMode="tel" data-testid="case-open-mobile" />
          </Form.Item>
        </>
      ) : (
        <Form.Item
          name="sourceId"
          label={t('cases.pickSource')}
          rules={[{ required: true, message: t('cases.pickSourceRequired') }]}
        >
          <Select
            showSearch
            optionFilterProp="label"
            loading={sources.isLoading}
            notFoundContent={t('cases.noSources')}
            // The case is placed where the person is (as the server does): set the place now so its
            // plans and people load without picking the region again.
            onChange={(id: string | undefined) => {
              const picked = sources.data?.items.find((s) => s.id === id);
              if (picked) form.setFieldValue('regionId', picked.regionId);
            }}
            options={(sources.data?.items ?? []).map((s) => ({
              value: s.id,
              label: `${s.personName} ${s.mobile ?? ''} · ${s.regionName} · ${s.startsOn} · ${s.detail}`,
            }))}
            data-testid="case-open-pick"
          />
        </Form.Item>
      )}
      <Form.Item
        name="regionId"
        label={t('cases.region')}
        rules={source === 'direct' ? [{ required: true, message: t('cases.regionRequired') }] : []}
      >
        <RegionTreeSelect testId="case-open-region" allowClear />
      </Form.Item>
      <Form.Item name="address" label={t('cases.address')}>
        <Input maxLength={200} data-testid="case-open-address" />
      </Form.Item>
      <Form.Item name="kind" label={t('cases.kind')}>
        <Segmented<IsolationKind>
          options={ISOLATION_KINDS.map((k) => ({ value: k, label: ISOLATION_KIND_LABELS[k][language] }))}
        />
      </Form.Item>
      <Form.Item name="plan" label={t('cases.plan')}>
        <Select
          allowClear
          options={(assignees.data?.plans ?? []).map((p) => ({ value: p.code, label: t('cases.planDays', { days: p.days }) }))}
        />
      </Form.Item>
      <Form.Item name="startsOn" label={t('cases.startsOn')} extra={t('cases.startsOnHint')}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="gridWorkerId" label={t('cases.gridWorker')}>
        <Select allowClear options={people(assignees.data?.gridWorkers)} placeholder={t('cases.none')} />
      </Form.Item>
      <Form.Item name="medicalObserverId" label={t('cases.medicalObserver')}>
        <Select allowClear options={people(assignees.data?.medicalObservers)} placeholder={t('cases.none')} />
      </Form.Item>
      <Form.Item name="volunteerId" label={t('cases.volunteer')}>
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          options={people(assignees.data?.volunteers)}
          placeholder={t('cases.none')}
        />
      </Form.Item>
    </FormModal>
  );
}
