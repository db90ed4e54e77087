/**
 * Server-side messages in the caller's language (zh-CN default, en). The language comes from the
 * `lang` query or cookie, then Accept-Language. Keys are error codes or `field.*` validation reasons.
 */
import type { Language } from '../../common/enums.ts';
import { FEATURE_MESSAGES } from '../features/messages.ts';

type Catalog = Record<string, string>;

/** A feature's own messages (its error codes and `field.*` reasons), in both languages. */
export type FeatureMessages = Record<Language, Catalog>;

const zh: Catalog = {
  BAD_REQUEST: '请求有误',
  VALIDATION: '提交的内容有误，请检查标出的字段',
  INVALID_JSON: '请求内容不是有效的 JSON',
  JSON_TOO_DEEP: '请求内容嵌套层级过深（最多 {max} 层）',
  UNSUPPORTED_MEDIA_TYPE: '不支持的内容类型',
  PAYLOAD_TOO_LARGE: '提交的内容过大',
  UNAUTHENTICATED: '请先登录',
  FORBIDDEN: '没有权限执行此操作',
  CSRF: '请求来源校验失败，请刷新页面后重试',
  NOT_FOUND: '记录不存在',
  ROUTE_NOT_FOUND: '接口不存在',
  CONFLICT: '与现有记录冲突',
  IN_USE: '该记录仍被其他记录使用（如登记、督查或问题记录），不能删除',
  RATE_LIMITED: '尝试次数过多，请 {minutes} 分钟后再试',
  INTERNAL: '服务器内部错误，请稍后再试',
  LOGIN_FAILED: '账号或密码错误',
  ACCOUNT_DISABLED: '账号已停用，请联系管理员',
  PASSWORD_WRONG: '当前密码不正确',
  SETUP_DONE: '系统已完成初始化',
  SETUP_CODE_WRONG: '初始化口令不正确（见服务器启动日志）',
  REGION_IN_USE:
    '该区划仍在使用中（下级区划 {children} 个、单位 {units} 个、角色授权 {grants} 个、志愿者及队伍等记录 {records} 条），不能删除',
  REGION_LEVEL: '区划层级不符：只能放在上一级区划之下（市 → 县（区） → 乡镇（街道） → 社区（村） → 网格）',
  REGION_MOVE_CYCLE: '不能移动到自身或其下级之下',
  REGION_CODE_TAKEN: '区划代码 {code} 已被使用',
  REGION_ROOT_LEVEL: '顶级区划必须是市级',
  IMPORT_INVALID: 'Excel 文件有 {count} 行错误，未导入任何数据',
  IMPORT_FILE: '无法读取 Excel 文件：{reason}',
  UNIT_NAME_TAKEN: '该区划下已有同名单位',
  UNIT_IN_USE: '该单位仍有 {records} 条志愿者或请战书记录，不能删除',
  LOGIN_TAKEN: '登录名已被使用',
  GRANT_KEPT_BY_GROUP: '该督查权限来自督查组成员身份，请在“督查组”中移除该成员',
  GRANT_REGION_REQUIRED: '该角色需要指定管辖区划',
  GRANT_ADMIN_GLOBAL: '系统管理员角色适用于全平台，不能指定区划',
  LAST_ADMIN: '不能停用或降级最后一个系统管理员',
  SELF_DISABLE: '不能停用自己的账号',
  IDEMPOTENCY_MISMATCH: '同一个请求编号（Idempotency-Key）已用于另一份不同的提交',
  IDEMPOTENCY_IN_FLIGHT: '同一提交正在处理中，请稍后再试',
  IDEMPOTENCY_ANSWER_LOST: '该提交已经处理，但结果未能保存（服务器曾中断），请刷新页面查看，不要重复提交',
  'field.required': '必填',
  'field.type': '类型不正确，应为{type}',
  'field.minLength': '至少 {limit} 个字符',
  'field.maxLength': '最多 {limit} 个字符',
  'field.minimum': '不能小于 {limit}',
  'field.maximum': '不能大于 {limit}',
  'field.minItems': '至少 {limit} 项',
  'field.maxItems': '最多 {limit} 项',
  'field.pattern': '格式不正确',
  'field.format': '格式不正确',
  'field.enum': '取值无效，可选：{allowed}',
  'field.additional': '不允许的字段',
  'field.mobile': '手机号格式不正确（11 位，1 开头）',
  'field.idCard.format': '身份证号应为 18 位',
  'field.idCard.area': '身份证号地区码无效',
  'field.idCard.birthDate': '身份证号出生日期无效',
  'field.idCard.checkDigit': '身份证号校验位错误',
  'field.blank': '不能为空白',
  'field.controlChars': '含有不允许的控制字符',
  'field.passwordWeak': '密码至少 10 位，且需包含字母和数字',
  'field.unique': '与第 {row} 行重复',
  'field.parentMissing': '上级区划代码 {code} 不存在',
  'field.invalid': '取值无效',
  'field.idempotencyKey': '应为 1–200 个可见 ASCII 字符',
  'field.file.image': '请上传 JPEG、PNG 或 WebP 格式的照片（不超过 5 MB）',
  'field.login': '只能包含字母、数字和 . _ -，以字母或数字开头',
  'field.regionCode': '区划代码只能包含字母、数字和短横线，最多 32 位',
  'field.regionCodeLevel': '该级区划代码应为 {digits} 位数字',
  'field.regionLevel':
    '级别无效，可填：市、县（区）、乡镇（街道）、社区（村）、网格（或 city、county、township、community、grid）',
  'field.levelUnderParent': '级别应为上级区划的下一级（市 → 县（区） → 乡镇（街道） → 社区（村） → 网格）',
  'field.regionCodeMoved': '该区划代码已存在，但上级或级别不同；导入不会移动区划，请在区划管理中移动',
  'field.regionCodeTaken': '区划代码 {code} 已被其他区划使用',
  'field.cityForbidden': '只有全平台权限的账号才能新建市级区划',
  'field.madeAt.future': '时间不能晚于现在（请检查手机时间）',
  'field.madeAt.tooOld': '只能补交 {hours} 小时以内的记录',
  'import.notXlsx': '文件不是有效的 Excel（.xlsx）工作簿',
  'import.empty': '文件为空',
  'import.noSheet': '工作簿中没有工作表',
  'import.noHeader': '第一行应为表头：区划代码、名称、级别、上级代码',
  'import.noRows': '表头下没有数据行',
  'import.tooManyRows': '一次最多导入 {limit} 行',
  'type.string': '文本',
  'type.integer': '整数',
  'type.number': '数字',
  'type.boolean': '是/否',
  'type.object': '对象',
  'type.array': '列表',
};

