import { Button, makeStyles, MessageBar, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import { PrintRegular } from '@fluentui/react-icons';
import { PrintPortal } from '../../print/PrintPortal';
import { RecoverySheet } from '../../print/RecoverySheet';

const useStyles = makeStyles({
  key: {
    display: 'grid',
    gridTemplateColumns: 'repeat(4, auto)',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    justifyContent: 'center',
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase600,
    padding: tokens.spacingVerticalL,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
    letterSpacing: '0.1em',
  },
});

/** The recovery key in groups of four, with a printable sheet. Shown once, straight after setup. */
export function RecoveryKeyView({ recoveryKey, settingName }: { recoveryKey: string; settingName: string }) {
  const s = useStyles();
  return (
    <>
      <MessageBar intent="warning">
        <MessageBarBody>
          This is the only time TwoWay shows this key. If every administrator forgets their password, it is the only way back into your
          records.
        </MessageBarBody>
      </MessageBar>
      <div className={s.key} data-testid="recovery-key" role="group" aria-label="Recovery key">
        {recoveryKey.split('-').map((group, i) => (
          <span key={i}>{group}</span>
        ))}
      </div>
      <Text>Copy it by hand or print the recovery sheet, then keep it locked away from this laptop (for example in the office safe).</Text>
      <Button icon={<PrintRegular />} onClick={() => window.print()}>
        Print recovery sheet
      </Button>
      <PrintPortal>
        <RecoverySheet recoveryKey={recoveryKey} settingName={settingName} />
      </PrintPortal>
    </>
  );
}
