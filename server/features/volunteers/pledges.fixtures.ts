/**
 * Pledges made straight in the database for tests (the access matrix, the pledge tests): fast, and
 * stored exactly as a submission stores them, so list filters and approval see the real thing.
 */
import { randomBytes } from 'node:crypto';
import type { Gender, PledgeStatus, Skill } from '../../../common/enums.ts';
import { tokenHash } from '../../platform/auth/tokens.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import type { Deps } from '../../platform/deps.ts';
import { sealIdNumber } from '../../platform/pii/identity.ts';
import { testIdNumber } from '../../../test/identity.ts';
import { insertPledge } from './pledges.repository.ts';
import type { AvailabilitySlot } from './volunteers.schemas.ts';

let counter = 0;

export interface TestPledge {
  id: string;
  reference: string;
  token: string;
  idNumber: string;
  mobile: string;
  name: string;
}

export async function insertTestPledge(
  deps: Deps,
  o: {
    regionId: string;
    name?: string;
    gender?: Gender;
    idNumber?: string;
    mobile?: string;
    partyMember?: boolean;
    unitId?: string | null;
    unitName?: string | null;
    skills?: Skill[];
    availability?: AvailabilitySlot[];
    healthFever?: boolean;
    healthRiskContact?: boolean;
    status?: PledgeStatus;
    decisionReason?: string | null;
  },
): Promise<TestPledge> {
  const n = ++counter;
  const id = newId();
  const token = randomBytes(16).toString('base64url');
  const idNumber = o.idNumber ?? testIdNumber();
  const mobile = o.mobile ?? `136${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  const name = o.name ?? `请战人${n}`;
  const reference = `QZ-T${randomBytes(4).toString('hex').toUpperCase()}`;
  await insertPledge(
    deps.db.db,
    {
      id,
      reference,
      statusTokenHash: tokenHash(token),
      name,
      gender: o.gender ?? 'male',
      ...sealIdNumber(deps.pii, idNumber),
      mobile,
      partyMember: o.partyMember ?? true,
      partyBranch: null,
      unitId: o.unitId ?? null,
      unitName: o.unitName ?? null,
      homeAddress: '测试路 2 号',
      regionId: o.regionId,
      skills: o.skills ?? [],
      availability: o.availability ?? [],
      healthFever: o.healthFever ?? false,
      healthRiskContact: o.healthRiskContact ?? false,
      healthNote: null,
      pledgeText: null,
    },
    nowIso(),
  );
  if (o.status && o.status !== 'pending') {
    await deps.db.db
      .updateTable('pledges')
      .set({ status: o.status, decidedAt: nowIso(), decisionReason: o.decisionReason ?? null })
      .where('id', '=', id)
      .execute();
  }
  return { id, reference, token, idNumber, mobile, name };
}
