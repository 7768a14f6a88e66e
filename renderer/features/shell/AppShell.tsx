import { Button, makeStyles, mergeClasses, Text, tokens, Tooltip, useArrowNavigationGroup } from '@fluentui/react-components';
import { EyeOffRegular, LockClosedRegular, PersonRegular } from '@fluentui/react-icons';
import type { Session } from '../../../shared/contract/auth';
import { ROLE_LABELS } from '../../../shared/contract/define';
import { href, useRoute } from '../../router';
import { areasFor } from './areas';
import { UnreadConcernsBadge } from '../concerns/HomeCard';
import { AreaRoutes } from './AreaRoutes';

const useStyles = makeStyles({
  root: { display: 'grid', gridTemplateRows: 'auto 1fr', gridTemplateColumns: '220px 1fr', height: '100vh' },
  top: {
    gridColumn: '1 / 3',
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  brand: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  spacer: { flexGrow: 1 },
  user: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  nav: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingVerticalM,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    overflowY: 'auto',
  },
  link: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground1,
    textDecorationLine: 'none',
    fontSize: tokens.fontSizeBase300,
    ':hover': { backgroundColor: tokens.colorNeutralBackground2Hover },
  },
  active: { backgroundColor: tokens.colorNeutralBackground1Selected, fontWeight: tokens.fontWeightSemibold, color: tokens.colorBrandForeground1 },
  planned: { color: tokens.colorNeutralForeground3 },
  soon: { marginLeft: 'auto', fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground3 },
  main: { overflowY: 'auto', backgroundColor: tokens.colorNeutralBackground1 },
});

/** The frame after login: the user's name and the Hide screen and Lock buttons always visible, areas by role. */
export function AppShell({ session, settingName, onLock, onHide }: { session: Session; settingName: string; onLock: () => void; onHide: () => void }) {
  const s = useStyles();
  const route = useRoute();
  const areas = areasFor(session.roles);
  const current = route.segments[0] ?? 'home';
  // Arrow keys move through the menu. It also keeps Fluent's focus manager (tabster) alive for the whole
  // session: otherwise a page whose only tabster user is a dialog loses it when the dialog closes, and the
  // aria-hidden the dialog put on the rest of the page is never taken off (screen readers then see nothing).
  const navKeys = useArrowNavigationGroup({ axis: 'vertical', circular: true, tabbable: true });
  return (
    <div className={mergeClasses(s.root, 'screen-only')}>
      <header className={s.top}>
        <span className={s.brand}>TwoWay</span>
        <Text>{settingName}</Text>
        <span className={s.spacer} />
        <Tooltip content={session.roles.map((r) => ROLE_LABELS[r]).join(', ')} relationship="description">
          <a href={href('/account')} className={s.user} style={{ color: 'inherit' }} data-testid="current-user">
            <PersonRegular /> {session.fullName}
          </a>
        </Tooltip>
        <Tooltip content="Blanks the screen at once until you type your password. Or press Esc twice." relationship="description">
          <Button icon={<EyeOffRegular />} onClick={onHide} appearance="secondary">
            Hide screen
          </Button>
        </Tooltip>
        <Button icon={<LockClosedRegular />} onClick={onLock} appearance="secondary">
          Lock
        </Button>
      </header>
      <nav className={s.nav} aria-label="Main" {...navKeys}>
        {areas.map((a) => (
          <a
            key={a.id}
            href={href(`/${a.id}`)}
            className={mergeClasses(s.link, a.planned && s.planned, current === a.id && s.active)}
            aria-current={current === a.id ? 'page' : undefined}
          >
            {a.icon}
            {a.label}
            {a.planned && <span className={s.soon}>coming later</span>}
            {a.id === 'concerns' && <UnreadConcernsBadge session={session} />}
          </a>
        ))}
      </nav>
      <main className={s.main}>
        <AreaRoutes session={session} route={route} areas={areas} />
      </main>
    </div>
  );
}
