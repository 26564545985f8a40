import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, gql as tag } from '@apollo/client';
import buildGraphQLProvider, { type BuildQueryResult } from 'ra-data-graphql';
import type { GetListParams } from 'react-admin';
import { authHeaders, GRAPHQL_URL } from './api';

/*
 * Lists and records through ra-data-graphql with our own `buildQuery` (STACK.md, trap 4): the API's
 * operation names are a contract with integrators (`policyVersions`, `policyVersion(id)`, `cohorts` …),
 * so the console maps react-admin's fetch types onto them instead of renaming the API after
 * ra-data-graphql-simple's `allPolicyVersions`. No introspection round trip is needed: every query is
 * written here. The API returns whole lists (they are small: versions, jurisdictions, cohorts, users),
 * so filtering by text, sorting and paging happen here.
 */

const VERSION_FIELDS = `id year status title documentNumber issuedOn revision contentHash publishedAt effectiveFrom supersededAt
  sourceVersionId sourceAmended createdBy updatedBy submittedBy approvedBy publishedBy reviewComment createdAt updatedAt
  jurisdiction { id name code level }`;

const QUERIES: Record<string, { list: string; one?: string; listKey: string; oneKey?: string; vars?: (filter: any) => Record<string, unknown> }> = {
  jurisdictions: {
    list: `query { jurisdictions { id code name level note parent { id name } } }`,
    listKey: 'jurisdictions',
  },
  policyVersions: {
    list: `query ($jurisdiction: String, $year: Int, $status: PolicyStatus) { policyVersions(jurisdiction: $jurisdiction, year: $year, status: $status) { ${VERSION_FIELDS} } }`,
    one: `query ($id: ID!) { policyVersion(id: $id) { ${VERSION_FIELDS} autoChanges { path label before after reason } editedBy warnings { path code message } document } }`,
    listKey: 'policyVersions',
    oneKey: 'policyVersion',
    vars: (f) => ({
      jurisdiction: f.jurisdiction || undefined,
      year: f.year ? Number(f.year) : undefined,
      status: f.status || undefined,
    }),
  },
  cohorts: {
    list: `query ($jurisdiction: String) { cohorts(jurisdiction: $jurisdiction) { id name persons createdAt units jurisdiction { id name } } }`,
    one: `query ($id: ID!) { cohort(id: $id) { id name persons createdAt units jurisdiction { id name } byUnit { key persons } byCategory { key persons } } }`,
    listKey: 'cohorts',
    oneKey: 'cohort',
    vars: (f) => ({ jurisdiction: f.jurisdiction || undefined }),
  },
  auditLog: {
    list: `query ($jurisdiction: String, $username: String, $policyVersionId: ID) { auditLog(limit: 1000, jurisdiction: $jurisdiction, username: $username, policyVersionId: $policyVersionId) { id at username action policyVersionId jurisdiction comment diff details } }`,
    listKey: 'auditLog',
    vars: (f) => ({
      jurisdiction: f.jurisdiction || undefined,
      username: f.username || undefined,
      policyVersionId: f.policyVersionId || undefined,
    }),
  },
  users: {
    list: `query { users { id username displayName roles active jurisdictions { id name } } }`,
    listKey: 'users',
  },
};

/** Client-side text filter (`q`), sort and page over a whole list. */
function page(rows: any[], params: Partial<GetListParams>) {
  let out = rows;
  const q = String(params.filter?.q ?? '').trim();
  if (q) out = out.filter((r) => JSON.stringify(r).includes(q));
  const sort = params.sort;
  if (sort?.field) {
    const dir = sort.order === 'DESC' ? -1 : 1;
    const get = (r: any) => sort.field.split('.').reduce((v: any, k: string) => v?.[k], r);
    out = [...out].sort((a, b) => {
      const x = get(a);
      const y = get(b);
      return (x === y ? 0 : x == null ? -1 : y == null ? 1 : x < y ? -1 : 1) * dir;
    });
  }
  const total = out.length;
  if (params.pagination) {
    const { page: p, perPage } = params.pagination;
    out = out.slice((p - 1) * perPage, p * perPage);
  }
  return { data: out, total };
}

function buildQuery(fetchType: string, resource: string, params: any): BuildQueryResult {
  const def = QUERIES[resource];
  if (!def) throw new Error(`未知资源 ${resource}`);
  const listVars = () => def.vars?.(params.filter ?? {}) ?? {};
  switch (fetchType) {
    case 'GET_LIST':
      return { query: tag(def.list), variables: listVars(), parseResponse: (r) => page(r.data[def.listKey], params) };
    case 'GET_MANY':
      return {
        query: tag(def.list),
        variables: {},
        parseResponse: (r) => ({ data: r.data[def.listKey].filter((x: any) => params.ids.map(String).includes(String(x.id))) }),
      };
    case 'GET_MANY_REFERENCE':
      return {
        query: tag(def.list),
        variables: def.vars?.({ ...(params.filter ?? {}), [params.target]: params.id }) ?? {},
        parseResponse: (r) => page(r.data[def.listKey], params),
      };
    case 'GET_ONE':
      if (def.one)
        return {
          query: tag(def.one),
          variables: { id: String(params.id) },
          parseResponse: (r) => {
            const data = r.data[def.oneKey!];
            if (!data) throw new Error('ra.notification.item_doesnt_exist');
            return { data };
          },
        };
      return {
        query: tag(def.list),
        variables: {},
        parseResponse: (r) => {
          const data = r.data[def.listKey].find((x: any) => String(x.id) === String(params.id));
          if (!data) throw new Error('ra.notification.item_doesnt_exist');
          return { data };
        },
      };
    default:
      throw new Error(`${resource}: ${fetchType} 不通过列表接口提供（请使用对应页面的操作）`);
  }
}

export const apolloClient = new ApolloClient({
  link: new ApolloLink((operation, forward) => {
    operation.setContext(({ headers = {} }: { headers?: Record<string, string> }) => ({ headers: { ...headers, ...authHeaders() } }));
    return forward(operation);
  }).concat(new HttpLink({ uri: GRAPHQL_URL })),
  cache: new InMemoryCache({ addTypename: false }),
  defaultOptions: { query: { fetchPolicy: 'no-cache' }, mutate: { fetchPolicy: 'no-cache' } },
});

export const dataProvider = buildGraphQLProvider({
  client: apolloClient,
  introspection: false,
  buildQuery: () => buildQuery,
});
