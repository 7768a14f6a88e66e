import { Badge, InfoLabel, makeStyles, Text, tokens } from '@fluentui/react-components';
import { CheckmarkCircleFilled, DismissCircleFilled, HandRightFilled, WarningFilled } from '@fluentui/react-icons';
import { OUTCOME_LABELS, SHARING_STATUS_LABELS, type SharingStatus } from '../../../shared/contract/sharing';
import { SHARING_RULES, type Assessment, type SharingOutcome } from '../../../shared/contract/sharing-policy';

// "Decided not to share" is often the right decision: calm (a light tint) but as readable as the others.
const STATUS_LOOK: Record<SharingStatus, { appearance: 'filled' | 'tint'; color: 'success' | 'danger' | 'warning' | 'brand' }> = {
  shared: { appearance: 'filled', color: 'success' },
  'not-shared': { appearance: 'tint', color: 'brand' },
  'awaiting-authorisation': { appearance: 'filled', color: 'warning' },
  declined: { appearance: 'filled', color: 'danger' },
};

const useBadgeStyles = makeStyles({
  // In a narrow column the label wraps inside the badge rather than spilling out of it.
  badge: { height: 'auto', minHeight: '20px', borderRadius: tokens.borderRadiusMedium },
});

export function StatusBadge({ status }: { status: SharingStatus }) {
  const s = useBadgeStyles();
  return (
    <Badge {...STATUS_LOOK[status]} data-status={status} className={s.badge}>
      {SHARING_STATUS_LABELS[status]}
    </Badge>
  );
}

const OUTCOME_COLOUR: Record<SharingOutcome, 'success' | 'danger' | 'warning' | 'informative'> = {
  share: 'success',
  'do-not-share': 'danger',
  'needs-authorisation': 'warning',
  'needs-more-information': 'informative',
};

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  check: { display: 'grid', gridTemplateColumns: '20px 1fr', columnGap: tokens.spacingHorizontalS, alignItems: 'start' },
  ok: { color: tokens.colorPaletteGreenForeground1, fontSize: '20px' },
  notOk: { color: tokens.colorPaletteRedForeground1, fontSize: '20px' },
  respected: { color: tokens.colorBrandForeground1, fontSize: '20px' },
  overridden: { color: tokens.colorPaletteDarkOrangeForeground1, fontSize: '20px' },
  state: { display: 'block', fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  message: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, margin: 0 },
  quote: { fontStyle: 'italic' },
  head: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', marginBottom: tokens.spacingVerticalS },
});

// A tick means "this allows the share". The parents' refusal is never shown as one (issue 11.13):
// respected, it stops the share; overridden, the share goes without consent (significant harm, or a
// court order or legal duty).
const REFUSAL_WORDS = {
  respected: 'Refused: the parents’ wishes are respected',
  overridden: 'Refused: shared without the parents’ consent, on the basis shown',
} as const;

function CheckIcon({ ok, refusal }: { ok: boolean; refusal?: 'respected' | 'overridden' }) {
  const s = useStyles();
  if (refusal === 'respected') return <HandRightFilled className={s.respected} aria-label="Refusal respected" />;
  if (refusal === 'overridden') return <WarningFilled className={s.overridden} aria-label="Refusal overridden" />;
  return ok ? <CheckmarkCircleFilled className={s.ok} aria-label="In order" /> : <DismissCircleFilled className={s.notOk} aria-label="Holds the share back" />;
}

/**
 * The engine's checklist: one line per rule, in the order of the questions before sharing, each
 * ok or not with its plain message, and the seed rule it comes from behind an info button.
 */
export function Checklist({ assessment, label = 'The checklist' }: { assessment: Assessment; label?: string }) {
  const s = useStyles();
  return (
    <section aria-label={label} data-testid="checklist" data-outcome={assessment.outcome}>
      <div className={s.head}>
        <Badge size="large" appearance="filled" color={OUTCOME_COLOUR[assessment.outcome]} data-testid="outcome">
          {OUTCOME_LABELS[assessment.outcome]}
        </Badge>
      </div>
      <ol className={s.list}>
        {assessment.checks.map((c) => {
          const help = SHARING_RULES[c.rule];
          return (
            <li key={c.rule} className={s.check} data-rule={c.rule} data-ok={c.ok}>
              <CheckIcon refusal={c.refusal} ok={c.ok} />
              <div>
                <InfoLabel
                  weight="semibold"
                  info={
                    <>
                      <span className={s.quote}>“{help.quote}”</span> ({help.source})
                    </>
                  }
                >
                  {help.title}
                </InfoLabel>
                {c.refusal && (
                  <Text className={s.state} data-refusal={c.refusal}>
                    {REFUSAL_WORDS[c.refusal]}
                  </Text>
                )}
                <Text as="p" block className={s.message}>
                  {c.message}
                </Text>
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
