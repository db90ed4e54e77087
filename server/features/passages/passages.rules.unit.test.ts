import { describe, expect, it } from 'vitest';
import type { EntryValues } from './passages.repository.ts';
import { entryProblems, isFever } from './passages.rules.ts';

const person: EntryValues = {
  direction: 'in',
  subject: 'person',
  people: 1,
  name: null,
  mobile: null,
  plate: null,
  originCode: null,
  temperature: 36.5,
  remeasured: null,
  purpose: null,
  leaflets: 0,
};
const vehicle: EntryValues = { ...person, subject: 'vehicle', people: 3, plate: '豫Q12345', temperature: null };
const reasons = (v: EntryValues, identity: 'off' | 'optional' | 'required' = 'optional') =>
  Object.fromEntries(Object.entries(entryProblems(v, identity)).map(([k, p]) => [k, p.reason]));

describe('passage entry rules', () => {
  it('accepts a measured person and a vehicle with its plate', () => {
    expect(reasons(person)).toEqual({});
    expect(reasons(vehicle)).toEqual({});
  });

  it('wants a temperature of a person and a plate of a vehicle; one person per entry on foot', () => {
    expect(reasons({ ...person, temperature: null })).toEqual({ temperature: 'field.passage.temperatureRequired' });
    expect(reasons({ ...vehicle, plate: null })).toEqual({ plate: 'field.passage.plateRequired' });
    expect(reasons({ ...person, people: 2, plate: '豫Q12345' })).toEqual({
      people: 'field.passage.personPeople',
      plate: 'field.passage.plateForPerson',
    });
  });

  it('asks a fever reading to be measured again and refuses a second reading without one', () => {
    expect(reasons({ ...person, temperature: 37.3 })).toEqual({ remeasured: 'field.passage.remeasureRequired' });
    expect(reasons({ ...person, temperature: 37.2, remeasured: 37.5 })).toEqual({
      remeasured: 'field.passage.remeasureNotNeeded',
    });
    expect(reasons({ ...person, temperature: 38.2, remeasured: 37.1 })).toEqual({});
    expect(reasons({ ...person, temperature: 36.55 })).toEqual({ temperature: 'field.passage.temperatureDecimals' });
    expect(reasons({ ...person, temperature: 38.1, remeasured: 38.05 })).toEqual({
      remeasured: 'field.passage.temperatureDecimals',
    });
  });

  it('confirms a fever only when both readings are 37.3 °C or above', () => {
    expect(isFever({ temperature: 37.3, remeasured: 37.3 })).toBe(true);
    expect(isFever({ temperature: 38.2, remeasured: 37.2 })).toBe(false);
    expect(isFever({ temperature: 36.5, remeasured: null })).toBe(false);
    expect(isFever({ temperature: 37.3, remeasured: 37.4 })).toBe(true);
  });

  it('follows the identity setting: required for a person, refused when off', () => {
    expect(reasons(person, 'required')).toEqual({
      name: 'field.passage.identityRequired',
      mobile: 'field.passage.identityRequired',
    });
    expect(reasons(vehicle, 'required')).toEqual({});
    expect(reasons({ ...person, name: '张三', mobile: '13800138000' }, 'off')).toEqual({
      name: 'field.passage.identityOff',
      mobile: 'field.passage.identityOff',
    });
  });
});
