import { Button, Field, Input, makeStyles, Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { Session } from '../../../shared/contract/auth';
import { REVIEW_KIND_LABELS, REVIEW_OUTCOME_LABELS, REVIEW_OUTCOMES, type ReviewItem } from '../../../shared/contract/retention';
import { formatDateTime } from '../../../shared/domain/dates';
import { childDisplayName } from '../../../shared/domain/names';
import { useChannel, useChannelMutation } from '../../api';
import { href, navigate } from '../../router';
import { ErrorBar, Loading } from '../../ui/Page';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, marginTop: tokens.spacingVerticalM },
  excerpt: { whiteSpace: 'pre-wrap' },
  decide: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  select: { width: '100%', minWidth: 0 },
});

type Outcome = (typeof REVIEW_OUTCOMES)[number];
type Decision = { outcome: Outcome | ''; reason: string };

/**
 * A subject access request: choose the child, see what their record holds about other people (other
 * children named, staff where that is our policy, other agencies' information), decide each item with
 * a reason, then open the export for release. The review is kept as a record.
 */
export function SubjectAccess({ session, childId }: { session: Session; childId: string }) {
  const s = useStyles();
  const children = useChannel('children.list', { status: 'all' });
  return (
    <div className={s.section}>
      <Text>
        When a parent asks for the information we hold about their child, export the child’s complete record here. First decide, for
        each mention of someone else, whether to release it, black it out, or withhold the entry.
      </Text>
      <Field label="Child">
        <Select value={childId} onChange={(_e, d) => navigate(d.value ? `/records/access?child=${d.value}` : '/records/access')}>
          <option value="">Choose a child</option>
          {(children.data?.children ?? []).map((c) => (
            <option key={c.id} value={c.id}>
              {childDisplayName(c)}
            </option>
          ))}
        </Select>
      </Field>
      <ErrorBar error={children.error} />
      {childId && <Review key={childId} session={session} childId={childId} />}
    </div>
  );
}

