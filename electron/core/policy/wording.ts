import type { Harm, Role, SharingPolicy } from '../../../shared/contract/sharing-policy';

// Plain-English wording shared by the rule messages. Messages speak to a nursery
// practitioner in UK English and never repeat free text from the request (a purpose or a
// reason could contain a child's name).

const ROLE_LABELS: Readonly<Record<Role, string>> = {
  practitioner: 'a practitioner',
  office: 'a member of the office staff',
  dsl: 'the DSL',
  manager: 'a manager',
  admin: 'an administrator',
  senco: 'the SENCO',
};

/** The role in words, as the setting names it ("the head teacher" for a school's manager). */
export function roleLabel(role: Role, names?: SharingPolicy['roleNames']): string {
  const own = (names as Partial<Record<Role, string>> | undefined)?.[role]?.trim();
  return own ? `the ${own}` : ROLE_LABELS[role];
}

/** "the DSL or a manager" - the people who may authorise, in the policy's order. */
export function authoriserPhrase(roles: readonly Role[], names?: SharingPolicy['roleNames']): string {
  const labels = [...new Set(roles)].map((r) => roleLabel(r, names));
  if (labels.length === 0) return 'a second person named in your policy';
  if (labels.length === 1) return labels[0];
  return `${labels.slice(0, -1).join(', ')} or ${labels[labels.length - 1]}`;
}

const HARM_SENTENCES: Readonly<Record<Exclude<Harm, 'none'>, string>> = {
  'significant-harm-evidence':
    'There is evidence that a child is suffering, or is at risk of suffering, significant harm.',
  'significant-harm-suspected':
    'There is reasonable cause to believe that a child may be suffering, or is at risk of suffering, significant harm.',
  'prevent-significant-harm-or-crime':
    'Sharing is needed to prevent significant harm to a child or adult, or to prevent, detect or prosecute serious crime.',
  'prevent-significant-harm-to-child': 'Sharing is needed to prevent significant harm to a child.',
  'prevent-harm-to-adult-or-crime':
    'Sharing is needed to prevent significant harm to an adult, or to prevent, detect or prosecute serious crime.',
};

export function harmSentence(harm: Exclude<Harm, 'none'>): string {
  return HARM_SENTENCES[harm];
}

/** "1 piece of information" / "3 pieces of information" */
export function pieces(count: number): string {
  return count === 1 ? '1 piece of information' : `${count} pieces of information`;
}
