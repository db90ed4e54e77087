import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';

/** The server's rule (at least 10 characters, a letter and a digit), checked before sending. */
function isStrongPassword(password: string): boolean {
  return password.length >= 10 && /[A-Za-z]/.test(password) && /\d/.test(password);
}

export function strongPasswordRule(t: TFunction): Rule {
  return {
    validator: async (_rule, value: string | undefined) => {
      if (value && !isStrongPassword(value)) throw new Error(t('auth.passwordWeak'));
    },
  };
}

/** The confirmation field must repeat `field`. */
export function sameAsRule(t: TFunction, field: string): Rule {
  return ({ getFieldValue }) => ({
    validator: async (_rule, value: string | undefined) => {
      if (value && value !== getFieldValue(field)) throw new Error(t('auth.passwordMismatch'));
    },
  });
}
