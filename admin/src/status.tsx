import { Chip } from '@mui/material';
import { statusText } from './format';
import { useLang } from './ui';

export const STATUSES = ['DRAFT', 'IN_REVIEW', 'APPROVED', 'PUBLISHED', 'SUPERSEDED'] as const;

const COLORS: Record<string, 'default' | 'info' | 'warning' | 'success' | 'primary'> = {
  DRAFT: 'default',
  IN_REVIEW: 'warning',
  APPROVED: 'info',
  PUBLISHED: 'success',
  SUPERSEDED: 'default',
};

/** A version's status in the reader's language, one word each (policy-schemas/format.ts): DRAFT → 草案. */
export function useStatusName(): (status: string) => string {
  const lang = useLang();
  return (s) => statusText(s, lang);
}

export function StatusChip({ status }: { status: string }) {
  const name = useStatusName();
  return <Chip size="small" label={name(status)} color={COLORS[status] ?? 'default'} variant={status === 'SUPERSEDED' ? 'outlined' : 'filled'} data-status={status} />;
}
