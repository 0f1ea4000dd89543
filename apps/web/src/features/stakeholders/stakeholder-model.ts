import {
  ENGAGEMENT_LEVELS,
  STAKEHOLDER_ATTITUDES,
  STAKEHOLDER_QUADRANTS,
  STAKEHOLDER_RATING_MAX,
  STAKEHOLDER_RATING_MIN,
  stakeholderQuadrant,
} from '@baton/core';
import type {
  CreateStakeholderBody,
  EngagementLevel,
  Stakeholder,
  StakeholderAttitude,
  StakeholderListParams,
  StakeholderQuadrant,
  UpdateStakeholderBody,
} from '../../api/stakeholders.ts';
import type { BadgeTone } from '../../design/Badge.tsx';
import type { SelectOption } from '../../design/Select.tsx';

export const QUADRANT_LIST: readonly StakeholderQuadrant[] = STAKEHOLDER_QUADRANTS;
export const QUADRANT_LABELS: Record<StakeholderQuadrant, string> = {
  manage_closely: 'Manage closely',
  keep_satisfied: 'Keep satisfied',
  keep_informed: 'Keep informed',
  monitor: 'Monitor',
};
export const QUADRANT_HINTS: Record<StakeholderQuadrant, string> = {
  manage_closely: 'High influence, high interest: involve them and consult them often.',
  keep_satisfied: 'High influence, lower interest: meet their needs without overloading them.',
  keep_informed: 'Lower influence, high interest: keep them up to date and listen.',
  monitor: 'Lower influence, lower interest: watch for change, with little effort.',
};
export const QUADRANT_TONES: Record<StakeholderQuadrant, BadgeTone> = {
  manage_closely: 'red',
  keep_satisfied: 'amber',
  keep_informed: 'blue',
  monitor: 'gray',
};

export const ATTITUDE_LIST: readonly StakeholderAttitude[] = STAKEHOLDER_ATTITUDES;
export const ATTITUDE_LABELS: Record<StakeholderAttitude, string> = {
  champion: 'Champion',
  supporter: 'Supporter',
  neutral: 'Neutral',
  critic: 'Critic',
  blocker: 'Blocker',
};
export const ATTITUDE_TONES: Record<StakeholderAttitude, BadgeTone> = {
  champion: 'green',
  supporter: 'blue',
  neutral: 'gray',
  critic: 'amber',
  blocker: 'red',
};

export const ENGAGEMENT_LIST: readonly EngagementLevel[] = ENGAGEMENT_LEVELS;
export const ENGAGEMENT_LABELS: Record<EngagementLevel, string> = {
  unaware: 'Unaware',
  resistant: 'Resistant',
  neutral: 'Neutral',
  supportive: 'Supportive',
  leading: 'Leading',
};

export const RATINGS: readonly number[] = Array.from(
  { length: STAKEHOLDER_RATING_MAX - STAKEHOLDER_RATING_MIN + 1 },
  (_, i) => STAKEHOLDER_RATING_MIN + i,
);
export const RATING_LABELS: Record<number, string> = {
  1: 'Very low',
  2: 'Low',
  3: 'Medium',
  4: 'High',
  5: 'Very high',
};

export function toOptions<T extends string>(values: readonly T[], labels: Record<T, string>): SelectOption[] {
  return values.map((v) => ({ value: v, label: labels[v] }));
}

export const RATING_OPTIONS: SelectOption[] = RATINGS.map((r) => ({
  value: String(r),
  label: `${r} — ${RATING_LABELS[r]}`,
}));

/** "Now → desired" in words, with the direction of the gap. */
export function engagementText(s: Pick<Stakeholder, 'engagementCurrent' | 'engagementDesired'>): string {
  if (s.engagementCurrent === s.engagementDesired)
    return `${ENGAGEMENT_LABELS[s.engagementCurrent]} (on target)`;
  return `${ENGAGEMENT_LABELS[s.engagementCurrent]} → ${ENGAGEMENT_LABELS[s.engagementDesired]}`;
}

