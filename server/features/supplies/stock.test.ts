import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { twoCounties, type TwoCounties } from '../../../test/fixtures.ts';
import { API, expectError } from '../../../test/requests.ts';
import { calendarDate } from '../../platform/dates.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import { makeCheckpoint } from '../duty/duty.test-helpers.ts';
import { bumpLevel, insertMovements } from './stock.repository.ts';
import { ALCOHOL, MASKS } from './supplies.test-helpers.ts';
import { expectBooksBalanced, levelOf } from './supplies.test-books.ts';

/**
 * The books' invariant under any sequence of movements (stock = Σ movements, never below zero),
 * allocations racing for the same stock, and the race the pre-check cannot see.
 */

let t: TestApp;
let w: TwoCounties;
let manager: Client;
let checkpointId: string;
let stores = 0;

const today = () => calendarDate(t.deps.config.timeZone);

async function store(): Promise<string> {
  const res = await manager.post(`${API}/supplies/stores`, { regionId: w.a.county.id, name: `库${++stores}` });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

const donate = (storeId: string, itemId: string, quantity: number) =>
  manager.post(`${API}/supplies/donations`, {
    storeId,
    donorKind: 'unit',
    donorName: '爱心企业',
    receivedOn: today(),
    lines: [{ itemId, quantity }],
  });

const allocate = (storeId: string, itemId: string, quantity: number) =>
  manager.post(`${API}/supplies/allocations`, {
    storeId,
    toKind: 'checkpoint',
    toId: checkpointId,
    lines: [{ itemId, quantity }],
  });

beforeAll(async () => {
  t = await createTestApp();
  w = await twoCounties(t.factory);
  await t.factory.account({ login: 'st-manager', grants: [{ role: 'region_manager', regionId: w.a.county.id }] });
  manager = await t.signIn('st-manager');
  checkpointId = (await makeCheckpoint(t.deps.db.db, { regionId: w.a.community.id })).id;
});
afterAll(() => t.close());

describe('stock under concurrency', () => {
  it('two allocations that together exceed the stock: one 201, one 409, never negative', async () => {
    for (let round = 0; round < 5; round++) {
      const s = await store();
      expect((await donate(s, MASKS, 100)).statusCode).toBe(201);
      const answers = await Promise.all([allocate(s, MASKS, 60), allocate(s, MASKS, 60)]);
      expect(answers.map((r) => r.statusCode).sort()).toEqual([201, 409]);
      const refused = answers.find((r) => r.statusCode === 409)!;
      expect(refused.json().error.message).toBe('库存不足：医用外科口罩 剩余 40 只');
      expect(await levelOf(t, s, MASKS)).toBe(40);
    }
    await expectBooksBalanced(t);
  });

  it('a race the pre-check lost is refused by the check constraint as the same 409, never a 500', async () => {
    const s = await store();
    expect((await donate(s, MASKS, 100)).statusCode).toBe(201);
    let answer: Promise<{ statusCode: number; json(): { error: { code: string; message: string } } }> | undefined;
    // Another writer takes 60 and holds its row lock while our request checks (it still reads 100) and waits.
    await t.deps.db.db.transaction().execute(async (trx) => {
      const by = (await trx.selectFrom('accounts').select('id').where('login', '=', 'st-manager').executeTakeFirstOrThrow()).id;
      await insertMovements(trx, [
        {
          id: newId(),
          storeId: s,
          itemId: MASKS,
          delta: -60,
          kind: 'allocation',
          donationId: null,
          allocationId: null,
          transferId: null,
          reversesId: null,
          at: nowIso(),
          onDate: today(),
          byAccountId: by,
          note: null,
          createdAt: nowIso(),
        },
      ]);
      await bumpLevel(trx, s, MASKS, -60, nowIso());
      answer = allocate(s, MASKS, 60);
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    const res = await answer!;
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'STOCK_SHORT', message: '库存不足：医用外科口罩 剩余 40 只' });
    expect(await levelOf(t, s, MASKS)).toBe(40);
    await expectBooksBalanced(t);
  });
});

type Op =
  | { kind: 'donate'; store: number; item: number; quantity: number }
  | { kind: 'allocate'; store: number; item: number; quantity: number }
  | { kind: 'transfer'; from: number; to: number; item: number; quantity: number }
  | { kind: 'confirm'; pick: number }
  | { kind: 'reverse'; pick: number };

const ITEMS = [MASKS, ALCOHOL];
const quantity = fc.integer({ min: 1, max: 60 });
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('donate' as const), store: fc.nat(2), item: fc.nat(1), quantity }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('allocate' as const), store: fc.nat(2), item: fc.nat(1), quantity }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('transfer' as const), from: fc.nat(2), to: fc.nat(2), item: fc.nat(1), quantity }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('confirm' as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('reverse' as const), pick: fc.nat() }) },
);

