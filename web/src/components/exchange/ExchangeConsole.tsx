import type { User } from '../../api';
import type { ExchangeRoute } from '../../router';
import { ExchangeLogPage } from './ExchangeLogPage';
import { ExchangeNav, RequireExchangeLogin } from './ExchangeNav';
import { GrantsPage } from './GrantsPage';
import { MonitoringPage } from './MonitoringPage';
import { ServiceCatalog } from './ServiceCatalog';
import { ServicePage } from './ServicePage';
import { SystemsPage } from './SystemsPage';

/** The data exchange section of the officials' console ("Pertukaran Data"). */
export function ExchangeConsole({
  route,
  user,
}: {
  route: ExchangeRoute;
  /** undefined while the session is being checked. */
  user: User | null | undefined;
}) {
  return (
    <>
      <ExchangeNav route={route} />
      <RequireExchangeLogin user={user} />
      {user && <ExchangeView route={route} user={user} />}
    </>
  );
}

function ExchangeView({ route, user }: { route: ExchangeRoute; user: User }) {
  switch (route.view) {
    case 'services':
      return <ServiceCatalog />;
    case 'service':
      return <ServicePage id={route.id} />;
    case 'systems':
      return <SystemsPage user={user} />;
    case 'grants':
      return <GrantsPage user={user} />;
    case 'log':
      return <ExchangeLogPage />;
    case 'monitoring':
      return <MonitoringPage />;
  }
}
