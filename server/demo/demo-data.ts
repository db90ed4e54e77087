/**
 * The hand-written part of the demo city: communities, villages and grids below a few townships
 * (local codes), work units, and one account per role. Townships and above come from the NBS file
 * in data/. Where a place from the seed report sits is illustrative; see README.md.
 */
import type { Role } from '../../common/enums.ts';

export const CITY_CODE = '411700';

export interface DemoCommunity {
  /** Local code: the township's 9-digit code, a hyphen, three digits. */
  code: string;
  name: string;
  /** Grid names; their codes are the community's code, a hyphen, two digits. */
  grids: string[];
}

const GRIDS = ['第一网格', '第二网格', '第三网格', '第四网格'];
const grids = (n: number) => GRIDS.slice(0, n);

/** By township code. */
export const DEMO_COMMUNITIES: Record<string, DemoCommunity[]> = {
  // 驿城区 雪松街道
  '411702008': [
    { code: '411702008-001', name: '雪松社区', grids: grids(4) },
    { code: '411702008-002', name: '开源社区', grids: grids(3) },
    { code: '411702008-003', name: '风光社区', grids: grids(2) },
  ],
  // 驿城区 东风路街道: 东高社区, 9,000 households in the report, gets the most grids.
  '411702002': [
    { code: '411702002-001', name: '东高社区', grids: grids(4) },
    { code: '411702002-002', name: '前进社区', grids: grids(2) },
  ],
  // 驿城区 顺河街道
  '411702009': [
    { code: '411702009-001', name: '十三香社区', grids: grids(3) },
    { code: '411702009-002', name: '顺河社区', grids: grids(2) },
  ],
  // 驿城区 水屯镇: the motorway's northern toll station, a checkpoint site in the report.
  '411702100': [
    { code: '411702100-001', name: '京港澳高速驻马店北站', grids: ['入口网格', '出口网格'] },
    { code: '411702100-002', name: '水屯村', grids: grids(3) },
  ],
  // 驿城区 古城街道: the southern toll station.
  '411702012': [
    { code: '411702012-001', name: '京港澳高速驻马店南站', grids: ['入口网格', '出口网格'] },
    { code: '411702012-002', name: '古城社区', grids: grids(2) },
  ],
  // 确山县 盘龙街道 (county seat) and 竹沟镇 (villages)
  '411725001': [
    { code: '411725001-001', name: '盘龙社区', grids: grids(3) },
    { code: '411725001-002', name: '城关社区', grids: grids(2) },
  ],
  '411725101': [
    { code: '411725101-001', name: '竹沟村', grids: grids(3) },
    { code: '411725101-002', name: '肖庄村', grids: grids(2) },
    { code: '411725101-003', name: '大刘庄村', grids: grids(2) },
  ],
  // 新蔡县 古吕街道: the county with 1,200 checkpoints in the report.
  '411729001': [
    { code: '411729001-001', name: '古吕社区', grids: grids(3) },
    { code: '411729001-002', name: '团结社区', grids: grids(2) },
  ],
};

