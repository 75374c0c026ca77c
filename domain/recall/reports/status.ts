import { checksRequired } from '../effectiveness';
import type { ReportFacts } from './facts';
import { day, pct, qty, type ReportDocument } from './model';
import { classesText } from './common';

const FINDINGS = { not_reached: 'not reached', no_notice: 'did not receive the notice', not_followed: 'did not follow the instructions' } as const;

function effectivenessText(r: ReportFacts['effectiveness']): string {
  if (r.selected === null) return 'no consignees drawn for checks yet';
  if (r.checked === 0) return `${r.selected} consignees drawn; none checked yet`;
  return `${r.checked} of ${r.selected} drawn consignees checked: ${r.reached} reached, ${r.receivedNotice} received the notice, ${r.followedInstructions} followed the instructions`;
}

/**
 * The recall status report of 21 CFR 7.53(b): how many consignees were told, when and how; how
 * many answered and what they had on hand; who did not answer; what came back, was corrected or
 * destroyed; the effectiveness checks; and when the recall is expected to be done.
 */
export function statusReport(f: ReportFacts): ReportDocument {
  const answered = f.consignees.filter((c) => c.answered);
  const silent = f.consignees.filter((c) => !c.answered);
  const sum = (pick: (c: ReportFacts['consignees'][number]) => number) => qty(f.consignees.reduce((s, c) => s + pick(c), 0));
  const e = f.case.terms.effectiveness;
  const checks = e ? checksRequired(f.consignees.length, e.level, e.level === 'B' ? e.percent : null) : 0;
  const summary = f.clocks.find((c) => c.kind === 'nmpa_summary_report');
  return {
    kind: 'status',
    lang: 'en',
    title: `Recall status report ${f.case.number}`,
    reference: f.case.number,
    generatedAt: f.generatedAt,
    sections: [
      {
        heading: 'Recall',
        fields: [
          ['Case', f.case.number],
          ['State', f.case.state],
          ['Class', classesText(f.case.terms.classes)],
          ['Depth', f.case.terms.depth ?? '—'],
          ['Opened', day(f.case.openedAt)],
          ['Owner', f.case.owner],
          ['Scope', f.case.scopeDescribed],
        ],
        text: f.case.terms.reason,
      },
      {
        heading: '21 CFR 7.53(b) figures',
        fields: [
          ['Consignees notified', f.notices.reduce((s, n) => s + n.count, 0)],
          ['Date and method of notification', f.notices.length === 0 ? 'not yet notified' : f.notices.map((n) => `${n.sentOn} ${n.method} (${n.count})`).join('; ')],
          ['Consignees responding', answered.length],
          ['Quantity on hand at time of response', sum((c) => (c.answered ? c.onHand : 0))],
          ['Consignees not responding', silent.length],
          ['Units returned', sum((c) => c.returned)],
          ['Units corrected', sum((c) => c.corrected)],
          ['Units destroyed', sum((c) => c.destroyed)],
          ['Units shipped in scope', qty(f.reconciliation.shipped)],
          ['Units accounted for', `${qty(f.reconciliation.accounted)} (${pct(f.reconciliation.percent)})`],
          ['Effectiveness checks', e ? `level ${e.level}${e.level === 'B' ? ` (${e.percent} %)` : ''}: ${checks} of ${f.consignees.length} consignees to check` : '—'],
          ['Results of effectiveness checks', effectivenessText(f.effectiveness)],
          ['Estimated time frame for completion', f.case.closedAt ? `completed ${day(f.case.closedAt)}` : summary ? `summary report due ${summary.dueAt}` : 'open; see the strategy'],
        ],
      },
      {
        heading: 'Effectiveness checks that found the recall not effective',
        table: { columns: ['Consignee', 'Name', 'Finding', 'Checked on', 'Note'], rows: f.effectiveness.failed.map((c) => [c.code, c.name, FINDINGS[c.finding], day(c.checkedAt), c.note]) },
      },
      {
        heading: 'Consignees not responding',
        table: { columns: ['Consignee', 'Name', 'Shipped', 'Returned'], rows: silent.map((c) => [c.code, c.name, qty(c.shipped), qty(c.returned)]) },
      },
      {
        heading: 'Per consignee',
        table: {
          columns: ['Consignee', 'Name', 'Shipped', 'Returned', 'Destroyed', 'Corrected', 'On hand', 'Lost', 'Gap', 'Answered on'],
          rows: f.consignees.map((c) => [c.code, c.name, qty(c.shipped), qty(c.returned), qty(c.destroyed), qty(c.corrected), qty(c.onHand), qty(c.lost), qty(c.gap), c.answeredAt ? day(c.answeredAt) : '']),
        },
      },
    ],
  };
}
