import type { DictionaryLang } from './model';

/** A field or table name as words: `lot_number`, `lotNumber` and `lot-number` all give [lot, number]. */
export function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

// Words an English reader expects in capitals, and the short ones that need spelling out.
const EN_WORDS: Readonly<Record<string, string>> = {
  id: 'ID', gtin: 'GTIN', sku: 'SKU', uom: 'unit of measure', udi: 'UDI', di: 'DI', gln: 'GLN', xid: 'transaction ID', fda: 'FDA', nmpa: 'NMPA', eu: 'EU',
  fsca: 'FSCA', srn: 'SRN', qc: 'QC', zpl: 'ZPL', url: 'URL', ms: 'milliseconds', dpi: 'DPI', api: 'API', kpi: 'KPI', sha256: 'SHA-256', zh: 'Chinese', en: 'English',
  cn: 'China', db: 'database', qty: 'quantity', prev: 'previous', seq: 'sequence', min: 'minimum', max: 'maximum', char: 'character', sub: 'sub-',
};

// A glossary of the words names are made of, so a field nobody has described yet still reads as Chinese.
const ZH_WORDS: Readonly<Record<string, string>> = {
  a: '', an: '', the: '', of: '', in: '在', by: '者', on: '日期', at: '时间', to: '至', from: '自', as: '作为', not: '未', has: '已有', is: '是否',
  id: '标识', name: '名称', code: '代码', number: '编号', type: '类型', kind: '种类', status: '状态', state: '状态', version: '版本', reason: '原因',
  lot: '批次', lots: '批次', item: '物料', items: '物料', location: '库位', locations: '库位', stock: '库存', move: '移动', moves: '移动', balance: '余额', balances: '余额',
  op: '操作', ops: '操作', device: '设备', devices: '设备', user: '用户', users: '用户', customer: '客户', customers: '客户', supplier: '供应商', suppliers: '供应商',
  shipment: '发货单', shipments: '发货单', ship: '发货', shipped: '已发货', line: '行', lines: '行', serial: '序列号', serials: '序列号', qty: '数量', quantity: '数量', count: '计数',
  recall: '召回', case: '案例', cases: '案例', scope: '范围', hold: '冻结', holds: '冻结', held: '已冻结', consignee: '收货方', consignees: '收货方', letter: '通知函', letters: '通知函',
  print: '打印', printed: '已打印', printer: '打印机', printers: '打印机', job: '作业', jobs: '作业', template: '模板', templates: '模板', label: '标签', zpl: 'ZPL',
  audit: '审计', log: '日志', event: '事件', events: '事件', domain: '领域', aggregate: '聚合', payload: '载荷', position: '位置', relay: '中继', lease: '租约',
  webhook: 'Webhook', subscription: '订阅', subscriptions: '订阅', delivery: '投递', deliveries: '投递', attempt: '尝试', attempts: '尝试次数',
  created: '创建', updated: '更新', deleted: '已删除', received: '接收', applied: '应用', resolved: '解决', resolution: '处理结果', opened: '开启', closed: '关闭',
  signed: '签名', signature: '签名', signer: '签名人', meaning: '含义', password: '密码', hash: '哈希', key: '密钥', keys: '密钥', token: '令牌', secret: '密钥',
  expiry: '有效期', expires: '失效', expired: '已过期', manufactured: '生产', shelf: '货架', life: '寿命', near: '临近', days: '天数', day: '日', date: '日期', time: '时间',
  since: '起始', until: '截止', start: '开始', started: '开始', last: '最近', first: '首次', next: '下次', latest: '最新', current: '当前', before: '变更前', after: '变更后',
  actor: '操作人', owner: '负责人', witness: '见证人', witnessed: '见证', recorder: '记录人', recorded: '记录', drawer: '抽取人', drawn: '抽取', draw: '抽取', draws: '抽取',
  entity: '实体', action: '动作', detail: '详情', details: '详情', note: '备注', data: '数据', body: '内容', content: '内容', value: '值', values: '值', description: '描述',
  parent: '父', child: '子', genealogy: '谱系', edges: '关系', edge: '关系', depth: '深度', family: '同族', reached: '已触达', work: '工作', order: '订单', orders: '订单',
  purchase: '采购', sales: '销售', planned: '计划', warehouse: '仓库', warehouses: '仓库', site: '工厂', sites: '工厂', figure: '指标', figures: '指标', dashboard: '看板',
  settings: '设置', rule: '规则', rules: '规则', counter: '计数器', counters: '计数器', prefix: '前缀', reset: '重置', check: '检查', checks: '检查', checked: '已检查',
  alert: '警报', alerts: '警报', acknowledged: '已确认', ack: '确认', acks: '确认', exception: '异常', exceptions: '异常', error: '错误', errors: '错误', problem: '问题',
  pick: '拣货', picks: '拣货', picked: '已拣货', list: '清单', lists: '清单', break: '中断', breaks: '中断', reservation: '预留', returned: '已退回', returns: '退货', return: '退回',
  destroyed: '已销毁', corrected: '已纠正', lost: '丢失', onhand: '在手', hand: '在手', outstanding: '未结', accounted: '已核算', unaccounted: '未核算', brought: '带入',
  consumed: '已消耗', scrapped: '已报废', moved: '已移动', inputs: '输入', input: '输入', output: '输出', reply: '回复', replies: '回复', channel: '渠道', method: '方式',
  contact: '联系', contacted: '已联系', step: '步骤', escalation: '升级', wait: '等待', deadline: '期限', due: '到期', overdue: '逾期', lead: '提前', calendar: '日历',
  year: '年', years: '年份', working: '工作日', jurisdiction: '辖区', jurisdictions: '辖区', class: '分级', classes: '分级', strategy: '策略', hazard: '危害', health: '健康',
  effectiveness: '有效性', level: '级别', percent: '百分比', required: '要求', selected: '选中', seed: '种子', drill: '演练', drills: '演练', passed: '通过', timings: '计时',
  disposition: '处置', dispositions: '处置', gap: '差额', explanation: '说明', explanations: '说明', flag: '标记', manufacturer: '制造商', registration: '注册号',
  address: '地址', phone: '电话', gln: 'GLN', gtin: 'GTIN', sku: 'SKU', uom: '计量单位', udi: 'UDI', di: 'DI', attributes: '属性', serialized: '序列化管理', standard: '标准', cost: '成本',
  active: '启用', enabled: '启用', disabled: '停用', revoked: '吊销', enrolled: '注册', replaces: '替换', replaced: '被替换', seen: '在线', app: '应用', queue: '队列', queued: '排队',
  push: '推送', pull: '拉取', checkpoint: '检查点', checkpoints: '检查点', change: '变更', xid: '事务号', seq: '序号', prev: '前一', sequence: '序号',
  session: '会话', sessions: '会话', login: '登录', sign: '签', failures: '失败次数', failure: '失败', failed: '失败', locked: '锁定', backoff: '退避', client: '客户端', clients: '客户端',
  known: '已知', tally: '计数', role: '角色', roles: '角色', locale: '语言', display: '显示', username: '用户名', external: '外部', integration: '集成',
  request: '请求', requests: '请求', requested: '请求', response: '响应', route: '路由', idempotency: '幂等', scopes: '权限范围', issuer: '签发方', rotated: '轮换',
  attachment: '附件', attachments: '附件', sha256: 'SHA-256', size: '大小', bytes: '字节', media: '媒体', uploaded: '上传', file: '文件', format: '格式', lang: '语言',
  dpi: '分辨率', host: '主机', port: '端口', copies: '份数', reprint: '补打', sent: '发送', lessee: '租用者', worker: '工作进程', seconds: '秒', ms: '毫秒',
  duration: '时长', direction: '方向', trace: '追溯', traced: '追溯', kpi: 'KPI', sources: '来源', source: '来源', deltas: '增量', delta: '增量', period: '期间', bands: '区段',
  ageing: '库龄', aged: '库龄', age: '库龄', dead: '呆滞', long: '长期', window: '窗口', negative: '负', uncosted: '未定价', visible: '可见', migrations: '迁移', schema: '模式',
  pattern: '模式', filter: '过滤', delivered: '已投递', success: '成功', sink: '接收端', entry: '条目', history: '历史', root: '根', truncated: '已截断',
  verification: '验证', anchor: '锚', ok: '正常', pending: '待处理', answer: '回答', answered: '已回答', used: '已使用', issued: '已签发', codes: '代码',
  public: '公开', registered: '挂号', repeat: '重复', visit: '走访', email: '邮件', notice: '通知', instructions: '指示', followed: '遵循', sub: '下级', distributed: '分销',
  terms: '条款', stored: '存储', frozen: '冻结', diff: '差异', digest: '摘要', balanced: '已平衡', missing: '缺少', unit: '单位', better: '更优方向', target: '目标',
  max: '最大', min: '最小', formula: '公式', localized: '多语言', text: '文本', en: '英文', cn: '中国', zh: '中文', today: '今天', result: '结果', results: '结果', index: '序号',
  field: '字段', batch: '批量', unchanged: '未变', message: '消息', unlock: '解锁', params: '参数', dir: '目录', waiting: '等待', alerting: '报警', uncertain: '不确定',
  remaining: '剩余', entered: '录入', avg: '平均', row: '行', rows: '行', set: '集合', links: '关联', link: '关联', transitions: '流转', transition: '流转',
  acknowledgement: '确认', summary: '摘要', contacts: '联系', consumer: '消费者', origin: '来源', occurred: '发生', happened: '发生', raised: '触发',
  definition: '定义', char: '字符', starter: '起始', written: '写入', retired: '停用', approved: '批准', approve: '批准', blocked: '阻止', served: '已服务', expected: '预期',
  exists: '存在', scrap: '报废', qc: '质检', fda: 'FDA', nmpa: 'NMPA', eu: '欧盟', fsca: 'FSCA', srn: 'SRN', url: 'URL', api: 'API', db: '数据库',
  audited: '已审计', minute: '分钟', hours: '小时', minutes: '分钟', out: '出', new: '新', old: '旧', total: '合计', sum: '合计', group: '分组', groups: '分组',
  nc: '', cancel: '取消', cancelled: '已取消', released: '已放行', rejected: '已拒收', quarantine: '待检', recalled: '已召回', lettered: '已发函',
  accept: '接受', adjust: '调整', reverse: '冲销', operator: '操作员', supervisor: '主管', admin: '管理员', names: '名称', named: '名称',
  checker: '检查者', verify: '验证', problems: '问题', lookup: '查询', decision: '决定',
};