const en: Catalog = {
  BAD_REQUEST: 'Bad request',
  VALIDATION: 'Some fields are invalid; please check them',
  INVALID_JSON: 'The request body is not valid JSON',
  JSON_TOO_DEEP: 'The request body is nested too deeply (at most {max} levels)',
  UNSUPPORTED_MEDIA_TYPE: 'Unsupported content type',
  PAYLOAD_TOO_LARGE: 'The request is too large',
  UNAUTHENTICATED: 'Please sign in',
  FORBIDDEN: 'You do not have permission to do this',
  CSRF: 'The request origin could not be verified; reload the page and try again',
  NOT_FOUND: 'Not found',
  ROUTE_NOT_FOUND: 'No such endpoint',
  CONFLICT: 'Conflicts with an existing record',
  IN_USE: 'Other records (passages, inspections, issues…) still use this one, so it cannot be deleted',
  RATE_LIMITED: 'Too many attempts; try again in {minutes} minutes',
  INTERNAL: 'Internal server error; please try again later',
  LOGIN_FAILED: 'Wrong login or password',
  ACCOUNT_DISABLED: 'This account is disabled; contact an administrator',
  PASSWORD_WRONG: 'The current password is wrong',
  SETUP_DONE: 'The platform is already set up',
  SETUP_CODE_WRONG: 'Wrong setup code (see the server start-up log)',
  REGION_IN_USE:
    'This region is still in use ({children} sub-regions, {units} units, {grants} role grants, {records} volunteer, pledge, team or post records) and cannot be deleted',
  REGION_LEVEL: 'Wrong level: a region goes directly under the level above it (city → county → township → community → grid)',
  REGION_MOVE_CYCLE: 'A region cannot be moved under itself or its descendants',
  REGION_CODE_TAKEN: 'Region code {code} is already used',
  REGION_ROOT_LEVEL: 'A top-level region must be a city',
  IMPORT_INVALID: 'The Excel file has {count} invalid rows; nothing was imported',
  IMPORT_FILE: 'Cannot read the Excel file: {reason}',
  UNIT_NAME_TAKEN: 'A unit with this name already exists in this region',
  UNIT_IN_USE: 'This unit still has {records} volunteer or pledge records and cannot be deleted',
  LOGIN_TAKEN: 'This login is already taken',
  GRANT_KEPT_BY_GROUP:
    'This inspector grant comes with membership of an inspection group: remove the member from the group instead',
  GRANT_REGION_REQUIRED: 'This role needs a region',
  GRANT_ADMIN_GLOBAL: 'The administrator role covers the whole platform and takes no region',
  LAST_ADMIN: 'The last administrator cannot be disabled or lose the role',
  SELF_DISABLE: 'You cannot disable your own account',
  IDEMPOTENCY_MISMATCH: 'This Idempotency-Key was already used for a different request',
  IDEMPOTENCY_IN_FLIGHT: 'The same request is still being processed; try again shortly',
  IDEMPOTENCY_ANSWER_LOST:
    'This request was carried out but its answer was lost (the server stopped); reload to see the result instead of submitting again',
  'field.required': 'Required',
  'field.type': 'Wrong type; expected {type}',
  'field.minLength': 'At least {limit} characters',
  'field.maxLength': 'At most {limit} characters',
  'field.minimum': 'Must be at least {limit}',
  'field.maximum': 'Must be at most {limit}',
  'field.minItems': 'At least {limit} items',
  'field.maxItems': 'At most {limit} items',
  'field.pattern': 'Invalid format',
  'field.format': 'Invalid format',
  'field.enum': 'Invalid value; allowed: {allowed}',
  'field.additional': 'Unknown field',
  'field.mobile': 'Invalid mobile number (11 digits starting with 1)',
  'field.idCard.format': 'An ID number has 18 characters',
  'field.idCard.area': 'Unknown area code in the ID number',
  'field.idCard.birthDate': 'Invalid birth date in the ID number',
  'field.idCard.checkDigit': 'Wrong check digit in the ID number',
  'field.blank': 'Must not be blank',
  'field.controlChars': 'Contains control characters',
  'field.passwordWeak': 'At least 10 characters with letters and digits',
  'field.unique': 'Duplicates row {row}',
  'field.parentMissing': 'Parent region code {code} does not exist',
  'field.invalid': 'Invalid value',
  'field.idempotencyKey': '1–200 visible ASCII characters',
  'field.file.image': 'Upload a JPEG, PNG or WebP photo (at most 5 MB)',
  'field.login': 'Letters, digits and . _ - only, starting with a letter or digit',
  'field.regionCode': 'Letters, digits and hyphens only, at most 32',
  'field.regionCodeLevel': 'A code at this level has {digits} digits',
  'field.regionLevel':
    'Unknown level; use 市, 县（区）, 乡镇（街道）, 社区（村）, 网格 (or city, county, township, community, grid)',
  'field.levelUnderParent': 'The level must be exactly one below the parent region (city → county → township → community → grid)',
  'field.regionCodeMoved':
    'This code already exists under another parent or at another level; an import does not move regions (move it in region management)',
  'field.regionCodeTaken': 'Region code {code} is used by another region',
  'field.cityForbidden': 'Only platform-wide accounts can create a city',
  'field.madeAt.future': 'The time cannot be in the future (check the phone’s clock)',
  'field.madeAt.tooOld': 'Entries can be sent late by at most {hours} hours',
  'import.notXlsx': 'the file is not a valid Excel (.xlsx) workbook',
  'import.empty': 'the file is empty',
  'import.noSheet': 'the workbook has no worksheet',
  'import.noHeader': 'the first row must be the header: 区划代码, 名称, 级别, 上级代码 (code, name, level, parent code)',
  'import.noRows': 'there are no data rows under the header',
  'import.tooManyRows': 'at most {limit} rows per import',
  'type.string': 'text',
  'type.integer': 'a whole number',
  'type.number': 'a number',
  'type.boolean': 'true/false',
  'type.object': 'an object',
  'type.array': 'a list',
};

