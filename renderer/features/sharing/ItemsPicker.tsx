import { Button, Checkbox, Field, Input, makeStyles, Radio, RadioGroup, Select, Text, Textarea, tokens } from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { ITEM_KIND_LABELS, ITEM_KINDS, NOTE_TOPIC_LABELS, NOTE_TOPICS, type ChildRecordItem, type ItemChoice } from '../../../shared/contract/sharing';

// Choosing the pieces of information from the child's records (golden rule 6: only what is needed),
// with, for each, whether it is needed and whether another agency gave it to us (seed 001, 1.3).

const useStyles = makeStyles({
  groups: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  group: { border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`, margin: 0 },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, padding: `${tokens.spacingVerticalXXS} 0` },
  preview: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, whiteSpace: 'pre-wrap', marginLeft: '32px', overflowWrap: 'anywhere' },
  options: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, marginLeft: '32px', paddingLeft: tokens.spacingHorizontalS, borderLeft: `3px solid ${tokens.colorBrandStroke2}` },
  agency: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap' },
  note: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

/** A long group (the diary above all) shows its newest few; ticked items always stay in view. */
const SHOWN_AT_FIRST = 10;

type Choice = ItemChoice;

export function ItemsPicker({
  available,
  value,
  onChange,
  errors,
}: {
  available: ChildRecordItem[];
  value: Choice[];
  onChange: (next: Choice[]) => void;
  errors?: (path: string) => string | undefined;
}) {
  const s = useStyles();
  const [expanded, setExpanded] = useState<Record<string, boolean>>({});
  const chosen = new Map(value.map((c, i) => [c.ref, { choice: c, index: i }]));
  const set = (ref: string, next: Choice | null) => {
    const rest = value.filter((c) => c.ref !== ref);
    if (!next) return onChange(rest);
    const at = value.findIndex((c) => c.ref === ref);
    onChange(at === -1 ? [...value, next] : value.map((c) => (c.ref === ref ? next : c)));
  };
  const notes = value.filter((c) => c.ref.startsWith('note:'));
  const nextNote = () => {
    const used = new Set(notes.map((n) => n.ref));
    let n = 1;
    while (used.has(`note:${n}`)) n++;
    return `note:${n}`;
  };

  return (
    <div className={s.groups}>
      {ITEM_KINDS.filter((k) => k !== 'note' && k !== 'additional-needs' && k !== 'development-summary').map((kind) => {
        const items = available.filter((i) => i.kind === kind);
        if (items.length === 0) return null;
        const long = items.length > SHOWN_AT_FIRST;
        const showAll = !long || expanded[kind] === true;
        const shown = showAll ? items : items.filter((i, n) => n < SHOWN_AT_FIRST || chosen.has(i.ref));
        return (
          <fieldset key={kind} className={s.group}>
            <legend className={s.legend}>{ITEM_KIND_LABELS[kind]}</legend>
            {shown.map((item) => {
              const c = chosen.get(item.ref);
              return (
                <div key={item.ref} className={s.item} data-item={item.ref}>
                  <Checkbox
                    label={item.label}
                    checked={!!c}
                    onChange={(_e, d) =>
                      set(
                        item.ref,
                        d.checked ? { ref: item.ref, necessary: true, ...(item.suggestedAgency ? { thirdParty: { agency: item.suggestedAgency, agencyConsent: false } } : {}) } : null,
                      )
                    }
                  />
                  <Text className={s.preview}>{item.content}</Text>
                  {c && (
                    <ItemOptions label={item.label} choice={c.choice} index={c.index} onChange={(next) => set(item.ref, next)} errors={errors} fixedAgency={item.suggestedAgency} />
                  )}
                </div>
              );
            })}
            {long && (
              <div>
                <Button appearance="subtle" aria-expanded={showAll} onClick={() => setExpanded({ ...expanded, [kind]: !showAll })}>
                  {showAll ? `Show fewer ${ITEM_KIND_LABELS[kind].toLowerCase()}` : `Show all ${items.length} ${ITEM_KIND_LABELS[kind].toLowerCase()}`}
                </Button>
              </div>
            )}
          </fieldset>
        );
      })}
      <fieldset className={s.group}>
        <legend className={s.legend}>{ITEM_KIND_LABELS.note}</legend>
        {notes.map((n) => {
          const index = value.findIndex((c) => c.ref === n.ref);
          const label = `Note ${n.ref.slice('note:'.length)}`;
          return (
            <div key={n.ref} className={s.note}>
              <Field label={label} hint="Only what the recipient needs. Keep facts and opinions apart." validationMessage={errors?.(`items.${index}.text`)}>
                <Textarea rows={3} resize="vertical" value={n.text ?? ''} onChange={(_e, d) => set(n.ref, { ...n, text: d.value })} />
              </Field>
              <Field
                label={`What is ${label.toLowerCase()} about?`}
                hint="Additional needs and development summaries need the parents’ written consent of their own (our information sharing policy, 3.4)."
              >
                <Select value={n.topic ?? 'general'} onChange={(_e, d) => set(n.ref, { ...n, topic: d.value as (typeof NOTE_TOPICS)[number] })}>
                  {NOTE_TOPICS.map((t) => (
                    <option key={t} value={t}>
                      {NOTE_TOPIC_LABELS[t]}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label={`Where did the information in ${label.toLowerCase()} come from?`} required validationMessage={errors?.(`items.${index}.source`)}>
                <RadioGroup
                  layout="horizontal"
                  value={n.source ?? ''}
                  onChange={(_e, d) => {
                    const { thirdParty: _drop, ...rest } = n;
                    set(n.ref, d.value === 'agency' ? { ...rest, source: 'agency', thirdParty: n.thirdParty ?? { agency: '', agencyConsent: false } } : { ...rest, source: 'us' });
                  }}
                >
                  <Radio value="us" label="From us" />
                  <Radio value="agency" label="From another agency (a letter, report or note of theirs)" />
                </RadioGroup>
              </Field>
              <ItemOptions label={label} choice={n} index={index} onChange={(next) => set(n.ref, next)} errors={errors} note />
              <div>
                <Button icon={<DeleteRegular />} appearance="subtle" onClick={() => set(n.ref, null)}>
                  Remove {label.toLowerCase()}
                </Button>
              </div>
            </div>
          );
        })}
        <div>
          <Button icon={<AddRegular />} onClick={() => onChange([...value, { ref: nextNote(), necessary: true, text: '', topic: 'general' }])}>
            Add a note written for this share
          </Button>
        </div>
      </fieldset>
    </div>
  );
}

function ItemOptions({
  label,
  choice,
  index,
  onChange,
  errors,
  fixedAgency,
  note,
}: {
  label: string;
  choice: Choice;
  index: number;
  onChange: (next: Choice) => void;
  errors?: (path: string) => string | undefined;
  /** This record came from another agency: it is third-party information whatever is ticked (the core flags it too). */
  fixedAgency?: string | null;
  /** A note says where it came from with its own question. */
  note?: boolean;
}) {
  const s = useStyles();
  const third = choice.thirdParty;
  const path = (p: string) => errors?.(`items.${index}.thirdParty.${p}`);
  const agree = (patch: Partial<NonNullable<Choice['thirdParty']>>) => third && onChange({ ...choice, thirdParty: { ...third, ...patch } });
  return (
    <div className={s.options} role="group" aria-label={`About: ${label}`}>
      <Checkbox label="Needed for this purpose" checked={choice.necessary} onChange={(_e, d) => onChange({ ...choice, necessary: d.checked === true })} />
      {fixedAgency ? (
        <Text size={200}>This came from {fixedAgency}: it is their information, and goes nowhere without their agreement (our information sharing policy, 1.3).</Text>
      ) : (
        !note && (
          <Checkbox
            label="It came from another agency (third-party information)"
            checked={!!third}
            onChange={(_e, d) => {
              const { thirdParty: _drop, ...rest } = choice;
              onChange(d.checked ? { ...rest, thirdParty: { agency: '', agencyConsent: false } } : rest);
            }}
          />
        )
      )}
      {(third || fixedAgency) && (
        <div className={s.agency}>
          {!fixedAgency && (
            <Field label="Which agency" required validationMessage={path('agency')}>
              <Input value={third?.agency ?? ''} onChange={(_e, d) => agree({ agency: d.value })} />
            </Field>
          )}
          <Checkbox
            label="That agency agreed to it being passed on"
            checked={third?.agencyConsent ?? false}
            onChange={(_e, d) => onChange({ ...choice, thirdParty: { ...(third ?? { agency: fixedAgency ?? '' }), agencyConsent: d.checked === true } })}
          />
          {third?.agencyConsent && (
            <>
              <Field label="Who there agreed" required validationMessage={path('agreedBy')}>
                <Input value={third.agreedBy ?? ''} onChange={(_e, d) => agree({ agreedBy: d.value })} />
              </Field>
              <Field label="When" required validationMessage={path('agreedOn')}>
                <Input type="date" value={third.agreedOn ?? ''} onChange={(_e, d) => agree({ agreedOn: d.value })} />
              </Field>
              <Field label="How they agreed" required hint="For example, by secure email." validationMessage={path('agreedHow')}>
                <Input value={third.agreedHow ?? ''} onChange={(_e, d) => agree({ agreedHow: d.value })} />
              </Field>
            </>
          )}
        </div>
      )}
    </div>
  );
}
