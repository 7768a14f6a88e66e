import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Label,
  makeStyles,
  Select,
  Text,
  Textarea,
  tokens,
  useId,
} from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import { Controller, useController, type FieldValues, type Path, type UseFormReturn } from 'react-hook-form';
import { SESSION_LABELS, SESSIONS, WEEKDAY_LABELS, WEEKDAYS, type DaySession, type Weekday } from '../../shared/domain/weekdays';
import { ErrorBar } from './Page';

// Form pieces beyond TextField (renderer/ui/forms.tsx): each shows its error beside the field and
// keeps what was typed when validation fails.

type Form<T extends FieldValues> = UseFormReturn<T, unknown, FieldValues>;

export function errorOf<T extends FieldValues>(form: Form<T>, name: string): string | undefined {
  const e = name.split('.').reduce<unknown>((acc, key) => (acc as Record<string, unknown> | undefined)?.[key], form.formState.errors) as
    | { message?: string; root?: { message?: string } }
    | undefined;
  return e?.message ?? e?.root?.message;
}

const state = (message?: string) => (message ? ('error' as const) : ('none' as const));

export function SelectField<T extends FieldValues>({
  form,
  name,
  label,
  hint,
  required,
  options,
  emptyLabel,
  nullWhenEmpty,
}: {
  form: Form<T>;
  name: Path<T>;
  label: string;
  hint?: string;
  required?: boolean;
  options: readonly { value: string; label: string; disabled?: boolean }[];
  /** Adds a first, empty choice with this label. */
  emptyLabel?: string;
  /** The empty choice is sent as null (for optional links such as a key person). */
  nullWhenEmpty?: boolean;
}) {
  const message = errorOf(form, name);
  // Controlled, so a value whose option arrives later (a list still loading) still shows.
  return (
    <Controller
      control={form.control}
      name={name}
      render={({ field }) => (
        <Field label={label} hint={hint} required={required} validationMessage={message} validationState={state(message)}>
          <Select
            ref={field.ref}
            name={field.name}
            value={(field.value as string | null | undefined) ?? ''}
            onChange={(_e, d) => field.onChange(nullWhenEmpty && d.value === '' ? null : d.value)}
            onBlur={field.onBlur}
          >
            {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
            {options.map((o) => (
              <option key={o.value} value={o.value} disabled={o.disabled}>
                {o.label}
              </option>
            ))}
          </Select>
        </Field>
      )}
    />
  );
}

export function TextAreaField<T extends FieldValues>({
  form,
  name,
  label,
  hint,
  required,
  rows = 3,
}: {
  form: Form<T>;
  name: Path<T>;
  label: string;
  hint?: string;
  required?: boolean;
  rows?: number;
}) {
  const message = errorOf(form, name);
  // Controlled, like TextField: Fluent's Textarea keeps its own value.
  const { field } = useController({ control: form.control, name });
  return (
    <Field label={label} hint={hint} required={required} validationMessage={message} validationState={state(message)}>
      <Textarea
        ref={field.ref}
        name={field.name}
        rows={rows}
        resize="vertical"
        value={(field.value as string | null | undefined) ?? ''}
        onChange={(_ev, d) => field.onChange(d.value)}
        onBlur={field.onBlur}
      />
    </Field>
  );
}

export function CheckboxField<T extends FieldValues>({ form, name, label }: { form: Form<T>; name: Path<T>; label: string }) {
  return (
    <Controller
      control={form.control}
      name={name}
      render={({ field }) => <Checkbox label={label} checked={field.value === true} onChange={(_e, d) => field.onChange(d.checked === true)} />}
    />
  );
}

/** Yes / no as two radio-like choices (parental responsibility must be answered, not defaulted). */
export function YesNoField<T extends FieldValues>({ form, name, label, hint }: { form: Form<T>; name: Path<T>; label: string; hint?: string }) {
  const message = errorOf(form, name);
  return (
    <Controller
      control={form.control}
      name={name}
      render={({ field }) => (
        <Field label={label} hint={hint} required validationMessage={message} validationState={state(message)}>
          <Select
            value={field.value === true ? 'yes' : field.value === false ? 'no' : ''}
            onChange={(_e, d) => field.onChange(d.value === 'yes' ? true : d.value === 'no' ? false : undefined)}
            onBlur={field.onBlur}
            aria-label={label}
          >
            <option value="">Choose…</option>
            <option value="yes">Yes</option>
            <option value="no">No</option>
          </Select>
        </Field>
      )}
    />
  );
}

const useGroupStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  hint: { color: tokens.colorNeutralForeground3 },
  error: { color: tokens.colorPaletteRedForeground1 },
});

