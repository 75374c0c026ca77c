import { RecallConsole } from '../../screens/RecallConsole';
import type { StoredSession } from '../../session/session';

// Recalls are still drawn by hand: a `legacy-page` carries the element styles they were written against.

export const RecallPage = ({ session }: { session: StoredSession }) => (
  <div className="legacy-page">
    <RecallConsole session={session} />
  </div>
);
