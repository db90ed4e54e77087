/** The person form shared by the public pledge page and the registry's create and edit dialogs. */
import type { FormRule } from 'antd';
import type { TFunction } from 'i18next';
import type { Gender, Skill } from '../../../common/enums.ts';
import type { FormRegionNode } from '../../../server/features/volunteers/pledges.schemas.ts';
import { idCardProblem, normalizeIdCard } from '../../../common/idcard.ts';
import { MOBILE_PATTERN } from '../../../common/phone.ts';
import { ApiError } from '../../app/api.ts';
import type { PersonInput, PersonOut, Slot } from './volunteers.api.ts';

/** A region tree as both /regions/tree and the public pledge form give it. */
export type TreeNode = FormRegionNode;

/** The unit select's choice for "my unit is not listed": the name is typed instead. */
export const OTHER_UNIT = '__other__';

export interface PersonFormValues {
  name: string;
  gender?: Gender;
  idNumber?: string;
  mobile?: string;
  partyMember: boolean;
  partyBranch?: string;
  /** A unit id or OTHER_UNIT. Named as the API field, so the server's problem lands on it. */
  unitId?: string;
  unitName?: string;
  homeAddress: string;
  /** The cascader's path of region ids; the last one is the home region. */
  regionId?: string[];
  skills: Skill[];
  availability: Slot[];
}

export const EMPTY_PERSON: Partial<PersonFormValues> = { partyMember: false, skills: [], availability: [] };

/** Ids from the root down to `id`, or [] when it is not in the tree. */
export function pathTo(nodes: TreeNode[], id: string): string[] {
  for (const node of nodes) {
    if (node.id === id) return [node.id];
    const below = pathTo(node.children, id);
    if (below.length) return [node.id, ...below];
  }
  return [];
}

export function findNode(nodes: TreeNode[], id: string): TreeNode | null {
  for (const node of nodes) {
    if (node.id === id) return node;
    const below = findNode(node.children, id);
    if (below) return below;
  }
  return null;
}

const trimmed = (v: string | undefined) => (v ?? '').trim();

export function toPersonInput(v: PersonFormValues): PersonInput {
  const other = v.unitId === OTHER_UNIT;
  return {
    name: trimmed(v.name),
    gender: v.gender!,
    idNumber: normalizeIdCard(v.idNumber ?? ''),
    mobile: trimmed(v.mobile),
    partyMember: v.partyMember,
    partyBranch: v.partyMember && trimmed(v.partyBranch) ? trimmed(v.partyBranch) : null,
    unitId: !other && v.unitId ? v.unitId : null,
    unitName: other && trimmed(v.unitName) ? trimmed(v.unitName) : null,
    homeAddress: trimmed(v.homeAddress),
    regionId: v.regionId?.at(-1) ?? '',
    skills: v.skills ?? [],
    availability: v.availability ?? [],
  };
}

/** An edit sends what the form holds; ID number and mobile only when typed anew (they come masked). */
export function toPersonPatch(v: PersonFormValues): Partial<PersonInput> {
  const { idNumber, mobile, ...rest } = toPersonInput(v);
  return { ...rest, ...(idNumber ? { idNumber } : {}), ...(mobile ? { mobile } : {}) };
}

export function toPersonForm(p: PersonOut, tree: TreeNode[]): PersonFormValues {
  const path = pathTo(tree, p.regionId);
  return {
    name: p.name,
    gender: p.gender,
    partyMember: p.partyMember,
    partyBranch: p.partyBranch ?? undefined,
    unitId: p.unitId ?? (p.unitName ? OTHER_UNIT : undefined),
    unitName: p.unitId ? undefined : (p.unitName ?? undefined),
    homeAddress: p.homeAddress,
    regionId: path.length ? path : undefined,
    skills: p.skills,
    availability: p.availability,
  };
}

/** Array problems (`availability.3.band`) go under the whole control; a duplicate ID number under its field. */
export function placePersonErrors(error: unknown): unknown {
  if (!(error instanceof ApiError)) return error;
  const fields: Record<string, string> = {};
  for (const [path, text] of Object.entries(error.fields)) {
    const top = path.split('.')[0]!;
    fields[top === 'availability' || top === 'skills' ? top : path] ??= text;
  }
  if (error.code === 'PLEDGE_DUPLICATE' || error.code === 'VOLUNTEER_DUPLICATE') fields.idNumber ??= error.message;
  return new ApiError(error.status, error.code, error.message, fields, error.rows);
}

export function idNumberRule(t: TFunction, required: boolean): FormRule {
  return {
    validator: async (_, value: string | undefined) => {
      const id = normalizeIdCard(value ?? '');
      if (!id) {
        if (required) throw new Error(t('person.idNumberRequired'));
        return;
      }
      const problem = idCardProblem(id);
      if (problem) throw new Error(t(`person.idProblem.${problem}`));
    },
  };
}

export function mobileRule(t: TFunction): FormRule {
  return { pattern: new RegExp(MOBILE_PATTERN), message: t('auth.mobileInvalid') };
}

/**
 * Home regions are communities or grids: a picked county is not specific enough. A region with
 * nothing below it yet (a township whose communities are not entered) is the best there is.
 */
export function homeRegionRule(t: TFunction, tree: TreeNode[]): FormRule {
  return {
    validator: async (_, path: string[] | undefined) => {
      const id = path?.at(-1);
      if (!id) throw new Error(t('person.regionRequired'));
      const node = findNode(tree, id);
      if (node && node.level !== 'community' && node.level !== 'grid' && node.children.length)
        throw new Error(t('person.regionTooBroad'));
    },
  };
}
