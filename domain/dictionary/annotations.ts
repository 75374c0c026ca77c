import { ROLES } from '../auth';
import { EVENT_TYPES } from '../events';
import { SIGNATURE_MEANINGS } from '../lots';
import { OP_TYPES } from '../ops';
import type { DictionaryLang } from './model';
import type { UnitKind } from './words';

/**
 * The hand-written part of the data dictionary: what a table, an entity or a field means in the
 * warehouse, in both languages; a unit or a code list where the name and the schema cannot say.
 * Everything else (types, nullability, CHECK code lists, zod enums) is read from the schema, so a
 * new table or route appears in the dictionary without an entry here, with a generated description.
 */
export type Text = Readonly<Record<DictionaryLang, string>>;

export interface FieldNote {
  text?: Text;
  unit?: UnitKind;
  /** A code list the application enforces (a zod enum) where the database has no CHECK. */
  codes?: readonly string[];
}

export interface TableNote {
  text: Text;
  fields?: Readonly<Record<string, FieldNote>>;
}

export interface EntityNote {
  text?: Text;
  /** The table the entity is read from: its fields take the column notes of the same name. */
  table?: string;
  fields?: Readonly<Record<string, FieldNote>>;
}

const t = (en: string, zh: string): Text => ({ en, 'zh-CN': zh });

/** Columns that mean the same on every table that has them. */
export const COMMON_FIELDS: Readonly<Record<string, FieldNote>> = {
  version: { text: t('Row version for optimistic concurrency: a write names the version it read and is refused if the row moved on.', '乐观并发的行版本：写入须带上读取时的版本，行已变更则拒绝。') },
  change_xid: { text: t('Transaction that last changed the row; replication pulls in (change_xid, id) order so a late commit is never skipped.', '最后修改该行的事务号；同步按 (change_xid, id) 顺序拉取，晚提交的事务不会被跳过。') },
  deleted: { text: t('Tombstone: the row is withdrawn but kept so every handheld converges.', '墓碑标记：该行已撤销但保留，以便所有手持终端收敛一致。') },
  created_at: { text: t('When the row was created.', '创建时间。') },
  updated_at: { text: t('When the row last changed.', '最后修改时间。') },
  external_id: { text: t("The record's key in the ERP/MES that sends it (upsert key of the inbound API).", '发送该记录的 ERP/MES 中的主键（入站 API 的 upsert 键）。') },
};

