import { Chip } from '@mui/material';
import { useTr } from './i18n';

export const STATUSES = ['DRAFT', 'IN_REVIEW', 'APPROVED', 'PUBLISHED', 'SUPERSEDED'] as const;

const NAMES: Record<string, [string, string]> = {
  DRAFT: ['草案', 'Draft'],
  IN_REVIEW: ['审核中', 'In review'],
  APPROVED: ['已审核', 'Approved'],
  PUBLISHED: ['已发布', 'Published'],
  SUPERSEDED: ['已被取代', 'Superseded'],
};

const COLORS: Record<string, 'default' | 'info' | 'warning' | 'success' | 'primary'> = {
  DRAFT: 'default',
  IN_REVIEW: 'warning',
  APPROVED: 'info',
  PUBLISHED: 'success',
  SUPERSEDED: 'default',
};

export function useStatusName(): (status: string) => string {
  const tr = useTr();
  return (s) => (NAMES[s] ? tr(NAMES[s][0], NAMES[s][1]) : s);
}

export function StatusChip({ status }: { status: string }) {
  const name = useStatusName();
  return <Chip size="small" label={name(status)} color={COLORS[status] ?? 'default'} variant={status === 'SUPERSEDED' ? 'outlined' : 'filled'} data-status={status} />;
}