/** Up to two initials for a dot on the grid: "Ada Lovelace" → "AL", "regulator" → "R". */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return letters
    .map((w) => (w ? [...w][0] : ''))
    .join('')
    .toUpperCase();
}

// ---- what the page shows, kept in the URL ----

export const STAKEHOLDER_VIEWS = ['register', 'grid', 'touches'] as const;
export type StakeholderView = (typeof STAKEHOLDER_VIEWS)[number];
export const VIEW_LABELS: Record<StakeholderView, string> = {
  register: 'Register',
  grid: 'Power/interest grid',
  touches: 'Projects touched',
};

export type StakeholderSearch = {
  q: string;
  quadrant: StakeholderQuadrant | '';
  attitude: StakeholderAttitude | '';
  projectId: string;
  view: StakeholderView;
};

const oneOf = <T extends string>(values: readonly T[], v: string | null): T | '' =>
  v && (values as readonly string[]).includes(v) ? (v as T) : '';

/** The filters and view as the URL carries them; anything unknown falls back to the default. */
export function readStakeholderSearch(params: URLSearchParams): StakeholderSearch {
  return {
    q: params.get('q') ?? '',
    quadrant: oneOf(QUADRANT_LIST, params.get('quadrant')),
    attitude: oneOf(ATTITUDE_LIST, params.get('attitude')),
    projectId: params.get('projectId') ?? '',
    view: oneOf(STAKEHOLDER_VIEWS, params.get('view')) || 'register',
  };
}

/** The query string after a change: empty values and the default view are dropped. */
export function writeStakeholderSearch(
  params: URLSearchParams,
  change: Partial<StakeholderSearch>,
): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(change)) {
    if (value === '' || value === undefined || (key === 'view' && value === 'register')) next.delete(key);
    else next.set(key, String(value));
  }
  return next;
}

export function hasStakeholderFilters(s: StakeholderSearch): boolean {
  return Boolean(s.q.trim() || s.quadrant || s.attitude || s.projectId);
}

export function toStakeholderQuery(s: StakeholderSearch): StakeholderListParams {
  return {
    ...(s.q.trim() ? { q: s.q.trim() } : {}),
    ...(s.quadrant ? { quadrant: s.quadrant } : {}),
    ...(s.attitude ? { attitude: s.attitude } : {}),
    ...(s.projectId ? { projectId: s.projectId } : {}),
  };
}

// ---- the power/interest grid ----

export type GridCell = {
  influence: number;
  interest: number;
  quadrant: StakeholderQuadrant;
  stakeholders: Stakeholder[];
};

/** Rows of the grid, influence from the highest down, each with interest rising to the right. */
export function gridRows(stakeholders: readonly Stakeholder[]): GridCell[][] {
  const byName = [...stakeholders].sort((a, b) => a.name.localeCompare(b.name));
  return [...RATINGS].reverse().map((influence) =>
    RATINGS.map((interest) => ({
      influence,
      interest,
      quadrant: stakeholderQuadrant(influence, interest),
      stakeholders: byName.filter((s) => s.influence === influence && s.interest === interest),
    })),
  );
}

/** A stakeholder's place on the grid, in words, for the label of its dot. */
export function gridLabel(
  s: Pick<Stakeholder, 'name' | 'influence' | 'interest' | 'quadrant' | 'attitude'>,
): string {
  return `${s.name}: influence ${s.influence}, interest ${s.interest}, ${QUADRANT_LABELS[s.quadrant].toLowerCase()}, ${ATTITUDE_LABELS[s.attitude].toLowerCase()}`;
}

/** Where each quadrant's name is written on the grid: the top-left cell of its block. */
export function quadrantCornerOf(influence: number, interest: number): StakeholderQuadrant | null {
  const top = influence === STAKEHOLDER_RATING_MAX || influence === 3;
  const left = interest === STAKEHOLDER_RATING_MIN || interest === 4;
  return top && left ? stakeholderQuadrant(influence, interest) : null;
}

// ---- the create / edit form ----