// Pairs of words Chinese says as one term, not word by word.
const ZH_PAIRS: Readonly<Record<string, string>> = {
  'dead letter': '死信', 'dead letters': '死信', 'on hand': '在手数量', 'shelf life': '货架寿命', 'work order': '工单', 'work orders': '工单', 'pick list': '拣货单',
  'pick lists': '拣货单', 'purchase orders': '采购订单', 'sales orders': '销售订单', 'last seen': '最近在线', 'near expiry': '近效期', 'dead stock': '呆滞库存',
};

/** A name as words of the language, joined as that language writes them. */
function phrase(tokens: readonly string[], lang: DictionaryLang): string {
  if (lang === 'en') return tokens.map((w) => EN_WORDS[w] ?? w).join(' ');
  // Names read object-first in English and Chinese alike ("lot number" = 批次编号).
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const pair = ZH_PAIRS[`${tokens[i]} ${tokens[i + 1] ?? ''}`];
    if (pair) {
      out.push(pair);
      i++;
    } else out.push(ZH_WORDS[tokens[i]!] ?? tokens[i]!);
  }
  return out.join('');
}

const sentence = (text: string) => (text.length === 0 ? text : text[0]!.toUpperCase() + text.slice(1));

/**
 * The description a field gets before anyone has written one: made from its name and type, so it is
 * never blank, and marked as generated wherever it is shown.
 */
