import { NumberRules } from '../components/NumberRules';
import { WorkOrders } from '../components/WorkOrders';
import { LabelsConsole } from '../screens/LabelsConsole';
import { QcConsole } from '../screens/QcConsole';
import { RecallConsole } from '../screens/RecallConsole';
import { SupervisorConsole } from '../screens/SupervisorConsole';
import { TraceScreen } from '../screens/TraceScreen';
import type { StoredSession } from '../session/session';
import type { ConsolePage } from './pages';

/** One console page; pages still drawn by hand sit in a `legacy-page` that carries their element styles. */
export function ConsolePageView({ page, session }: { page: ConsolePage; session: StoredSession }) {
  switch (page) {
    case 'sync':
    case 'exceptions':
    case 'devices':
      return (
        <div className="legacy-page">
          <SupervisorConsole session={session} />
        </div>
      );
    case 'work-orders':
      return (
        <div className="legacy-page">
          <WorkOrders token={session.token} />
        </div>
      );
    case 'number-rules':
      return (
        <div className="legacy-page">
          <NumberRules token={session.token} canEdit={session.user.roles.includes('admin')} />
        </div>
      );
    case 'qc':
      return (
        <div className="legacy-page">
          <QcConsole session={session} />
        </div>
      );
    case 'trace':
      return (
        <div className="legacy-page">
          <TraceScreen session={session} />
        </div>
      );
    case 'recall':
      return (
        <div className="legacy-page">
          <RecallConsole session={session} />
        </div>
      );
    case 'labels':
      return (
        <div className="legacy-page">
          <LabelsConsole session={session} />
        </div>
      );
  }
}
