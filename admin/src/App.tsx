import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import AccountTreeIcon from '@mui/icons-material/AccountTree';
import DescriptionIcon from '@mui/icons-material/Description';
import GroupsIcon from '@mui/icons-material/Groups';
import HistoryIcon from '@mui/icons-material/History';
import PersonIcon from '@mui/icons-material/Person';
import { authProvider } from './authProvider';
import { dataProvider } from './dataProvider';
import { i18nProvider } from './i18n';
import { AppLayout } from './layout';
import { Dashboard } from './dashboard';
import { JurisdictionTree } from './jurisdictions-page';
import { PolicyVersionList } from './versions/list';
import { PolicyVersionShow } from './versions/show';
import { HistoryList } from './history';
import { UserCreate, UserEdit, UserList } from './users';
import { PolicyEditPage } from './editor';
import { NoticePage } from './notice';
import { ComparePage } from './compare';
import { PreviewPage } from './preview';
import { CohortCreate, CohortList, CohortShow } from './cohorts';
import type { CurrentUser } from './api';

export function App() {
  return (
    <Admin
      title="城乡居民医保参保缴费政策"
      dataProvider={dataProvider}
      authProvider={authProvider}
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
