import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import AccountTreeIcon from '@mui/icons-material/AccountTree';
import DescriptionIcon from '@mui/icons-material/Description';
import GroupsIcon from '@mui/icons-material/Groups';
import HistoryIcon from '@mui/icons-material/History';
import PersonIcon from '@mui/icons-material/Person';
import { authProvider } from './authProvider';
import { LoginPage } from './login';
import { dataProvider } from './dataProvider';
import { i18nProvider } from './i18n';
import { AppLayout } from './layout';
import { Dashboard } from './dashboard';
import { JurisdictionTree } from './jurisdictions-page';
import { PolicyVersionList } from './versions/list';
import { PolicyVersionShow } from './versions/show';
import { HistoryList } from './history';
import { UserCreate, UserEdit, UserList } from './users';
import { lazy, Suspense, type ComponentType } from 'react';
import type { CurrentUser } from './api';

/**
 * Pages with heavy dependencies (the schema-driven editor, DOCX generation, charts) load on first
 * use, so the first screen only fetches the lists and the login.
 */
function page<K extends string>(load: () => Promise<Record<K, ComponentType<object>>>, name: K): ComponentType {
  const Lazy = lazy<ComponentType<object>>(async () => ({ default: (await load())[name] }));
  return function LazyPage() {
    return (
      <Suspense fallback={<div style={{ padding: 16 }}>…</div>}>
        <Lazy />
      </Suspense>
    );
  };
}

const PolicyEditPage = page(() => import('./editor'), 'PolicyEditPage');
const NoticePage = page(() => import('./notice'), 'NoticePage');
const ComparePage = page(() => import('./compare'), 'ComparePage');
const PreviewPage = page(() => import('./preview'), 'PreviewPage');
const CohortList = page(() => import('./cohorts'), 'CohortList');
const CohortShow = page(() => import('./cohorts'), 'CohortShow');
const CohortCreate = page(() => import('./cohorts'), 'CohortCreate');

export function App() {
  return (
    <Admin
      title="城乡居民医保参保缴费政策"
      dataProvider={dataProvider}
      authProvider={authProvider}
      loginPage={LoginPage}
      i18nProvider={i18nProvider}
      layout={AppLayout}
      dashboard={Dashboard}
      disableTelemetry
      requireAuth
    >
      {(permissions: CurrentUser | null) => (
        <>
          <Resource name="policyVersions" list={PolicyVersionList} show={PolicyVersionShow} edit={PolicyEditPage} icon={DescriptionIcon} recordRepresentation="title" />
          <Resource name="jurisdictions" list={JurisdictionTree} icon={AccountTreeIcon} recordRepresentation="name" />
          <Resource name="cohorts" list={CohortList} show={CohortShow} create={CohortCreate} icon={GroupsIcon} recordRepresentation="name" />
          <Resource name="auditLog" list={HistoryList} icon={HistoryIcon} />
          {permissions?.roles.includes('admin') ? <Resource name="users" list={UserList} create={UserCreate} edit={UserEdit} icon={PersonIcon} /> : null}
          <CustomRoutes>
            <Route path="/policyVersions/:id/notice" element={<NoticePage />} />
            <Route path="/compare" element={<ComparePage />} />
            <Route path="/preview" element={<PreviewPage />} />
          </CustomRoutes>
        </>
      )}
    </Admin>
  );
}
