import { Button, Dropdown, Field, Input, makeStyles, Option, SearchBox, Text, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { DIARY_CATEGORIES, DIARY_CATEGORY_LABELS, DIARY_SOURCE_LABELS, DIARY_SOURCES, type DiaryCategory, type DiarySource } from '../../../shared/contract/diary';
import { contract } from '../../../shared/contract/index';
import { longDayLabel } from '../../../shared/domain/weeks';
import { useChannel } from '../../api';
import { href, navigate } from '../../router';
import { ErrorBar, Loading } from '../../ui/Page';
import { CategoryBadge, ChildPicker, Pickers } from './common';

const useStyles = makeStyles({
  wrap: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  results: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  hit: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    textDecorationLine: 'none',
    color: tokens.colorNeutralForeground1,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  meta: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap', fontSize: tokens.fontSizeBase200 },
  mark: { backgroundColor: tokens.colorPaletteYellowBackground2, color: 'inherit', fontWeight: tokens.fontWeightSemibold },
});

export interface SearchParams {
  q: string;
  childId?: string;
  room?: string;
  category?: DiaryCategory;
  source?: DiarySource;
  from?: string;
  to?: string;
}

export function searchPath(p: SearchParams): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(p)) if (v) q.set(k, v);
  return `/diary/search?${q.toString()}`;
}

/** Full-text search across the diary, with filters; a result opens the week at that entry. */
export function SearchView({ params }: { params: SearchParams }) {
  const s = useStyles();
  const [typed, setTyped] = useState(params.q);
  useEffect(() => setTyped(params.q), [params.q]);
  const overview = useChannel('diary.overview');
  const input = { query: params.q, childId: params.childId, room: params.room, category: params.category, source: params.source, from: params.from, to: params.to };
  const filtered = !!(params.childId || params.room || params.category || params.source || params.from || params.to);
  const asked = !!params.q.trim() || filtered;
  const parsed = contract['diary.search'].input.safeParse(input);
  // The same rules as the core, shown by the field they are about (e.g. dates the wrong way round).
  const issueAt = (field: string) => (parsed.success ? undefined : parsed.error.issues.find((i) => i.path[0] === field)?.message);
  const valid = asked && parsed.success;
  const results = useChannel('diary.search', input, { enabled: valid });
  const set = (patch: Partial<SearchParams>) => navigate(searchPath({ ...params, ...patch }));

  return (
    <div className={s.wrap}>
      <form
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          set({ q: typed });
        }}
        style={{ display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-end', flexWrap: 'wrap' }}
      >
        <Field label="Search the diary" style={{ flexGrow: 1, maxWidth: '36em' }}>
          <SearchBox value={typed} onChange={(_e, d) => setTyped(d.value)} placeholder="e.g. temperature, nappy rash, calpol" />
        </Field>
        <Button appearance="primary" type="submit">
          Search
        </Button>
      </form>
      <Pickers>
        <ChildPicker childId={params.childId ?? null} onChild={(childId) => set({ childId })} label="Child (optional)" />
        <Field label="Room">
          <Dropdown value={params.room ?? 'Any room'} selectedOptions={[params.room ?? '']} onOptionSelect={(_e, d) => set({ room: d.optionValue || undefined })}>
            <Option value="">Any room</Option>
            {(overview.data?.rooms ?? []).map((r) => (
              <Option key={r.room} value={r.room}>
                {r.room}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label="Category">
          <Dropdown
            value={params.category ? DIARY_CATEGORY_LABELS[params.category] : 'Any category'}
            selectedOptions={[params.category ?? '']}
            onOptionSelect={(_e, d) => set({ category: (d.optionValue || undefined) as DiaryCategory | undefined })}
          >
            <Option value="">Any category</Option>
            {DIARY_CATEGORIES.map((c) => (
              <Option key={c} value={c}>
                {DIARY_CATEGORY_LABELS[c]}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label="Source">
          <Dropdown
            value={params.source ? DIARY_SOURCE_LABELS[params.source] : 'Anyone'}
            selectedOptions={[params.source ?? '']}
            onOptionSelect={(_e, d) => set({ source: (d.optionValue || undefined) as DiarySource | undefined })}
          >
            <Option value="">Anyone</Option>
            {DIARY_SOURCES.map((x) => (
              <Option key={x} value={x}>
                {DIARY_SOURCE_LABELS[x]}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label="From" validationMessage={issueAt('from')} validationState={issueAt('from') ? 'error' : 'none'}>
          <Input type="date" value={params.from ?? ''} onChange={(_e, d) => set({ from: d.value || undefined })} />
        </Field>
        <Field label="To" validationMessage={issueAt('to')} validationState={issueAt('to') ? 'error' : 'none'}>
          <Input type="date" value={params.to ?? ''} onChange={(_e, d) => set({ to: d.value || undefined })} />
        </Field>
        {filtered && (
          <Button appearance="subtle" onClick={() => navigate(searchPath({ q: params.q }))}>
            Clear filters
          </Button>
        )}
      </Pickers>
      {!asked ? (
        <Text>
          Type a word or two (every word must appear; put a phrase in quotes to find it exactly), or choose filters alone to list entries, for
          example every accident this month.
        </Text>
      ) : !valid ? (
        <ErrorBar error={issueAt('query') ?? 'Check the filters marked above.'} />
      ) : results.isPending ? (
        <Loading label="Searching…" />
      ) : results.error ? (
        <ErrorBar error={results.error} />
      ) : (
        <>
          <Text role="status">
            {results.data.hits.length === 0
              ? params.q.trim()
                ? 'Nothing found.'
                : 'No entries match these filters.'
              : `${results.data.hits.length}${results.data.more ? '+' : ''} ${results.data.hits.length === 1 ? 'entry' : 'entries'} found, ${params.q.trim() ? 'most recently written first' : 'newest day first'}${results.data.more ? ' (narrow the search to see older ones)' : ''}.`}
          </Text>
          <ul className={s.results} aria-label="Search results">
            {results.data.hits.map((h) => (
              <li key={h.entryId}>
                <a className={s.hit} href={href(`/diary/child/${h.childId}?week=${h.weekStart}&entry=${h.entryId}`)}>
                  <span className={s.meta}>
                    <strong>{h.childName}</strong>
                    <span>{longDayLabel(h.day)}{h.time ? `, ${h.time}` : ''}</span>
                    <CategoryBadge category={h.category} />
                    <span>from {h.fromName}{h.transcribed ? ' (typed in from their book)' : ''}</span>
                  </span>
                  <span>
                    {h.snippet.map((part, i) =>
                      part.hit ? (
                        <mark key={i} className={s.mark}>
                          {part.text}
                        </mark>
                      ) : (
                        <span key={i}>{part.text}</span>
                      ),
                    )}
                  </span>
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