export type StakeholderForm = {
  name: string;
  role: string;
  organisation: string;
  email: string;
  phone: string;
  influence: string;
  interest: string;
  attitude: StakeholderAttitude;
  engagementCurrent: EngagementLevel;
  engagementDesired: EngagementLevel;
  ownerId: string;
  orgUnitId: string;
  notes: string;
  projectIds: string[];
};

/** A blank form; on a project's tab, already linked to the project. */
export function emptyStakeholderForm(projectId?: string): StakeholderForm {
  return {
    name: '',
    role: '',
    organisation: '',
    email: '',
    phone: '',
    influence: '3',
    interest: '3',
    attitude: 'neutral',
    engagementCurrent: 'neutral',
    engagementDesired: 'supportive',
    ownerId: '',
    orgUnitId: '',
    notes: '',
    projectIds: projectId ? [projectId] : [],
  };
}

export function stakeholderFormOf(s: Stakeholder): StakeholderForm {
  return {
    name: s.name,
    role: s.role ?? '',
    organisation: s.organisation ?? '',
    email: s.email ?? '',
    phone: s.phone ?? '',
    influence: String(s.influence),
    interest: String(s.interest),
    attitude: s.attitude,
    engagementCurrent: s.engagementCurrent,
    engagementDesired: s.engagementDesired,
    ownerId: s.ownerId ?? '',
    orgUnitId: s.orgUnitId,
    notes: s.notes ?? '',
    projectIds: [...s.projectIds],
  };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What is wrong with the form, by field (empty when it can be sent). */
export function validateStakeholderForm(f: StakeholderForm): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!f.name.trim()) errors.name = 'Give the stakeholder a name.';
  if (!RATINGS.includes(Number(f.influence))) errors.influence = 'Choose an influence from 1 to 5.';
  if (!RATINGS.includes(Number(f.interest))) errors.interest = 'Choose an interest from 1 to 5.';
  if (f.email.trim() && !EMAIL.test(f.email.trim()))
    errors.email = 'Enter an e-mail address such as ada@example.com.';
  if (f.phone.trim().length > 40) errors.phone = 'At most 40 characters.';
  return errors;
}

const orNull = (text: string) => text.trim() || null;

export function toCreateStakeholderBody(f: StakeholderForm): CreateStakeholderBody {
  return {
    name: f.name.trim(),
    influence: Number(f.influence),
    interest: Number(f.interest),
    role: orNull(f.role),
    organisation: orNull(f.organisation),
    email: orNull(f.email),
    phone: orNull(f.phone),
    attitude: f.attitude,
    engagementCurrent: f.engagementCurrent,
    engagementDesired: f.engagementDesired,
    ownerId: f.ownerId || null,
    ...(f.orgUnitId ? { orgUnitId: f.orgUnitId } : {}),
    notes: orNull(f.notes),
    projectIds: [...new Set(f.projectIds)],
  };
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x) => b.includes(x));

/**
 * The changes of an edit; the projects only when they changed (the server keeps the links to
 * projects the user cannot see either way).
 */
export function toUpdateStakeholderBody(f: StakeholderForm, s: Stakeholder): UpdateStakeholderBody {
  const { projectIds, orgUnitId, ...rest } = toCreateStakeholderBody(f);
  return {
    version: s.version,
    ...rest,
    ...(orgUnitId && orgUnitId !== s.orgUnitId ? { orgUnitId } : {}),
    ...(projectIds && !sameSet(projectIds, s.projectIds) ? { projectIds } : {}),
  };
}

/** The stakeholder's projects with one added (for "add to this project"). */
export function withProject(s: Stakeholder, projectId: string): UpdateStakeholderBody {
  return { version: s.version, projectIds: [...new Set([...s.projectIds, projectId])] };
}

/** The stakeholder's projects with one taken away (for "remove from this project"). */
export function withoutProject(s: Stakeholder, projectId: string): UpdateStakeholderBody {
  return { version: s.version, projectIds: s.projectIds.filter((id) => id !== projectId) };
}
