import { Datagrid, FunctionField, List, NumberField, SelectInput, TextField, TextInput, type ListProps } from 'react-admin';
import { JurisdictionFilter } from '../pickers/JurisdictionPicker';
import { useTr } from '../i18n';
import { STATUSES, StatusChip, useStatusName } from '../status';
import { dateTimeText } from '../format';
import { useLang } from '../ui';

/** Every version the user may read, filtered by jurisdiction, coverage year and status. */
export function PolicyVersionList(props: ListProps) {
  const tr = useTr();
  const statusName = useStatusName();
  const lang = useLang();
  const filters = [
    <JurisdictionFilter key="j" source="jurisdiction" label={tr('统筹地区', 'Jurisdiction')} alwaysOn />,
    <TextInput key="y" source="year" label={tr('待遇年度', 'Coverage year')} type="number" alwaysOn />,
    <SelectInput key="s" source="status" label={tr('状态', 'Status')} choices={STATUSES.map((s) => ({ id: s, name: statusName(s) }))} alwaysOn />,
    <TextInput key="q" source="q" label={tr('搜索', 'Search')} />,
  ];
  return (
    <List {...props} filters={filters} sort={{ field: 'year', order: 'DESC' }} perPage={25} exporter={false}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="jurisdiction.name" sortable />
        <NumberField source="year" options={{ useGrouping: false }} />
        <FunctionField source="status" render={(r: { status: string }) => <StatusChip status={r.status} />} />
        <TextField source="title" />
        <TextField source="documentNumber" />
        <FunctionField source="updatedAt" render={(r: { updatedAt: string }) => dateTimeText(r.updatedAt, lang)} />
        <TextField source="updatedBy" />
      </Datagrid>
    </List>
  );
}
