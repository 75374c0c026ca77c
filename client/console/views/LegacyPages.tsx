import { LabelsConsole } from '../../screens/LabelsConsole';
import { RecallConsole } from '../../screens/RecallConsole';
import { TraceScreen } from '../../screens/TraceScreen';
import type { StoredSession } from '../../session/session';

// Pages still drawn by hand: a `legacy-page` carries the element styles they were written against.

export const TracePage = ({ session }: { session: StoredSession }) => (
  <div className="legacy-page">
    <TraceScreen session={session} />
  </div>
);

export const RecallPage = ({ session }: { session: StoredSession }) => (
  <div className="legacy-page">
    <RecallConsole session={session} />
  </div>
);

export const LabelsPage = ({ session }: { session: StoredSession }) => (
  <div className="legacy-page">
    <LabelsConsole session={session} />
  </div>
);
