import type { SharingItem, WithheldItem } from '../../../shared/contract/sharing-policy';

// Golden rule 6: "Ensure that the information you share is necessary for the purpose".
// Seed 001 1.3: third-party information is "not shared without consent from that agency".
// Seed 001 3.4: written consent for additional needs and development summaries.

export type ItemVerdict =
  | { item: SharingItem; shareable: true }
  | { item: SharingItem; shareable: false; why: 'not-necessary' | 'third-party' | 'own-consent' };

/**
 * Necessity is checked first: an item not needed is held back whoever provided it. An item
 * needing consent of its own is held back only when the share does not rest on a legal
 * requirement or significant harm, which do not depend on consent (assessSharing says which).
 */
export function judgeItem(item: SharingItem, reliesOnConsent = false): ItemVerdict {
  if (!item.necessary) return { item, shareable: false, why: 'not-necessary' };
  if (item.thirdParty !== undefined && !item.thirdParty.agencyConsent) {
    return { item, shareable: false, why: 'third-party' };
  }
  if (reliesOnConsent && item.ownConsent?.covered === false) return { item, shareable: false, why: 'own-consent' };
  return { item, shareable: true };
}

export function judgeItems(items: readonly SharingItem[], reliesOnConsent = false): ItemVerdict[] {
  return items.map((item) => judgeItem(item, reliesOnConsent));
}

function withheldReason(verdict: ItemVerdict): string {
  if (verdict.shareable) return 'Not shared, because the decision is not to share.';
  if (verdict.why === 'not-necessary') {
    return 'Not needed for the purpose of this share, so it is held back.';
  }
  if (verdict.why === 'own-consent') {
    return `This needs ${verdict.item.ownConsent?.needs ?? "the parents' written consent"}, which the consent register does not show, so it is held back.`;
  }
  const agency = verdict.item.thirdParty?.agency ?? 'another agency';
  return `This came from ${agency}, which has not agreed to it being passed on, so it is held back.`;
}

/**
 * Splits the items into shared and withheld, in request order; every item lands in exactly
 * one list. When the decision is not to share, everything is withheld. While the decision
 * is still open (needs authorisation or more information) itemsToShare lists what WOULD be
 * shared, so the authoriser sees exactly what they are agreeing to.
 */
export function partitionItems(
  verdicts: readonly ItemVerdict[],
  decidedNotToShare: boolean,
): { itemsToShare: string[]; itemsWithheld: WithheldItem[] } {
  const itemsToShare: string[] = [];
  const itemsWithheld: WithheldItem[] = [];
  for (const verdict of verdicts) {
    if (verdict.shareable && !decidedNotToShare) itemsToShare.push(verdict.item.id);
    else itemsWithheld.push({ id: verdict.item.id, reason: withheldReason(verdict) });
  }
  return { itemsToShare, itemsWithheld };
}
