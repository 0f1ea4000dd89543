import { describe, expect, it } from 'vitest';
import { checkStatusTransition, isTerminalStatus, listNextStatuses, PROJECT_STATUSES } from './lifecycle.ts';

describe('project lifecycle', () => {
  it('follows proposed → approved → active ⇄ on_hold → completed | cancelled', () => {
    expect(checkStatusTransition('proposed', 'approved', null)).toEqual({ ok: true });
    expect(checkStatusTransition('approved', 'active', null)).toEqual({ ok: true });
    expect(checkStatusTransition('active', 'on_hold', null)).toEqual({ ok: true });
    expect(checkStatusTransition('on_hold', 'active', null)).toEqual({ ok: true });
    expect(checkStatusTransition('active', 'completed', null)).toEqual({ ok: true });
  });

  it('refuses skipping approval and leaving a terminal state', () => {
    const skip = checkStatusTransition('proposed', 'active', null);
    expect(skip).toMatchObject({ ok: false, rule: 'illegal_transition' });
    expect(checkStatusTransition('completed', 'active', null)).toMatchObject({
      ok: false,
      message: 'A completed project cannot change status.',
    });
    expect(checkStatusTransition('cancelled', 'proposed', null)).toMatchObject({ ok: false });
    expect(checkStatusTransition('on_hold', 'completed', null)).toMatchObject({ ok: false });
  });

  it('needs a non-blank reason to cancel', () => {
    expect(checkStatusTransition('active', 'cancelled', '  ')).toMatchObject({ rule: 'reason_required' });
    expect(checkStatusTransition('active', 'cancelled', undefined)).toMatchObject({
      rule: 'reason_required',
    });
    expect(checkStatusTransition('active', 'cancelled', 'Business case gone')).toEqual({ ok: true });
  });

  it('treats staying put as no transition and knows the terminal states', () => {
    expect(checkStatusTransition('completed', 'completed', null)).toEqual({ ok: true });
    expect(PROJECT_STATUSES.filter(isTerminalStatus)).toEqual(['completed', 'cancelled']);
    expect(listNextStatuses('proposed')).toEqual(['approved', 'cancelled']);
  });

  it('every non-terminal state can be cancelled with a reason', () => {
    for (const s of PROJECT_STATUSES.filter((x) => !isTerminalStatus(x))) {
      expect(checkStatusTransition(s, 'cancelled', 'no longer pays')).toEqual({ ok: true });
    }
  });
});
