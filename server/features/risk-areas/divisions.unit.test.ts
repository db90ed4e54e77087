import { describe, expect, it } from 'vitest';
import { coveringCodes, divisionByCode, divisionChildren, searchDivisions } from './divisions.ts';

describe('divisions', () => {
  it('names provinces, cities and counties with the places above them', () => {
    expect(divisionByCode('420000')).toEqual({ code: '420000', name: '湖北省', fullName: '湖北省', level: 'province' });
    expect(divisionByCode('420100')).toMatchObject({ name: '武汉市', fullName: '湖北省 武汉市', level: 'city' });
    expect(divisionByCode('420102')).toMatchObject({ name: '江岸区', fullName: '湖北省 武汉市 江岸区', level: 'county' });
    expect(divisionByCode('411702')).toMatchObject({ fullName: '河南省 驻马店市 驿城区', level: 'county' });
  });

  it('reads municipalities and directly administered counties naturally, without the grouping rows', () => {
    expect(divisionByCode('110105')).toMatchObject({ fullName: '北京市 朝阳区', level: 'county' });
    expect(divisionByCode('500229')).toMatchObject({ fullName: '重庆市 城口县' });
    expect(divisionByCode('429004')).toMatchObject({ fullName: '湖北省 仙桃市', level: 'county' });
    expect(divisionByCode('810001')).toMatchObject({ fullName: '香港特别行政区 中西區', level: 'county' });
    for (const placeholder of ['110100', '500200', '429000', '411701']) expect(divisionByCode(placeholder)).toBeUndefined();
    // Townships (9-digit codes in the source) are not divisions here.
    expect(divisionChildren('441900')).toEqual([]);
  });

  it('lists children, the provinces at the top, and nothing for an unknown code', () => {
    expect(divisionChildren(null)!.length).toBe(34);
    const beijing = divisionChildren('110000')!;
    expect(beijing.map((d) => d.name)).toContain('东城区');
    expect(beijing.every((d) => d.level === 'county')).toBe(true);
    const hubei = divisionChildren('420000')!.map((d) => d.name);
    expect(hubei).toContain('武汉市');
    expect(hubei).toContain('仙桃市');
    expect(divisionChildren('999999')).toBeUndefined();
  });

  it('searches by name, code prefix and places above: exact names first, then counties, cities, provinces', () => {
    expect(searchDivisions('武汉', { limit: 5 })[0]).toMatchObject({ code: '420100' });
    const chaoyang = searchDivisions('朝阳', { limit: 20 });
    expect(chaoyang.map((d) => d.fullName).slice(0, 4)).toEqual([
      '北京市 朝阳区',
      '辽宁省 朝阳市 朝阳县',
      '吉林省 长春市 朝阳区',
      '辽宁省 朝阳市',
    ]);
    expect(searchDivisions('朝阳市', { limit: 5 })[0]).toMatchObject({ name: '朝阳市', level: 'city' });
    expect(searchDivisions('4201', { limit: 100 }).every((d) => d.code.startsWith('4201'))).toBe(true);
    expect(searchDivisions('420102', { limit: 5 })[0]).toMatchObject({ name: '江岸区' });
    expect(searchDivisions('武汉 江岸', { limit: 5 }).map((d) => d.code)).toEqual(['420102']);
    expect(searchDivisions('朝阳', { parent: '110000', limit: 5 }).map((d) => d.code)).toEqual(['110105']);
    expect(searchDivisions('区', { limit: 3 })).toHaveLength(3);
  });

  it('covers a place by its province, its city and itself', () => {
    expect(coveringCodes('420102')).toEqual(['420000', '420100', '420102']);
    expect(coveringCodes('420100')).toEqual(['420000', '420100']);
    expect(coveringCodes('420000')).toEqual(['420000']);
  });
});
