import { describe, expect, it } from 'vitest';
import { doorPlateSpellings, parseDoorPlate } from './door-plate.ts';

const plate = { building: '3', unit: '2', room: '501' };

describe('parseDoorPlate', () => {
  it('reads building-unit-room in the usual written forms', () => {
    for (const text of [
      '3-2-501',
      '3/2/501',
      '3 2 501',
      ' 3 - 2 - 501 ',
      '3—2—501',
      '3－2－501',
      '３-２-５０１',
      '3栋2单元501',
      '3号楼2单元501室',
      '3号楼2单元501',
      '3幢2单元501号',
      '3号2单元501',
      '3#2-501',
      '3号楼-2单元-501室',
      '3-2单元501室',
      '3 号楼 2 单元 501 室',
    ]) {
      expect(parseDoorPlate(text), text).toEqual(plate);
    }
    expect(parseDoorPlate('13-2-5010')).toEqual({ building: '13', unit: '2', room: '5010' });
  });

  it('leaves every other search alone', () => {
    for (const text of [
      '',
      '501',
      '32501',
      '3-2',
      '3号楼',
      '3号楼2单元',
      '东高小区3号楼2单元501室',
      '3-2-501-1',
      '3-2-501室外',
      'A-2-501',
      '三号楼二单元501',
      '张建国',
    ]) {
      expect(parseDoorPlate(text), text).toBeNull();
    }
  });
});

describe('doorPlateSpellings', () => {
  it('gives each part as registers write it, the bare number first', () => {
    const s = doorPlateSpellings(plate);
    expect(s.building).toEqual(expect.arrayContaining(['3', '3号楼', '3栋', '3幢', '3号']));
    expect(s.building[0]).toBe('3');
    expect(s.unit).toEqual(['2', '2单元']);
    expect(s.room).toEqual(['501', '501室', '501号']);
  });
});
