import type { LotStatus } from '../../../../domain/lots/status';

/**
 * One colour per lot status, the same in every chart and tag: green may be used, amber waits,
 * red must not move. Dark enough for white text on a tag and distinct side by side in a stack.
 */
export const STATUS_COLORS: Record<LotStatus, string> = {
  released: '#237804',
  quarantine: '#ad6800',
  on_hold: '#c41d7f',
  recalled: '#a8071a',
  expired: '#595959',
  rejected: '#820014',
  scrapped: '#434343',
  returned: '#10239e',
};

/** The same hues as Ant Design tag presets: the console's tags are tinted, with dark text (console.css). */
export const STATUS_TAGS: Record<LotStatus, string> = {
  released: 'green',
  quarantine: 'gold',
  on_hold: 'magenta',
  recalled: 'red',
  expired: 'default',
  rejected: 'volcano',
  scrapped: 'default',
  returned: 'geekblue',
};
