import { Alert, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { CONTACT_EXPOSURE_KINDS, type ContactExposureKind } from '../../../common/enums.ts';
import { CONTACT_EXPOSURE_KIND_LABELS } from '../../../common/labels.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useIdempotentCreate } from '../../components/idempotency.ts';
import { CONTACTS_KEY, updateContact, type Contact, type CreateContactInput } from './contacts.api.ts';
import { PersonFields, personInitialValues, personInput, personPatch, type PersonForm } from './PersonFields.tsx';

const DAY = 'YYYY-MM-DD';

interface ContactForm extends PersonForm {
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
      ...personInput(v),
      sourceCase: v.sourceCase.trim(),
      lastExposureOn: v.lastExposureOn.format(DAY),
      exposureKind: v.exposureKind,
      note: v.note?.trim() || null,
    };
    if (contact) await updateContact(contact.id, personPatch(body));
    else await create('/contacts', body);
  }

  return (
    <FormModal<ContactForm>
      title={contact ? t('returnees.contacts.editTitle') : t('returnees.contacts.register')}
      testId="contact-form"
      onClose={onClose}
      submit={submit}
      invalidate={[CONTACTS_KEY]}
      width={720}
      scrollToFirstError
      intro={<Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('returnees.contacts.intro')} />}
      initialValues={
        contact
          ? {
              ...personInitialValues(contact),
              sourceCase: contact.sourceCase,
              lastExposureOn: dayjs(contact.lastExposureOn),
              exposureKind: contact.exposureKind,
              note: contact.note ?? undefined,
            }
          : { lastExposureOn: dayjs(), exposureKind: 'household' }
      }
    >
      <Row gutter={12}>
        <PersonFields testId="contact-form" existing={contact} />
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
            <Input.TextArea rows={2} maxLength={500} data-testid="contact-form-note" />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