export const TABLE_NOTES: Readonly<Record<string, TableNote>> = {
  items: {
    text: t('Item master: one row per trade item (GTIN) the plant receives, makes or ships, with its UDI device identifier and shelf life.', '物料主数据：工厂接收、生产或发货的每个贸易项目（GTIN）一行，含 UDI-DI 与货架寿命。'),
    fields: {
      gtin: { text: t('Global Trade Item Number, 14 digits with check digit (GS1 AI 01).', '全球贸易项目代码，14 位含校验位（GS1 AI 01）。') },
      sku: { text: t("The plant's own article number.", '工厂内部物料编码。') },
      name: { text: t('Item name in English.', '物料英文名称。') },
      name_zh: { text: t('Item name in Chinese, shown on zh-CN screens and labels when present.', '物料中文名称，中文界面和标签优先显示。') },
      uom: { text: t('Unit of measure every quantity of this item is counted in (EA, BOX, ...).', '该物料所有数量的计量单位（EA、BOX 等）。') },
      udi_di: { text: t('UDI device identifier (UDI-DI) registered with GUDID / EUDAMED / NMPA UDID.', '在 GUDID / EUDAMED / NMPA UDID 注册的 UDI 器械标识（UDI-DI）。') },
      shelf_life_days: { text: t('Shelf life from manufacture, used to propose the expiry date.', '自生产日起的货架寿命，用于推算有效期。') },
      near_expiry_days: { text: t('Near-expiry warning windows before the expiry date (e.g. 90 and 30 days).', '有效期前的近效期预警窗口（例如 90 天和 30 天）。'), unit: 'days' },
      serialized: { text: t('Whether every unit carries its own serial number (AI 21).', '是否每个单品带独立序列号（AI 21）。') },
      active: { text: t('Whether the item can still be received, produced or shipped.', '物料是否仍可接收、生产或发货。') },
      lot_rule_id: { text: t('Number rule that makes lot numbers for this item.', '为该物料生成批号的编号规则。') },
      serial_rule_id: { text: t('Number rule that makes serial numbers for this item.', '为该物料生成序列号的编号规则。') },
      standard_cost: { text: t('Standard cost of one unit of measure, for stock values on the dashboard.', '单位计量单位的标准成本，用于看板库存金额。') },
      udi_attributes: { text: t('UDI-DI attributes sent by the ERP (package levels, device data) as received.', 'ERP 发送的 UDI-DI 属性（包装层级、器械数据），按原样保存。') },
    },
  },
  locations: {
    text: t('Storage locations: where stock can be, each of one kind (receiving, quarantine, storage, production, shipping, scrap).', '库位：库存可存放之处，每个库位属于一种类型（收货、待检、存储、生产、发货、报废）。'),
    fields: {
      code: { text: t('Location code as printed on the location label and scanned (A-Z, 0-9, dash).', '库位代码，印在库位标签上供扫描（A-Z、0-9、短横线）。') },
      name: { text: t('Location name shown on screens.', '界面显示的库位名称。') },
      kind: { text: t('What the location is for; quarantine and scrap stock cannot be picked.', '库位用途；待检和报废库位的库存不可拣货。') },
      active: { text: t('Whether stock can still be moved into the location.', '是否仍可向该库位移入库存。') },
      warehouse_code: { text: t('Warehouse the location belongs to (warehouses.code), for stock figures per warehouse.', '库位所属仓库（warehouses.code），用于按仓库统计库存。') },
    },
  },
  lots: {
    text: t('Lots (batches): one row per lot of an item, received from a supplier or produced here, with its dates and its quality status.', '批次：某物料的每个批次一行，来自供应商接收或本厂生产，含日期与质量状态。'),
    fields: {
      lot_number: { text: t('Lot number (GS1 AI 10), unique per item.', '批号（GS1 AI 10），同一物料内唯一。') },
      item_id: { text: t('The item this is a lot of.', '该批次所属物料。') },
      supplier: { text: t('Supplier the lot was received from (name or code as received).', '批次来源供应商（按接收时的名称或代码）。') },
      supplier_lot: { text: t("The supplier's own lot number, for tracing back to the supplier.", '供应商批号，用于向供应商反向追溯。') },
      manufactured_on: { text: t('Date of manufacture (GS1 AI 11).', '生产日期（GS1 AI 11）。') },
      expires_on: { text: t('Expiry date (GS1 AI 17); after it the lot cannot be picked or shipped.', '有效期至（GS1 AI 17）；过期后不可拣货或发货。') },
      origin: { text: t('Whether the lot was received from a supplier or produced in the plant.', '批次为供应商来料还是本厂生产。') },
      status: { text: t('Quality status; only released, unexpired, non-recalled lots can be picked or shipped.', '质量状态；只有已放行、未过期、未召回的批次可拣货或发货。') },
      status_since: { text: t('When the lot entered its current status (how long it has been on hold or in quarantine).', '批次进入当前状态的时间（用于计算冻结或待检时长）。') },
    },
  },
  stock_moves: {
    text: t('The stock ledger: append-only, one row per quantity change of a lot (and serial) from one location to another. Balances are the sum of these moves.', '库存台账：只追加，批次（及序列号）每次数量变动一行，从一个库位到另一个库位。库存余额即这些移动之和。'),
    fields: {
      id: { text: t('Ledger position: moves are numbered in the order they were booked.', '台账序号：按记账顺序编号。') },
      lot_id: { text: t('The lot that moved.', '移动的批次。') },
      serial: { text: t('Serial number (AI 21) when a single serialized unit moved.', '移动单个序列化单品时的序列号（AI 21）。') },
      from_location_id: { text: t('Location the quantity left; empty when stock came into the plant (receipt, production output).', '数量移出的库位；库存进入工厂时（收货、生产产出）为空。') },
      to_location_id: { text: t('Location the quantity entered; empty when stock left the plant (shipment, consumption, scrap).', '数量移入的库位；库存离开工厂时（发货、消耗、报废）为空。') },
      qty: { text: t('Quantity moved, always positive; the direction is given by from and to.', '移动数量，恒为正；方向由来源和目标库位表示。') },
      reason: { text: t('Why the stock moved: receive, move, pick, ship, produce, consume, count, correction ...', '移动原因：收货、移库、拣货、发货、生产、消耗、盘点、更正等。') },
      op_id: { text: t('The handheld op that caused the move (its idempotency key).', '引起该移动的手持操作（其幂等键）。') },
      actor_id: { text: t('User who booked the move.', '记账用户。') },
      at: { text: t('When the move was booked.', '记账时间。') },
    },
  },
  stock_balances: {
    text: t('Stock on hand per lot and location: a projection of stock_moves updated in the same transaction (balances == sum of moves).', '按批次和库位的现有库存：stock_moves 的投影，在同一事务中更新（余额 == 移动之和）。'),
    fields: {
      lot_id: { text: t('The lot held.', '所存批次。') },
      location_id: { text: t('Where it is.', '所在库位。') },
      qty: { text: t('Quantity on hand; negative only while a stock exception is open.', '现有数量；仅在存在未处理库存异常时可为负。') },
    },
  },
  ops: {
    text: t('The op log: every action a handheld takes (receive, move, pick, ship, count, produce, return, print, pack, unpack), written on the device first and applied by the server exactly once.', '操作日志：手持终端的每个动作（收货、移库、拣货、发货、盘点、生产、退货、打印、装箱、拆箱），先写在设备上，由服务器恰好应用一次。'),
    fields: {
      id: { text: t('Op id (UUIDv7) made on the device; the idempotency key end to end.', '设备生成的操作标识（UUIDv7）；端到端的幂等键。') },
      type: { text: t('What the op does.', '操作类型。'), codes: OP_TYPES },
      device_id: { text: t('The handheld that wrote the op.', '写入该操作的手持终端。') },
      user_id: { text: t('User signed in on the handheld.', '手持终端上登录的用户。') },
      device_time: { text: t("The device's clock when the op was made (may be offline for hours).", '操作生成时的设备时钟（设备可能离线数小时）。') },
      payload: { text: t('The op document as the device wrote it (lot, location, quantity, serials ...).', '设备写入的操作内容（批次、库位、数量、序列号等）。') },
      status: { text: t('Outcome written back by the server and replicated to the device.', '服务器回写并同步到设备的处理结果。') },
      outcome: { text: t('Details of the outcome: the exception raised, or why the op was rejected.', '处理结果详情：所引发的异常或拒绝原因。') },
      received_at: { text: t('When the server received the op.', '服务器收到该操作的时间。') },
      applied_at: { text: t('When the server applied it.', '服务器应用该操作的时间。') },
    },
  },
  audit_log: {
    text: t('The audit trail (21 CFR Part 11, GMP): append-only, hash-chained; who changed what, when, before and after, why and under which signature.', '审计追踪（21 CFR Part 11、GMP）：只追加、哈希链；记录谁在何时修改了什么、修改前后、原因及签名含义。'),
    fields: {
      seq: { text: t('Position in the chain.', '链中位置。') },
      id: { text: t('Identifier of the audit row.', '审计行标识。') },
      at: { text: t('When the change was made.', '变更时间。') },
      actor_id: { text: t('User who made the change (empty for the system).', '执行变更的用户（系统操作时为空）。') },
      actor_name: { text: t('Name of the actor as it was at the time.', '当时的操作人姓名。') },
      device_id: { text: t('Handheld the change came from, if any.', '变更来源的手持终端（如有）。') },
      action: { text: t('What was done (create, update, status change, sign, ...).', '执行的动作（创建、修改、状态变更、签名等）。') },
      entity_type: { text: t('Kind of record changed (lot, item, template, recall case, ...).', '被修改记录的种类（批次、物料、模板、召回案例等）。') },
      entity_id: { text: t('Key of the record changed.', '被修改记录的主键。') },
      before: { text: t('The record before the change.', '变更前的记录。') },
      after: { text: t('The record after the change.', '变更后的记录。') },
      reason: { text: t('Reason given by the actor.', '操作人填写的原因。') },
      signature_meaning: { text: t('Meaning of the electronic signature, when the change was signed.', '电子签名的含义（签名时）。'), codes: SIGNATURE_MEANINGS },
      prev_hash: { text: t('Hash of the previous row.', '上一行的哈希。') },
      hash: { text: t('sha256(prev_hash || canonical row): a changed row breaks the chain.', 'sha256(prev_hash || 规范化行)：任何改动都会使链断裂。') },
    },
  },
  recall_cases: {
    text: t('Recall cases (and mock-recall drills): the terms, the regulatory classes, the owner and the input the scope was frozen from.', '召回案例（及模拟召回演练）：条款、监管分级、负责人及冻结范围所依据的输入。'),
    fields: {
      number: { text: t('Case number shown to people (RC-...).', '案例编号（RC-...）。') },
      drill: { text: t('Whether this is a mock recall: it holds nothing and sends nothing.', '是否为模拟召回：不冻结任何批次、不发送任何通知。') },
      state: { text: t('Where the case is: draft, open (scope frozen, lots held), recovering, closed, cancelled.', '案例所处阶段：草稿、已开启（范围冻结、批次冻结）、回收中、已关闭、已取消。') },
      reason: { text: t('Why the product is recalled.', '召回原因。') },
      health_hazard: { text: t('Health hazard assessment.', '健康危害评估。') },
      class_fda: { text: t('FDA recall class (21 CFR 7.3).', 'FDA 召回分级（21 CFR 7.3）。') },
      class_nmpa: { text: t('NMPA recall level (医疗器械召回管理办法: 一级, 二级, 三级).', 'NMPA 召回级别（《医疗器械召回管理办法》一级、二级、三级）。') },
      eu_fsca: { text: t('Whether the case is an EU field safety corrective action.', '是否为欧盟现场安全纠正措施（FSCA）。') },
      jurisdictions: { text: t('Regulators the case is reported to.', '需报告的监管辖区。') },
      depth: { text: t('How far down the distribution chain the recall goes (FDA 7.42).', '召回深入分销链的层级（FDA 7.42）。') },
      strategy: { text: t('Recall strategy as written by QA.', 'QA 制定的召回策略。') },
      effectiveness_level: { text: t('Effectiveness check level A-E (FDA 7.42(b)(3)).', '有效性检查级别 A-E（FDA 7.42(b)(3)）。') },
      effectiveness_percent: { text: t('Share of consignees to check, for level B.', 'B 级时需检查的收货方比例。'), unit: 'percent' },
      owner_id: { text: t('QA person responsible for the case.', '案例负责人（QA）。') },
      scope_input: { text: t('What the recall starts from: a lot, serial, supplier lot or component lot.', '召回起点：批次、序列号、供应商批号或组件批次。') },
      created_by: { text: t('User who drafted the case.', '起草案例的用户。') },
      opened_at: { text: t('When the case was opened under signature and its scope frozen.', '案例签名开启并冻结范围的时间。') },
      closed_at: { text: t('When the case was closed (reconciliation balanced, signed).', '案例关闭时间（对账平衡并签名）。') },
    },
  },
  print_jobs: {
    text: t('The print spool: one row per label print job, with the exact template version, data, printer and serials; leased by one worker at a time.', '打印队列：每个标签打印作业一行，记录确切的模板版本、数据、打印机和序列号；同一时间只被一个工作进程租用。'),
    fields: {
      seq: { text: t('Order jobs are printed in per printer.', '同一打印机上的打印顺序。') },
      printer_id: { text: t('Printer the job goes to.', '目标打印机。') },
      template_id: { text: t('Approved template version printed; empty for a logistic label, which is drawn from its SSCC.', '所打印的已批准模板版本；物流标签由其 SSCC 生成，此项为空。') },
      template_hash: { text: t('Content hash of that template version.', '该模板版本的内容哈希。') },
      sscc: { text: t('The SSCC of a logistic (case or pallet) label; empty for a lot label.', '物流（箱或托盘）标签的 SSCC；批次标签为空。') },
      lot_id: { text: t('Lot the labels are for.', '标签对应的批次。') },
      data: { text: t('Field values merged into the template.', '填入模板的字段值。') },
      serial: { text: t('Serial number printed, for serialized labels.', '序列化标签所印的序列号。') },
      copies: { text: t('Number of labels.', '标签张数。') },
      zpl: { text: t('The ZPL sent to the printer.', '发送给打印机的 ZPL。') },
      status: {
        text: t(
          'Spool state; uncertain means the connection dropped mid-send (or an RFID read-back never came) and nobody knows if it printed; voided means an RFID label came out with a tag that does not carry its serial and no retry was left.',
          '队列状态；uncertain 表示发送中途断开（或 RFID 回读未到），无法确定是否已打印；voided 表示 RFID 标签的芯片未写入其序列号且已无重试机会。',
        ),
      },
      rfid_epc: { text: t('EPC (hex) the label’s RFID tag must read back as; empty for labels without RFID.', 'RFID 标签芯片应回读的 EPC（十六进制）；无 RFID 的标签为空。') },
      run_id: { text: t('Print run (one print request) the job belongs to, reconciled together.', '作业所属的打印批次（一次打印请求），一起对账。') },
      attempts: { text: t('Attempts made so far.', '已尝试次数。') },
      next_attempt_at: { text: t('When the worker tries again (backoff).', '工作进程下次重试时间（退避）。') },
      lease_owner: { text: t('Worker holding the job.', '持有该作业的工作进程。') },
      lease_until: { text: t('Until when the lease holds.', '租约到期时间。') },
      last_error: { text: t('Last error from the printer or connection.', '打印机或连接的最近错误。') },
      reprint_of: { text: t('Job this one reprints (an explicit, audited act).', '本作业补打的原作业（明确且有审计的操作）。') },
      reprint_reason: { text: t('Why it was reprinted.', '补打原因。') },
      requested_by: { text: t('User who asked for the labels.', '申请打印的用户。') },
      op_id: { text: t('Handheld print op that queued it, when queued offline.', '离线排队时对应的手持打印操作。') },
      printed_at: { text: t('When the printer confirmed the labels.', '打印机确认打印完成的时间。') },
      sent_at: { text: t('When the ZPL was sent.', 'ZPL 发送时间。') },
      resolution: { text: t('How a supervisor resolved an uncertain job.', '主管对不确定作业的处理方式。') },
      resolved_by: { text: t('Supervisor who resolved it.', '处理人。') },
      resolved_at: { text: t('When it was resolved.', '处理时间。') },
      resolution_reason: { text: t('Reason given.', '处理原因。') },
    },
  },
  customers: {
    text: t('Customers and consignees: who shipments go to, with the data a recall letter needs (consignee name, address, phone, GLN).', '客户与收货方：发货对象，含召回通知所需数据（收货人名称、地址、电话、GLN）。'),
    fields: {
      code: { text: t('Customer code.', '客户代码。') },
      name: { text: t('Customer name.', '客户名称。') },
      min_shelf_life_days: { text: t('Shortest remaining shelf life the customer accepts on delivery.', '客户收货时可接受的最短剩余货架寿命。') },
      address: { text: t('Delivery address (for recall letters).', '收货地址（用于召回通知）。') },
      consignee_name: { text: t('Person or department that receives the goods.', '收货人或收货部门。') },
      phone: { text: t('Phone number of the consignee.', '收货方电话。') },
      gln: { text: t('Global Location Number of the consignee (13 digits).', '收货方全球位置码（13 位）。') },
    },
  },
  shipments: {
    text: t('Shipments: goods sent to a customer, one row per shipment document.', '发货单：发往客户的货物，每张发货单一行。'),
    fields: {
      number: { text: t('Shipment (delivery note) number.', '发货单号。') },
      customer_id: { text: t('Customer shipped to.', '收货客户。') },
      op_id: { text: t('Ship op that booked it.', '记账的发货操作。') },
      shipped_by: { text: t('User who shipped.', '发货人。') },
      shipped_at: { text: t('When the goods left.', '发货时间。') },
    },
  },
  shipment_lines: {
    text: t('Lines of a shipment: which lot (and serial) and how much; what a recall follows to the consignee.', '发货明细：哪个批次（及序列号）、多少数量；召回据此追踪到收货方。'),
    fields: {
      shipment_id: { text: t('The shipment.', '所属发货单。') },
      lot_id: { text: t('Lot shipped.', '发出的批次。') },
      serial: { text: t('Serial shipped, for serialized items.', '序列化物料发出的序列号。') },
      qty: { text: t('Quantity shipped.', '发货数量。') },
      from_location_id: { text: t('Location it was shipped from.', '发货库位。') },
    },
  },
  domain_events: {
    text: t('Transactional outbox: every committed business change writes an event here in the same transaction; the relay publishes them in position order to NATS JetStream and webhooks.', '事务性发件箱：每次提交的业务变更在同一事务中写入事件；中继按位置顺序发布到 NATS JetStream 和 Webhook。'),
    fields: {
      id: { text: t('Insertion number (not the delivery order).', '插入序号（非投递顺序）。') },
      position: { text: t('Delivery order, given once the writing transaction is visible; empty until then.', '投递顺序，写入事务可见后分配；之前为空。') },
      event_id: { text: t('Event id; the JetStream message id and webhook id, so receivers deduplicate.', '事件标识；即 JetStream 消息 ID 与 Webhook ID，接收方据此去重。') },
      site: { text: t('Site code (sites.code); subjects carry it in lower case.', '工厂代码（sites.code）；主题中为小写。') },
      aggregate_type: { text: t('Kind of thing the event is about (lot, op, print job, recall, ...).', '事件所属聚合的种类（批次、操作、打印作业、召回等）。') },
      aggregate_id: { text: t('Id of that thing; events of one aggregate are published in order.', '该聚合的标识；同一聚合的事件按顺序发布。') },
      event_type: { text: t('What happened, e.g. lot.released; also the subject suffix lotline.<site>.<event_type>.', '发生了什么，如 lot.released；也是主题后缀 lotline.<site>.<event_type>。'), codes: EVENT_TYPES },
      payload: { text: t('Event body as published.', '发布的事件内容。') },
      occurred_at: { text: t('When the change was committed.', '变更提交时间。') },
    },
  },
  users: {
    text: t('People who sign in, with their roles.', '登录用户及其角色。'),
    fields: { roles: { text: t('Roles held; they decide which routes the user may call.', '所持角色；决定可调用的接口。'), codes: ROLES }, password_hash: { text: t('scrypt hash of the password.', '密码的 scrypt 哈希。') } },
  },
  genealogy_edges: {
    text: t('Genealogy: which component lot (and serial) went into which finished lot, and how much; trace runs over these edges both ways.', '谱系：哪个组件批次（及序列号）以多少数量进入了哪个成品批次；追溯沿这些关系双向进行。'),
    fields: { parent_lot_id: { text: t('Component lot consumed.', '被消耗的组件批次。') }, child_lot_id: { text: t('Finished lot produced.', '产出的成品批次。') }, qty: { text: t('Component quantity consumed into the finished lot.', '进入成品批次的组件数量。') } },
  },
  schema_migrations: { text: t('Migrations applied to this database, in order.', '已应用到本数据库的迁移，按顺序。') },
  devices: { text: t('Enrolled handhelds, their tokens and last contact.', '已注册的手持终端、令牌及最近联系。') },
  sessions: { text: t('Bearer sessions of signed-in users and devices.', '已登录用户和设备的会话。') },
  serials: { text: t('Serial numbers issued, unique per item (GTIN).', '已发放的序列号，同一物料（GTIN）内唯一。') },
  rfid_encodings: {
    text: t('Every RFID label that came out of a printer: the serial it was for, the EPC written and what the tag read back as. Append-only.', '每张出纸的 RFID 标签：对应序列号、写入的 EPC 与芯片回读结果。只增不改。'),
    fields: {
      job_id: { text: t('Print job the label belonged to.', '标签所属的打印作业。') },
      serial: { text: t('Serial the label was made for.', '标签对应的序列号。') },
      epc: { text: t('EPC (hex) written into the tag.', '写入芯片的 EPC（十六进制）。') },
      read_back: { text: t('What the tag read back as: empty when no tag answered, the answer itself when it could not be read.', '芯片回读内容：无芯片应答时为空，无法解读时为原始应答。') },
      outcome: { text: t('encoded binds the serial to this tag; voided voids the serial for good.', 'encoded 表示序列号绑定到该芯片；voided 表示序列号永久作废。') },
      reason: { text: t('Why a serial was voided: another EPC, no tag (VOID printed), or an unreadable answer.', '序列号作废原因：其他 EPC、无芯片（打印 VOID）或应答无法解读。') },
      detail: { text: t('What was wrong with an unreadable answer.', '无法解读的应答的具体问题。') },
      at: { text: t('When the read-back came.', '回读时间。') },
    },
  },
  voided_serials: {
    text: t('Serials voided because their RFID label’s tag did not carry them: never bound to a tag, never issued again. Append-only.', '因 RFID 芯片未写入而作废的序列号：不绑定芯片，永不再次发放。只增不改。'),
    fields: {
      job_id: { text: t('Print job whose label printed VOID or carried another tag.', '打印 VOID 或带有其他芯片的标签所属作业。') },
      reason: { text: t('wrong_tag, no_tag, bad_answer, or destroyed (a label in doubt declared destroyed).', 'wrong_tag、no_tag、bad_answer 或 destroyed（存疑标签被声明销毁）。') },
      voided_at: { text: t('When the serial was voided.', '作废时间。') },
    },
  },
  rfid_uncertain_labels: {
    text: t('RFID labels whose read-back never came (printer silent, connection cut, spool stopped): the tag may or may not carry the EPC, so the serial is held, neither bound nor issued again, until a person settles it. Append-only.', '未收到回读的 RFID 标签（打印机无应答、连接中断、打印服务停止）：芯片可能已写入也可能未写入 EPC，序列号被保留，既不绑定也不再发放，直至有人处理。只增不改。'),
    fields: {
      job_id: { text: t('Print job the label belonged to.', '标签所属的打印作业。') },
      epc: { text: t('EPC (hex) the tag was to be written with.', '芯片应写入的 EPC（十六进制）。') },
      why: { text: t('Why the read-back is missing, as the spool saw it.', '打印服务所见的回读缺失原因。') },
      at: { text: t('When the label went into doubt.', '标签进入存疑状态的时间。') },
    },
  },
  rfid_resolutions: {
    text: t('How a person settled an RFID label in doubt: the tag read (bound when it carries the EPC intended, else voided) or the label destroyed (voided). One per serial. Append-only.', '人工处理存疑 RFID 标签的记录：读取芯片（与应写 EPC 一致则绑定，否则作废）或声明标签已销毁（作废）。每个序列号一条。只增不改。'),
    fields: {
      action: { text: t('tag_read: the tag was read and its EPC given; destroyed: the label is gone.', 'tag_read：已读取芯片并填写其 EPC；destroyed：标签已销毁。'), codes: ['tag_read', 'destroyed'] },
      epc_read: { text: t('EPC (hex) the person read from the tag.', '人工从芯片读取的 EPC（十六进制）。') },
      outcome: { text: t('encoded binds the serial to the tag; voided voids the serial for good.', 'encoded 表示序列号绑定到芯片；voided 表示序列号永久作废。'), codes: ['encoded', 'voided'] },
      reason: { text: t('Why, in the words of the person who settled it.', '处理人填写的原因。') },
      resolved_by_name: { text: t('Who settled it.', '处理人。') },
    },
  },
  stock_exceptions: { text: t('Conflicts the server found applying ops (negative stock, held lot picked ...), for a supervisor to resolve.', '服务器应用操作时发现的冲突（负库存、拣了冻结批次等），由主管处理。') },
  work_orders: { text: t('Work orders that production ops consume into and produce from.', '生产操作消耗和产出所依据的工单。') },
  label_templates: { text: t('Label template versions: draft, approved by QA, retired.', '标签模板版本：草稿、QA 批准、停用。') },
  label_template_items: {
    text: t('Items a label template prints for, by template name: approving a version is checked against each item’s UDI device record.', '标签模板（按名称）适用的物料：批准新版本时对照每个物料的 UDI 器械记录检查。'),
    fields: { template_name: { text: t('Template name; every version of it answers to these items.', '模板名称；其所有版本都适用于这些物料。') } },
  },
  udi_label_settings: {
    text: t('One row: the jurisdictions whose rule "DI data published before sale" the plant is held to; a label for an unpublished UDI-DI is refused under any of them.', '单行：本厂须遵守“销售前发布 DI 数据”规则的法规辖区；任一辖区适用时，未发布的 UDI-DI 不得打印标签。'),
    fields: { publish_before_sale: { text: t('GUDID, EUDAMED and/or NMPA; empty: no such rule.', 'GUDID、EUDAMED 和/或 NMPA；为空表示无此规则。'), codes: ['GUDID', 'EUDAMED', 'NMPA'] } },
  },
  printers: {
    text: t('Label printers on the plant network.', '工厂网络上的标签打印机。'),
    fields: {
      rfid_retry: { text: t('false: a label whose RFID tag failed is never tried again on this printer.', 'false：在此打印机上 RFID 芯片失败的标签不再重试。') },
      rfid_retries: { text: t('Labels tried again after a failed tag, overriding the template; empty: the template decides.', '芯片失败后重试的标签数，优先于模板；为空时由模板决定。') },
      rfid_read_back_timeout_ms: { text: t('How long the spool waits for a label’s RFID read-back before the label is in doubt; empty: the spool default.', '打印服务等待标签 RFID 回读的时长，超时则标签存疑；为空时用默认值。') },
    },
  },
  pick_lists: { text: t('Pick lists for shipments, picked FEFO.', '发货拣货单，按先到期先出（FEFO）拣货。') },
  number_rules: { text: t('Rules that make lot, serial and document numbers.', '批号、序列号和单据号的编号规则。') },
  suppliers: { text: t('Suppliers, as sent by the ERP.', 'ERP 发送的供应商。') },
  webhook_subscriptions: { text: t('Receivers of domain events over signed HTTP.', '通过签名 HTTP 接收领域事件的订阅方。') },
  api_keys: { text: t('API keys of integrations (ERP, MES), with scopes.', '集成（ERP、MES）的 API 密钥及其权限范围。') },
  packaging_specs: {
    text: t('Packaging specs: what a case or pallet may hold, how many, and whether lots or items may mix.', '包装规格：箱或托盘可装何物、数量上限，以及是否允许混批或混品。'),
    fields: {
      level: { text: t('Packaging level of the container.', '容器的包装层级。'), codes: ['inner', 'case', 'pallet'] },
      child_levels: { text: t('Levels that may go inside.', '可装入的下级层级。') },
      capacity: { text: t('Children directly inside at most: units by quantity, containers by one each.', '直接装入的上限：单品按数量，容器按个数。') },
      mix: { text: t('one_lot, one_item or mixed.', '单一批次、单一物料或混装。'), codes: ['one_lot', 'one_item', 'mixed'] },
    },
  },
  udi_exports: {
    text: t("Files sent to a regulator's UDI database (GUDID, EUDAMED, NMPA), kept exactly as exported: append-only, with their sha-256.", '提交给监管机构 UDI 数据库（GUDID、EUDAMED、NMPA）的文件，按导出原样保存：只追加，附 SHA-256。'),
    fields: {
      record_version: { text: t('The published version of the device record the file was made of.', '生成文件所依据的器械记录已发布版本。') },
      export_version: { text: t("The record's exports to this regulator, counted from 1.", '该记录提交给该监管机构的导出次数，从 1 起计。') },
      sha256: { text: t('SHA-256 of the content: pins the exact file.', '内容的 SHA-256：锁定确切文件。') },
    },
  },
  udi_export_statuses: {
    text: t("Where an export stands with the regulator: generated, submitted, accepted or rejected, with the authority's reference or message; append-only.", '导出在监管机构处的状态：已生成、已提交、已接受或已拒绝，附监管机构的编号或拒绝信息；只追加。'),
    fields: {
      authority_reference: { text: t("The authority's acknowledgement or registration number.", '监管机构的回执编号或登记号。') },
      message: { text: t("The authority's rejection message, as given.", '监管机构给出的拒绝信息原文。') },
    },
  },
  logistics_settings: {
    text: t("The plant's SSCC numbering (GS1 Company Prefix and extension digit) and the ship-from block of its logistic labels: one row.", '本厂 SSCC 编码（GS1 厂商识别代码与扩展位）及物流标签的发货方信息：仅一行。'),
    fields: {
      company_prefix: { text: t('GS1 Company Prefix the SSCCs are numbered from; a whole prefix as GS1 allocates it.', '编制 SSCC 所用的 GS1 厂商识别代码；须为 GS1 分配的完整代码。') },
      extension: { text: t('SSCC extension digit (0-9) used by this plant.', '本厂使用的 SSCC 扩展位（0-9）。') },
      ship_from_address: { text: t('Up to three address lines under the ship-from name.', '发货方名称下最多三行地址。') },
    },
  },
  containers: {
    text: t('Cases and pallets by SSCC: the container each sits in, its version and whether it shipped.', '按 SSCC 标识的箱和托盘：所在的上级容器、版本及是否已发货。'),
    fields: {
      sscc: { text: t('The SSCC (AI 00) on its label, issued by Lotline.', '标签上的 SSCC（AI 00），由 Lotline 分配。') },
      id: { text: t('Replication id: handhelds pull containers in (change_xid, id) order; the SSCC stays the key everywhere else.', '同步标识：手持终端按 (change_xid, id) 顺序拉取容器；其他地方仍以 SSCC 为键。') },
      parent_sscc: { text: t('The container it sits in; empty when loose.', '所在的上级容器；散放时为空。') },
      version: { text: t('0 when labelled and empty; each pack or unpack adds one and reprints its label.', '已贴标且为空时为 0；每次装箱或拆箱加一并重印标签。') },
      shipped_at: { text: t('When it shipped; nothing goes in or out after.', '发货时间；之后不可再装入或取出。') },
      label_version: { text: t('The container version its last logistic label was drawn for; below version, the label is out of date.', '最近一次物流标签所依据的容器版本；低于当前版本即标签已过期。') },
      label_verified_version: { text: t('The container version a scan of its printed label last matched (SSCC and content line).', '最近一次扫描已打印标签并核对一致（SSCC 与内容行）时的容器版本。') },
      label_verified_at: { text: t('When that verify scan was made on the handheld.', '该核对扫描在手持终端上进行的时间。') },
      label_verified_op: { text: t('The label_verified op that recorded the verify scan.', '记录该核对扫描的 label_verified 操作。') },
      origin: { text: t('packed: labelled and packed here, its SSCC issued by Lotline; received: a supplier pallet received whole by its SSCC from a ship notice.', 'packed：本厂贴标装箱，SSCC 由 Lotline 分配；received：按发货通知上的 SSCC 整托接收的供应商托盘。'), codes: ['packed', 'received'] },
    },
  },
  master_data_versions: {
    text: t(
      'Every version of an item, location, number rule, customer, supplier or packaging spec, written by triggers whoever changes the record: who, when, why, the whole row, and a restore or QC signature where there was one. Append-only.',
      '物料、库位、编号规则、客户、供应商和包装规格的每个版本，由触发器在任何人修改记录时写入：修改人、时间、原因、整行数据，以及恢复来源或 QC 签名（如有）。只追加。',
    ),
    fields: {
      kind: { text: t('The table the record lives in.', '记录所在的表。') },
      record_id: { text: t('The record’s id in that table.', '记录在该表中的标识。') },
      version: { text: t('The version number of the record, 1 upward; not the row version handhelds replicate by.', '记录的版本号，从 1 起；不是手持终端同步所用的行版本。') },
      changed_at: { text: t('When the change was committed to the database.', '变更写入数据库的时间。') },
      data: { text: t('The whole row after the change (before it, for a deletion).', '变更后的整行（删除时为删除前）。') },
      change: { text: t('What made the version; backfilled: the record as it was when history began.', '产生该版本的变更；backfilled：开始记录历史时的状态。'), codes: ['created', 'updated', 'deleted', 'backfilled'] },
      reason: { text: t('Why, as the person gave it, or the path that wrote it (integration upsert, import of a file, seed).', '原因：由修改人填写，或写入途径（集成同步、文件导入、演示数据）。') },
      changed_by: { text: t('The user who made the change; empty for an integration, import job or seed.', '修改的用户；集成、导入或演示数据写入时为空。') },
      changed_by_name: { text: t('Who made the change, by name: the user, or the integration or process.', '修改人名称：用户，或集成与进程名。') },
      restored_from: { text: t('The earlier version whose content this one writes again.', '本版本重新写入其内容的早期版本。') },
      regulated: { text: t('A field regulators hold the manufacturer to changed against the version before.', '相对上一版本，变更了法规要求制造商管控的字段。') },
      signature: { text: t('QC’s electronic signature approving the change (21 CFR 11.50: name, time, meaning).', '批准该变更的 QC 电子签名（21 CFR 11.50：姓名、时间、含义）。') },
    },
  },
  master_data_regulated_fields: {
    text: t('The fields of each kind of master data whose change needs a QC signature when made by hand; the history marks versions that change them.', '各类主数据中手工修改须 QC 签名的字段；历史记录据此标记变更了这些字段的版本。'),
    fields: { kind: { text: t('The table of the master data.', '主数据所在的表。') }, field: { text: t('The regulated column.', '受法规管控的列。') } },
  },
  master_data_change_requests: {
    text: t(
      'A change of a regulated field of master data sent by the integration API, held unwritten until QC approves it with an electronic signature (then written as one version carrying it) or rejects it. One pending request per record.',
      '通过集成 API 发来的主数据法规管控字段变更，在 QC 以电子签名批准（随后写入为带签名的一个版本）或驳回之前不写入。每条记录最多一个待审批请求。',
    ),
    fields: {
      kind: { text: t('The table the record lives in.', '记录所在的表。') },
      record_id: { text: t('The record the change is for.', '变更针对的记录。') },
      external_id: { text: t('The external id the ERP sent the change under.', 'ERP 发送变更时使用的外部标识。') },
      base_version: { text: t('The record’s row version when the change arrived; a record written since makes approval stale.', '变更到达时记录的行版本；之后记录若被修改，批准将因过期被拒绝。') },
      proposed: { text: t('The columns as the integration would have written them.', '集成原本要写入的各列。') },
      diff: { text: t('What the change alters against the record when it arrived, field by field.', '变更到达时相对记录逐字段的差异。') },
      regulated_fields: { text: t('The regulated fields the change touches.', '变更涉及的法规管控字段。') },
      api_key_id: { text: t('The API key that sent the change.', '发送该变更的 API 密钥。') },
      requested_by_name: { text: t('The integration that sent it.', '发送变更的集成。') },
      requested_at: { text: t('When the change arrived.', '变更到达时间。') },
      idempotency_key: { text: t('The Idempotency-Key the request carried, if any.', '请求所带的幂等键（如有）。') },
      status: { text: t('pending until QC decides; approved (written, signed) or rejected (never written).', '待 QC 决定时为 pending；approved（已写入并签名）或 rejected（未写入）。') },
      decided_by: { text: t('The user who approved or rejected it.', '批准或驳回的用户。') },
      decided_by_name: { text: t('That user, by name.', '该用户名称。') },
      decided_at: { text: t('When it was decided.', '决定时间。') },
      signature: { text: t('The QC electronic signature that approved it (21 CFR 11.50: name, time, meaning).', '批准该变更的 QC 电子签名（21 CFR 11.50：姓名、时间、含义）。') },
      reason: { text: t('Why it was rejected, or the note given with the approval.', '驳回原因，或批准时的说明。') },
    },
  },
  container_units: {
    text: t('Units inside a container: one row per serial, or a quantity of a lot packed without serials.', '容器内的单品：每个序列号一行，或未按序列号装入的批次数量。'),
    fields: { serial: { text: t('Serial (AI 21); a serial sits in one container at most.', '序列号（AI 21）；一个序列号最多在一个容器中。') }, qty: { text: t('Quantity; 1 for a serial.', '数量；序列号为 1。') } },
  },
  container_versions: {
    text: t('Every version of a container with its direct contents as they were: what trace shows a pallet held when it shipped.', '容器的每个版本及其当时的直接内容：追溯据此显示托盘发货时所装之物。'),
    fields: { change: { text: t('What made the version.', '产生该版本的变更。'), codes: ['pack', 'unpack', 'ship', 'receive'] }, contents: { text: t('Child SSCCs and unit lines after the change.', '变更后的下级 SSCC 与单品行。') } },
  },
  inbound_containers: {
    text: t(
      'Pallets and cases a supplier ship notice names by SSCC, with the notice lines on each; handhelds receive one by one scan. Written from the notice by a trigger; a received one is kept as received.',
      '供应商发货通知按 SSCC 列出的托盘与箱及其通知行；手持终端扫一次即整托收货。由触发器根据发货通知写入；已收货的保持为已收货。',
    ),
    fields: {
      sscc: { text: t('The SSCC (AI 00) on the supplier label.', '供应商标签上的 SSCC（AI 00）。') },
      lines: { text: t('The notice lines on this SSCC as the notice stores them (item, supplier lot, expiry, quantity).', '该 SSCC 上的通知行，按发货通知保存（物料、供应商批号、有效期、数量）。') },
      status: { text: t('expected: on an open notice; received: booked by a receive_container op; withdrawn: the notice no longer names it or is closed.', 'expected：在未关闭的通知上；received：已由整托收货操作记账；withdrawn：通知不再列出或已关闭。'), codes: ['expected', 'received', 'withdrawn'] },
      received_at: { text: t('When the server booked the receipt.', '服务器记账收货的时间。') },
      received_by: { text: t('The user credited with the receipt.', '收货记在其名下的用户。') },
      received_device_id: { text: t('The handheld that sent the receipt.', '发送收货操作的手持终端。') },
      received_op_id: { text: t('The receive_container op that booked it.', '记账的整托收货操作。') },
      received_location_id: { text: t('The location the receiving clerk scanned.', '收货员扫描的库位。') },
    },
  },
};

/** OpenAPI components worth a word beyond their name. */
export const ENTITY_NOTES: Readonly<Record<string, EntityNote>> = {
  Lot: { table: 'lots', text: t('A lot as the API answers it.', 'API 返回的批次。') },
  Item: { table: 'items' },
  Location: { table: 'locations' },
  PrintJob: { table: 'print_jobs', text: t('A print job of the spool.', '打印队列中的打印作业。') },
  RecallCase: { table: 'recall_cases', text: t('A recall case with its terms.', '召回案例及其条款。') },
  Customer: { table: 'customers' },
  OpSummary: { table: 'ops', text: t('An op of the op log, as the console lists it.', '控制台列出的操作日志条目。') },
  DomainEvent: { table: 'domain_events' },
  User: { table: 'users' },
};
