import { useEffect, useState } from 'react';
import { Datagrid, FunctionField, List, NumberField, SelectInput, TextField, TextInput, type ListProps } from 'react-admin';
import { gql } from '../api';
import { loadJurisdictions, type JurisdictionNode } from '../jurisdictions';
import { useTr } from '../i18n';
import { STATUSES, StatusChip, useStatusName } from '../status';
import { dateTimeText } from '../format';
import { useLang } from '../ui';

function useJurisdictionChoices() {
  const [all, setAll] = useState<JurisdictionNode[]>([]);
  useEffect(() => {
    loadJurisdictions().then(setAll, () => setAll([]));
  }, []);
  // the API takes a division code or the exact name; only those with versions (of 3,300 in the pickers) are offered
  const [withVersions, setWithVersions] = useState<Set<string> | null>(null);
  useEffect(() => {
    gql<{ policyVersions: { jurisdiction: { id: string } }[] }>(`{ policyVersions { jurisdiction { id } } }`).then(
      (d) => setWithVersions(new Set(d.policyVersions.map((v) => v.jurisdiction.id))),
      () => setWithVersions(new Set()),
    );
  }, []);
  return all
    .filter((j) => !withVersions || withVersions.has(j.id))
    .map((j) => ({ id: j.code ?? j.name, name: j.code ? `${j.name}（${j.code}）` : j.name }));
}

/** Every version the user may read, filtered by jurisdiction, coverage year and status. */
export function PolicyVersionList(props: ListProps) {
  const tr = useTr();
  const statusName = useStatusName();
  const lang = useLang();
  const jurisdictions = useJurisdictionChoices();
  const filters = [
    <SelectInput key="j" source="jurisdiction" label={tr('统筹地区', 'Jurisdiction')} choices={jurisdictions} alwaysOn />,
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
