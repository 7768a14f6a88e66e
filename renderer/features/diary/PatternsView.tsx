import { Dropdown, Field, Input, makeStyles, MessageBar, MessageBarBody, mergeClasses, Option, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { DIARY_CATEGORIES, DIARY_CATEGORY_LABELS } from '../../../shared/contract/diary';
import { formatDay } from '../../../shared/domain/dates';
import { isDay, today, WEEKDAY_NAMES, WEEKDAY_NAMES_SHORT } from '../../../shared/domain/weeks';
import { useChannel } from '../../api';
import { ErrorBar, Loading } from '../../ui/Page';
import { CATEGORY_COLOURS, Pickers } from './common';

const useStyles = makeStyles({
  wrap: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  table: { borderCollapse: 'collapse', minWidth: '640px' },
  th: { textAlign: 'left', padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, borderBottom: `2px solid ${tokens.colorNeutralStroke1}`, fontSize: tokens.fontSizeBase200 },
  rowHead: { textAlign: 'left', padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, borderLeftWidth: '4px', borderLeftStyle: 'solid', fontWeight: tokens.fontWeightRegular },
  cell: { textAlign: 'center', padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, minWidth: '4.5em' },
  hot: { backgroundColor: tokens.colorPaletteDarkOrangeBackground2, fontWeight: tokens.fontWeightBold, outline: `2px solid ${tokens.colorPaletteDarkOrangeBorder2}`, outlineOffset: '-2px' },
  zero: { color: tokens.colorNeutralForeground4 },
  rule: { padding: tokens.spacingHorizontalM, backgroundColor: tokens.colorNeutralBackground2, borderRadius: tokens.borderRadiusMedium },
  findings: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

const SPANS = [4, 8, 12, 26, 52];

/** Counts by weekday and category over a span, with the cells well above the child's own baseline highlighted and explained. */
export function PatternsView({ childId }: { childId: string }) {
  const s = useStyles();
  const [weeks, setWeeks] = useState(8);
  const [until, setUntil] = useState(today());
  const data = useChannel('diary.patterns', { childId, weeks, until: isDay(until) ? until : undefined });
  return (
    <div className={s.wrap}>
      <Pickers>
        <Field label="Over">
          <Dropdown value={`the last ${weeks} weeks`} selectedOptions={[String(weeks)]} onOptionSelect={(_e, d) => setWeeks(Number(d.optionValue))}>
            {SPANS.map((n) => (
              <Option key={n} value={String(n)}>{`the last ${n} weeks`}</Option>
            ))}
          </Dropdown>
        </Field>
        <Field label="Up to the week of">
          <Input type="date" value={until} max={today()} onChange={(_e, d) => setUntil(d.value)} />
        </Field>
      </Pickers>
      {data.isPending ? (
        <Loading />
      ) : data.error ? (
        <ErrorBar error={data.error} />
      ) : (
        <>
          <Text>
            {data.data.child.name}: {data.data.totalEntries} entries from {formatDay(data.data.from)} to {data.data.to === today() ? `today, ${formatDay(data.data.to)}` : formatDay(data.data.to)}.
          </Text>
          {data.data.notEnoughData && (
            <MessageBar intent="info">
              <MessageBarBody>{data.data.notEnoughData}</MessageBarBody>
            </MessageBar>
          )}
          {data.data.findings.length > 0 && (
            <section aria-label="Patterns found">
              <Text weight="semibold" block>
                What stands out
              </Text>
              <ul className={s.findings}>
                {data.data.findings.map((f) => (
                  <li key={`${f.weekday}:${f.category}`}>
                    <Text>{f.sentence}</Text>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {!data.data.notEnoughData && data.data.findings.length === 0 && <Text>Nothing stands out above {data.data.child.name}’s usual pattern over this span.</Text>}
          <div style={{ overflowX: 'auto' }}>
            <PatternGrid data={data.data} />
          </div>
          <section className={s.rule} aria-label="How patterns are found">
            <Text weight="semibold" block>
              How patterns are found
            </Text>
            <Text>{data.data.rule}</Text>
          </section>
        </>
      )}
    </div>
  );
}

function PatternGrid({ data }: { data: NonNullable<ReturnType<typeof useChannel<'diary.patterns'>>['data']> }) {
  const s = useStyles();
  const weekdays = [0, 1, 2, 3, 4, 5, 6].filter((w) => w < 5 || data.diaryDays[w] > 0);
  const cell = (w: number, c: string) => data.cells.find((x) => x.weekday === w && x.category === c)!;
  return (
    <table className={s.table} aria-label="Entries by weekday and category" data-testid="pattern-grid">
      <thead>
        <tr>
          <th className={s.th} scope="col">
            Category
          </th>
          {weekdays.map((w) => (
            <th key={w} className={s.th} scope="col">
              {WEEKDAY_NAMES_SHORT[w]}
              <Text size={100} block>
                {data.diaryDays[w]} {data.diaryDays[w] === 1 ? 'diary day' : 'diary days'}
              </Text>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {DIARY_CATEGORIES.map((c) => (
          <tr key={c}>
            <th scope="row" className={s.rowHead} style={{ borderLeftColor: CATEGORY_COLOURS[c] }}>
              {DIARY_CATEGORY_LABELS[c]}
            </th>
            {weekdays.map((w) => {
              const x = cell(w, c);
              return (
                <td
                  key={w}
                  className={mergeClasses(s.cell, x.highlighted && s.hot, x.entries === 0 && s.zero)}
                  data-highlighted={x.highlighted ? 'true' : undefined}
                  aria-label={`${DIARY_CATEGORY_LABELS[c]} on ${WEEKDAY_NAMES[w]}s: ${x.entries} entries on ${x.days} days${x.highlighted ? ', stands out' : ''}`}
                >
                  {x.entries}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
