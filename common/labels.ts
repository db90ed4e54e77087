import type {
  AssignmentSource,
  AttendanceState,
  CheckpointKind,
  CheckpointStatus,
  RiskLevel,
  RosterChangeAction,
  RosterStatus,
  SwapStatus,
  Gender,
  MemberRoleTag,
  PledgeStatus,
  PostKind,
  RegionLevel,
  Role,
  ServiceKind,
  RankingMetric,
  RankingSubject,
  Skill,
  TeamKind,
  TimeBand,
  UnitKind,
  VolunteerStatus,
  InspectionGroupKind,
  InspectionMark,
  InspectionRating,
  FieldIssueCategory,
  FieldIssueStatus,
  RiskAreaLevel,
  PassageDirection,
  PassageSubject,
  PassagePurpose,
  FollowUpKind,
  FollowUpStatus,
  HousingStatus,
  ResidentRelation,
  CampaignStatus,
  ScreeningOutcome,
  TransportMode,
  ExposureFlag,
  Measure,
  ContactExposureKind,
  IsolationKind,
  StartBasis,
  CaseStatus,
  CloseKind,
  ReportSlot,
  Symptom,
  Feeling,
  AlertKind,
  AlertStatus,
  CaseServiceKind,
  PlaceKind,
  DisinfectionMethod,
  PublicityMaterial,
  SupplyCategory,
  DonorKind,
  AllocationTarget,
  AllocationStatus,
  MovementKind,
  ErrandStatus,
  ErrandChannel,
  ErrandPayment,
  ErrandGoodsCategory,
  ErrandEventKind,
  ErrandRunStatus,
  ErrandPayoutDirection,
  OfflineConflictKind,
  OfflineConflictStatus,
} from './enums.ts';

type Label = { 'zh-CN': string; en: string };

/** Display names used by both the web app and server-generated files (Excel, print). */
export const REGION_LEVEL_LABELS: Record<RegionLevel, Label> = {
  city: { 'zh-CN': '市', en: 'City' },
  county: { 'zh-CN': '县（区）', en: 'County' },
  township: { 'zh-CN': '乡镇（街道）', en: 'Township' },
  community: { 'zh-CN': '社区（村）', en: 'Community' },
  grid: { 'zh-CN': '网格', en: 'Grid' },
};

export const ROLE_LABELS: Record<Role, Label> = {
  admin: { 'zh-CN': '系统管理员', en: 'Administrator' },
  commander: { 'zh-CN': '指挥部（组织部）', en: 'Commander' },
  region_manager: { 'zh-CN': '区域管理员', en: 'Region manager' },
  team_leader: { 'zh-CN': '队长', en: 'Team leader' },
  volunteer: { 'zh-CN': '志愿者', en: 'Volunteer' },
  inspector: { 'zh-CN': '督查员', en: 'Inspector' },
  medical_observer: { 'zh-CN': '医学观察员', en: 'Medical observer' },
};

