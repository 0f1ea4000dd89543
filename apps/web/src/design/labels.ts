import type { Priority } from '@baton/contracts';
import type { ProjectStatus } from '@baton/core';

export const STATUS_LABELS: Readonly<Record<ProjectStatus, string>> = {
  proposed: 'Proposed',
  approved: 'Approved',
  active: 'Active',
  on_hold: 'On hold',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

export const PRIORITY_LABELS: Readonly<Record<Priority, string>> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
};

/** Priorities, most urgent first (the keys of PRIORITY_LABELS, which the contract type keeps complete). */
export const PRIORITY_ORDER: readonly Priority[] = ['critical', 'high', 'medium', 'low'];