/**
 * A labelled group of several controls (checkboxes, a row per setting). Not a Fluent Field: a Field
 * hands its label and id to one control, so every checkbox inside it would be named after the group.
 */
export function GroupField({ label, hint, required, message, children }: { label: string; hint?: string; required?: boolean; message?: string; children: ReactNode }) {
  const s = useGroupStyles();
  const id = useId('group');
  return (
    <div role="group" aria-labelledby={id} className={s.group}>
      <Label id={id} required={required}>
        {label}
      </Label>
      {children}
      {hint && (
        <Text size={200} className={s.hint}>
          {hint}
        </Text>
      )}
      {message && (
        <Text size={200} className={s.error} role="alert">
          {message}
        </Text>
      )}
    </div>
  );
}

/**
 * A whole number, controlled: Fluent's Input keeps its own value, so a value registered on the
 * element (react-hook-form's `register`) is never shown. Empty is NaN, which the schema refuses.
 */
export function NumberField<T extends FieldValues>({ form, name, label, hint, required }: { form: Form<T>; name: Path<T>; label: string; hint?: string; required?: boolean }) {
  const { field, fieldState } = useController({ control: form.control, name });
  const err = fieldState.error?.message;
  return (
    <Field label={label} hint={hint} required={required} validationMessage={err} validationState={state(err)}>
      <Input
        type="number"
        ref={field.ref}
        name={field.name}
        value={typeof field.value === 'number' && Number.isFinite(field.value) ? String(field.value) : ''}
        onChange={(_e, d) => field.onChange(d.value.trim() === '' ? Number.NaN : Number(d.value))}
        onBlur={field.onBlur}
      />
    </Field>
  );
}

/** Several choices as checkboxes, kept as a list of the chosen values (who is invited to a meeting). */
export function ChecklistField<T extends FieldValues>({
  form,
  name,
  label,
  hint,
  options,
}: {
  form: Form<T>;
  name: Path<T>;
  label: string;
  hint?: string;
  options: readonly { value: string; label: string }[];
}) {
  const message = errorOf(form, name);
  return (
    <Controller
      control={form.control}
      name={name}
      render={({ field }) => {
        const value = (field.value ?? []) as string[];
        return (
          <GroupField label={label} hint={hint} message={message}>
            {options.map((o) => (
              <Checkbox
                key={o.value}
                label={o.label}
                checked={value.includes(o.value)}
                onChange={(_e, d) => field.onChange(d.checked ? [...value, o.value] : value.filter((v) => v !== o.value))}
              />
            ))}
          </GroupField>
        );
      }}
    />
  );
}

const useDaysStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))', gap: tokens.spacingHorizontalS },
  day: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
});

type Day = { day: Weekday; session: DaySession };