export function generatedFieldText(name: string, type: string, lang: DictionaryLang): string {
  const tokens = words(name);
  if (tokens.length === 1 && tokens[0] === 'id') return lang === 'en' ? 'Identifier of the row.' : '本行的标识。';
  if (tokens.length > 1 && tokens[tokens.length - 1] === 'id') {
    const target = phrase(tokens.slice(0, -1), lang);
    return lang === 'en' ? `The ${target} this refers to (its ID).` : `所引用的${target}（标识）。`;
  }
  const boolean = type === 'boolean';
  if (lang === 'en') return boolean ? `Whether ${phrase(tokens, 'en')} (yes/no).` : `${sentence(phrase(tokens, 'en'))}.`;
  return boolean ? `是否${phrase(tokens, 'zh-CN')}。` : `${phrase(tokens, 'zh-CN')}。`;
}

/** The description a table or an entity gets before anyone has written one. */
export function generatedTableText(name: string, lang: DictionaryLang): string {
  return lang === 'en' ? `${sentence(phrase(words(name), 'en'))}.` : `${phrase(words(name), 'zh-CN')}。`;
}

/** The unit kinds named by convention, each worded in both languages. */
export const UNITS = {
  instant: { en: 'UTC instant (ISO 8601)', 'zh-CN': 'UTC 时刻（ISO 8601）' },
  date: { en: 'calendar day (YYYY-MM-DD)', 'zh-CN': '日历日（YYYY-MM-DD）' },
  uom: { en: "the item's unit of measure (items.uom)", 'zh-CN': '物料的计量单位（items.uom）' },
  days: { en: 'days', 'zh-CN': '天' },
  hours: { en: 'hours', 'zh-CN': '小时' },
  minutes: { en: 'minutes', 'zh-CN': '分钟' },
  seconds: { en: 'seconds', 'zh-CN': '秒' },
  ms: { en: 'milliseconds', 'zh-CN': '毫秒' },
  bytes: { en: 'bytes', 'zh-CN': '字节' },
  percent: { en: 'percent (0-100)', 'zh-CN': '百分比（0-100）' },
  dpi: { en: 'dots per inch', 'zh-CN': '点/英寸（dpi）' },
} as const satisfies Record<string, Record<DictionaryLang, string>>;
export type UnitKind = keyof typeof UNITS;

