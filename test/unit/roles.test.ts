/** Which roles are a seat in their body. */
import { describe, expect, it } from 'vitest';
import { isSeatRole, seatRoleSpellings } from '../../src/reconcile/roles.js';

describe('seats', () => {
  it('a member, senator, head of delegation or plenipotentiary sits in the body, former ones too; staff and spokespeople do not', () => {
    for (const role of [
      'member',
      'former member',
      'senator',
      'head of delegation',
      'Plenipotentiary Representative',
      'Plenipotentiary representative',
    ])
      expect(isSeatRole(role)).toBe(true);
    for (const role of ['consultant', 'spoke for the body', 'Executive Secretary', 'student', 'mayor', 'member of CIS-EMO missions'])
      expect(isSeatRole(role)).toBe(false);
  });

  it('lists every spelling the filter matches, each a seat', () => {
    const spellings = seatRoleSpellings();
    expect(spellings).toEqual(
      expect.arrayContaining(['member', 'Member', 'former member', 'Plenipotentiary Representative', 'Plenipotentiary representative']),
    );
    expect(spellings.every(isSeatRole)).toBe(true);
  });
});