/** The report's 110 city units (市直单位) the organisation department drew volunteers from. */
export const DEMO_CITY_UNITS = [
  '市委办公室',
  '市人大常委会机关',
  '市政府办公室',
  '市政协机关',
  '市纪委监委',
  '市委组织部',
  '市委宣传部',
  '市委统战部',
  '市委政法委',
  '市委编办',
  '市委政研室',
  '市委网信办',
  '市委老干部局',
  '市委党校',
  '市委直属机关工委',
  '市委巡察办',
  '市信访局',
  '市档案馆',
  '市发改委',
  '市教育局',
  '市科技局',
  '市工信局',
  '市民宗局',
  '市公安局',
  '市民政局',
  '市司法局',
  '市财政局',
  '市人社局',
  '市自然资源和规划局',
  '市生态环境局',
  '市住建局',
  '市城管局',
  '市交通运输局',
  '市水利局',
  '市农业农村局',
  '市商务局',
  '市文化广电和旅游局',
  '市卫健委',
  '市退役军人事务局',
  '市应急管理局',
  '市审计局',
  '市国资委',
  '市市场监管局',
  '市体育局',
  '市统计局',
  '市医保局',
  '市林业局',
  '市粮食和物资储备局',
  '市机关事务管理局',
  '市大数据局',
  '市乡村振兴局',
  '市人防办',
  '市地方金融监管局',
  '市行政审批和政务信息管理局',
  '市住房公积金管理中心',
  '市投资促进局',
  '市总工会',
  '团市委',
  '市妇联',
  '市科协',
  '市工商联',
  '市文联',
  '市社科联',
  '市残联',
  '市红十字会',
  '市侨联',
  '市贸促会',
  '市供销社',
  '市中级人民法院',
  '市人民检察院',
  '驻马店市中心医院',
  '市第一人民医院',
  '市第二人民医院',
  '市中医院',
  '市疾控中心',
  '市妇幼保健院',
  '市第四人民医院',
  '驻马店日报社',
  '市广播电视台',
  '黄淮学院',
  '驻马店职业技术学院',
  '驻马店农业工程职业学院',
  '市高级中学',
  '市第一高级中学',
  '市第二高级中学',
  '市实验中学',
  '市实验小学',
  '市气象局',
  '市税务局',
  '市消防救援支队',
  '市公路事业发展中心',
  '市交通运输综合行政执法支队',
  '市房产服务中心',
  '市城投集团',
  '市水务集团',
  '市公交公司',
  '市燃气公司',
  '国网驻马店供电公司',
  '中国移动驻马店分公司',
  '中国联通驻马店分公司',
  '中国电信驻马店分公司',
  '市邮政分公司',
  '工商银行驻马店分行',
  '农业银行驻马店分行',
  '中国银行驻马店分行',
  '建设银行驻马店分行',
  '市农商银行',
  '市烟草专卖局',
  '市住房保障中心',
  '市图书馆',
];

/** County units per county-level division; 区 for the district, 县 elsewhere, its own for the zone. */
export function demoCountyUnits(countyCode: string): string[] {
  if (countyCode === '411771') return ['开发区党工委', '开发区社会事业局'];
  const p = countyCode === '411702' ? '区' : '县';
  return [`${p}委组织部`, `${p}卫健委`, `${p}教育局`, `${p}交通运输局`];
}

export interface DemoAccount {
  login: string;
  name: string;
  mobile: string;
  role: Role;
  /** null: platform-wide (admin only). */
  regionCode: string | null;
  description: string;
}

export const DEMO_ACCOUNT_DATA: DemoAccount[] = [
  {
    login: 'admin',
    name: '李明',
    mobile: '13803960001',
    role: 'admin',
    regionCode: null,
    description: '系统管理员（全平台） · administrator, whole platform',
  },
  {
    login: 'commander',
    name: '张卫东',
    mobile: '13803960002',
    role: 'commander',
    regionCode: CITY_CODE,
    description: '指挥部（市委组织部），驻马店市 · commander over the city',
  },
  {
    login: 'yicheng',
    name: '刘晓燕',
    mobile: '13803960003',
    role: 'region_manager',
    regionCode: '411702',
    description: '区域管理员，驿城区 · region manager, Yicheng District (county)',
  },
  {
    login: 'xuesong',
    name: '陈静',
    mobile: '13803960004',
    role: 'region_manager',
    regionCode: '411702008-001',
    description: '区域管理员，雪松社区 · region manager, Xuesong Community',
  },
  {
    login: 'leader',
    name: '赵志刚',
    mobile: '13803960005',
    role: 'team_leader',
    regionCode: '411702008',
    description: '队长，雪松街道 · team leader, Xuesong Street',
  },
  {
    login: 'volunteer',
    name: '孙丽',
    mobile: '13803960006',
    role: 'volunteer',
    regionCode: '411702008-001',
    description: '志愿者，雪松社区 · volunteer, Xuesong Community',
  },
  {
    login: 'inspector',
    name: '周国强',
    mobile: '13803960007',
    role: 'inspector',
    regionCode: '411702',
    description: '督查员（纪检监察），驿城区 · inspector, Yicheng District',
  },
  {
    login: 'doctor',
    name: '吴敏',
    mobile: '13803960008',
    role: 'medical_observer',
    regionCode: '411702008-001',
    description: '医学观察员，雪松社区 · medical observer, Xuesong Community',
  },
];