/** Which days (and which part of each day) a child attends. */
export function DaysField<T extends FieldValues>({ form, name, label, hint, weekend = false }: { form: Form<T>; name: Path<T>; label: string; hint?: string; weekend?: boolean }) {
  const s = useDaysStyles();
  const message = errorOf(form, name);
  const days = weekend ? WEEKDAYS : WEEKDAYS.slice(0, 5);
  return (
    <Controller
      control={form.control}
      name={name}
      render={({ field }) => {
        const value = ((field.value ?? []) as Day[]).slice();
        const set = (next: Day[]) => field.onChange(next.sort((a, b) => WEEKDAYS.indexOf(a.day) - WEEKDAYS.indexOf(b.day)));
        return (
          <GroupField label={label} hint={hint} message={message}>
            <div className={s.grid}>
              {days.map((d) => {
                const current = value.find((v) => v.day === d);
                return (
                  <div key={d} className={s.day}>
                    <Checkbox
                      label={WEEKDAY_LABELS[d]}
                      checked={!!current}
                      onChange={(_e, data) => set(data.checked ? [...value, { day: d, session: 'all-day' }] : value.filter((v) => v.day !== d))}
                    />
                    {current && (
                      <Select
                        size="small"
                        aria-label={`${WEEKDAY_LABELS[d]} session`}
                        value={current.session}
                        onChange={(_e, data) => set(value.map((v) => (v.day === d ? { ...v, session: data.value as DaySession } : v)))}
                      >
                        {SESSIONS.map((x) => (
                          <option key={x} value={x}>
                            {SESSION_LABELS[x]}
                          </option>
                        ))}
                      </Select>
                    )}
                  </div>
                );
              })}
            </div>
          </GroupField>
        );
      }}
    />
  );
}

/** A comma-separated list typed as text (e.g. home languages), kept as typed while editing. */
export function ListTextField<T extends FieldValues>({ form, name, label, hint }: { form: Form<T>; name: Path<T>; label: string; hint?: string }) {
  const message = errorOf(form, name);
  return (
    <Controller
      control={form.control}
      name={name}
      render={({ field }) => <ListInput label={label} hint={hint} message={message} initial={(field.value ?? []) as string[]} onChange={field.onChange} />}
    />
  );
}

function ListInput({ label, hint, message, initial, onChange }: { label: string; hint?: string; message?: string; initial: string[]; onChange: (v: string[]) => void }) {
  const [raw, setRaw] = useState(initial.join(', '));
  return (
    <Field label={label} hint={hint} validationMessage={message} validationState={state(message)}>
      <Input
        value={raw}
        onChange={(_e, d) => {
          setRaw(d.value);
          onChange(
            d.value
              .split(',')
              .map((x) => x.trim())
              .filter(Boolean),
          );
        }}
      />
    </Field>
  );
}

const useDialogStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  wide: { maxWidth: '760px', width: '100%' },
});


/** A dialog around a form: title, fields, the form-wide error, Cancel and the submit button. */
export function FormDialog({
  title,
  submitLabel,
  onSubmit,
  onClose,
  pending,
  error,
  wide,
  cancelLabel = 'Cancel',
  children,
}: {
  title: string;
  submitLabel: string;
  /** The button that closes without saving (when "Cancel" would be ambiguous). */
  cancelLabel?: string;
  onSubmit: (e: React.FormEvent) => void;
  onClose: () => void;
  pending?: boolean;
  error?: string | null;
  wide?: boolean;
  children: ReactNode;
}) {
  const s = useDialogStyles();
  return (
    <Dialog open onOpenChange={(_e, d) => !d.open && onClose()}>
      <DialogSurface className={wide ? s.wide : undefined}>
        <form onSubmit={onSubmit} noValidate>
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent className={s.form}>
              {children}
              <ErrorBar error={error ?? null} />
            </DialogContent>
            <DialogActions>
              <Button onClick={onClose}>{cancelLabel}</Button>
              <Button appearance="primary" type="submit" disabled={pending}>
                {submitLabel}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

/** For a group of fields shared by two forms (add and edit): the group names its fields itself. */
export type AnyForm = UseFormReturn<FieldValues, unknown, FieldValues>;
export const asAnyForm = (form: unknown) => form as AnyForm;