export const UNIT_KIND_LABELS: Record<UnitKind, Label> = {
  city_unit: { 'zh-CN': '市直单位', en: 'City unit' },
  county_unit: { 'zh-CN': '县直单位', en: 'County unit' },
  township_unit: { 'zh-CN': '乡镇（街道）单位', en: 'Township unit' },
  enterprise: { 'zh-CN': '企业', en: 'Enterprise' },
  social_org: { 'zh-CN': '社会组织', en: 'Social organisation' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

export const GENDER_LABELS: Record<Gender, Label> = {
  male: { 'zh-CN': '男', en: 'Male' },
  female: { 'zh-CN': '女', en: 'Female' },
};

export const SKILL_LABELS: Record<Skill, Label> = {
  medical: { 'zh-CN': '医疗护理', en: 'Medical care' },
  driving: { 'zh-CN': '驾驶', en: 'Driving' },
  counselling: { 'zh-CN': '心理疏导', en: 'Counselling' },
  publicity: { 'zh-CN': '宣传', en: 'Publicity' },
  logistics: { 'zh-CN': '后勤保障', en: 'Logistics' },
  security: { 'zh-CN': '治安巡逻', en: 'Security patrol' },
  disinfection: { 'zh-CN': '消杀', en: 'Disinfection' },
  it: { 'zh-CN': '信息技术', en: 'IT' },
};

export const TIME_BAND_LABELS: Record<TimeBand, Label> = {
  morning: { 'zh-CN': '上午（6–12 时）', en: 'Morning (6–12)' },
  afternoon: { 'zh-CN': '下午（12–18 时）', en: 'Afternoon (12–18)' },
  evening: { 'zh-CN': '晚上（18–24 时）', en: 'Evening (18–24)' },
  night: { 'zh-CN': '夜间（0–6 时）', en: 'Night (0–6)' },
};

export const WEEKDAY_LABELS: Record<1 | 2 | 3 | 4 | 5 | 6 | 7, Label> = {
  1: { 'zh-CN': '周一', en: 'Mon' },
  2: { 'zh-CN': '周二', en: 'Tue' },
  3: { 'zh-CN': '周三', en: 'Wed' },
  4: { 'zh-CN': '周四', en: 'Thu' },
  5: { 'zh-CN': '周五', en: 'Fri' },
  6: { 'zh-CN': '周六', en: 'Sat' },
  7: { 'zh-CN': '周日', en: 'Sun' },
};

export const PLEDGE_STATUS_LABELS: Record<PledgeStatus, Label> = {
  pending: { 'zh-CN': '待审核', en: 'Pending' },
  approved: { 'zh-CN': '已选派', en: 'Approved' },
  rejected: { 'zh-CN': '未通过', en: 'Rejected' },
  waitlisted: { 'zh-CN': '候补', en: 'Waitlisted' },
};

export const VOLUNTEER_STATUS_LABELS: Record<VolunteerStatus, Label> = {
  active: { 'zh-CN': '在岗', en: 'Active' },
  paused: { 'zh-CN': '暂停', en: 'Paused' },
  withdrawn: { 'zh-CN': '已退出', en: 'Withdrawn' },
};

export const SERVICE_KIND_LABELS: Record<ServiceKind, Label> = {
  duty: { 'zh-CN': '卡点值守', en: 'Checkpoint duty' },
  errand: { 'zh-CN': '红色代办', en: 'Errand' },
  inspection: { 'zh-CN': '督查', en: 'Inspection' },
  screening: { 'zh-CN': '入户排查', en: 'Screening' },
  disinfection: { 'zh-CN': '卫生消杀', en: 'Disinfection' },
  commendation: { 'zh-CN': '表彰', en: 'Commendation' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

export const RANKING_SUBJECT_LABELS: Record<RankingSubject, Label> = {
  volunteer: { 'zh-CN': '志愿者', en: 'Volunteers' },
  team: { 'zh-CN': '队伍', en: 'Teams' },
  unit: { 'zh-CN': '单位', en: 'Units' },
};

export const RANKING_METRIC_LABELS: Record<RankingMetric, Label> = {
  hours: { 'zh-CN': '服务时长', en: 'Service hours' },
  duty: { 'zh-CN': '值守次数', en: 'Duties' },
  errand: { 'zh-CN': '代办次数', en: 'Errands' },
  inspection: { 'zh-CN': '督查次数', en: 'Inspections' },
  screening: { 'zh-CN': '排查次数', en: 'Screenings' },
  disinfection: { 'zh-CN': '消杀次数', en: 'Disinfections' },
  commendation: { 'zh-CN': '表彰次数', en: 'Commendations' },
};

export const TEAM_KIND_LABELS: Record<TeamKind, Label> = {
  shock: { 'zh-CN': '突击队', en: 'Shock team' },
  vanguard: { 'zh-CN': '先锋队', en: 'Vanguard team' },
  emergency: { 'zh-CN': '应急服务队', en: 'Emergency service team' },
  volunteer_service: { 'zh-CN': '志愿服务队', en: 'Volunteer team' },
  work_group: { 'zh-CN': '工作组', en: 'Work group' },
};

export const POST_KIND_LABELS: Record<PostKind, Label> = {
  vanguard_post: { 'zh-CN': '党员先锋岗', en: 'Vanguard post' },
  model_post: { 'zh-CN': '示范岗', en: 'Model post' },
  responsibility_zone: { 'zh-CN': '党员责任区', en: 'Responsibility zone' },
};

export const MEMBER_ROLE_TAG_LABELS: Record<MemberRoleTag, Label> = {
  publicist: { 'zh-CN': '宣传员', en: 'Publicist' },
  fighter: { 'zh-CN': '战斗员', en: 'Fighter' },
  gatekeeper: { 'zh-CN': '守门员', en: 'Gatekeeper' },
  orderly: { 'zh-CN': '勤务员', en: 'Orderly' },
};

export const CHECKPOINT_KIND_LABELS: Record<CheckpointKind, Label> = {
  estate_gate: { 'zh-CN': '小区门岗', en: 'Estate gate' },
  village_entrance: { 'zh-CN': '村口', en: 'Village entrance' },
  highway_exit: { 'zh-CN': '高速出口', en: 'Highway exit' },
  station: { 'zh-CN': '车站', en: 'Station' },
  market: { 'zh-CN': '市场（超市）', en: 'Market' },
  hospital: { 'zh-CN': '医院', en: 'Hospital' },
  road: { 'zh-CN': '道路卡口', en: 'Road checkpoint' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

export const CHECKPOINT_STATUS_LABELS: Record<CheckpointStatus, Label> = {
  active: { 'zh-CN': '启用', en: 'Active' },
  closed: { 'zh-CN': '已撤除', en: 'Closed' },
};

export const RISK_LABELS: Record<RiskLevel, Label> = {
  4: { 'zh-CN': '高风险', en: 'High risk' },
  3: { 'zh-CN': '较高风险', en: 'Elevated risk' },
  2: { 'zh-CN': '中风险', en: 'Medium risk' },
  1: { 'zh-CN': '低风险', en: 'Low risk' },
};

export const ROSTER_STATUS_LABELS: Record<RosterStatus, Label> = {
  draft: { 'zh-CN': '草稿', en: 'Draft' },
  published: { 'zh-CN': '已发布', en: 'Published' },
};

export const ASSIGNMENT_SOURCE_LABELS: Record<AssignmentSource, Label> = {
  optimiser: { 'zh-CN': '自动排班', en: 'Optimiser' },
  planner: { 'zh-CN': '手工调整', en: 'By hand' },
  swap: { 'zh-CN': '换班', en: 'Swap' },
};

export const ROSTER_CHANGE_ACTION_LABELS: Record<RosterChangeAction, Label> = {
  assign: { 'zh-CN': '增派', en: 'Assigned' },
  unassign: { 'zh-CN': '撤下', en: 'Removed' },
  swap: { 'zh-CN': '换班', en: 'Swapped' },
};

export const SWAP_STATUS_LABELS: Record<SwapStatus, Label> = {
  pending: { 'zh-CN': '待审批', en: 'Pending' },
  approved: { 'zh-CN': '已同意', en: 'Approved' },
  rejected: { 'zh-CN': '未同意', en: 'Rejected' },
  cancelled: { 'zh-CN': '已撤回', en: 'Cancelled' },
};

export const ATTENDANCE_LABELS: Record<AttendanceState, Label> = {
  upcoming: { 'zh-CN': '未开始', en: 'Upcoming' },
  due: { 'zh-CN': '待签到', en: 'Due' },
  on_duty: { 'zh-CN': '在岗', en: 'On duty' },
  done: { 'zh-CN': '已完成', en: 'Done' },
  absent: { 'zh-CN': '缺岗', en: 'Absent' },
};

export const INSPECTION_GROUP_KIND_LABELS: Record<InspectionGroupKind, Label> = {
  liaison: { 'zh-CN': '联络组', en: 'Liaison group' },
  discipline: { 'zh-CN': '纪检监察组', en: 'Discipline inspection group' },
};

export const INSPECTION_MARK_LABELS: Record<InspectionMark, Label> = {
  present: { 'zh-CN': '在岗', en: 'Present' },
  absent: { 'zh-CN': '缺岗', en: 'Absent' },
};

export const INSPECTION_RATING_LABELS: Record<InspectionRating, Label> = {
  staffing: { 'zh-CN': '人员到岗', en: 'Staffing' },
  supplies: { 'zh-CN': '物资保障', en: 'Supplies' },
  registration: { 'zh-CN': '登记测温', en: 'Registration' },
  attitude: { 'zh-CN': '工作态度', en: 'Attitude' },
};

export const FIELD_ISSUE_CATEGORY_LABELS: Record<FieldIssueCategory, Label> = {
  supplies_shortage: { 'zh-CN': '物资短缺', en: 'Supplies short' },
  post_unmanned: { 'zh-CN': '卡点无人值守', en: 'Post unmanned' },
  resident_difficulty: { 'zh-CN': '群众困难', en: 'Resident in difficulty' },
  facility: { 'zh-CN': '设施问题', en: 'Facility' },
  discipline: { 'zh-CN': '工作纪律', en: 'Discipline' },
  registration: { 'zh-CN': '登记测温不规范', en: 'Registration lapses' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

export const FIELD_ISSUE_STATUS_LABELS: Record<FieldIssueStatus, Label> = {
  open: { 'zh-CN': '待处理', en: 'Open' },
  in_progress: { 'zh-CN': '处理中', en: 'In progress' },
  resolved: { 'zh-CN': '已解决', en: 'Resolved' },
  verified: { 'zh-CN': '已核实', en: 'Verified' },
};

export const RISK_AREA_LEVEL_LABELS: Record<RiskAreaLevel, Label> = {
  high: { 'zh-CN': '高风险', en: 'High risk' },
  medium: { 'zh-CN': '中风险', en: 'Medium risk' },
};

export const PASSAGE_DIRECTION_LABELS: Record<PassageDirection, Label> = {
  in: { 'zh-CN': '进', en: 'In' },
  out: { 'zh-CN': '出', en: 'Out' },
};

export const PASSAGE_SUBJECT_LABELS: Record<PassageSubject, Label> = {
  person: { 'zh-CN': '行人', en: 'Person' },
  vehicle: { 'zh-CN': '车辆', en: 'Vehicle' },
};

export const PASSAGE_PURPOSE_LABELS: Record<PassagePurpose, Label> = {
  home: { 'zh-CN': '回家', en: 'Going home' },
  work: { 'zh-CN': '上班', en: 'Work' },
  medical: { 'zh-CN': '就医', en: 'Medical' },
  shopping: { 'zh-CN': '购物', en: 'Shopping' },
  supplies: { 'zh-CN': '运送物资', en: 'Supplies' },
  official: { 'zh-CN': '公务', en: 'Official' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

export const FOLLOW_UP_KIND_LABELS: Record<FollowUpKind, Label> = {
  fever: { 'zh-CN': '发热', en: 'Fever' },
  risk_arrival: { 'zh-CN': '来自风险地区', en: 'From a risk area' },
};

export const FOLLOW_UP_STATUS_LABELS: Record<FollowUpStatus, Label> = {
  open: { 'zh-CN': '待跟进', en: 'Open' },
  in_progress: { 'zh-CN': '跟进中', en: 'In progress' },
  closed: { 'zh-CN': '已办结', en: 'Closed' },
};

export const HOUSING_STATUS_LABELS: Record<HousingStatus, Label> = {
  owner: { 'zh-CN': '自住', en: 'Owner-occupied' },
  rented: { 'zh-CN': '出租', en: 'Rented' },
  vacant: { 'zh-CN': '空置', en: 'Vacant' },
};

export const RESIDENT_RELATION_LABELS: Record<ResidentRelation, Label> = {
  head: { 'zh-CN': '户主', en: 'Head' },
  spouse: { 'zh-CN': '配偶', en: 'Spouse' },
  child: { 'zh-CN': '子女', en: 'Child' },
  parent: { 'zh-CN': '父母', en: 'Parent' },
  relative: { 'zh-CN': '其他亲属', en: 'Relative' },
  tenant: { 'zh-CN': '租户', en: 'Tenant' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

export const CAMPAIGN_STATUS_LABELS: Record<CampaignStatus, Label> = {
  active: { 'zh-CN': '进行中', en: 'Active' },
  closed: { 'zh-CN': '已结束', en: 'Closed' },
};

export const SCREENING_OUTCOME_LABELS: Record<ScreeningOutcome, Label> = {
  reached: { 'zh-CN': '已入户', en: 'Reached' },
  not_reached: { 'zh-CN': '未遇（需复访）', en: 'Not reached (revisit)' },
};

export const TRANSPORT_MODE_LABELS: Record<TransportMode, Label> = {
  rail: { 'zh-CN': '火车', en: 'Rail' },
  air: { 'zh-CN': '飞机', en: 'Air' },
  coach: { 'zh-CN': '长途客车', en: 'Coach' },
  car: { 'zh-CN': '自驾', en: 'Car' },
  ship: { 'zh-CN': '轮船', en: 'Ship' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

export const EXPOSURE_FLAG_LABELS: Record<ExposureFlag, Label> = {
  case_contact: { 'zh-CN': '接触过确诊或疑似病例', en: 'Contact with a confirmed or suspected case' },
  fever_contact: { 'zh-CN': '接触过发热病人', en: 'Contact with someone with fever' },
  wet_market: { 'zh-CN': '去过农贸（海鲜）市场', en: 'Visited a wet market' },
  hospital_visit: { 'zh-CN': '去过医院发热门诊', en: 'Visited a fever clinic' },
  symptoms_on_return: { 'zh-CN': '返回时有症状', en: 'Symptoms on return' },
};

export const MEASURE_LABELS: Record<Measure, Label> = {
  home_isolation: { 'zh-CN': '居家隔离', en: 'Home isolation' },
  health_monitoring: { 'zh-CN': '健康监测', en: 'Health monitoring' },
  none: { 'zh-CN': '无需措施', en: 'None' },
};

export const CONTACT_EXPOSURE_KIND_LABELS: Record<ContactExposureKind, Label> = {
  household: { 'zh-CN': '共同居住', en: 'Same household' },
  work: { 'zh-CN': '工作接触', en: 'At work' },
  transport: { 'zh-CN': '同乘交通工具', en: 'Same transport' },
  gathering: { 'zh-CN': '聚餐聚会', en: 'Gathering' },
  medical: { 'zh-CN': '诊疗护理', en: 'Medical care' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

export const ISOLATION_KIND_LABELS: Record<IsolationKind, Label> = {
  home: { 'zh-CN': '居家隔离', en: 'Home isolation' },
  central: { 'zh-CN': '集中隔离', en: 'Central isolation' },
};

export const START_BASIS_LABELS: Record<StartBasis, Label> = {
  exposure: { 'zh-CN': '末次接触之日', en: 'Last exposure' },
  return: { 'zh-CN': '返回之日', en: 'Return' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

export const CASE_STATUS_LABELS: Record<CaseStatus, Label> = {
  active: { 'zh-CN': '隔离中', en: 'In isolation' },
  released: { 'zh-CN': '已解除', en: 'Released' },
  transferred: { 'zh-CN': '已转院', en: 'Transferred to hospital' },
};

export const CLOSE_KIND_LABELS: Record<CloseKind, Label> = {
  normal: { 'zh-CN': '期满解除', en: 'Released at the end' },
  early: { 'zh-CN': '提前解除', en: 'Released early' },
  transferred: { 'zh-CN': '转送医院', en: 'Transferred to hospital' },
};

export const REPORT_SLOT_LABELS: Record<ReportSlot, Label> = {
  morning: { 'zh-CN': '早报', en: 'Morning' },
  evening: { 'zh-CN': '晚报', en: 'Evening' },
};

export const SYMPTOM_LABELS: Record<Symptom, Label> = {
  fever: { 'zh-CN': '发热', en: 'Fever' },
  dry_cough: { 'zh-CN': '干咳', en: 'Dry cough' },
  fatigue: { 'zh-CN': '乏力', en: 'Fatigue' },
  sore_throat: { 'zh-CN': '咽痛', en: 'Sore throat' },
  smell_taste_loss: { 'zh-CN': '嗅觉味觉减退', en: 'Loss of smell or taste' },
  diarrhoea: { 'zh-CN': '腹泻', en: 'Diarrhoea' },
};

export const FEELING_LABELS: Record<Feeling, Label> = {
  good: { 'zh-CN': '良好', en: 'Good' },
  fair: { 'zh-CN': '一般', en: 'Fair' },
  unwell: { 'zh-CN': '不适', en: 'Unwell' },
};

export const ALERT_KIND_LABELS: Record<AlertKind, Label> = {
  fever: { 'zh-CN': '发热', en: 'Fever' },
  remeasure: { 'zh-CN': '未复测', en: 'Re-measure missing' },
  missed_slot: { 'zh-CN': '漏报', en: 'Missed report' },
  help: { 'zh-CN': '求助', en: 'Request for help' },
};

export const ALERT_STATUS_LABELS: Record<AlertStatus, Label> = {
  open: { 'zh-CN': '待处置', en: 'Open' },
  closed: { 'zh-CN': '已处置', en: 'Closed' },
};

export const CASE_SERVICE_KIND_LABELS: Record<CaseServiceKind, Label> = {
  disinfection: { 'zh-CN': '上门消杀', en: 'Disinfection' },
  supplies: { 'zh-CN': '物资配送', en: 'Supplies delivery' },
  counselling: { 'zh-CN': '心理疏导', en: 'Counselling' },
};

export const PLACE_KIND_LABELS: Record<PlaceKind, Label> = {
  estate_public: { 'zh-CN': '小区公共区域', en: 'Estate public areas' },
  stairwell: { 'zh-CN': '楼道', en: 'Stairwells' },
  market: { 'zh-CN': '农贸市场', en: 'Market' },
  station: { 'zh-CN': '车站', en: 'Station' },
  checkpoint: { 'zh-CN': '卡点', en: 'Checkpoint' },
  public_toilet: { 'zh-CN': '公共厕所', en: 'Public toilet' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

export const DISINFECTION_METHOD_LABELS: Record<DisinfectionMethod, Label> = {
  spray: { 'zh-CN': '喷洒', en: 'Spray' },
  wipe: { 'zh-CN': '擦拭', en: 'Wipe' },
  mop: { 'zh-CN': '拖地', en: 'Mop' },
  fumigate: { 'zh-CN': '熏蒸', en: 'Fumigate' },
  soak: { 'zh-CN': '浸泡', en: 'Soak' },
};

export const PUBLICITY_MATERIAL_LABELS: Record<PublicityMaterial, Label> = {
  poster: { 'zh-CN': '宣传海报', en: 'Poster' },
  notice: { 'zh-CN': '通告', en: 'Notice' },
  leaflet: { 'zh-CN': '宣传单', en: 'Leaflet' },
  banner: { 'zh-CN': '横幅', en: 'Banner' },
  broadcast_vehicle: { 'zh-CN': '宣传车', en: 'Broadcast vehicle' },
  group_message: { 'zh-CN': '居民群消息', en: "Residents' group message" },
};

export const SUPPLY_CATEGORY_LABELS: Record<SupplyCategory, Label> = {
  protective: { 'zh-CN': '防护用品', en: 'Protective' },
  disinfection: { 'zh-CN': '消杀用品', en: 'Disinfection' },
  medical: { 'zh-CN': '医疗器械', en: 'Medical' },
  food: { 'zh-CN': '食品', en: 'Food' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

export const DONOR_KIND_LABELS: Record<DonorKind, Label> = {
  unit: { 'zh-CN': '单位', en: 'Organisation' },
  person: { 'zh-CN': '个人', en: 'Person' },
};

export const ALLOCATION_TARGET_LABELS: Record<AllocationTarget, Label> = {
  checkpoint: { 'zh-CN': '卡点', en: 'Checkpoint' },
  team: { 'zh-CN': '队伍', en: 'Team' },
  region: { 'zh-CN': '社区/区域', en: 'Community / area' },
  household: { 'zh-CN': '住户', en: 'Household' },
};

export const ALLOCATION_STATUS_LABELS: Record<AllocationStatus, Label> = {
  sent: { 'zh-CN': '待签收', en: 'Awaiting receipt' },
  confirmed: { 'zh-CN': '已签收', en: 'Received' },
  reversed: { 'zh-CN': '已冲销', en: 'Reversed' },
};

export const MOVEMENT_KIND_LABELS: Record<MovementKind, Label> = {
  donation: { 'zh-CN': '捐赠入库', en: 'Donation in' },
  allocation: { 'zh-CN': '调拨出库', en: 'Allocation out' },
  transfer_out: { 'zh-CN': '调出', en: 'Transfer out' },
  transfer_in: { 'zh-CN': '调入', en: 'Transfer in' },
  reversal: { 'zh-CN': '冲销', en: 'Reversal' },
};

export const ERRAND_STATUS_LABELS: Record<ErrandStatus, Label> = {
  new: { 'zh-CN': '待接单', en: 'Waiting' },
  claimed: { 'zh-CN': '已接单', en: 'Claimed' },
  purchasing: { 'zh-CN': '采购中', en: 'Buying' },
  delivering: { 'zh-CN': '配送中', en: 'On the way' },
  delivered: { 'zh-CN': '已送达', en: 'Delivered' },
  confirmed: { 'zh-CN': '已确认收货', en: 'Confirmed' },
  cancelled: { 'zh-CN': '已取消', en: 'Cancelled' },
};

export const ERRAND_CHANNEL_LABELS: Record<ErrandChannel, Label> = {
  resident: { 'zh-CN': '居民自助下单', en: 'By the resident' },
  staff: { 'zh-CN': '电话代下单', en: 'Taken by phone' },
};

export const ERRAND_PAYMENT_LABELS: Record<ErrandPayment, Label> = {
  on_delivery: { 'zh-CN': '货到付款', en: 'Pay on delivery' },
  prepaid: { 'zh-CN': '预付', en: 'Prepaid' },
  transfer: { 'zh-CN': '转账', en: 'Transfer' },
};

export const ERRAND_GOODS_CATEGORY_LABELS: Record<ErrandGoodsCategory, Label> = {
  staples: { 'zh-CN': '米面粮油', en: 'Staples' },
  meat_eggs: { 'zh-CN': '肉禽蛋', en: 'Meat and eggs' },
  produce: { 'zh-CN': '蔬菜水果', en: 'Vegetables and fruit' },
  dairy: { 'zh-CN': '奶制品', en: 'Dairy' },
  medicine: { 'zh-CN': '常用药品', en: 'Medicine' },
  protective: { 'zh-CN': '防护消杀', en: 'Protection' },
  daily: { 'zh-CN': '日用品', en: 'Daily needs' },
};

export const ERRAND_EVENT_KIND_LABELS: Record<ErrandEventKind, Label> = {
  created: { 'zh-CN': '下单', en: 'Ordered' },
  claimed: { 'zh-CN': '接单', en: 'Claimed' },
  assigned: { 'zh-CN': '派单', en: 'Assigned' },
  released: { 'zh-CN': '退回待接单', en: 'Given back to the post' },
  purchasing: { 'zh-CN': '开始采购', en: 'Buying' },
  delivering: { 'zh-CN': '开始配送', en: 'On the way' },
  delivered: { 'zh-CN': '送达', en: 'Delivered' },
  confirmed: { 'zh-CN': '确认收货', en: 'Confirmed' },
  cancelled: { 'zh-CN': '取消', en: 'Cancelled' },
  escalated: { 'zh-CN': '超时未接单，已上报社区', en: 'Escalated' },
  bundled: { 'zh-CN': '纳入集中采办', en: 'Bundled into a purchase run' },
  paid: { 'zh-CN': '结算', en: 'Paid' },
  rated: { 'zh-CN': '评价', en: 'Rated' },
  complaint: { 'zh-CN': '投诉', en: 'Complaint' },
};

export const ERRAND_RUN_STATUS_LABELS: Record<ErrandRunStatus, Label> = {
  open: { 'zh-CN': '待采购', en: 'To buy' },
  bought: { 'zh-CN': '已采购', en: 'Bought' },
};

export const ERRAND_PAYOUT_DIRECTION_LABELS: Record<ErrandPayoutDirection, Label> = {
  reimburse: { 'zh-CN': '社区返还垫付', en: 'Reimbursed by the community' },
  hand_in: { 'zh-CN': '志愿者上交代收款', en: 'Handed in by the volunteer' },
};

export const OFFLINE_CONFLICT_KIND_LABELS: Record<OfflineConflictKind, Label> = {
  shift_reassigned: { 'zh-CN': '班次已调整后到达的签到/签退', en: 'Check-in/out for a reassigned shift' },
  case_released: { 'zh-CN': '解除隔离后到达的健康上报', en: 'Health report for a released case' },
};

export const OFFLINE_CONFLICT_STATUS_LABELS: Record<OfflineConflictStatus, Label> = {
  open: { 'zh-CN': '待处理', en: 'Open' },
  resolved: { 'zh-CN': '已处理', en: 'Resolved' },
};
