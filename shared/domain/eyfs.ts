// The seven areas of learning and development of the EYFS: shared by the observations screens, the
// meeting packs and the printed agreement.

export const EYFS_AREAS = [
  'communication-language',
  'physical',
  'personal-social-emotional',
  'literacy',
  'mathematics',
  'understanding-world',
  'expressive-arts',
] as const;
export type EyfsArea = (typeof EYFS_AREAS)[number];

export const EYFS_AREA_LABELS: Record<EyfsArea, string> = {
  'communication-language': 'Communication and language',
  physical: 'Physical development',
  'personal-social-emotional': 'Personal, social and emotional development',
  literacy: 'Literacy',
  mathematics: 'Mathematics',
  'understanding-world': 'Understanding the world',
  'expressive-arts': 'Expressive arts and design',
};

// Terms are the setting's own (shared/domain/terms.ts and the meetings feature's term dates).
