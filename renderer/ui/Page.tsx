import { makeStyles, MessageBar, MessageBarBody, Spinner, Title2, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { errorMessage } from '../api';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, padding: tokens.spacingHorizontalXXL, maxWidth: '1200px' },
  header: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: '0',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
});

/** A screen's frame: a title, optional actions on the right, the content below. */
export function Page({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) {
  const s = useStyles();
  return (
    <section className={s.page} aria-label={title}>
      <div className={s.header}>
        <Title2 as="h1">{title}</Title2>
        {actions && <div className={s.actions}>{actions}</div>}
      </div>
      {children}
    </section>
  );
}

export function ErrorBar({ error, title }: { error: unknown; title?: string }) {
  if (!error) return null;
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        {title ? <strong>{title} </strong> : null}
        {typeof error === 'string' ? error : errorMessage(error)}
      </MessageBarBody>
    </MessageBar>
  );
}

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return <Spinner label={label} />;
}

/** Words for screen readers only: what a sighted user gets from a tooltip, an icon or the layout around it. */
export function VisuallyHidden({ children }: { children: ReactNode }) {
  const s = useStyles();
  return <span className={s.visuallyHidden}>{children}</span>;
}