function Review({ session, childId }: { session: Session; childId: string }) {
  const s = useStyles();
  const prep = useChannel('sar.prepare', { childId });
  const review = useChannelMutation('sar.review', ['sar']);
  const [requestedBy, setRequestedBy] = useState('');
  const [decisions, setDecisions] = useState<Record<string, Decision>>({});
  const [problems, setProblems] = useState<Record<string, string>>({});
  const refs = useRef<Record<string, HTMLElement | null>>({});
  if (prep.isPending) return <Loading />;
  if (prep.error) return <ErrorBar error={prep.error} />;
  const { items, sections, reviews, includesSafeguarding } = prep.data;
  const decide = (key: string, change: Partial<Decision>) => setDecisions((d) => ({ ...d, [key]: { ...(d[key] ?? { outcome: '', reason: '' }), ...change } }));

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!requestedBy.trim()) found.requestedBy = 'Say who asked for the record.';
    for (const item of items) {
      const d = decisions[item.key];
      if (!d?.outcome) found[item.key] = 'Choose whether to release, black out or withhold it.';
      else if (!d.reason.trim()) found[item.key] = 'Give the reason for this decision.';
    }
    setProblems(found);
    const first = ['requestedBy', ...items.map((i) => i.key)].find((k) => found[k]);
    if (first) {
      refs.current[first]?.focus();
      refs.current[first]?.scrollIntoView({ block: 'center' });
      return;
    }
    const { id } = await review.mutateAsync({ childId, requestedBy, decisions: items.map((i) => ({ key: i.key, outcome: decisions[i.key].outcome as Outcome, reason: decisions[i.key].reason })) });
    navigate(`/records/access/${id}`);
  }

  return (
    <form onSubmit={(e) => void submit(e).catch(() => undefined)} noValidate className={s.section} aria-label="Review before release">
      <Text>
        The export has {sections.map((sec) => `${sec.title.toLowerCase()} (${sec.entries})`).join(', ')}.
        {includesSafeguarding ? ' As the DSL, the safeguarding file is included.' : session.roles.includes('dsl') ? '' : ' The safeguarding file is included only when the DSL prepares the export.'}
      </Text>
      <Field label="Who asked for it" required validationMessage={problems.requestedBy} validationState={problems.requestedBy ? 'error' : 'none'} hint="For example: Sarah Jones (mother), by letter of 2 March.">
        <Input ref={(el) => void (refs.current.requestedBy = el)} value={requestedBy} onChange={(_e, d) => setRequestedBy(d.value)} />
      </Field>
      {items.length === 0 ? (
        <Text>Nothing in the record names anyone else, so there is nothing to review.</Text>
      ) : (
        <Table aria-label="Information about other people">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Where</TableHeaderCell>
              <TableHeaderCell>Who</TableHeaderCell>
              <TableHeaderCell>The words</TableHeaderCell>
              <TableHeaderCell>Decision and reason</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {items.map((item) => (
              <ItemRow
                key={item.key}
                item={item}
                decision={decisions[item.key]}
                problem={problems[item.key]}
                onChange={(c) => decide(item.key, c)}
                others={items.filter((i) => i.kind === item.kind && i.who === item.who).length - 1}
                onSameForAll={() => {
                  const d = decisions[item.key];
                  for (const other of items) if (other.kind === item.kind && other.who === item.who) decide(other.key, { outcome: d?.outcome ?? '', reason: d?.reason ?? '' });
                }}
                refFor={(el) => void (refs.current[item.key] = el)}
              />
            ))}
          </TableBody>
        </Table>
      )}
      <ErrorBar error={review.error} />
      <div>
        <Button appearance="primary" type="submit" disabled={review.isPending}>
          Record the review and open the export
        </Button>
      </div>
      {reviews.length > 0 && (
        <>
          <Text weight="semibold">Earlier reviews</Text>
          <ul>
            {reviews.map((r) => (
              <li key={r.id}>
                <a href={href(`/records/access/${r.id}`)}>
                  {formatDateTime(r.at)}, for {r.requestedBy}
                </a>{' '}
                <Text size={200}>
                  (by {r.byName}: {r.released} released, {r.redacted} blacked out, {r.withheld} withheld)
                </Text>
              </li>
            ))}
          </ul>
        </>
      )}
    </form>
  );
}

function ItemRow({
  item,
  decision,
  problem,
  onChange,
  others,
  onSameForAll,
  refFor,
}: {
  item: ReviewItem;
  decision?: Decision;
  problem?: string;
  onChange: (c: Partial<Decision>) => void;
  /** How many other items mention the same person: one decision can be copied to them all. */
  others: number;
  onSameForAll: () => void;
  refFor: (el: HTMLElement | null) => void;
}) {
  const s = useStyles();
  return (
    <TableRow>
      <TableCell>
        {item.where}
        <br />
        <Text size={200}>{REVIEW_KIND_LABELS[item.kind]}</Text>
      </TableCell>
      <TableCell>{item.who}</TableCell>
      <TableCell className={s.excerpt}>{item.excerpt}</TableCell>
      <TableCell>
        <div className={s.decide}>
          <Field label={`Decision about ${item.who}`} validationMessage={problem} validationState={problem ? 'error' : 'none'}>
            <Select ref={refFor} className={s.select} value={decision?.outcome ?? ''} onChange={(_e, d) => onChange({ outcome: d.value as Outcome })}>
              <option value="">Choose</option>
              {REVIEW_OUTCOMES.map((o) => (
                <option key={o} value={o}>
                  {REVIEW_OUTCOME_LABELS[o]}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Reason">
            <Input value={decision?.reason ?? ''} onChange={(_e, d) => onChange({ reason: d.value })} />
          </Field>
          {others > 0 && decision?.outcome && (
            <Button size="small" onClick={onSameForAll}>
              {`The same for the ${others} other mention${others === 1 ? '' : 's'} of ${item.who}`}
            </Button>
          )}
        </div>
      </TableCell>
    </TableRow>
  );
}