// Quantities of stock named without "qty": the mass balance and the consignee replies.
const QUANTITY_NAMES = new Set(['on_hand', 'returned', 'destroyed', 'corrected', 'lost', 'shipped', 'picked', 'scrapped', 'consumed', 'brought_in', 'in_stock', 'outstanding', 'accounted', 'unaccounted', 'shipped_out', 'planned_qty']);
const NUMERIC = /^(numeric|integer|smallint|bigint|number|real|double)/;

/**
 * The unit a field's name and type say it has, by the house's naming conventions: `*_at` is an
 * instant, `*_on` a day, `qty` the item's unit, `*_days`, `*_ms`, `*_seconds`, `percent`.
 * Null when the name says nothing (a curated annotation can still give one).
 */
export function unitByConvention(name: string, type: string): UnitKind | null {
  const tokens = words(name);
  const last = tokens[tokens.length - 1] ?? '';
  const snake = tokens.join('_');
  const numeric = NUMERIC.test(type);
  if (type.startsWith('timestamp')) return 'instant';
  if (type === 'date') return 'date';
  if (type.startsWith('string')) {
    if (['at', 'until', 'since'].includes(last) && tokens.length > 1) return 'instant';
    if (last === 'on' && tokens.length > 1) return 'date';
    return null;
  }
  if (!numeric) return null;
  if (tokens.includes('qty') || tokens.includes('quantity') || QUANTITY_NAMES.has(snake)) return 'uom';
  const byLast: Record<string, UnitKind> = { days: 'days', hours: 'hours', minutes: 'minutes', seconds: 'seconds', ms: 'ms', bytes: 'bytes', percent: 'percent', dpi: 'dpi' };
  return byLast[last] ?? null;
}
