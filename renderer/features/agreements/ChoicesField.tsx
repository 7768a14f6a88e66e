import { Checkbox } from '@fluentui/react-components';
import { Controller, type FieldValues, type Path, type UseFormReturn } from 'react-hook-form';
import { errorOf, GroupField } from '../../ui/fields';

/** Several choices from a fixed list (ways of sharing, areas of learning), kept in the list's order. */
export function ChoicesField<T extends FieldValues, V extends string>({
  form,
  name,
  label,
  hint,
  required,
  options,
}: {
  form: UseFormReturn<T, unknown, FieldValues>;
  name: Path<T>;
  label: string;
  hint?: string;
  required?: boolean;
  options: readonly { value: V; label: string }[];
}) {
  const message = errorOf(form, name);
  return (
    <Controller
      control={form.control}
      name={name}
      render={({ field }) => {
        const value = (field.value ?? []) as V[];
        return (
          <GroupField label={label} hint={hint} required={required} message={message}>
            {options.map((o) => (
              <Checkbox
                key={o.value}
                label={o.label}
                checked={value.includes(o.value)}
                onChange={(_e, d) => field.onChange(options.map((x) => x.value).filter((x) => (x === o.value ? d.checked === true : value.includes(x))))}
              />
            ))}
          </GroupField>
        );
      }}
    />
  );
}
