import { useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import type { ChannelName, InputOf, OutputOf } from '../shared/contract/index';
import { envelopeSchema, TwoWayError } from '../shared/contract/errors';

declare global {
  interface Window {
    /** The only thing the preload (or the preview shim) exposes. */
    twoway: { invoke(channel: string, input: unknown): Promise<unknown> };
  }
}

/** Listeners told when a call finds TwoWay locked (idle lock, or locked in another way). */
const lockedListeners = new Set<() => void>();
export function onLocked(fn: () => void): () => void {
  lockedListeners.add(fn);
  return () => lockedListeners.delete(fn);
}

/** TwoWay locked itself (after a restore or its undo): show the login screen. */
export function announceLocked(): void {
  for (const fn of lockedListeners) fn();
}

/** Listeners told when a call finds the screen hidden (auth.hide), e.g. by another window. */
const hiddenListeners = new Set<() => void>();
export function onScreenHidden(fn: () => void): () => void {
  hiddenListeners.add(fn);
  return () => hiddenListeners.delete(fn);
}

/**
 * Issue 18: the safeguarding area may answer `step-up-needed`. The shell registers a prompt that asks
 * for the password (auth.confirm) and says whether it was given; several refused reads share one prompt.
 */
let stepUpPrompt: (() => Promise<boolean>) | null = null;
let stepUpPending: Promise<boolean> | null = null;
export function setStepUpPrompt(fn: (() => Promise<boolean>) | null): void {
  stepUpPrompt = fn;
}

/** The typed client: channel names and shapes come from the contract, never typed here. */
export async function invoke<C extends ChannelName>(channel: C, ...input: undefined extends InputOf<C> ? [InputOf<C>?] : [InputOf<C>]): Promise<OutputOf<C>> {
  const send = async () => envelopeSchema.parse(await window.twoway.invoke(channel, input[0]));
  let envelope = await send();
  if (!envelope.ok && envelope.error.code === 'step-up-needed' && stepUpPrompt) {
    stepUpPending ??= stepUpPrompt().finally(() => (stepUpPending = null));
    // Tried once more after the password is confirmed; a second refusal is shown as it is.
    if (await stepUpPending) envelope = await send();
  }
  if (!envelope.ok) {
    const error = TwoWayError.fromBody(envelope.error);
    if (error.code === 'not-logged-in') for (const fn of lockedListeners) fn();
    if (error.code === 'screen-hidden') for (const fn of hiddenListeners) fn();
    throw error;
  }
  return envelope.value as OutputOf<C>;
}

/** A read through react-query, keyed by channel and input so related writes can refresh it. */
export function useChannel<C extends ChannelName>(
  channel: C,
  input?: InputOf<C>,
  options: Omit<UseQueryOptions<OutputOf<C>, TwoWayError>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<OutputOf<C>, TwoWayError>({
    queryKey: [channel, input ?? null],
    queryFn: () => (invoke as (c: C, i?: InputOf<C>) => Promise<OutputOf<C>>)(channel, input),
    ...options,
  });
}

/** A write; on success every cached read of the listed features (by default the channel's own) is refreshed. */
export function useChannelMutation<C extends ChannelName>(channel: C, refresh: string[] = [channel.split('.')[0]]) {
  const client = useQueryClient();
  return useMutation<OutputOf<C>, TwoWayError, InputOf<C>>({
    mutationFn: (input) => (invoke as (c: C, i: InputOf<C>) => Promise<OutputOf<C>>)(channel, input),
    onSuccess: async () => {
      await client.invalidateQueries({ predicate: (q) => refresh.some((p) => String(q.queryKey[0]).startsWith(`${p}.`)) });
    },
  });
}

export function errorMessage(error: unknown): string {
  if (error instanceof TwoWayError) return error.message;
  return 'Something went wrong. Try again.';
}
