import type { ReactNode } from 'react';
import { Box, Card, CardContent, Table, TableBody, TableCell, TableHead, TableRow, Tooltip, Typography } from '@mui/material';
import { Title, useLocaleState } from 'react-admin';
import { exactMoney, moneyText, type Lang } from './format';

/*
 * Small elements every page uses the same way: an amount of money as officers write it, a section
 * card with its title, a code in small type after the name it belongs to.
 */

/** The reader's language for the formats (zh unless the console is switched to English). */
export function useLang(): Lang {
  const [locale] = useLocaleState();
  return locale === 'en' ? 'en' : 'zh';
}

/** An amount as officers write it (万元 from 100,000 元 up), with the exact figure in a tooltip then. */
export function Money({ value, signed }: { value: string | number; signed?: boolean }) {
  const shown = moneyText(value, signed);
  const exact = exactMoney(value, signed);
  if (shown === exact) return <>{shown}</>;
  return (
    <Tooltip title={exact}>
      <span data-exact={exact}>{shown}</span>
    </Tooltip>
  );
}

/** A page of its own (not a list): its title in the app bar, its content padded. */
export function Page({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box sx={{ p: 2 }}>
      <Title title={title} />
      {children}
    </Box>
  );
}

/** Names each with its code in small type: 最低生活保障对象 di-bao；特困供养人员 te-kun. */
export function NamedList({ items }: { items: { name: string; code: string }[] }) {
  if (items.length === 0) return <>—</>;
  return (
    <>
      {items.map((x, i) => (
        <span key={x.code}>
          {i ? '；' : ''}
          <Named name={x.name} code={x.code} />
        </span>
      ))}
    </>
  );
}

/** A card with a title: the unit the pages are built of. */
export function Section({ title, children, testId, action }: { title: ReactNode; children: ReactNode; testId?: string; action?: ReactNode }) {
  return (
    <Card sx={{ mb: 2 }} data-testid={testId}>
      <CardContent>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1 }}>
          <Typography variant="h6" sx={{ flex: 1 }}>
            {title}
          </Typography>
          {action}
        </Box>
        {children}
      </CardContent>
    </Card>
  );
}

/**
 * A code or a path after the name it belongs to, in small type (`di-bao` after 最低生活保障对象). The
 * console's language checks pass over it: codes are not words.
 */
export function Code({ children, block }: { children: ReactNode; block?: boolean }) {
  return (
    <Typography component="span" variant="caption" data-code sx={{ color: 'text.secondary', ml: block ? 0 : 1, display: block ? 'block' : undefined, wordBreak: 'break-all', fontFamily: 'monospace' }}>
      {children}
    </Typography>
  );
}

/** A name with its code in small type; the code alone where there is no name. */
export function Named({ name, code }: { name: string | null | undefined; code: string }) {
  if (!name || name === code) return <Code>{code}</Code>;
  return (
    <>
      {name}
      <Code>{code}</Code>
    </>
  );
}

const right = { textAlign: 'right', whiteSpace: 'nowrap' } as const;
/** More in red, less in green (an officer's reading of a draft: who pays more). */
const signColour = (n: number) => (n > 0 ? '#c62828' : n < 0 ? '#2e7d32' : undefined);

/** One column of a table: its heading and how a row fills its cell. */
export interface Column<R> {
  head: ReactNode;
  cell: (row: R) => ReactNode;
  /** Figures are right-aligned; a signed one is coloured by its sign. */
  figure?: boolean;
  sign?: (row: R) => number;
  /** Cell style (a width, no wrapping). */
  sx?: Record<string, unknown>;
}

/** The tables of the console: one heading row, one row per item, a line in place of the rows when there are none. */
export function DataTable<R>({
  rows,
  columns,
  rowKey,
  testId,
  empty,
  rowProps,
  fixed,
}: {
  rows: readonly R[];
  columns: Column<R>[];
  rowKey: (row: R, i: number) => string;
  testId?: string;
  empty?: ReactNode;
  /** A row's own style and data attributes (a highlighted row, `data-path`). */
  rowProps?: (row: R) => { sx?: Record<string, unknown> } & Record<`data-${string}`, string | undefined>;
  /** Columns as wide as their headings say (`sx.width`), long values wrapped. */
  fixed?: boolean;
}) {
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" data-testid={testId} sx={fixed ? { tableLayout: 'fixed' } : undefined}>
        <TableHead>
          <TableRow>
            {columns.map((c, i) => (
              <TableCell key={i} sx={{ ...(c.figure ? right : {}), ...c.sx }}>
                {c.head}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.length === 0 && empty ? (
            <TableRow>
              <TableCell colSpan={columns.length}>{empty}</TableCell>
            </TableRow>
          ) : null}
          {rows.map((r, n) => {
            const { sx, ...attrs } = rowProps?.(r) ?? {};
            return (
              <TableRow key={rowKey(r, n)} data-row={rowKey(r, n)} {...attrs} sx={{ verticalAlign: 'top', ...sx }}>
                {columns.map((c, i) => {
                  const s = c.sign?.(r) ?? 0;
                  return (
                    <TableCell key={i} sx={{ ...(c.figure ? { ...right, color: signColour(s), fontWeight: s ? 600 : undefined } : {}), ...c.sx }}>
                      {c.cell(r)}
                    </TableCell>
                  );
                })}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </Box>
  );
}