interface Booked {
  kind: 'donation' | 'allocation' | 'transfer';
  id: string;
  moves: { store: number; item: number; delta: number }[];
  state: 'live' | 'signed' | 'reversed';
}

describe('the books under any sequence of movements', () => {
  it('answers as a model of the stock says, and every level stays the sum of its movements', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
        const ids = [await store(), await store(), await store()];
        const model = new Map<string, number>();
        const level = (s: number, i: number) => model.get(`${s}/${i}`) ?? 0;
        const apply = (moves: Booked['moves'], sign = 1) => {
          for (const m of moves) model.set(`${m.store}/${m.item}`, level(m.store, m.item) + sign * m.delta);
        };
        const fits = (moves: Booked['moves'], sign = 1) => {
          const net = new Map<string, number>();
          for (const m of moves) net.set(`${m.store}/${m.item}`, (net.get(`${m.store}/${m.item}`) ?? 0) + sign * m.delta);
          return [...net].every(([k, d]) => (model.get(k) ?? 0) + d >= 0);
        };
        const records: Booked[] = [];
        for (const o of ops) {
          if (o.kind === 'donate' || o.kind === 'allocate') {
            const moves = [{ store: o.store, item: o.item, delta: o.kind === 'donate' ? o.quantity : -o.quantity }];
            const res =
              o.kind === 'donate'
                ? await donate(ids[o.store]!, ITEMS[o.item]!, o.quantity)
                : await allocate(ids[o.store]!, ITEMS[o.item]!, o.quantity);
            if (!fits(moves)) {
              expectError(res, 409, 'STOCK_SHORT');
              continue;
            }
            expect(res.statusCode, res.body).toBe(201);
            apply(moves);
            records.push({ kind: o.kind === 'donate' ? 'donation' : 'allocation', id: res.json().id, moves, state: 'live' });
          } else if (o.kind === 'transfer') {
            const res = await manager.post(`${API}/supplies/transfers`, {
              fromStoreId: ids[o.from],
              toStoreId: ids[o.to],
              lines: [{ itemId: ITEMS[o.item], quantity: o.quantity }],
            });
            const moves = [
              { store: o.from, item: o.item, delta: -o.quantity },
              { store: o.to, item: o.item, delta: o.quantity },
            ];
            if (o.from === o.to) expectError(res, 422);
            else if (!fits(moves)) expectError(res, 409, 'STOCK_SHORT');
            else {
              expect(res.statusCode, res.body).toBe(201);
              apply(moves);
              records.push({ kind: 'transfer', id: res.json().id, moves, state: 'live' });
            }
          } else {
            const sent = records.filter((r) => r.kind === 'allocation' && r.state === 'live');
            const pool = o.kind === 'confirm' ? sent : records;
            const r = pool[o.pick % Math.max(pool.length, 1)];
            if (!r) continue;
            const path = `${API}/supplies/${r.kind}s/${r.id}/${o.kind}`;
            const res = await manager.post(path, o.kind === 'confirm' ? {} : { reason: '测试冲销' });
            if (o.kind === 'confirm') {
              expect(res.statusCode, res.body).toBe(200);
              r.state = 'signed';
            } else if (r.state === 'reversed') expectError(res, 409, 'ALREADY_REVERSED');
            else if (r.state === 'signed') expectError(res, 409, 'ALLOCATION_CONFIRMED');
            else if (!fits(r.moves, -1)) expectError(res, 409, 'STOCK_SHORT');
            else {
              expect(res.statusCode, res.body).toBe(200);
              apply(r.moves, -1);
              r.state = 'reversed';
            }
          }
        }
        for (const [s, id] of ids.entries()) {
          for (const [i, item] of ITEMS.entries()) expect(await levelOf(t, id, item), `store ${s} item ${i}`).toBe(level(s, i));
        }
        await expectBooksBalanced(t);
      }),
      { numRuns: 12 },
    );
  });
});
