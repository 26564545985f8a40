import type { ReactNode } from 'react';
import { Box, Card, CardContent, Tooltip, Typography } from '@mui/material';
import { useLocaleState } from 'react-admin';
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
