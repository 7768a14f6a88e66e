import { Button, Field, makeStyles, Radio, RadioGroup, Text, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import SignaturePad from 'signature_pad';
import type { SignerRow } from '../../../shared/contract/agreements';
import { londonDay } from '../../../shared/domain/dates';
import { useChannelMutation } from '../../api';
import { FormDialog } from '../../ui/fields';
import { TextField, useContractForm, useFormSubmit } from '../../ui/forms';
import { contract } from '../../../shared/contract/index';

const useStyles = makeStyles({
  pad: { border: `1px solid ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusMedium, width: '100%', height: '180px', touchAction: 'none', background: '#fff' },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

type Method = 'drawn' | 'typed' | 'paper';

/**
 * One person signs: drawn on screen (a touchpad, a touch screen or a mouse: signature_pad), a typed
 * name with the date, or a note that they signed the paper copy, with the date. The core checks the
 * drawing again (a PNG of sensible size) and who may sign.
 */
export function SignDialog({ childId, version, signer, onClose }: { childId: string; version: number; signer: SignerRow; onClose: () => void }) {
  const s = useStyles();
  const sign = useChannelMutation('agreements.sign', ['agreements']);
  const [method, setMethod] = useState<Method>('drawn');
  const canvas = useRef<HTMLCanvasElement>(null);
  const pad = useRef<SignaturePad | null>(null);
  const [drawError, setDrawError] = useState<string | null>(null);
  const form = useContractForm(contract['agreements.sign'].input, {
    childId,
    version,
    signer: signer.signer,
    signature: { method: 'drawn', image: '' },
  });

  useEffect(() => {
    if (method !== 'drawn' || !canvas.current) return;
    const el = canvas.current;
    // The canvas is drawn at the screen's pixel density, so the signature is sharp on paper.
    const ratio = Math.max(window.devicePixelRatio || 1, 1);
    el.width = el.offsetWidth * ratio;
    el.height = el.offsetHeight * ratio;
    el.getContext('2d')?.scale(ratio, ratio);
    const p = new SignaturePad(el, { backgroundColor: 'rgb(255,255,255)', penColor: 'rgb(0,0,0)' });
    p.addEventListener('endStroke', () => setDrawError(null));
    pad.current = p;
    return () => {
      p.off();
      pad.current = null;
    };
  }, [method]);

  const chooseMethod = (m: Method) => {
    setMethod(m);
    form.clearErrors();
    form.setValue('signature', m === 'drawn' ? { method: 'drawn', image: '' } : m === 'typed' ? { method: 'typed', typedName: signer.name, signedOn: londonDay() } : { method: 'paper', signedOn: londonDay() });
  };

  const { submit, error } = useFormSubmit(form, (v) => sign.mutateAsync(v), onClose);
  const onSubmit = (e: React.FormEvent) => {
    if (method === 'drawn') {
      if (!pad.current || pad.current.isEmpty()) {
        e.preventDefault();
        setDrawError('Draw the signature in the box.');
        canvas.current?.focus();
        return;
      }
      form.setValue('signature', { method: 'drawn', image: pad.current.toDataURL('image/png') });
    }
    submit(e);
  };

  return (
    <FormDialog title={`Signature: ${signer.name}`} submitLabel="Save signature" onSubmit={onSubmit} onClose={onClose} pending={sign.isPending} error={error} wide>
      <Text>
        {signer.describe}. Signing version {version}: if the agreement changes after this, a new version is made and everyone signs again.
      </Text>
      <Field label="How are they signing?">
        <RadioGroup value={method} onChange={(_e, d) => chooseMethod(d.value as Method)} layout="horizontal">
          <Radio value="drawn" label="Draw on screen" />
          <Radio value="typed" label="Type their name" />
          <Radio value="paper" label="Signed on paper" />
        </RadioGroup>
      </Field>
      {method === 'drawn' && (
        <Field label={`${signer.name} signs here`} validationMessage={drawError ?? undefined} validationState={drawError ? 'error' : 'none'} hint="With the touchpad, a touch screen or the mouse.">
          <canvas ref={canvas} className={s.pad} tabIndex={0} aria-label={`Signature box for ${signer.name}`} aria-invalid={drawError ? true : undefined} />
        </Field>
      )}
      {method === 'drawn' && (
        <div className={s.row}>
          <Button onClick={() => pad.current?.clear()}>Clear</Button>
        </div>
      )}
      {method === 'typed' && (
        <>
          <TextField form={form} name="signature.typedName" label="Name typed as their signature" required />
          <TextField form={form} name="signature.signedOn" label="Date" type="date" required />
        </>
      )}
      {method === 'paper' && (
        <>
          <Text>Keep the signed paper copy in the child’s file.</Text>
          <TextField form={form} name="signature.signedOn" label="Date they signed the paper copy" type="date" required />
        </>
      )}
    </FormDialog>
  );
}