// A key defined twice would silently shadow another feature's message: refuse at start-up.
function merge(lang: Language, base: Catalog): Catalog {
  const out = { ...base };
  for (const feature of FEATURE_MESSAGES) {
    for (const [key, text] of Object.entries(feature[lang])) {
      if (key in out) throw new Error(`i18n: message ${key} is defined twice`);
      out[key] = text;
    }
  }
  return out;
}

const CATALOGS: Record<Language, Catalog> = { 'zh-CN': merge('zh-CN', zh), en: merge('en', en) };

/** A name kept in both languages (a catalogue item, its unit): the message takes the caller's. */
export type LocalText = Readonly<Record<Language, string>>;
export type MessageParams = Record<string, string | number | LocalText>;

export function translate(lang: Language, key: string, params: MessageParams = {}): string {
  const template = CATALOGS[lang][key] ?? CATALOGS['zh-CN'][key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) return `{${name}}`;
    if (typeof value === 'object') return value[lang];
    // Type names (`type.string`, …) are themselves messages, so "expected text" reads in the caller's language.
    if (typeof value === 'string' && value.startsWith('type.')) return CATALOGS[lang][value] ?? value.slice('type.'.length);
    return String(value);
  });
}

export function hasMessage(key: string): boolean {
  return key in CATALOGS['zh-CN'];
}

/** zh-CN unless the caller clearly prefers English. */
export function pickLanguage(explicit: string | undefined, acceptLanguage: string | undefined): Language {
  if (explicit === 'en' || explicit === 'zh-CN') return explicit;
  if (!acceptLanguage) return 'zh-CN';
  for (const part of acceptLanguage.split(',')) {
    const tag = part.split(';')[0]!.trim().toLowerCase();
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return 'zh-CN';
}

/** Both catalogs must have the same keys; a test checks it. */
export function catalogKeys(): { zh: string[]; en: string[] } {
  return { zh: Object.keys(CATALOGS['zh-CN']).sort(), en: Object.keys(CATALOGS.en).sort() };
}
