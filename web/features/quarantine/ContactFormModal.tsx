import { Alert, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { CONTACT_EXPOSURE_KINDS, type ContactExposureKind } from '../../../common/enums.ts';
import { CONTACT_EXPOSURE_KIND_LABELS } from '../../../common/labels.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useIdempotentCreate } from '../../components/idempotency.ts';
import { RegionTreeSelect } from '../regions/RegionTreeSelect.tsx';
import { CONTACTS_KEY, updateContact, type Contact, type CreateContactInput } from './contacts.api.ts';

const DAY = 'YYYY-MM-DD';

interface ContactForm {
  regionId: string;
  name: string;
  idNumber?: string;
  mobile?: string;
  address?: string;
  sourceCase: string;
  lastExposureOn: Dayjs;
  exposureKind: ContactExposureKind;
  note?: string;
}

/** Registers a close contact as the case notice names them, or corrects one. */
export function ContactFormModal({ contact, onClose }: { contact?: Contact; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const create = useIdempotentCreate();

  async function submit(v: ContactForm) {
    const body: CreateContactInput = {
      regionId: v.regionId,
      name: v.name.trim(),
      idNumber: v.idNumber?.trim() || null,
      mobile: v.mobile?.trim() || null,
      address: v.address?.trim() || null,
      sourceCase: v.sourceCase.trim(),
      lastExposureOn: v.lastExposureOn.format(DAY),
      exposureKind: v.exposureKind,
      note: v.note?.trim() || null,
    };
    if (contact) {
      // The masked name, ID number and mobile are not sent back: an empty field leaves them as they are.
      const { name, idNumber, mobile, ...rest } = body;
      await updateContact(contact.id, {
        ...rest,
        ...(name ? { name } : {}),
        ...(idNumber ? { idNumber } : {}),
        ...(mobile ? { mobile } : {}),
      });
    } else await create('/contacts', body);
  }

  return (
    <FormModal<ContactForm>
      title={contact ? t('returnees.contacts.editTitle') : t('returnees.contacts.register')}
      testId="contact-form"
      onClose={onClose}
      submit={submit}
      invalidate={[CONTACTS_KEY]}
      width={680}
      scrollToFirstError
      intro={<Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('returnees.contacts.intro')} />}
      initialValues={
        contact
          ? {
              regionId: contact.regionId,
              address: contact.address ?? undefined,
              sourceCase: contact.sourceCase,
              lastExposureOn: dayjs(contact.lastExposureOn),
              exposureKind: contact.exposureKind,
              note: contact.note ?? undefined,
            }
          : { lastExposureOn: dayjs(), exposureKind: 'household' }
      }
    >
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item
            name="regionId"
            label={t('returnees.region')}
            rules={[{ required: true, message: t('returnees.regionRequired') }]}
          >
            <RegionTreeSelect testId="contact-form-region" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="name"
            label={t('returnees.name')}
            rules={contact ? [] : [{ required: true, whitespace: true, message: t('returnees.nameRequired') }]}
          >
            <Input maxLength={30} placeholder={contact?.name} data-testid="contact-form-name" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="mobile" label={t('returnees.mobile')}>
            <Input
              maxLength={11}
              inputMode="numeric"
              placeholder={contact?.mobile ?? undefined}
              data-testid="contact-form-mobile"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="idNumber" label={t('returnees.idNumber')}>
            <Input maxLength={18} placeholder={contact?.idNumber ?? undefined} data-testid="contact-form-id-number" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="address" label={t('returnees.address')}>
            <Input maxLength={120} data-testid="contact-form-address" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item
            name="sourceCase"
            label={t('returnees.contacts.sourceCase')}
            rules={[{ required: true, whitespace: true, message: t('returnees.contacts.sourceCaseRequired') }]}
          >
            <Input.TextArea
              rows={2}
              maxLength={200}
              placeholder={t('returnees.contacts.sourceCasePlaceholder')}
              data-testid="contact-form-source"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="lastExposureOn"
            label={t('returnees.contacts.lastExposureOn')}
            rules={[{ required: true, message: t('returnees.contacts.lastExposureRequired') }]}
          >
            <DatePicker
              allowClear={false}
              style={{ width: '100%' }}
              disabledDate={(d) => d.isAfter(dayjs(), 'day')}
              data-testid="contact-form-exposure-on"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="exposureKind" label={t('returnees.contacts.exposureKind')} rules={[{ required: true }]}>
            <Select<ContactExposureKind>
              options={CONTACT_EXPOSURE_KINDS.map((k) => ({ value: k, label: CONTACT_EXPOSURE_KIND_LABELS[k][language] }))}
              data-testid="contact-form-kind"
            />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="note" label={t('returnees.note')}>
            <Input.TextArea rows={2} maxLength={1000} data-testid="contact-form-note" />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
