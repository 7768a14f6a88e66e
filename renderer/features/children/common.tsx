import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { Restriction } from '../../../shared/contract/children';

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

export { childDisplayName as displayName } from '../../../shared/domain/names';
