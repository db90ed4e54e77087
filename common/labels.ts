import type { RegionLevel, Role, UnitKind } from './enums.ts';

/** Display names used by both the web app and server-generated files (Excel, print). */
export const REGION_LEVEL_LABELS: Record<RegionLevel, { 'zh-CN': string; en: string }> = {
  city: { 'zh-CN': '市', en: 'City' },
  county: { 'zh-CN': '县（区）', en: 'County' },
  township: { 'zh-CN': '乡镇（街道）', en: 'Township' },
  community: { 'zh-CN': '社区（村）', en: 'Community' },
  grid: { 'zh-CN': '网格', en: 'Grid' },
};

export const ROLE_LABELS: Record<Role, { 'zh-CN': string; en: string }> = {
  admin: { 'zh-CN': '系统管理员', en: 'Administrator' },
  commander: { 'zh-CN': '指挥部（组织部）', en: 'Commander' },
  region_manager: { 'zh-CN': '区域管理员', en: 'Region manager' },
  team_leader: { 'zh-CN': '队长', en: 'Team leader' },
  volunteer: { 'zh-CN': '志愿者', en: 'Volunteer' },
  inspector: { 'zh-CN': '督查员', en: 'Inspector' },
  medical_observer: { 'zh-CN': '医学观察员', en: 'Medical observer' },
};

export const UNIT_KIND_LABELS: Record<UnitKind, { 'zh-CN': string; en: string }> = {
  city_unit: { 'zh-CN': '市直单位', en: 'City unit' },
  county_unit: { 'zh-CN': '县直单位', en: 'County unit' },
  township_unit: { 'zh-CN': '乡镇（街道）单位', en: 'Township unit' },
  enterprise: { 'zh-CN': '企业', en: 'Enterprise' },
  social_org: { 'zh-CN': '社会组织', en: 'Social organisation' },
  other: { 'zh-CN': '其他', en: 'Other' },
};
