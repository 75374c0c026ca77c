import { useState } from 'react';
import type { BalanceDoc } from '../../sync';
import { firstShortfall, type StockShortfall } from '../screens/stock-check';

type Line = Parameters<typeof firstShortfall>[1][number];

/**
 * The check before a move, pick or ship: a save that takes more than the device knows is at the
 * source stops once with a warning; saved again with a reason, it goes, the reason with it.
 */
export function useStockCheck() {
  const [shortfall, setShortfall] = useState<StockShortfall | null>(null);
  const [reason, setReason] = useState('');

  function check(balances: readonly BalanceDoc[], lines: readonly Line[]): { go: true; overrideReason: string | null } | { go: false; shortfall: StockShortfall } {
    const found = firstShortfall(balances, lines);
    if (!found) return { go: true, overrideReason: null };
    const warned = shortfall !== null && shortfall.lotNumber === found.lotNumber && shortfall.locationCode === found.locationCode && shortfall.qty === found.qty;
    if (warned && reason.trim()) return { go: true, overrideReason: reason.trim() };
    setShortfall(found);
    return { go: false, shortfall: found };
  }

  function reset() {
    setShortfall(null);
    setReason('');
  }

  return { shortfall, reason, setReason, check, reset };
}
