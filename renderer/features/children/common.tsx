import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import type { Session } from '../../../shared/contract/auth';
import type { Restriction } from '../../../shared/contract/children';
import { rolesAllow } from '../../../shared/contract/define';
import { contract, type ChannelName } from '../../../shared/contract/index';
import { applyServerError } from '../../ui/forms';

/** Whether this user may call a channel: buttons follow the contract's roles, never a second list. */
export function can(session: Session, channel: ChannelName): boolean {
  return rolesAllow(contract[channel].access, session.roles);
}

/**
 * Submits a contract form: runs the action, shows the core's field errors beside the fields and the
 * rest above the buttons. What was typed stays in the form when anything is refused.
 */
export function useFormSubmit<T extends FieldValues, Out>(
  form: UseFormReturn<T, unknown, Out>,
  action: (values: Out) => Promise<unknown>,
  onDone: () => void,
) {
  const [error, setError] = useState<string | null>(null);
  const handler = form.handleSubmit(async (values) => {
    setError(null);
    try {
      await action(values);
      onDone();
    } catch (e) {
      setError(applyServerError(form as unknown as UseFormReturn<FieldValues, unknown, FieldValues>, e));
    }
  });
  return { submit: (e: FormEvent) => void handler(e), error };
}

/** "Must not collect" and court orders: red, at the top, for every role that can see the child. */
export function RestrictionsBar({ restrictions, compact }: { restrictions: Restriction[]; compact?: boolean }) {
  if (restrictions.length === 0) return null;
  return (
    <MessageBar intent="error" layout="multiline" data-testid="restrictions" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{compact ? 'Collection restriction' : 'Collection restrictions and court orders'}</MessageBarTitle>
        {restrictions.map((r) => (
          <div key={r.carerId}>{restrictionText(r)}</div>
        ))}
      </MessageBarBody>
    </MessageBar>
  );
}

export function restrictionText(r: Restriction): string {
  const parts = [`${r.carerName} (${r.relationship})`];
  if (r.mustNotCollect) parts.push('MUST NOT COLLECT');
  if (r.note) parts.push(r.note);
  if (r.courtOrder) parts.push(`Court order: ${r.courtOrder}`);
  return parts.join(' · ');
}

/** Age in years and months on a day: "3 years 4 months". */
export function ageOn(dateOfBirth: string, day: string): string {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number);
  const [y, m, d] = day.split('-').map(Number);
  let months = (y - by) * 12 + (m - bm) - (d < bd ? 1 : 0);
  if (months < 0) months = 0;
  const years = Math.floor(months / 12);
  const rest = months % 12;
  if (years === 0) return `${rest} month${rest === 1 ? '' : 's'}`;
  return `${years} year${years === 1 ? '' : 's'}${rest ? ` ${rest} month${rest === 1 ? '' : 's'}` : ''}`;
}

export const displayName = (c: { legalName: string; preferredName: string | null }) =>
  c.preferredName && c.preferredName !== c.legalName ? `${c.preferredName} (${c.legalName})` : c.legalName;
