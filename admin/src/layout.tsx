import type { ReactNode } from 'react';
import { Layout, Menu } from 'react-admin';
import CompareArrowsIcon from '@mui/icons-material/CompareArrows';
import InsightsIcon from '@mui/icons-material/Insights';
import { useTr } from './i18n';

function AppMenu() {
  const tr = useTr();
  return (
    <Menu>
      <Menu.DashboardItem />
      <Menu.ResourceItems />
      <Menu.Item to="/compare" primaryText={tr('版本对比', 'Compare')} leftIcon={<CompareArrowsIcon />} />
      <Menu.Item to="/preview" primaryText={tr('影响预览', 'Impact preview')} leftIcon={<InsightsIcon />} />
    </Menu>
  );
}

/** react-admin's layout; its app bar shows the language switch because two locales are declared. */
export function AppLayout({ children }: { children: ReactNode }) {
  return <Layout menu={AppMenu}>{children}</Layout>;
}
