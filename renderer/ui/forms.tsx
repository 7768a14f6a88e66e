import { Field, Input, type InputProps } from '@fluentui/react-components';
import { zodResolver } from '@hookform/resolvers/zod';
import { useController, useForm, type FieldValues, type Path, type UseFormReturn, type DefaultValues, type Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { useState, type FormEvent } from 'react';
import { TwoWayError } from '../../shared/contract/errors';

/** A react-hook-form form validated by a schema from the contract: the same rules as the core. */
export function useContractForm<S extends z.ZodType<FieldValues, FieldValues>>(schema: S, defaultValues: DefaultValues<z.input<S>>) {
  return useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(schema as never) as unknown as Resolver<z.input<S>, unknown, z.output<S>>,
    defaultValues,
    // Checked when submitted, then again as each answer is corrected. Not on leaving a field: a
    // message appearing on blur moves the button under the pointer, and the click that caused
    // the blur is lost (the form seemed to do nothing).
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
}

/**
 * Shows the core's field messages beside the fields (the core validates again: the renderer is not trusted).
 * Returns the message for the form as a whole.
 */
export function applyServerError<T extends FieldValues>(
  form: UseFormReturn<T, unknown, FieldValues>,
  error: unknown,
  prefix: string[] = [],
  /** The core's names for fields this form asks for differently (`observedAt` -> `observedDay`). */
  renames: Record<string, string> = {},
): string {
  if (error instanceof TwoWayError) {
    const unshown: string[] = [];
    for (const issue of error.issues ?? []) {
      const corePath = [...prefix, ...issue.path].join('.');
      const path = renames[corePath] ?? corePath;
      if (!path) continue;
      form.setError(path as Path<T>, { type: 'server', message: issue.message });
      // A message for a field this form does not show would be lost: it goes with the form's own message.
      if (!isShownField(form, path) && !unshown.includes(issue.message)) unshown.push(issue.message);
    }
    return [error.message, ...unshown].join(' ');
  }
  return 'Something went wrong. Try again.';
}

/**
 * Whether the form shows a field of this name (registered directly or through a controller).
 * react-hook-form keeps the names of mounted fields in `control._names.mount`; it has no public
 * way to ask, and a message for an unmounted field is never seen.
 */
function isShownField<T extends FieldValues>(form: UseFormReturn<T, unknown, FieldValues>, path: string): boolean {
  const names = (form.control as unknown as { _names?: { mount?: Set<string> } })._names?.mount;
  return names ? names.has(path) : true;
}

interface TextFieldProps<T extends FieldValues> extends Omit<InputProps, 'form' | 'name'> {
  form: UseFormReturn<T, unknown, FieldValues>;
  name: Path<T>;
  label: string;
  hint?: string;
  required?: boolean;
}

/** A labelled input whose error shows beside it; what was typed stays when validation fails. */
export function TextField<T extends FieldValues>({ form, name, label, hint, required, ...inputProps }: TextFieldProps<T>) {
  const error = name.split('.').reduce<unknown>((acc, key) => (acc as Record<string, unknown> | undefined)?.[key], form.formState.errors) as
    | { message?: string }
    | undefined;
  // Controlled: Fluent's Input keeps its own value, so a default or reset value must be passed in, not set on the element.
  const { field } = useController({ control: form.control, name });
  return (
    <Field label={label} hint={hint} required={required} validationMessage={error?.message} validationState={error?.message ? 'error' : 'none'}>
      <Input
        {...inputProps}
        ref={field.ref}
        name={field.name}
        value={field.value === undefined || field.value === null ? '' : String(field.value)}
        onChange={(_ev, data) => field.onChange(data.value)}
        onBlur={field.onBlur}
      />
    </Field>
  );
}

/**
 * After a refused submit, moves focus to the form's first error (in the order the fields are shown)
 * and scrolls it into view: an error below the fold of a dialog otherwise looks like nothing happened.
 * A field's own control is focused; a group's message (checkboxes) focuses the group's first control;
 * a form-wide message is focused itself. Waits a few frames for React to show the messages.
 */
export function focusFirstError(formElement: HTMLElement, framesLeft = 6): void {
  requestAnimationFrame(() => {
    if (!formElement.isConnected) return; // closed on success
    // A Fluent field's message marks its field even where the control itself is not marked invalid
    // (a Dropdown is a button: Fluent sets no aria-invalid on it).
    const first = formElement.querySelector<HTMLElement>('[aria-invalid="true"], [role="alert"], .fui-Field__validationMessage');
    if (!first) {
      if (framesLeft > 0) focusFirstError(formElement, framesLeft - 1);
      return;
    }
    const around = first.classList.contains('fui-Field__validationMessage')
      ? first.closest<HTMLElement>('.fui-Field')
      : first.getAttribute('role') === 'alert'
        ? first.closest<HTMLElement>('[role="group"], [role="radiogroup"], fieldset')
        : null;
    // Only a group inside the form: a form-wide message in a form that sits in a Card (role="group")
    // would otherwise send focus to the Card's first field.
    const group = around && formElement.contains(around) ? around : null;
    const control = group?.querySelector<HTMLElement>('input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled])');
    const target = control ?? first;
    if (target === first && first.getAttribute('role') === 'alert') first.tabIndex = -1;
    target.focus({ preventScroll: true });
    (group ?? first).scrollIntoView({ block: 'center', behavior: 'instant' });
  });
}

/** Wraps a form's submit handler so that a refusal (the schema's or the core's) moves focus to the first error. */
export function withErrorFocus(handler: (e: FormEvent) => Promise<void>): (e: FormEvent) => void {
  return (e) => {
    const formElement = e.currentTarget as HTMLElement; // gone from the event once it has been handled
    // After react-hook-form's own focus of the first field it registered (it focuses again in a
    // timer): ours comes later and goes by what the user sees, top first.
    void handler(e).then(() => setTimeout(() => focusFirstError(formElement)));
  };
}

/**
 * Submits a contract form: runs the action, shows the core's field errors beside the fields and the
 * rest above the buttons, and moves focus to the first error. What was typed stays in the form when
 * anything is refused.
 */
export function useFormSubmit<T extends FieldValues, Out>(
  form: UseFormReturn<T, unknown, Out>,
  action: (values: Out) => Promise<unknown>,
  onDone: () => void,
  /** The core's names for fields this form asks for differently (see applyServerError). */
  renames: Record<string, string> = {},
) {
  const [error, setError] = useState<string | null>(null);
  const handler = form.handleSubmit(async (values) => {
    setError(null);
    try {
      await action(values);
      onDone();
    } catch (e) {
      setError(applyServerError(form as unknown as UseFormReturn<FieldValues, unknown, FieldValues>, e, [], renames));
    }
  });
  return { submit: withErrorFocus(handler), error };
}
